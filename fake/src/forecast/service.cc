#include "forecast/service.h"

#include <algorithm>

#include "forecast/errors.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

Service::Service(const Options& options, const base::VirtualClock& clock, s3::Store& store)
    : options_(options),
      clock_(clock),
      store_(store),
      arns_(options.region, options.account_id),
      checks_(options),
      tokens_(options.seed),
      registry_(options, store) {}

// Begin runs what is due; the turn ends at once.
void Service::Settle() { Begin(); }

void Service::AddRole(const std::string& role_arn) {
  std::lock_guard<std::mutex> lock(mu_);
  registry_.AddRole(role_arn);
}

void Service::Restore(Registry::Contents contents) {
  std::lock_guard<std::mutex> lock(mu_);
  registry_.Replace(std::move(contents));
}

// ---- Any resource ----

std::vector<ResourceSummary> Service::AllResources() {
  auto [lock, now] = Begin();
  std::vector<ResourceSummary> out;
  for (const Resource* r : registry_.All<Resource>()) {
    ResourceSummary s;
    registry_.FillView(*r, now, &s);
    const auto parts = ParseArn(r->arn);
    s.type = parts ? parts->ResourceType() : "";
    s.parent_arn = r->ParentArn();
    if (const auto* job = dynamic_cast<const ForecastExportJobResource*>(r)) {
      s.destination_path = job->destination.path;
      if (job->exported_objects) s.exported_objects = *job->exported_objects;
    } else if (const auto* exp = dynamic_cast<const S3ExportResource*>(r)) {
      s.destination_path = exp->destination.path;
      s.exported_objects = exp->exported_objects;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Outcome<Done> Service::StopResource(const std::string& arn) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  Resource& r = *found;
  if (!r.Stoppable()) return UnsupportedResourceArn(arn);
  // An ACTIVE monitor stops watching (ACTIVE_STOPPING, then ACTIVE_STOPPED)
  // until ResumeResource (DescribeMonitor.Status).
  const bool stops_monitoring = r.IsMonitor() && r.life.status == Status::kActive;
  if (!IsCreating(r.life.status) && !stops_monitoring) return NotStoppable(arn, StatusName(r.life.status));
  // "Maximum parallel running StopResource tasks per resource type: 3"
  // (limits.md); text INFERRED.
  if (registry_.CountsOf(r).stopping >= options_.quotas.concurrent_stop_resource_per_type) {
    return StopQuotaReached(options_.quotas.concurrent_stop_resource_per_type);
  }
  r.life.frozen = false;
  registry_.SetStatus(r, stops_monitoring ? Status::kActiveStopping : Status::kCreateStopping, now);
  registry_.Schedule(r, now + options_.lifecycle.stopping);
  registry_.Settle(now);
  return Done{};
}

Outcome<Done> Service::ResumeResource(const std::string& arn) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  Resource& r = *found;
  // "Resumes a stopped monitor resource" (ResumeResource): nothing else.
  if (!r.IsMonitor()) return NotResumable(arn);
  if (r.life.status != Status::kActiveStopped) return MonitorNotStopped(arn, StatusName(r.life.status));
  registry_.SetStatus(r, Status::kActive, now);
  return Done{};
}

Outcome<Done> Service::DeleteResourceTree(const std::string& arn) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  std::vector<Resource*> tree = registry_.TreeOf(*found);
  // A tree with a resource still being created, stopped or updated cannot be
  // deleted (INFERRED: the model lists ResourceInUseException).
  for (Resource* r : tree) {
    const Status s = r->life.status;
    if (IsCreating(s) || s == Status::kCreateStopping || s == Status::kUpdatePending ||
        s == Status::kUpdateInProgress) {
      return TreeMemberBusy(arn, r->Words(), r->arn, StatusName(s));
    }
  }
  for (Resource* r : tree) {
    if (!IsDeleting(r->life.status)) {
      r->life.frozen = false;
      registry_.SetStatus(*r, Status::kDeletePending, now);
      registry_.Schedule(*r, now + options_.lifecycle.delete_pending);
    }
  }
  registry_.Settle(now);
  return Done{};
}

Outcome<Done> Service::TagResource(const std::string& arn, const std::vector<ResourceTag>& tags) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  std::vector<ResourceTag> merged = found->tags;
  for (const auto& t : tags) {
    if (HasAwsPrefix(t.key)) return ReservedTagKey(t.key);
  }
  if (auto ok = checks_.NewTags(tags); !ok) return ok.error();
  for (const auto& t : tags) {
    auto same =
        std::find_if(merged.begin(), merged.end(), [&](const ResourceTag& m) { return m.key == t.key; });
    if (same != merged.end()) {
      same->value = t.value;
    } else {
      merged.push_back(t);
    }
  }
  const auto user =
      std::count_if(merged.begin(), merged.end(), [](const ResourceTag& t) { return !HasAwsPrefix(t.key); });
  if (user > options_.quotas.tags_per_resource) return TooManyTags(options_.quotas.tags_per_resource);
  found->tags = std::move(merged);
  return Done{};
}

Outcome<Done> Service::UntagResource(const std::string& arn, const std::vector<std::string>& keys) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  // "You cannot edit or delete tag keys with this prefix" (Tag documentation).
  for (const auto& k : keys) {
    if (HasAwsPrefix(k)) return ReservedTagKey(k);
  }
  auto& tags = found->tags;
  tags.erase(std::remove_if(tags.begin(), tags.end(),
                            [&](const ResourceTag& t) {
                              return std::find(keys.begin(), keys.end(), t.key) != keys.end();
                            }),
             tags.end());
  return Done{};
}

Outcome<std::vector<ResourceTag>> Service::ListTagsForResource(const std::string& arn) {
  auto [lock, now] = Begin();
  Resource* found = registry_.Find<Resource>(arn);
  if (found == nullptr) return ResourceNotFound(arn);
  return found->tags;
}

}  // namespace fakeaws::forecast
