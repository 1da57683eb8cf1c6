// Forecast export jobs: CreateForecastExportJob, Describe, List, Delete.
#include <algorithm>

#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

std::string ForecastExportJobResource::Complete(CompletionContext& context, Timestamp at) {
  if (!context.RoleAssumable(destination.role_arn)) {
    return ExportRoleUnassumableMessage(destination.role_arn);
  }
  auto* forecast = context.Find<ForecastResource>(forecast_arn);
  if (forecast == nullptr) return ExportBucketMissingMessage(destination.path);
  ExportWriter writer(context.store(), context.export_layout(), context.seed(), ExportFormatOf(format));
  // "<job>_<ExportTimestamp>_part<N>": the timestamp follows when the export
  // ran, not when the job was created (wire-format.md §3.1, REAL). Which
  // moment of the run is INFERRED: the instant the job completes and its
  // files are written, `at` on the virtual clock.
  auto written = writer.Write(forecast->data, forecast->id_field.empty() ? "item_id" : forecast->id_field, name,
                              ParseS3Path(destination.path), at, at);
  if (!written.ok()) return ExportBucketMissingMessage(destination.path);
  exported_objects = std::make_shared<const std::vector<std::string>>(std::move(written).value());
  return "";
}

ForecastExportJobView ViewOf(const ForecastExportJobResource& job, const Registry& registry, Timestamp now) {
  ForecastExportJobView view;
  registry.FillView(job, now, &view);
  view.forecast_arn = job.forecast_arn;
  view.destination = job.destination;
  view.format = job.format;
  view.exported_objects = job.exported_objects;
  view.tags = job.tags;
  return view;
}

Outcome<std::string> Service::CreateForecastExportJob(const CreateForecastExportJobInput& in) {
  auto [lock, now] = Begin();

  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  if (auto ok = checks_.Role(in.destination.role_arn); !ok) return ok.error();
  if (auto ok = checks_.KmsKey(in.destination.kms_key_arn); !ok) return ok.error();

  auto* forecast = registry_.Find<ForecastResource>(in.forecast_arn);
  if (forecast == nullptr) return ResourceNotFound(in.forecast_arn);
  if (forecast->life.status != Status::kActive) {
    return ResourceNotActive("forecast", forecast->arn, StatusName(forecast->life.status));
  }
  const std::string arn = arns_.ForecastExportJob(forecast->name, in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("forecast export job", arn);

  const auto& q = options_.quotas;
  const Registry::KindCounts& jobs = registry_.CountsOf<ForecastExportJobResource>();
  if (jobs.creating >= q.concurrent_forecast_export_jobs) {
    return ConcurrentQuotaReached(q.concurrent_forecast_export_jobs, "forecast exports");
  }
  if (jobs.total >= q.forecast_export_jobs) {
    return TotalQuotaReached(q.forecast_export_jobs, "forecast exports");
  }

  auto job = std::make_unique<ForecastExportJobResource>();
  job->arn = arn;
  job->name = in.name;
  job->forecast_arn = forecast->arn;
  job->destination = in.destination;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->tags = in.tags;
  registry_.Admit(std::move(job), now);
  return arn;
}

Outcome<ForecastExportJobView> Service::DescribeForecastExportJob(const std::string& arn) {
  return DescribeAs<ForecastExportJobResource, ForecastExportJobView>(arn);
}

std::vector<ForecastExportJobView> Service::AllForecastExportJobs() {
  auto [lock, now] = Begin();
  std::vector<ForecastExportJobView> out;
  for (auto* job : registry_.All<ForecastExportJobResource>()) out.push_back(ViewOf(*job, registry_, now));
  return out;
}

Outcome<Page<ForecastExportJobView>> Service::ListForecastExportJobs(const ListQuery& query) {
  return List<ForecastExportJobResource, ForecastExportJobView>(
      "ListForecastExportJobs", query, {"ForecastArn", "Status"},
      [](const ForecastExportJobResource& job, const std::string& key) {
        return key == "ForecastArn" ? job.forecast_arn : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeleteForecastExportJob(const std::string& arn) {
  // "You can delete only export jobs that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteForecastExportJob); a stopped job is as final.
  return DeleteAs<ForecastExportJobResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

}  // namespace fakeaws::forecast
