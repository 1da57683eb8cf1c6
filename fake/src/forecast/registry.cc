#include "forecast/registry.h"

#include "forecast/completion_context.h"

namespace fakeaws::forecast {

// What a resource sees of the registry as it completes.
class Registry::Completion final : public CompletionContext {
 public:
  explicit Completion(Registry& registry) : registry_(registry) {}

  s3::Store& store() override { return registry_.store_; }
  const ExportLayout& export_layout() const override { return registry_.options_.export_layout; }
  uint64_t seed() const override { return registry_.options_.seed; }
  bool RoleAssumable(const std::string& role_arn) const override { return registry_.RoleAssumable(role_arn); }
  Resource* FindResource(const std::string& arn) override { return registry_.Find<Resource>(arn); }
  const DatasetImportJobResource* LatestImport(const std::string& dataset_arn) override {
    return registry_.LatestImport(dataset_arn);
  }

 private:
  Registry& registry_;
};

// ---- Lookups ----

std::vector<Resource*> Registry::ChildrenOf(const std::string& arn) const {
  std::vector<Resource*> out;
  for (auto& [child_arn, r] : contents_.resources) {
    if (!r->ParentArn().empty() && r->ParentArn() == arn) out.push_back(r.get());
  }
  std::sort(out.begin(), out.end(), [](const Resource* a, const Resource* b) { return a->seq < b->seq; });
  return out;
}

std::vector<Resource*> Registry::TreeOf(Resource& root) const {
  std::vector<Resource*> tree{&root};
  for (size_t i = 0; i < tree.size(); ++i) {
    for (Resource* child : ChildrenOf(tree[i]->arn)) tree.push_back(child);
  }
  return tree;
}

DatasetImportJobResource* Registry::LatestImport(const std::string& dataset_arn) const {
  for (auto* job : All<DatasetImportJobResource>()) {
    if (job->dataset_arn == dataset_arn && job->life.status == Status::kActive && job->data) return job;
  }
  return nullptr;
}

Outcome<Done> Registry::CheckDeletable(const Resource& r, std::initializer_list<Status> deletable) const {
  if (std::find(deletable.begin(), deletable.end(), r.life.status) == deletable.end()) {
    return CannotDeleteInStatus(r.Words(), r.arn, StatusName(r.life.status));
  }
  // "If a resource has child resources, you must delete the entire resource
  // tree" (delete-resource.md).
  const auto children = ChildrenOf(r.arn);
  if (!children.empty()) return ResourceHasChildren(r.Words(), r.arn, children.front()->Plural());
  return Done{};
}

// ---- Lifecycles ----

void Registry::Settle(Timestamp now) {
  while (!timeline_.empty() && std::get<0>(*timeline_.begin()) <= now) {
    auto [at, seq, arn] = *timeline_.begin();
    timeline_.erase(timeline_.begin());
    auto it = contents_.resources.find(arn);
    if (it == contents_.resources.end()) continue;
    it->second->due.reset();
    Step(*it->second, at);
  }
}

void Registry::Step(Resource& r, Timestamp at) {
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

void Registry::Insert(std::unique_ptr<Resource> r, Status initial, Timestamp now) {
  r->seq = contents_.next_seq++;
  r->life.creation_time = now;
  r->life.status = Status::kActive;  // counted as not creating until SetStatus
  MutableCountsOf(*r).total += 1;
  SetStatus(*r, initial, now);
  const std::string arn = r->arn;
  contents_.resources[arn] = std::move(r);
}

void Registry::Admit(std::unique_ptr<Resource> r, Timestamp now) {
  Resource& ref = *r;
  Insert(std::move(r), Status::kCreatePending, now);
  Schedule(ref, now + options_.lifecycle.create_pending);
  Settle(now);
}

void Registry::BeginDelete(Resource& r, Timestamp now) {
  r.life.frozen = false;
  SetStatus(r, Status::kDeletePending, now);
  Schedule(r, now + options_.lifecycle.delete_pending);
  Settle(now);
}

void Registry::Erase(Resource& r) {
  KindCounts& c = MutableCountsOf(r);
  c.total -= 1;
  c.creating -= IsCreating(r.life.status) ? 1 : 0;
  c.stopping -= IsStopping(r.life.status) ? 1 : 0;
  Unschedule(r);
  contents_.resources.erase(r.arn);  // `r` is gone from here on
}

void Registry::SetStatus(Resource& r, Status s, Timestamp at) {
  KindCounts& c = MutableCountsOf(r);
  const Status old = r.life.status;
  c.creating += (IsCreating(s) ? 1 : 0) - (IsCreating(old) ? 1 : 0);
  c.stopping += (IsStopping(s) ? 1 : 0) - (IsStopping(old) ? 1 : 0);
  r.life.Enter(s, at);
}

void Registry::Schedule(Resource& r, Timestamp at) {
  Unschedule(r);
  r.due = at;
  timeline_.emplace(at, r.seq, r.arn);
}

void Registry::Unschedule(Resource& r) {
  if (r.due) timeline_.erase({*r.due, r.seq, r.arn});
  r.due.reset();
}

void Registry::FillView(const Resource& r, Timestamp now, ResourceView* view) const {
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

// ---- Roles ----

bool Registry::RoleAssumable(const std::string& role_arn) const {
  return !options_.roles_must_exist || contents_.roles.count(role_arn) > 0;
}

// ---- Snapshots ----

void Registry::Replace(Contents contents) {
  contents_ = std::move(contents);
  timeline_.clear();
  counts_.clear();
  // As Schedule, Insert and SetStatus keep them.
  for (auto& [arn, r] : contents_.resources) {
    if (r->due) timeline_.emplace(*r->due, r->seq, r->arn);
    KindCounts& counts = MutableCountsOf(*r);
    counts.total += 1;
    counts.creating += IsCreating(r->life.status) ? 1 : 0;
    counts.stopping += IsStopping(r->life.status) ? 1 : 0;
  }
}

}  // namespace fakeaws::forecast
