// What-if analyses, what-if forecasts and their exports. The fake's seasonal
// model forecasts from the target alone, so a what-if forecast repeats its
// baseline's values for the analysis' series whatever the transformations
// (INFERRED; the transformations are checked and echoed).
#include <algorithm>
#include <map>
#include <set>

#include "base/ascii.h"
#include "forecast/completion_context.h"
#include "forecast/domains.h"
#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/s3_objects.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

}  // namespace

std::string WhatIfForecastResource::Complete(CompletionContext& context, Timestamp) {
  auto* analysis = context.Find<WhatIfAnalysisResource>(analysis_arn);
  auto* baseline = analysis ? context.Find<ForecastResource>(analysis->forecast_arn) : nullptr;
  if (baseline == nullptr) return "The baseline forecast of " + analysis_arn + " no longer exists.";
  if (replacements && ReadObjectsAt(context.store(), replacements->source.path).empty()) {
    return NoObjectsFoundMessage(replacements->source.path);
  }
  std::set<std::pair<std::string, std::vector<std::string>>> wanted;
  if (analysis->selector) {
    const auto objects = ReadObjectsAt(context.store(), analysis->selector->source.path);
    if (objects.empty()) return NoObjectsFoundMessage(analysis->selector->source.path);
    const std::string failure =
        ReadSeriesKeys(objects, analysis->selector->schema, baseline->id_field, baseline->data.dimensions,
                       ImportFormatOf(analysis->selector->format), &wanted);
    if (!failure.empty()) return failure;
  }
  data = baseline->data;
  legacy_spec = baseline->legacy_spec;
  legacy_spec.name = name;
  if (analysis->selector) {
    data.rows.erase(
        std::remove_if(data.rows.begin(), data.rows.end(),
                       [&](const ForecastData::Row& r) { return !wanted.count({r.item_id, r.dimension_values}); }),
        data.rows.end());
  }
  return "";
}

// The export of what-if forecasts: one row per series and date, a column per
// what-if forecast and forecast type named "<what-if forecast>_<p50>" (a
// REAL what-if export has "<scenario>_p50" columns, wire-format.md §3.2).
std::string WhatIfForecastExportResource::Complete(CompletionContext& context, Timestamp at) {
  if (!context.RoleAssumable(destination.role_arn)) return ExportRoleUnassumableMessage(destination.role_arn);
  const S3Location where = ParseS3Path(destination.path);
  if (!context.store().BucketExists(where.bucket)) return ExportBucketMissingMessage(destination.path);
  std::vector<const WhatIfForecastResource*> forecasts;
  for (const auto& arn : sources) {
    auto* f = context.Find<WhatIfForecastResource>(arn);
    if (f == nullptr) return ExportBucketMissingMessage(destination.path);
    forecasts.push_back(f);
  }
  // The domain's identifier, as in the forecast export (wire-format.md §3.2):
  // the baseline forecast's.
  std::string id = "item_id";
  if (const auto* analysis = context.Find<WhatIfAnalysisResource>(forecasts.front()->analysis_arn)) {
    if (const auto* baseline = context.Find<ForecastResource>(analysis->forecast_arn)) {
      if (!baseline->id_field.empty()) id = baseline->id_field;
    }
  }
  using Type = ExportTable::Type;
  std::vector<ExportTable::Column> columns{{id, Type::kString}, {"date", Type::kTimestampMillis}};
  const size_t dims = forecasts.front()->data.dimensions.size();
  for (const auto& d : forecasts.front()->data.dimensions) columns.push_back({d, Type::kString});
  using Key = std::tuple<std::string, std::vector<std::string>, Timestamp>;
  std::map<Key, std::vector<std::optional<double>>> rows;
  size_t width = 0;
  for (const auto* f : forecasts) {
    for (const auto& t : f->data.forecast_types) columns.push_back({f->name + "_" + ForecastTypeColumn(t), Type::kDouble});
    for (const auto& r : f->data.rows) {
      auto& cells = rows[{r.item_id, r.dimension_values, r.date}];
      cells.resize(width);
      for (size_t v = 0; v < f->data.forecast_types.size(); ++v) {
        cells.push_back(v < r.values.size() ? std::optional<double>(r.values[v]) : std::nullopt);
      }
    }
    width += f->data.forecast_types.size();
  }
  const ExportFormat file_format = ExportFormatOf(format);
  ExportTable table(file_format, std::move(columns));
  for (auto& [key, cells] : rows) {
    table.String(std::get<0>(key));
    table.Date(std::get<2>(key));
    for (size_t d = 0; d < dims; ++d) table.String(d < std::get<1>(key).size() ? std::get<1>(key)[d] : "");
    cells.resize(width);
    for (const auto& c : cells) table.Number(c);
  }
  // Named with when the export ran (§3.1; INFERRED: the instant it completes).
  const std::string key = where.prefix + ExportFileName(name, at, 0, file_format);
  if (!PutExportFile(context.store(), where.bucket, key, table.Finish(), at).ok()) {
    return ExportBucketMissingMessage(destination.path);
  }
  exported_objects = {"s3://" + where.bucket + "/" + key};
  return "";
}

WhatIfAnalysisView ViewOf(const WhatIfAnalysisResource& a, const Registry& registry, Timestamp now) {
  WhatIfAnalysisView view;
  registry.FillView(a, now, &view);
  view.forecast_arn = a.forecast_arn;
  view.selector = a.selector;
  return view;
}

WhatIfForecastView ViewOf(const WhatIfForecastResource& f, const Registry& registry, Timestamp now) {
  WhatIfForecastView view;
  registry.FillView(f, now, &view);
  view.analysis_arn = f.analysis_arn;
  view.transformations = f.transformations;
  view.replacements = f.replacements;
  const auto* analysis = registry.Find<WhatIfAnalysisResource>(f.analysis_arn);
  if (const auto* baseline = analysis ? registry.Find<ForecastResource>(analysis->forecast_arn) : nullptr) {
    view.forecast_types = baseline->data.forecast_types;
  }
  return view;
}

Outcome<std::string> Service::CreateWhatIfAnalysis(const std::string& name, const std::string& forecast_arn,
                                                   const std::optional<TimeSeriesSelector>& selector,
                                                   const std::vector<ResourceTag>& tags) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(tags); !ok) return ok.error();
  if (selector) {
    if (selector->source.path.empty() || selector->schema.empty() || selector->format.empty()) {
      return IncompleteTimeSeriesSelector();
    }
    if (auto ok = checks_.Role(selector->source.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(selector->source.kms_key_arn); !ok) return ok.error();
  }
  auto forecast = registry_.FindActive<ForecastResource>(forecast_arn);
  if (!forecast.ok()) return forecast.error();
  // What-if analyses run the AutoPredictor's model on changed data (INFERRED:
  // only forecasts made from an AutoPredictor, as for explainability).
  if (!forecast.value()->model || !forecast.value()->created_using_auto_predictor) {
    return WhatIfNeedsAutoPredictorForecast(forecast_arn);
  }
  const std::string arn = arns_.Make("what-if-analysis", name);  // INFERRED, §3.3's shape
  if (registry_.Contains(arn)) return ResourceAlreadyExists("what-if analysis", arn);
  std::string bucket;
  if (selector && ObjectKeysAt(store_, selector->source.path, &bucket).empty()) {
    return NoObjectsFound(selector->source.path);
  }
  auto a = std::make_unique<WhatIfAnalysisResource>();
  a->arn = arn;
  a->name = name;
  a->forecast_arn = forecast_arn;
  a->selector = selector;
  a->tags = tags;
  registry_.Admit(std::move(a), now);
  return arn;
}

Outcome<WhatIfAnalysisView> Service::DescribeWhatIfAnalysis(const std::string& arn) {
  return DescribeAs<WhatIfAnalysisResource, WhatIfAnalysisView>(arn);
}

Outcome<Page<WhatIfAnalysisView>> Service::ListWhatIfAnalyses(const ListQuery& query) {
  return List<WhatIfAnalysisResource, WhatIfAnalysisView>(
      "ListWhatIfAnalyses", query, {"WhatIfAnalysisArn", "Status"},
      [](const WhatIfAnalysisResource& a, const std::string& key) {
        return key == "WhatIfAnalysisArn" ? a.arn : std::string(StatusName(a.life.status));
      });
}

Outcome<Done> Service::DeleteWhatIfAnalysis(const std::string& arn) {
  // "You can delete only what-if analyses that have a status of ACTIVE or
  // CREATE_FAILED" (DeleteWhatIfAnalysis).
  return DeleteAs<WhatIfAnalysisResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

Outcome<std::string> Service::CreateWhatIfForecast(const CreateWhatIfForecastInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  if (in.replacements) {
    if (auto ok = checks_.Role(in.replacements->source.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(in.replacements->source.kms_key_arn); !ok) return ok.error();
  }
  auto analysis = registry_.FindActive<WhatIfAnalysisResource>(in.analysis_arn);
  if (!analysis.ok()) return analysis.error();
  // Transformations change related time series attributes ("The related time
  // series that you are modifying. This value is case insensitive", Action).
  if (!in.transformations.empty()) {
    std::set<std::string> related;
    if (auto* f = registry_.Find<ForecastResource>(analysis.value()->forecast_arn)) {
      if (auto* g = registry_.Find<DatasetGroupResource>(f->dataset_group_arn)) {
        for (const auto& dataset_arn : g->dataset_arns) {
          auto* d = registry_.Find<DatasetResource>(dataset_arn);
          if (d == nullptr || d->dataset_type != "RELATED_TIME_SERIES") continue;
          for (const auto& a : d->schema) related.insert(base::AsciiLower(a.name));
        }
      }
    }
    for (const auto& t : in.transformations) {
      if (!related.count(base::AsciiLower(t.attribute))) return UnknownRelatedAttribute(t.attribute);
    }
  }
  // what-if-forecast/<analysis>/<name>: INFERRED in the shape of §3.3's
  // nested ARNs (WhatIfForecastArn is a LongArn).
  const std::string arn = arns_.Make("what-if-forecast", analysis.value()->name + "/" + in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("what-if forecast", arn);
  std::string bucket;
  if (in.replacements && ObjectKeysAt(store_, in.replacements->source.path, &bucket).empty()) {
    return NoObjectsFound(in.replacements->source.path);
  }
  auto f = std::make_unique<WhatIfForecastResource>();
  f->arn = arn;
  f->name = in.name;
  f->analysis_arn = in.analysis_arn;
  f->transformations = in.transformations;
  f->replacements = in.replacements;
  f->tags = in.tags;
  registry_.Admit(std::move(f), now);
  return arn;
}

Outcome<WhatIfForecastView> Service::DescribeWhatIfForecast(const std::string& arn) {
  return DescribeAs<WhatIfForecastResource, WhatIfForecastView>(arn);
}

Outcome<Page<WhatIfForecastView>> Service::ListWhatIfForecasts(const ListQuery& query) {
  return List<WhatIfForecastResource, WhatIfForecastView>(
      "ListWhatIfForecasts", query, {"WhatIfForecastArn", "Status"},
      [](const WhatIfForecastResource& f, const std::string& key) {
        return key == "WhatIfForecastArn" ? f.arn : std::string(StatusName(f.life.status));
      });
}

Outcome<Done> Service::DeleteWhatIfForecast(const std::string& arn) {
  return DeleteAs<WhatIfForecastResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

Outcome<std::string> Service::CreateWhatIfForecastExport(const CreateExportInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.ExportDestination(in); !ok) return ok.error();
  if (in.source_arns.empty()) return NoWhatIfForecasts();
  for (const auto& source : in.source_arns) {
    auto f = registry_.FindActive<WhatIfForecastResource>(source);
    if (!f.ok()) return f.error();
  }
  const std::string arn = arns_.Make("what-if-forecast-export", in.name);  // INFERRED
  if (registry_.Contains(arn)) return ResourceAlreadyExists("what-if forecast export", arn);
  auto job = std::make_unique<WhatIfForecastExportResource>();
  job->arn = arn;
  job->name = in.name;
  job->sources = in.source_arns;
  job->destination = in.destination;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->tags = in.tags;
  registry_.Admit(std::move(job), now);
  return arn;
}

Outcome<ExportJobView> Service::DescribeWhatIfForecastExport(const std::string& arn) {
  return DescribeAs<WhatIfForecastExportResource, ExportJobView>(arn);
}

Outcome<Page<ExportJobView>> Service::ListWhatIfForecastExports(const ListQuery& query) {
  return List<WhatIfForecastExportResource, ExportJobView>(
      "ListWhatIfForecastExports", query, {"WhatIfForecastExportArn", "Status"},
      [](const WhatIfForecastExportResource& job, const std::string& key) {
        return key == "WhatIfForecastExportArn" ? job.arn : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeleteWhatIfForecastExport(const std::string& arn) {
  return DeleteAs<WhatIfForecastExportResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

}  // namespace fakeaws::forecast
