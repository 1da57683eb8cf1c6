// Forecasts: seeded through the typed API; Describe, List, Delete.
#include <algorithm>

#include "forecast/errors.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

ForecastInfo Service::InfoOf(const ForecastResource& f, Timestamp now) const {
  ForecastInfo info;
  info.arn = f.arn;
  info.name = f.name;
  info.status = std::string(StatusName(f.life.status));
  info.message = f.life.message;
  info.forecast_types = f.data.forecast_types;
  info.predictor_arn = f.predictor_arn;
  info.dataset_group_arn = f.dataset_group_arn;
  info.created_using_auto_predictor = f.created_using_auto_predictor;
  info.creation_time = f.life.creation_time;
  info.last_modification_time = f.life.LastModificationTime(now);
  return info;
}

Outcome<std::string> Service::PutForecast(const ForecastSpec& spec) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  if (!IsValidFrequency(spec.frequency)) {
    return InvalidInput("The frequency " + spec.frequency + " is not one of Y, M, W, D, H, 30min, 15min, 10min, 5min, 1min");
  }
  if (spec.horizon < 0) return InvalidInput("The horizon must not be negative");
  for (const auto& row : spec.rows) {
    if (row.values.size() != spec.forecast_types.size()) {
      return InvalidInput("Row for item " + row.item_id + " has " + std::to_string(row.values.size()) +
                          " values for " + std::to_string(spec.forecast_types.size()) + " forecast types");
    }
  }
  auto status = ParseStatus(spec.status);
  if (!status) return InvalidInput("Unknown status " + spec.status);
  if (auto ok = CheckNewTags(spec.tags); !ok) return ok.error();

  const std::string arn = arns_.Forecast(spec.name);
  if (resources_.count(arn)) return ResourceAlreadyExists("forecast", arn);

  auto f = std::make_unique<ForecastResource>();
  f->arn = arn;
  f->name = spec.name;
  f->data = spec;
  f->tags = spec.tags;
  f->predictor_arn = spec.predictor_arn.empty() ? arns_.Make("predictor", spec.name + "_predictor")
                                                : spec.predictor_arn;
  f->dataset_group_arn = spec.dataset_group_arn.empty()
                             ? arns_.Make("dataset-group", spec.name + "_dsg")
                             : spec.dataset_group_arn;
  f->life.frozen = true;
  Insert(std::move(f), *status, now);
  return arn;
}

Outcome<Done> Service::SetForecastStatus(const std::string& arn, Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  Unschedule(*f);
  f->life.frozen = true;
  SetStatus(*f, status, now);
  return Done{};
}

Outcome<ForecastInfo> Service::DescribeForecast(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  return InfoOf(*f, now);
}

Outcome<Page<ForecastInfo>> Service::ListForecasts(const ListQuery& query) {
  std::lock_guard<std::mutex> lock(mu_);
  return List<ForecastResource, ForecastInfo>(
      "ListForecasts", query, {"DatasetGroupArn", "PredictorArn", "Status"},
      [](const ForecastResource& f, const std::string& key) {
        if (key == "DatasetGroupArn") return f.dataset_group_arn;
        if (key == "PredictorArn") return f.predictor_arn;
        return std::string(StatusName(f.life.status));
      });
}

Outcome<Done> Service::DeleteForecast(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  // "You can delete only forecasts that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteForecast).
  if (f->life.status != Status::kActive && f->life.status != Status::kCreateFailed) {
    return CannotDeleteInStatus(f->Words(), arn, StatusName(f->life.status));
  }
  // A forecast with export jobs is a resource tree: DeleteResourceTree
  // removes it (wire-format.md §3.4).
  for (auto* job : All<ForecastExportJobResource>()) {
    if (job->forecast_arn == arn) return ResourceHasChildren(f->Words(), arn, "forecast export jobs");
  }
  BeginDelete(*f, now);
  return Done{};
}

}  // namespace fakeaws::forecast
