// Predictors: CreatePredictor (legacy) and CreateAutoPredictor, Describe,
// List, Delete, GetAccuracyMetrics. Training fits the seasonal model of
// seasonal_model.h to the dataset group's target time series.
#include <algorithm>

#include "forecast/domains.h"
#include "forecast/errors.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

const std::vector<std::string> kDefaultForecastTypes{"0.1", "0.5", "0.9"};

// "You can specify up to five forecast types" (API_CreateAutoPredictor).
constexpr int kAutoPredictorForecastTypes = 5;
// "Maximum forecast horizon: ... the lesser of 500 data points or ..." (limits.md).
constexpr int kMaxHorizon = 500;

bool IsClassicalAlgorithm(const std::string& arn) {
  return arn == "arn:aws:forecast:::algorithm/ETS" || arn == "arn:aws:forecast:::algorithm/NPTS" ||
         arn == "arn:aws:forecast:::algorithm/Prophet" || arn == "arn:aws:forecast:::algorithm/ARIMA";
}

// Members a request may not carry, with why (API_CreatePredictor's AutoML
// section; API_CreateAutoPredictor's retraining section).
Outcome<Done> CheckSettings(const CreatePredictorInput& in) {
  const PredictorSettings& s = in.settings;
  if (in.is_auto) {
    if (!s.reference_predictor_arn.empty()) {
      const char* why = "when retraining or upgrading a predictor with ReferencePredictorArn";
      if (!s.dataset_group_arn.empty()) return ConflictingPredictorMember("DataConfig", why);
      if (s.horizon) return ConflictingPredictorMember("ForecastHorizon", why);
      if (!s.frequency.empty()) return ConflictingPredictorMember("ForecastFrequency", why);
      if (!s.forecast_types.empty()) return ConflictingPredictorMember("ForecastTypes", why);
      if (!s.dimensions.empty()) return ConflictingPredictorMember("ForecastDimensions", why);
      return Done{};
    }
    if (s.dataset_group_arn.empty()) return MissingPredictorMember("DataConfig");
    if (!s.horizon) return MissingPredictorMember("ForecastHorizon");
    if (s.frequency.empty()) return MissingPredictorMember("ForecastFrequency");
    if (s.forecast_types.size() > static_cast<size_t>(kAutoPredictorForecastTypes)) {
      return TooManyForecastTypes(s.forecast_types.size(), kAutoPredictorForecastTypes);
    }
  } else if (s.perform_automl.value_or(false)) {
    // "When AutoML is enabled, the following properties are disallowed:
    // AlgorithmArn, HPOConfig, PerformHPO, TrainingParameters".
    const char* why = "when PerformAutoML is true";
    if (!s.algorithm_arn.empty()) return ConflictingPredictorMember("AlgorithmArn", why);
    if (s.has_hpo_config) return ConflictingPredictorMember("HPOConfig", why);
    if (s.perform_hpo) return ConflictingPredictorMember("PerformHPO", why);
    if (s.training_parameters) return ConflictingPredictorMember("TrainingParameters", why);
  } else {
    if (s.algorithm_arn.empty()) return MissingPredictorMember("AlgorithmArn");
    const auto& known = AlgorithmArns();
    if (std::find(known.begin(), known.end(), s.algorithm_arn) == known.end()) return InvalidAlgorithm(s.algorithm_arn);
  }
  for (const auto& t : s.forecast_types) {
    if (!IsValidForecastType(t)) return InvalidForecastType(t);
  }
  if (s.horizon && *s.horizon < 1) return HorizonNotPositive(*s.horizon);
  return Done{};
}

}  // namespace

std::vector<std::string> PredictorResource::ForecastTypes() const {
  return settings.forecast_types.empty() ? kDefaultForecastTypes : settings.forecast_types;
}

std::string PredictorResource::Complete(CompletionContext&, Timestamp) { return Train(); }

std::string PredictorResource::Train() {
  auto set = std::make_shared<TrainingSet>();
  const std::string failure = BuildTrainingSet(*training_data, id_field, target_field, settings.dimensions,
                                               settings.frequency, set.get());
  if (!failure.empty()) return failure;
  // limits.md: AutoPredictor (and CNN-QR, DeepAR+, AutoML) forecast at most
  // 1/4 (1/3) of the series' length ahead; ETS, NPTS, Prophet and ARIMA the
  // length minus one.
  const size_t n = set->length;
  size_t longest = is_auto ? n / 4 : IsClassicalAlgorithm(settings.algorithm_arn) ? (n ? n - 1 : 0) : n / 3;
  const int maximum = static_cast<int>(std::min<size_t>(kMaxHorizon, longest));
  if (Horizon() > maximum) return HorizonTooLongMessage(Horizon(), maximum, n, settings.frequency);
  accuracy = Backtest(*set, Horizon(), ForecastTypes());
  model = std::move(set);
  return "";
}

PredictorView ViewOf(const PredictorResource& p, const Registry& registry, Timestamp now) {
  PredictorView view;
  registry.FillView(p, now, &view);
  view.is_auto = p.is_auto;
  view.settings = p.settings;
  view.forecast_types = p.ForecastTypes();
  // AutoPredictor optimizes AverageWeightedQuantileLoss unless told
  // otherwise (INFERRED from the model's documentation).
  if (p.is_auto && view.settings.optimization_metric.empty()) {
    view.settings.optimization_metric = "AverageWeightedQuantileLoss";
  }
  view.dataset_import_job_arns = p.dataset_import_job_arns;
  view.accuracy = p.accuracy;
  if (!p.is_auto) {
    view.evaluated_algorithm_arn =
        p.settings.perform_automl.value_or(false) ? AlgorithmArns().front() : p.settings.algorithm_arn;
  }
  if (!p.settings.reference_predictor_arn.empty()) {
    view.reference_state = registry.Contains(p.settings.reference_predictor_arn) ? "Active" : "Deleted";
  }
  for (const auto& [arn, r] : registry.contents().resources) {
    if (r->ParentArn() != p.arn) continue;
    if (auto* m = dynamic_cast<const MonitorResource*>(r.get())) {
      view.monitor_arn = m->arn;
      view.monitor_status = std::string(StatusName(m->life.status));
    } else if (auto* e = dynamic_cast<const ExplainabilityResource*>(r.get())) {
      view.explainability_arn = e->arn;
      view.explainability_status = std::string(StatusName(e->life.status));
    }
  }
  return view;
}

Outcome<std::string> Service::CreatePredictor(const CreatePredictorInput& input) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(input.tags); !ok) return ok.error();
  if (auto ok = CheckSettings(input); !ok) return ok.error();
  PredictorSettings settings = input.settings;
  if (!settings.encryption.empty()) {
    if (auto ok = checks_.Role(settings.encryption.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(settings.encryption.kms_key_arn); !ok) return ok.error();
  }
  if (!settings.reference_predictor_arn.empty()) {
    // Retraining keeps the reference's settings and trains on today's data.
    auto reference = registry_.FindActive<PredictorResource>(settings.reference_predictor_arn);
    if (!reference.ok()) return reference.error();
    const std::string reference_arn = settings.reference_predictor_arn;
    settings = reference.value()->settings;
    settings.reference_predictor_arn = reference_arn;
    // Its monitor and explainability stay with the reference.
    settings.monitor_name.clear();
    settings.explain_predictor.reset();
  }

  auto group = registry_.FindActive<DatasetGroupResource>(settings.dataset_group_arn);
  if (!group.ok()) return group.error();
  DatasetResource* target = nullptr;
  DatasetResource* related = nullptr;
  std::vector<std::string> imports;
  for (const auto& dataset_arn : group.value()->dataset_arns) {
    auto* d = registry_.Find<DatasetResource>(dataset_arn);
    if (d == nullptr) return ResourceNotFound(dataset_arn);
    if (d->dataset_type == "TARGET_TIME_SERIES") target = d;
    if (d->dataset_type == "RELATED_TIME_SERIES") related = d;
    if (auto* job = registry_.LatestImport(d->arn)) imports.push_back(job->arn);
  }
  if (target == nullptr) return NoTargetTimeSeries(settings.dataset_group_arn);
  const DatasetView target_view = ViewOf(*target, registry_, now);
  if (target_view.status != "ACTIVE") return ResourceNotActive(target->Words(), target->arn, target_view.status);
  DatasetImportJobResource* latest = registry_.LatestImport(target->arn);
  if (latest == nullptr) return NoImportedData(target->arn);

  // "The frequency must be greater than or equal to the TARGET_TIME_SERIES
  // dataset frequency. When a RELATED_TIME_SERIES dataset is provided, the
  // frequency must be equal" (API_CreateAutoPredictor, ForecastFrequency).
  if (!target->frequency.empty() && !IsCoarserOrEqual(settings.frequency, target->frequency)) {
    return FrequencyFinerThanData(settings.frequency, target->frequency);
  }
  if (related != nullptr && !related->frequency.empty() && related->frequency != settings.frequency) {
    return RelatedFrequencyMismatch(settings.frequency, related->frequency);
  }
  const DomainFields fields = *FieldsOf(target->domain);
  for (const auto& dimension : settings.dimensions) {
    const bool is_string_attribute = std::any_of(target->schema.begin(), target->schema.end(), [&](const auto& a) {
      return a.name == dimension && a.type == "string" && a.name != fields.id_field;
    });
    if (!is_string_attribute) return UnknownDimension(dimension, target->arn);
  }
  if (related != nullptr) {
    std::vector<std::string> not_numeric;
    for (const auto& a : related->schema) {
      if (a.type != "string" || a.name == fields.id_field) continue;
      if (std::find(settings.dimensions.begin(), settings.dimensions.end(), a.name) == settings.dimensions.end()) {
        not_numeric.push_back(a.name);
      }
    }
    if (!not_numeric.empty()) return RelatedAttributesNotNumeric(not_numeric);
  }

  // Predictor names are unique per account and region, whatever the kind
  // (wire-format.md §3.3); an AutoPredictor's ARN carries a ULID as well.
  for (auto* other : registry_.All<PredictorResource>()) {
    if (other->name == input.name) return ResourceAlreadyExists("predictor", other->arn);
  }
  const auto& q = options_.quotas;
  if (auto e = registry_.CheckQuotas<PredictorResource>(q.concurrent_predictors, "predictors", q.predictors,
                                                        "predictors")) {
    return *e;
  }
  // MonitorConfig makes a monitor with the predictor (CreateAutoPredictor).
  const std::string monitor_arn =
      input.is_auto && !settings.monitor_name.empty() ? arns_.Make("monitor", settings.monitor_name) : "";
  if (!monitor_arn.empty() && registry_.Contains(monitor_arn)) return ResourceAlreadyExists("monitor", monitor_arn);

  auto p = std::make_unique<PredictorResource>();
  p->is_auto = input.is_auto;
  p->arn = input.is_auto ? arns_.Make("predictor", input.name + "_" + SeededUlid(now, options_.seed, registry_.next_seq()))
                         : arns_.Make("predictor", input.name);
  p->name = input.name;
  p->settings = std::move(settings);
  p->dataset_import_job_arns = std::move(imports);
  p->training_data = latest->data;
  p->id_field = std::string(fields.id_field);
  p->target_field = std::string(fields.target_field);
  p->tags = input.tags;
  const std::string arn = p->arn;
  const std::string monitor_name = p->settings.monitor_name;
  registry_.Admit(std::move(p), now);
  if (!monitor_arn.empty()) {
    auto m = std::make_unique<MonitorResource>();
    m->arn = monitor_arn;
    m->name = monitor_name;
    m->resource_arn = arn;
    registry_.Admit(std::move(m), now);
  }
  return arn;
}

Outcome<PredictorView> Service::DescribePredictor(const std::string& arn, bool auto_predictor) {
  auto [lock, now] = Begin();
  auto* p = registry_.Find<PredictorResource>(arn);
  if (p == nullptr) return ResourceNotFound(arn);
  // AWS's own solution tells the kinds apart by the InvalidInputException
  // DescribePredictor answers for an AutoPredictor (§2.3, AWS-SAMPLE).
  if (p->is_auto != auto_predictor) return WrongPredictorKind(arn, p->is_auto);
  return ViewOf(*p, registry_, now);
}

Outcome<Page<PredictorView>> Service::ListPredictors(const ListQuery& query) {
  return List<PredictorResource, PredictorView>(
      "ListPredictors", query, {"DatasetGroupArn", "Status"}, [](const PredictorResource& p, const std::string& key) {
        return key == "DatasetGroupArn" ? p.settings.dataset_group_arn : std::string(StatusName(p.life.status));
      });
}

Outcome<Done> Service::DeletePredictor(const std::string& arn) {
  // "You can delete only predictor that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeletePredictor); a stopped one is as final.
  return DeleteAs<PredictorResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

Outcome<PredictorView> Service::GetAccuracyMetrics(const std::string& arn) {
  auto [lock, now] = Begin();
  // "Before you can get accuracy metrics, the Status of the predictor must be
  // ACTIVE" (API_GetAccuracyMetrics).
  auto p = registry_.FindActive<PredictorResource>(arn);
  if (!p.ok()) return p.error();
  return ViewOf(*p.value(), registry_, now);
}

}  // namespace fakeaws::forecast
