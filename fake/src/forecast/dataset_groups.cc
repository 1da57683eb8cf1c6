// Dataset groups: Create, Describe, List, Update, Delete.
#include <algorithm>

#include "forecast/errors.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

// The datasets a dataset group may hold: existing, not being created or
// deleted, of the group's domain, one of each type.
Outcome<Done> CheckMembers(const std::string& domain, const std::vector<std::string>& dataset_arns,
                           const Registry& registry) {
  std::vector<std::string> types;
  for (const auto& arn : dataset_arns) {
    const DatasetResource* d = registry.Find<DatasetResource>(arn);
    if (d == nullptr) return ResourceNotFound(arn);
    if (d->life.status != Status::kActive) return ResourceNotActive(d->Words(), arn, StatusName(d->life.status));
    if (d->domain != domain) return DomainMismatch(arn, d->domain, domain);
    // "Maximum number of datasets in a dataset group: 3 (1 for each type)"
    // (limits.md).
    if (std::find(types.begin(), types.end(), d->dataset_type) != types.end()) {
      return DatasetTypeTaken(d->dataset_type, arn);
    }
    types.push_back(d->dataset_type);
  }
  return Done{};
}

}  // namespace

DatasetGroupView ViewOf(const DatasetGroupResource& g, const Registry& registry, Timestamp now) {
  DatasetGroupView view;
  registry.FillView(g, now, &view);
  view.domain = g.domain;
  view.dataset_arns = g.dataset_arns;
  // "While the dataset group is being updated, LastModificationTime is the
  // current time" (API_DescribeDatasetGroup).
  if (g.life.status == Status::kUpdatePending || g.life.status == Status::kUpdateInProgress) {
    view.last_modification_time = now;
  }
  return view;
}

Outcome<std::string> Service::CreateDatasetGroup(const CreateDatasetGroupInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  if (auto ok = CheckMembers(in.domain, in.dataset_arns, registry_); !ok) return ok.error();
  const std::string arn = arns_.Make("dataset-group", in.name);
  // "A dataset group already exists with the arn: ..." (§2.3, REAL).
  if (registry_.Contains(arn)) return ResourceAlreadyExists("dataset group", arn);
  // "Maximum number of dataset groups: 500" (limits.md); text INFERRED.
  if (auto e = registry_.CheckQuotas<DatasetGroupResource>(0, "", options_.quotas.dataset_groups, "dataset groups")) {
    return *e;
  }

  auto g = std::make_unique<DatasetGroupResource>();
  g->arn = arn;
  g->name = in.name;
  g->domain = in.domain;
  g->dataset_arns = in.dataset_arns;
  g->tags = in.tags;
  // Datasets and dataset groups are ACTIVE as soon as they are created:
  // AWS's examples show CreationTime equal to LastModificationTime and go on
  // without waiting (gs-cli.md; INFERRED for the missing CREATE_* states).
  registry_.Insert(std::move(g), Status::kActive, now);
  return arn;
}

Outcome<DatasetGroupView> Service::DescribeDatasetGroup(const std::string& arn) {
  return DescribeAs<DatasetGroupResource, DatasetGroupView>(arn);
}

Outcome<Page<DatasetGroupView>> Service::ListDatasetGroups(const ListQuery& query) {
  return List<DatasetGroupResource, DatasetGroupView>("ListDatasetGroups", query, {},
                                                      [](const DatasetGroupResource&, const std::string&) {
                                                        return std::string();
                                                      });
}

Outcome<Done> Service::UpdateDatasetGroup(const std::string& arn, const std::vector<std::string>& dataset_arns) {
  auto [lock, now] = Begin();
  auto* g = registry_.Find<DatasetGroupResource>(arn);
  if (g == nullptr) return ResourceNotFound(arn);
  // An update needs the group at rest (INFERRED: the model lists
  // ResourceInUseException; UPDATE_FAILED is as final as ACTIVE).
  if (g->life.status != Status::kActive && g->life.status != Status::kUpdateFailed) {
    return ResourceNotActive(g->Words(), arn, StatusName(g->life.status));
  }
  if (auto ok = CheckMembers(g->domain, dataset_arns, registry_); !ok) return ok.error();
  g->dataset_arns = dataset_arns;
  registry_.SetStatus(*g, Status::kUpdatePending, now);
  registry_.Schedule(*g, now + options_.lifecycle.create_pending);
  registry_.Settle(now);
  return Done{};
}

Outcome<Done> Service::DeleteDatasetGroup(const std::string& arn) {
  // "You can only delete dataset groups that have a status of ACTIVE,
  // CREATE_FAILED, or UPDATE_FAILED" (API_DeleteDatasetGroup). Its datasets
  // are not its children and stay.
  return DeleteAs<DatasetGroupResource>(arn, {Status::kActive, Status::kCreateFailed, Status::kUpdateFailed});
}

}  // namespace fakeaws::forecast
