// Datasets: Create, Describe, List, Delete.
#include <algorithm>
#include <set>

#include "forecast/domains.h"
#include "forecast/errors.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

DatasetView ViewOf(const DatasetResource& d, const Registry& registry, Timestamp now) {
  DatasetView view;
  registry.FillView(d, now, &view);
  view.domain = d.domain;
  view.dataset_type = d.dataset_type;
  view.frequency = d.frequency;
  view.schema = d.schema;
  view.encryption = d.encryption;
  if (d.life.status != Status::kActive) return view;
  // "The UPDATE states apply while data is imported to the dataset ... when
  // the import job status is CREATE_IN_PROGRESS, the status of the dataset is
  // UPDATE_IN_PROGRESS"; LastModificationTime is the current time while
  // importing and when the last import ended after (API_DescribeDataset).
  for (auto* job : registry.All<DatasetImportJobResource>()) {
    if (job->dataset_arn != d.arn) continue;
    const Status s = job->life.status;
    if (s == Status::kCreatePending) {
      view.status = "UPDATE_PENDING";
      view.last_modification_time = now;
    } else if (s == Status::kCreateInProgress || s == Status::kCreateStopping) {
      view.status = "UPDATE_IN_PROGRESS";
      view.last_modification_time = now;
    } else if (view.status == "ACTIVE" && !IsDeleting(s)) {
      view.last_modification_time = std::max(view.last_modification_time, job->life.changed_at);
    }
  }
  return view;
}

Outcome<std::string> Service::CreateDataset(const CreateDatasetInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  std::set<std::string> names;
  for (const auto& a : in.schema) {
    if (a.name.empty() || a.type.empty()) return IncompleteSchemaAttribute();
    if (!names.insert(a.name).second) return DuplicateSchemaAttribute(a.name);
  }
  std::string expected_type;
  const std::string missing = MissingRequiredAttribute(in.domain, in.dataset_type, in.schema, &expected_type);
  if (!missing.empty()) return MissingSchemaAttribute(in.domain, in.dataset_type, missing, expected_type);
  // "This parameter is required for RELATED_TIME_SERIES datasets"
  // (API_CreateDataset, DataFrequency).
  if (in.dataset_type == "RELATED_TIME_SERIES" && in.frequency.empty()) return MissingDataFrequency(in.dataset_type);
  if (!in.encryption.empty()) {
    if (auto ok = checks_.Role(in.encryption.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(in.encryption.kms_key_arn); !ok) return ok.error();
  }
  const std::string arn = arns_.Make("dataset", in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("dataset", arn);
  // "Maximum number of datasets: 1500" (limits.md); text INFERRED.
  if (auto e = registry_.CheckQuotas<DatasetResource>(0, "", options_.quotas.datasets, "datasets")) return *e;

  auto d = std::make_unique<DatasetResource>();
  d->arn = arn;
  d->name = in.name;
  d->domain = in.domain;
  d->dataset_type = in.dataset_type;
  d->frequency = in.frequency;
  d->schema = in.schema;
  d->encryption = in.encryption;
  d->tags = in.tags;
  // Datasets and dataset groups are ACTIVE as soon as they are created:
  // AWS's examples show CreationTime equal to LastModificationTime and go on
  // without waiting (gs-cli.md; INFERRED for the missing CREATE_* states).
  registry_.Insert(std::move(d), Status::kActive, now);
  return arn;
}

Outcome<DatasetView> Service::DescribeDataset(const std::string& arn) {
  return DescribeAs<DatasetResource, DatasetView>(arn);
}

Outcome<Page<DatasetView>> Service::ListDatasets(const ListQuery& query) {
  return List<DatasetResource, DatasetView>("ListDatasets", query, {},
                                            [](const DatasetResource&, const std::string&) { return std::string(); });
}

Outcome<Done> Service::DeleteDataset(const std::string& arn) {
  // "You can only delete datasets that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteDataset); its import jobs are its children.
  // "Forecast does not automatically update any dataset groups that contain
  // the deleted dataset": the groups keep its ARN.
  return DeleteAs<DatasetResource>(arn, {Status::kActive, Status::kCreateFailed});
}

}  // namespace fakeaws::forecast
