#include "fakeaws/forecast.h"
#include "forecast/errors.h"
#include "pipeline/core.h"
#include "protocol/json_writer.h"
#include "protocol/model.h"
#include "protocol/validation.h"

namespace fakeaws {
namespace {

// The typed API's answers, from the views Describe and List take.
ForecastInfo InfoOf(const forecast::ForecastView& view) {
  ForecastInfo info;
  info.arn = view.arn;
  info.name = view.name;
  info.status = view.status;
  info.message = view.message;
  info.created_using_auto_predictor = view.created_using_auto_predictor;
  info.forecast_types = view.forecast_types;
  info.predictor_arn = view.predictor_arn;
  info.dataset_group_arn = view.dataset_group_arn;
  info.creation_time = view.creation_time;
  info.last_modification_time = view.last_modification_time;
  return info;
}

ForecastExportJobInfo InfoOf(const forecast::ForecastExportJobView& view) {
  ForecastExportJobInfo info;
  info.arn = view.arn;
  info.name = view.name;
  info.forecast_arn = view.forecast_arn;
  info.destination_path = view.destination.path;
  info.role_arn = view.destination.role_arn;
  info.kms_key_arn = view.destination.kms_key_arn;
  info.format = view.format;
  info.status = view.status;
  info.message = view.message;
  info.creation_time = view.creation_time;
  info.last_modification_time = view.last_modification_time;
  if (view.exported_objects) info.exported_objects = *view.exported_objects;
  for (const auto& t : view.tags) info.tags.push_back({t.key, t.value});
  return info;
}

}  // namespace

Outcome<std::string> ForecastApi::PutForecast(const ForecastSpec& spec) {
  // The name gets the ValidationException CreateForecast's model would give.
  const auto& model = protocol::ServiceModel::Get("forecast");
  if (const auto* op = model.FindOperation("CreateForecast")) {
    std::string body = R"({"PredictorArn":"arn:aws:forecast:::x","ForecastName":)";
    protocol::AppendJsonString(&body, spec.name);
    body += "}";
    auto doc = protocol::ParseJson(body);
    if (doc == nullptr) return forecast::InvalidInput("The forecast name is not valid UTF-8");
    if (auto error = protocol::CheckConstraints(*op->input, doc->root())) return *error;
  }
  return core_->forecast.PutForecast(spec);
}

Outcome<Done> ForecastApi::SetForecastStatus(const std::string& arn, const std::string& status) {
  auto parsed = forecast::ParseStatus(status);
  if (!parsed) return forecast::InvalidInput("Unknown status " + status);
  return core_->forecast.SetForecastStatus(arn, *parsed);
}

std::optional<ForecastInfo> ForecastApi::GetForecast(const std::string& arn) const {
  auto r = core_->forecast.DescribeForecast(arn);
  if (!r.ok()) return std::nullopt;
  return InfoOf(r.value());
}

std::optional<ForecastExportJobInfo> ForecastApi::GetForecastExportJob(const std::string& arn) const {
  auto r = core_->forecast.DescribeForecastExportJob(arn);
  if (!r.ok()) return std::nullopt;
  return InfoOf(r.value());
}

std::vector<ForecastExportJobInfo> ForecastApi::ListForecastExportJobs() const {
  std::vector<ForecastExportJobInfo> out;
  for (const auto& view : core_->forecast.AllForecastExportJobs()) out.push_back(InfoOf(view));
  return out;
}

std::string ForecastApi::ForecastArn(const std::string& name) const {
  return core_->forecast.arns().Forecast(name);
}

std::string ForecastApi::ForecastExportJobArn(const std::string& forecast_name,
                                              const std::string& job_name) const {
  return core_->forecast.arns().ForecastExportJob(forecast_name, job_name);
}

std::string ForecastApi::RoleArn(const std::string& role_name) const {
  return core_->forecast.arns().IamRole(role_name);
}

void ForecastApi::AddRole(const std::string& role_arn) { core_->forecast.AddRole(role_arn); }

}  // namespace fakeaws
