// Explainabilities (Create, Describe, List, Delete) and their exports.
// Impact scores are drawn from the seed per series and attribute: the fake's
// seasonal model does not use related data, so there is nothing to measure
// (INFERRED; values in [-1, 1] like AWS's normalized impact scores).
#include <algorithm>
#include <cmath>
#include <set>

#include "base/seeded.h"
#include "forecast/completion_context.h"
#include "forecast/domains.h"
#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

std::string ExplainabilityExportResource::Complete(CompletionContext& context, Timestamp at) {
  if (!context.RoleAssumable(destination.role_arn)) return ExportRoleUnassumableMessage(destination.role_arn);
  auto* explainability = context.Find<ExplainabilityResource>(ParentArn());
  const S3Location where = ParseS3Path(destination.path);
  if (explainability == nullptr || !context.store().BucketExists(where.bucket)) {
    return ExportBucketMissingMessage(destination.path);
  }
  // The domain's identifier and the dimensions' names, as in the forecast
  // export (wire-format.md §3.2): from the forecast or predictor explained.
  std::string id = "item_id";
  std::vector<std::string> dimensions;
  if (const auto* forecast = context.Find<ForecastResource>(explainability->resource_arn)) {
    if (!forecast->id_field.empty()) id = forecast->id_field;
    dimensions = forecast->data.dimensions;
  } else if (const auto* predictor = context.Find<PredictorResource>(explainability->resource_arn)) {
    if (!predictor->id_field.empty()) id = predictor->id_field;
    if (predictor->model) dimensions = predictor->model->dimensions;
  }
  size_t dims = 0;
  for (const auto& s : explainability->series) dims = std::max(dims, s.dimension_values.size());
  using Type = ExportTable::Type;
  std::vector<ExportTable::Column> columns{{id, Type::kString}};
  for (size_t d = 0; d < dims; ++d) {
    columns.push_back({d < dimensions.size() ? dimensions[d] : "dimension_" + std::to_string(d + 1), Type::kString});
  }
  for (const auto& a : explainability->attributes) columns.push_back({a, Type::kDouble});
  const ExportFormat file_format = ExportFormatOf(format);
  ExportTable table(file_format, std::move(columns));
  const uint64_t stream = base::HashString("impact:" + explainability->arn);
  for (const auto& s : explainability->series) {
    table.String(s.item_id);
    for (size_t d = 0; d < dims; ++d) table.String(d < s.dimension_values.size() ? s.dimension_values[d] : "");
    for (const auto& a : explainability->attributes) {
      const uint64_t bits = base::SeededValue(context.seed(), stream ^ base::HashString(a),
                                              GeneratedValues::SeriesHash(s));
      // Full precision, as every export's numbers (wire-format.md §3.2 "Values").
      table.Number(base::UnitInterval(bits) * 2 - 1);
    }
  }
  // Named with when the export ran (§3.1; INFERRED: the instant it completes).
  const std::string key = where.prefix + ExportFileName(name, at, 0, file_format);
  if (!PutExportFile(context.store(), where.bucket, key, table.Finish(), at).ok()) {
    return ExportBucketMissingMessage(destination.path);
  }
  exported_objects = {"s3://" + where.bucket + "/" + key};
  return "";
}

ExplainabilityView ViewOf(const ExplainabilityResource& e, const Registry& registry, Timestamp now) {
  ExplainabilityView view;
  registry.FillView(e, now, &view);
  view.resource_arn = e.resource_arn;
  view.time_series_granularity = e.time_series_granularity;
  view.time_point_granularity = e.time_point_granularity;
  view.enable_visualization = e.enable_visualization;
  view.source = e.source;
  view.schema = e.schema;
  view.start_date_time = e.start_date_time;
  view.end_date_time = e.end_date_time;
  return view;
}

Outcome<std::string> Service::CreateExplainability(const CreateExplainabilityInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  Resource* found = registry_.Find<Resource>(in.resource_arn);
  if (found == nullptr) return ResourceNotFound(in.resource_arn);
  auto* predictor = dynamic_cast<PredictorResource*>(found);
  auto* forecast = dynamic_cast<ForecastResource*>(found);
  if (predictor == nullptr && forecast == nullptr) return UnsupportedResourceArn(in.resource_arn);
  Resource& resource = *found;
  if (resource.life.status != Status::kActive) {
    return ResourceNotActive(resource.Words(), resource.arn, StatusName(resource.life.status));
  }
  if (forecast != nullptr) predictor = registry_.Find<PredictorResource>(forecast->predictor_arn);
  // "Explainability is only available for Forecasts and Predictors generated
  // from an AutoPredictor (CreateAutoPredictor)" (CreateExplainability).
  if (predictor == nullptr || !predictor->is_auto) return ExplainabilityNeedsAutoPredictor();
  // With a predictor ARN, both granularities "Must be set to ALL" and the
  // SPECIFIC members must be absent; with a forecast ARN, SPECIFIC needs them.
  const bool specific_series = in.time_series_granularity == "SPECIFIC";
  const bool specific_points = in.time_point_granularity == "SPECIFIC";
  if (forecast == nullptr) {
    if (specific_series || specific_points) return ExplainabilityGranularity("a predictor", "ALL");
    if (!in.source.path.empty() || !in.schema.empty()) return ExplainabilityMemberOnlyForSpecific("DataSource and Schema", "TimeSeriesGranularity");
    if (!in.start_date_time.empty() || !in.end_date_time.empty()) {
      return ExplainabilityMemberOnlyForSpecific("StartDateTime and EndDateTime", "TimePointGranularity");
    }
  } else {
    if (specific_series && (in.source.path.empty() || in.schema.empty())) {
      return ExplainabilityMissingForSpecific("DataSource and Schema", "TimeSeriesGranularity");
    }
    if (specific_points && (in.start_date_time.empty() || in.end_date_time.empty())) {
      return ExplainabilityMissingForSpecific("StartDateTime and EndDateTime", "TimePointGranularity");
    }
  }
  if (!in.source.path.empty()) {
    if (auto ok = checks_.Role(in.source.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(in.source.kms_key_arn); !ok) return ok.error();
  }

  // "your predictor must include at least one of the following: related time
  // series, item metadata, or additional datasets like Holidays and the
  // Weather Index" (CreateExplainability).
  std::vector<std::string> attributes;
  if (auto* group = registry_.Find<DatasetGroupResource>(predictor->settings.dataset_group_arn)) {
    for (const auto& dataset_arn : group->dataset_arns) {
      auto* d = registry_.Find<DatasetResource>(dataset_arn);
      if (d == nullptr || d->dataset_type == "TARGET_TIME_SERIES") continue;
      const auto fields = FieldsOf(d->domain);
      for (const auto& a : d->schema) {
        const bool usable = d->dataset_type == "ITEM_METADATA" ? a.type == "string" || a.type == "integer" || a.type == "float"
                                                               : a.type == "integer" || a.type == "float";
        if (usable && (!fields || a.name != fields->id_field)) attributes.push_back(a.name);
      }
    }
  }
  for (const auto& additional : predictor->settings.additional_datasets) attributes.push_back(additional.name);
  if (attributes.empty()) return ExplainabilityNeedsRelatedData();

  const std::string arn = arns_.Make("explainability", in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("explainability", arn);
  // "You can only have one Explainability resource per predictor"; INFERRED
  // as ResourceAlreadyExistsException naming the one there is.
  if (forecast == nullptr) {
    for (auto* e : registry_.All<ExplainabilityResource>()) {
      if (e->resource_arn == predictor->arn) return ResourceAlreadyExists("explainability", e->arn);
    }
  }

  auto e = std::make_unique<ExplainabilityResource>();
  e->arn = arn;
  e->name = in.name;
  e->resource_arn = in.resource_arn;
  e->time_series_granularity = in.time_series_granularity;
  e->time_point_granularity = in.time_point_granularity;
  e->enable_visualization = in.enable_visualization;
  e->source = in.source;
  e->schema = in.schema;
  e->start_date_time = in.start_date_time;
  e->end_date_time = in.end_date_time;
  e->attributes = std::move(attributes);
  if (forecast != nullptr) {
    std::set<std::pair<std::string, std::vector<std::string>>> seen;
    for (const auto& row : forecast->data.rows) {
      if (seen.insert({row.item_id, row.dimension_values}).second) {
        e->series.push_back({row.item_id, row.dimension_values});
      }
    }
  } else if (predictor->model) {
    for (const auto& s : predictor->model->series) e->series.push_back(s.series);
  }
  e->tags = in.tags;
  registry_.Admit(std::move(e), now);
  return arn;
}

Outcome<ExplainabilityView> Service::DescribeExplainability(const std::string& arn) {
  return DescribeAs<ExplainabilityResource, ExplainabilityView>(arn);
}

Outcome<Page<ExplainabilityView>> Service::ListExplainabilities(const ListQuery& query) {
  return List<ExplainabilityResource, ExplainabilityView>(
      "ListExplainabilities", query, {"ResourceArn", "Status"},
      [](const ExplainabilityResource& e, const std::string& key) {
        return key == "ResourceArn" ? e.resource_arn : std::string(StatusName(e.life.status));
      });
}

Outcome<Done> Service::DeleteExplainability(const std::string& arn) {
  return DeleteAs<ExplainabilityResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

Outcome<std::string> Service::CreateExplainabilityExport(const CreateExportInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.ExportDestination(in); !ok) return ok.error();
  auto explainability = registry_.FindActive<ExplainabilityResource>(in.source_arns.front());
  if (!explainability.ok()) return explainability.error();
  // explainability-export/<explainability>/<export>, in the shape of the
  // other export ARNs (§3.3); INFERRED.
  const std::string arn = arns_.Make("explainability-export", explainability.value()->name + "/" + in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("explainability export", arn);
  auto job = std::make_unique<ExplainabilityExportResource>();
  job->arn = arn;
  job->name = in.name;
  job->sources = {explainability.value()->arn};
  job->destination = in.destination;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->tags = in.tags;
  registry_.Admit(std::move(job), now);
  return arn;
}

Outcome<ExportJobView> Service::DescribeExplainabilityExport(const std::string& arn) {
  return DescribeAs<ExplainabilityExportResource, ExportJobView>(arn);
}

Outcome<Page<ExportJobView>> Service::ListExplainabilityExports(const ListQuery& query) {
  return List<ExplainabilityExportResource, ExportJobView>(
      "ListExplainabilityExports", query, {"ResourceArn", "Status"},
      [](const ExplainabilityExportResource& job, const std::string& key) {
        return key == "ResourceArn" ? job.ParentArn() : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeleteExplainabilityExport(const std::string& arn) {
  return DeleteAs<ExplainabilityExportResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

}  // namespace fakeaws::forecast
