// Dataset import jobs: Create (reads CSV or Parquet from the fake S3 when the job runs),
// Describe, List, Delete.
#include <algorithm>

#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/import_reader.h"
#include "forecast/s3_objects.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;

}  // namespace

std::string DatasetImportJobResource::Complete(CompletionContext& context, Timestamp) {
  if (!context.RoleAssumable(source.role_arn)) return ImportRoleUnassumableMessage(source.role_arn);
  auto* dataset = context.Find<DatasetResource>(dataset_arn);
  if (dataset == nullptr) return NoObjectsFoundMessage(source.path);
  std::vector<ImportObject> objects = ReadObjectsAt(context.store(), source.path);
  // The objects may have gone since CreateDatasetImportJob looked.
  if (objects.empty()) return NoObjectsFoundMessage(source.path);
  const auto pattern = TimestampPattern::Compile(timestamp_format);
  ImportResult read = ReadImport(objects, dataset->schema, *pattern,
                                 ImportFormatOf(format));
  if (!read.failure.empty()) return read.failure;
  data = read.data;
  if (import_mode == "INCREMENTAL") {
    if (auto* previous = context.LatestImport(dataset_arn)) data = MergeIncremental(*previous->data, *read.data);
  }
  statistics = std::move(read.statistics);
  data_size_gb = static_cast<double>(read.bytes) / kBytesPerGb;
  return "";
}

DatasetImportJobView ViewOf(const DatasetImportJobResource& j, const Registry& registry, Timestamp now) {
  DatasetImportJobView view;
  registry.FillView(j, now, &view);
  view.dataset_arn = j.dataset_arn;
  view.source = j.source;
  view.timestamp_format = j.timestamp_format;
  view.time_zone = j.time_zone;
  view.use_geolocation_for_time_zone = j.use_geolocation_for_time_zone;
  view.geolocation_format = j.geolocation_format;
  view.statistics = j.statistics;
  view.data_size_gb = j.data_size_gb;
  view.format = j.format;
  view.import_mode = j.import_mode;
  return view;
}

Outcome<std::string> Service::CreateDatasetImportJob(const CreateDatasetImportJobInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  if (auto ok = checks_.Role(in.source.role_arn); !ok) return ok.error();
  if (auto ok = checks_.KmsKey(in.source.kms_key_arn); !ok) return ok.error();

  auto found = registry_.FindActive<DatasetResource>(in.dataset_arn);
  if (!found.ok()) return found.error();
  DatasetResource* dataset = found.value();
  // "The Status of the dataset must be ACTIVE before you can import training
  // data" (API_CreateDataset): not while another import runs.
  for (auto* job : registry_.All<DatasetImportJobResource>()) {
    if (job->dataset_arn == dataset->arn && (IsCreating(job->life.status) || job->life.status == Status::kCreateStopping)) {
      return ResourceNotActive(dataset->Words(), dataset->arn,
                               job->life.status == Status::kCreatePending ? "UPDATE_PENDING" : "UPDATE_IN_PROGRESS");
    }
  }
  const std::string format = in.timestamp_format.empty() ? std::string(TimestampPattern::kDefault) : in.timestamp_format;
  const auto pattern = TimestampPattern::Compile(format);
  if (!pattern) return UnsupportedTimestampFormat(format);
  // "yyyy-MM-dd HH:mm:ss ... For the following data frequencies: H, 30min,
  // 15min, and 1min" (API_CreateDatasetImportJob, TimestampFormat).
  const std::string& f = dataset->frequency;
  if (!pattern->has_time() && !f.empty() && f != "Y" && f != "M" && f != "W" && f != "D") {
    return TimestampFormatNeedsTime(format, f);
  }

  const std::string arn = arns_.Make("dataset-import-job", dataset->name + "/" + in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("dataset import job", arn);
  std::string bucket;
  if (ObjectKeysAt(store_, in.source.path, &bucket).empty()) return NoObjectsFound(in.source.path);
  // "Maximum parallel running CreateDatasetImportJob tasks: 3", "Maximum
  // number of dataset import jobs: 1000" (limits.md); texts AWS-SAMPLE (§2.3).
  const auto& q = options_.quotas;
  if (auto e = registry_.CheckQuotas<DatasetImportJobResource>(q.concurrent_dataset_import_jobs, "dataset import jobs",
                                                     q.dataset_import_jobs, "dataset import jobs", true)) {
    return *e;
  }

  auto job = std::make_unique<DatasetImportJobResource>();
  job->arn = arn;
  job->name = in.name;
  job->dataset_arn = dataset->arn;
  job->source = in.source;
  job->timestamp_format = format;
  job->time_zone = in.time_zone;
  job->use_geolocation_for_time_zone = in.use_geolocation_for_time_zone;
  job->geolocation_format = in.geolocation_format;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->import_mode = in.import_mode.empty() ? "FULL" : in.import_mode;
  job->tags = in.tags;
  registry_.Admit(std::move(job), now);
  return arn;
}

Outcome<DatasetImportJobView> Service::DescribeDatasetImportJob(const std::string& arn) {
  return DescribeAs<DatasetImportJobResource, DatasetImportJobView>(arn);
}

Outcome<Page<DatasetImportJobView>> Service::ListDatasetImportJobs(const ListQuery& query) {
  return List<DatasetImportJobResource, DatasetImportJobView>(
      "ListDatasetImportJobs", query, {"DatasetArn", "Status"},
      [](const DatasetImportJobResource& job, const std::string& key) {
        return key == "DatasetArn" ? job.dataset_arn : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeleteDatasetImportJob(const std::string& arn) {
  // "You can delete only dataset import jobs that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteDatasetImportJob); a stopped job is as final.
  return DeleteAs<DatasetImportJobResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kCreateStopped});
}

}  // namespace fakeaws::forecast
