#include "forecast/service.h"

#include <algorithm>

#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

class Service::Completion final : public CompletionContext {
 public:
  explicit Completion(Service& service) : service_(service) {}

  s3::Store& store() override { return service_.store_; }
  const ExportLayout& export_layout() const override { return service_.options_.export_layout; }
  uint64_t seed() const override { return service_.options_.seed; }
  bool RoleAssumable(const std::string& role_arn) const override { return service_.RoleAssumable(role_arn); }
  Resource* FindResource(const std::string& arn) override { return service_.Find<Resource>(arn); }
  const DatasetImportJobResource* LatestImport(const std::string& dataset_arn) override {
    return service_.LatestImport(dataset_arn);
  }

 private:
  Service& service_;
};

Service::Service(const Options& options, Clock& clock, s3::Store& store)
    : options_(options),
      clock_(clock),
      store_(store),
      arns_(options.region, options.account_id),
      checks_(options),
      tokens_(options.seed) {}

Service::KindCounts& Service::CountsOf(const Resource& r) { return counts_[std::type_index(typeid(r))]; }

void Service::SetStatus(Resource& r, Status s, Timestamp at) {
  KindCounts& c = CountsOf(r);
  const Status old = r.life.status;
  c.creating += (IsCreating(s) ? 1 : 0) - (IsCreating(old) ? 1 : 0);
  c.stopping += (IsStopping(s) ? 1 : 0) - (IsStopping(old) ? 1 : 0);
  r.life.Enter(s, at);
}

void Service::Insert(std::unique_ptr<Resource> r, Status initial, Timestamp now) {
  r->seq = next_seq_++;
  r->life.creation_time = now;
  r->life.status = Status::kActive;  // counted as not creating until SetStatus
  CountsOf(*r).total += 1;
  SetStatus(*r, initial, now);
  const std::string arn = r->arn;
  resources_[arn] = std::move(r);
}

void Service::Erase(Resource& r) {
  KindCounts& c = CountsOf(r);
  c.total -= 1;
  c.creating -= IsCreating(r.life.status) ? 1 : 0;
  c.stopping -= IsStopping(r.life.status) ? 1 : 0;
  Unschedule(r);
  resources_.erase(r.arn);  // `r` is gone from here on
}

void Service::Settle() {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
}

void Service::SettleLocked(Timestamp now) {
  while (!timeline_.empty() && std::get<0>(*timeline_.begin()) <= now) {
    auto [at, seq, arn] = *timeline_.begin();
    timeline_.erase(timeline_.begin());
    auto it = resources_.find(arn);
    if (it == resources_.end()) continue;
    it->second->due.reset();
    Step(*it->second, at);
  }
}

void Service::Schedule(Resource& r, Timestamp at) {
  Unschedule(r);
  r.due = at;
  timeline_.emplace(at, r.seq, r.arn);
}

void Service::Unschedule(Resource& r) {
  if (r.due) timeline_.erase({*r.due, r.seq, r.arn});
  r.due.reset();
}

void Service::Step(Resource& r, Timestamp at) {
  const LifecycleDurations& d = options_.lifecycle;
  switch (r.life.status) {
    case Status::kCreatePending:
      SetStatus(r, Status::kCreateInProgress, at);
      Schedule(r, at + d.create_in_progress);
      break;
    case Status::kCreateInProgress: {
      Completion context(*this);
      std::string failure = r.Complete(context, at);
      r.life.message = failure;
      SetStatus(r, failure.empty() ? Status::kActive : Status::kCreateFailed, at);
      break;
    }
    case Status::kCreateStopping:
      SetStatus(r, Status::kCreateStopped, at);
      break;
    case Status::kActiveStopping:
      SetStatus(r, Status::kActiveStopped, at);
      break;
    // UpdateDatasetGroup: the update takes as long as a create.
    case Status::kUpdatePending:
      SetStatus(r, Status::kUpdateInProgress, at);
      Schedule(r, at + d.create_in_progress);
      break;
    case Status::kUpdateInProgress:
      SetStatus(r, Status::kActive, at);
      break;
    case Status::kDeletePending:
      SetStatus(r, Status::kDeleteInProgress, at);
      Schedule(r, at + d.delete_in_progress);
      break;
    case Status::kDeleteInProgress:
      Erase(r);
      break;
    default:
      break;
  }
}

void Service::Admit(std::unique_ptr<Resource> r, Timestamp now) {
  Resource& ref = *r;
  Insert(std::move(r), Status::kCreatePending, now);
  Schedule(ref, now + options_.lifecycle.create_pending);
  SettleLocked(now);
}

void Service::BeginDelete(Resource& r, Timestamp now) {
  r.life.frozen = false;
  SetStatus(r, Status::kDeletePending, now);
  Schedule(r, now + options_.lifecycle.delete_pending);
  SettleLocked(now);
}

void Service::FillView(const Resource& r, Timestamp now, ResourceView* view) const {
  view->arn = r.arn;
  view->name = r.name;
  view->status = std::string(StatusName(r.life.status));
  view->message = r.life.message;
  view->creation_time = r.life.creation_time;
  view->last_modification_time = r.life.LastModificationTime(now);
  if (IsCreating(r.life.status) && r.due) {
    auto left = *r.due - now;
    if (r.life.status == Status::kCreatePending) left += options_.lifecycle.create_in_progress;
    const int64_t ms = std::max<int64_t>(0, left.count());
    view->estimated_minutes_remaining = (ms + 59'999) / 60'000;
  }
}

std::vector<Resource*> Service::ChildrenOf(const std::string& arn) {
  std::vector<Resource*> out;
  for (auto& [child_arn, r] : resources_) {
    if (!r->ParentArn().empty() && r->ParentArn() == arn) out.push_back(r.get());
  }
  std::sort(out.begin(), out.end(), [](const Resource* a, const Resource* b) { return a->seq < b->seq; });
  return out;
}

std::vector<Resource*> Service::TreeOf(Resource& root) {
  std::vector<Resource*> tree{&root};
  for (size_t i = 0; i < tree.size(); ++i) {
    for (Resource* child : ChildrenOf(tree[i]->arn)) tree.push_back(child);
  }
  return tree;
}

Outcome<Done> Service::CheckDeletable(Resource& r, std::initializer_list<Status> deletable) {
  if (std::find(deletable.begin(), deletable.end(), r.life.status) == deletable.end()) {
    return CannotDeleteInStatus(r.Words(), r.arn, StatusName(r.life.status));
  }
  // "If a resource has child resources, you must delete the entire resource
  // tree" (delete-resource.md).
  const auto children = ChildrenOf(r.arn);
  if (!children.empty()) return ResourceHasChildren(r.Words(), r.arn, children.front()->Plural());
  return Done{};
}

bool Service::RoleAssumable(const std::string& role_arn) const {
  return !options_.roles_must_exist || roles_.count(role_arn) > 0;
}

void Service::AddRole(const std::string& role_arn) {
  std::lock_guard<std::mutex> lock(mu_);
  roles_.insert(role_arn);
}

// ---- Any resource ----

Outcome<Done> Service::StopResource(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  Resource& r = *it->second;
  if (!r.Stoppable()) return UnsupportedResourceArn(arn);
  // An ACTIVE monitor stops watching (ACTIVE_STOPPING, then ACTIVE_STOPPED)
  // until ResumeResource (DescribeMonitor.Status).
  const bool stops_monitoring = r.IsMonitor() && r.life.status == Status::kActive;
  if (!IsCreating(r.life.status) && !stops_monitoring) return NotStoppable(arn, StatusName(r.life.status));
  // "Maximum parallel running StopResource tasks per resource type: 3"
  // (limits.md); text INFERRED.
  if (CountsOf(r).stopping >= options_.quotas.concurrent_stop_resource_per_type) {
    return StopQuotaReached(options_.quotas.concurrent_stop_resource_per_type);
  }
  r.life.frozen = false;
  SetStatus(r, stops_monitoring ? Status::kActiveStopping : Status::kCreateStopping, now);
  Schedule(r, now + options_.lifecycle.stopping);
  SettleLocked(now);
  return Done{};
}

Outcome<Done> Service::ResumeResource(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  Resource& r = *it->second;
  // "Resumes a stopped monitor resource" (ResumeResource): nothing else.
  if (!r.IsMonitor()) return NotResumable(arn);
  if (r.life.status != Status::kActiveStopped) return MonitorNotStopped(arn, StatusName(r.life.status));
  SetStatus(r, Status::kActive, Now());
  return Done{};
}

Outcome<Done> Service::DeleteResourceTree(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  std::vector<Resource*> tree = TreeOf(*it->second);
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
      SetStatus(*r, Status::kDeletePending, now);
      Schedule(*r, now + options_.lifecycle.delete_pending);
    }
  }
  SettleLocked(now);
  return Done{};
}

Outcome<Done> Service::TagResource(const std::string& arn, const std::vector<Tag>& tags) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  std::vector<Tag> merged = it->second->tags;
  for (const auto& t : tags) {
    if (HasAwsPrefix(t.key)) return ReservedTagKey(t.key);
  }
  if (auto ok = checks_.NewTags(tags); !ok) return ok.error();
  for (const auto& t : tags) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Tag& m) { return m.key == t.key; });
    if (same != merged.end()) {
      same->value = t.value;
    } else {
      merged.push_back(t);
    }
  }
  const auto user = std::count_if(merged.begin(), merged.end(), [](const Tag& t) { return !HasAwsPrefix(t.key); });
  if (user > options_.quotas.tags_per_resource) return TooManyTags(options_.quotas.tags_per_resource);
  it->second->tags = std::move(merged);
  return Done{};
}

Outcome<Done> Service::UntagResource(const std::string& arn, const std::vector<std::string>& keys) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  // "You cannot edit or delete tag keys with this prefix" (Tag documentation).
  for (const auto& k : keys) {
    if (HasAwsPrefix(k)) return ReservedTagKey(k);
  }
  auto& tags = it->second->tags;
  tags.erase(std::remove_if(tags.begin(), tags.end(),
                            [&](const Tag& t) { return std::find(keys.begin(), keys.end(), t.key) != keys.end(); }),
             tags.end());
  return Done{};
}

Outcome<std::vector<Tag>> Service::ListTagsForResource(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  return it->second->tags;
}

}  // namespace fakeaws::forecast
