// Predictor backtest export jobs: Create (writes the backtest's forecasts
// and accuracy into S3 when the job runs), Describe, List, Delete.
#include <algorithm>

#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

// The point forecast the single-valued columns describe: the mean, else the
// median, else the first forecast type (metrics.md: WAPE uses the mean).
const ErrorMetrics* PointMetrics(const WindowMetrics& m) {
  const ErrorMetrics* point = m.error_metrics.empty() ? nullptr : &m.error_metrics.front();
  for (const auto& e : m.error_metrics) {
    if (e.forecast_type == "mean") return &e;
    if (QuantileOf(e.forecast_type).value_or(-1) == 0.5) point = &e;
  }
  return point;
}

}  // namespace

// metrics.md "Exporting Accuracy Metrics": a forecasted-values folder (each
// series' forecast over each backtest window, with the observed target) and
// an accuracy-metrics-values folder (each series' metrics per window, and
// their summary), files named <job>_<ExportTimestamp>_<PartNumber>.csv. A
// _CHECK object sits at the path [REAL screenshot, wire-format.md §3.1].
// Column names and order are INFERRED.
std::string PredictorBacktestExportJobResource::Complete(CompletionContext& context, Timestamp at) {
  if (!context.RoleAssumable(destination.role_arn)) return ExportRoleUnassumableMessage(destination.role_arn);
  auto* predictor = context.Find<PredictorResource>(ParentArn());
  if (predictor == nullptr || !predictor->model) return ExportBucketMissingMessage(destination.path);
  const S3Location where = ParseS3Path(destination.path);
  if (!context.store().BucketExists(where.bucket)) return ExportBucketMissingMessage(destination.path);

  const TrainingSet& model = *predictor->model;
  const std::vector<std::string> types = predictor->ForecastTypes();
  std::vector<SeriesBacktest> series;
  Backtest(model, predictor->Horizon(), types, &series);

  // The identifier column is the domain's, as in the forecast export
  // (wire-format.md §3.2 "Identifier column per domain").
  const std::string id = predictor->id_field.empty() ? "item_id" : predictor->id_field;
  using Type = ExportTable::Type;
  std::vector<ExportTable::Column> value_columns{{id, Type::kString}, {"timestamp", Type::kTimestampMillis}};
  std::vector<ExportTable::Column> metric_columns{{id, Type::kString}};
  for (const auto& d : model.dimensions) {
    value_columns.push_back({d, Type::kString});
    metric_columns.push_back({d, Type::kString});
  }
  value_columns.insert(value_columns.end(), {{"target_value", Type::kDouble},
                                             {"backtestwindow_start_time", Type::kTimestampMillis},
                                             {"backtestwindow_end_time", Type::kTimestampMillis}});
  for (const auto& t : types) value_columns.push_back({ForecastTypeColumn(t), Type::kDouble});
  metric_columns.insert(metric_columns.end(), {{"backtest_window", Type::kString},
                                               {"backtestwindow_start_time", Type::kTimestampMillis},
                                               {"backtestwindow_end_time", Type::kTimestampMillis}});
  for (const auto& t : types) {
    if (QuantileOf(t)) metric_columns.push_back({"wQL[" + t + "]", Type::kDouble});
  }
  for (const char* m : {"Average wQL", "RMSE", "MASE", "MAPE", "WAPE"}) metric_columns.push_back({m, Type::kDouble});

  const ExportFormat file_format = ExportFormatOf(format);
  ExportTable values(file_format, std::move(value_columns));
  ExportTable metrics(file_format, std::move(metric_columns));
  for (const SeriesBacktest& s : series) {
    for (size_t k = 0; k < s.dates.size(); ++k) {
      values.String(s.series.item_id);
      values.Date(s.dates[k]);
      for (const auto& d : s.series.dimension_values) values.String(d);
      values.Number(s.actual[k]);
      values.Date(s.metrics.start);
      values.Date(s.metrics.end);
      for (double v : s.forecast[k]) values.Number(v);
    }
    // One window: its row (Computed) and the average over windows (Summary).
    for (const char* window : {"Computed", "Summary"}) {
      metrics.String(s.series.item_id);
      for (const auto& d : s.series.dimension_values) metrics.String(d);
      metrics.String(window);
      metrics.Date(s.metrics.start);
      metrics.Date(s.metrics.end);
      for (const auto& [quantile, loss] : s.metrics.weighted_quantile_losses) metrics.Number(loss);
      metrics.Number(s.metrics.average_weighted_quantile_loss);
      const ErrorMetrics* point = PointMetrics(s.metrics);
      metrics.Number(s.metrics.rmse);
      metrics.Number(point ? point->mase : std::nullopt);
      metrics.Number(point ? point->mape : std::nullopt);
      metrics.Number(point ? point->wape : std::nullopt);
    }
  }

  // Named with when the export ran, as the forecast export (§3.1; INFERRED:
  // the instant it completes).
  const std::vector<std::pair<std::string, std::string>> objects = {
      {where.prefix + "_CHECK", ""},
      {where.prefix + "forecasted-values/" + ExportFileName(name, at, 0, file_format), values.Finish()},
      {where.prefix + "accuracy-metrics-values/" + ExportFileName(name, at, 0, file_format), metrics.Finish()},
  };
  exported_objects.clear();
  for (const auto& [key, body] : objects) {
    if (!PutExportFile(context.store(), where.bucket, key, body, at).ok()) {
      return ExportBucketMissingMessage(destination.path);
    }
    exported_objects.push_back("s3://" + where.bucket + "/" + key);
  }
  return "";
}

ExportJobView ViewOf(const S3ExportResource& job, const Registry& registry, Timestamp now) {
  ExportJobView view;
  registry.FillView(job, now, &view);
  view.sources = job.sources;
  view.destination = job.destination;
  view.format = job.format;
  return view;
}

Outcome<std::string> Service::CreatePredictorBacktestExportJob(const CreateExportInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.ExportDestination(in); !ok) return ok.error();
  auto predictor = registry_.FindActive<PredictorResource>(in.source_arns.front());
  if (!predictor.ok()) return predictor.error();
  // predictor-backtest-export-job/<predictorName>/<jobName> (§3.3, AWS-SAMPLE).
  const std::string arn = arns_.Make("predictor-backtest-export-job", predictor.value()->name + "/" + in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("predictor backtest export job", arn);
  // "Maximum parallel running CreatePredictorBacktestExportJob tasks: 3",
  // "Maximum number of predictor backtest export jobs: 1000" (limits.md);
  // texts INFERRED in the AWS-SAMPLE pattern (§2.3).
  const auto& q = options_.quotas;
  if (auto e = registry_.CheckQuotas<PredictorBacktestExportJobResource>(
          q.concurrent_predictor_backtest_export_jobs, "predictor backtest exports",
          q.predictor_backtest_export_jobs, "predictor backtest exports")) {
    return *e;
  }
  auto job = std::make_unique<PredictorBacktestExportJobResource>();
  job->arn = arn;
  job->name = in.name;
  job->sources = {predictor.value()->arn};
  job->destination = in.destination;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->tags = in.tags;
  registry_.Admit(std::move(job), now);
  return arn;
}

Outcome<ExportJobView> Service::DescribePredictorBacktestExportJob(const std::string& arn) {
  return DescribeAs<PredictorBacktestExportJobResource, ExportJobView>(arn);
}

Outcome<Page<ExportJobView>> Service::ListPredictorBacktestExportJobs(const ListQuery& query) {
  return List<PredictorBacktestExportJobResource, ExportJobView>(
      "ListPredictorBacktestExportJobs", query, {"PredictorArn", "Status"},
      [](const PredictorBacktestExportJobResource& job, const std::string& key) {
        return key == "PredictorArn" ? job.ParentArn() : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeletePredictorBacktestExportJob(const std::string& arn) {
  // "You can delete only predictor backtest export jobs that have a status of
  // ACTIVE or CREATE_FAILED" (DeletePredictorBacktestExportJob); a stopped
  // job is as final.
  return DeleteAs<PredictorBacktestExportJobResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

}  // namespace fakeaws::forecast
