// Predictor backtest export jobs: Create (writes the backtest's forecasts
// and accuracy into S3 when the job runs), Describe, List, Delete.
#include <algorithm>

#include "base/java_text.h"
#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

void AppendNumber(std::string* out, std::optional<double> v) {
  out->push_back(',');
  if (v) out->append(base::FormatJavaDouble(*v));
}

void AppendSeries(std::string* out, const SeriesId& s) {
  out->append(CsvField(s.item_id));
  for (const auto& d : s.dimension_values) out->append("," + CsvField(d));
}

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
  if (format == "PARQUET") return ExportFormatNotWrittenMessage(format);
  auto* predictor = context.Find<PredictorResource>(ParentArn());
  if (predictor == nullptr || !predictor->model) return ExportBucketMissingMessage(destination.path);
  const S3Location where = ParseS3Path(destination.path);
  if (!context.store().BucketExists(where.bucket)) return ExportBucketMissingMessage(destination.path);

  const TrainingSet& model = *predictor->model;
  const std::vector<std::string> types = predictor->ForecastTypes();
  std::vector<SeriesBacktest> series;
  Backtest(model, predictor->Horizon(), types, &series);

  std::string dims;
  for (const auto& d : model.dimensions) dims += "," + d;
  std::string values = "item_id,timestamp" + dims + ",target_value,backtestwindow_start_time,backtestwindow_end_time";
  for (const auto& t : types) values += "," + ForecastTypeColumn(t);
  values += '\n';
  std::string metrics = "item_id" + dims + ",backtest_window,backtestwindow_start_time,backtestwindow_end_time";
  for (const auto& t : types) {
    if (QuantileOf(t)) metrics += ",wQL[" + t + "]";
  }
  metrics += ",Average wQL,RMSE,MASE,MAPE,WAPE\n";

  for (const SeriesBacktest& s : series) {
    const std::string start = FormatForecastDate(s.metrics.start), end = FormatForecastDate(s.metrics.end);
    for (size_t k = 0; k < s.dates.size(); ++k) {
      values += CsvField(s.series.item_id) + "," + FormatForecastDate(s.dates[k]);
      for (const auto& d : s.series.dimension_values) values += "," + CsvField(d);
      AppendNumber(&values, s.actual[k]);
      values += "," + start + "," + end;
      for (double v : s.forecast[k]) AppendNumber(&values, v);
      values += '\n';
    }
    // One window: its row (Computed) and the average over windows (Summary).
    for (const char* window : {"Computed", "Summary"}) {
      AppendSeries(&metrics, s.series);
      metrics += std::string(",") + window + "," + start + "," + end;
      for (const auto& [quantile, loss] : s.metrics.weighted_quantile_losses) AppendNumber(&metrics, loss);
      AppendNumber(&metrics, s.metrics.average_weighted_quantile_loss);
      const ErrorMetrics* point = PointMetrics(s.metrics);
      AppendNumber(&metrics, s.metrics.rmse);
      AppendNumber(&metrics, point ? point->mase : std::nullopt);
      AppendNumber(&metrics, point ? point->mape : std::nullopt);
      AppendNumber(&metrics, point ? point->wape : std::nullopt);
      metrics += '\n';
    }
  }

  const Timestamp created = life.creation_time;
  const std::vector<std::pair<std::string, std::string>> objects = {
      {where.prefix + "_CHECK", ""},
      {where.prefix + "forecasted-values/" + ExportFileName(name, created, 0), std::move(values)},
      {where.prefix + "accuracy-metrics-values/" + ExportFileName(name, created, 0), std::move(metrics)},
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
