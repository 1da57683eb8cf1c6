// The Forecast resources of one fake and what follows from them: lookups by
// ARN, type and parent (the resource trees of delete-resource.md), every
// resource's lifecycle on one timeline (lifecycle.h), the counts the quotas
// read, and the IAM roles a test added. The service's operations act
// through this API; a resource sees only the CompletionContext side of it,
// when its creation completes.
//
// Not locked: Service holds its mutex around every call.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "fakeaws/error.h"
#include "fakeaws/options.h"
#include "forecast/errors.h"
#include "forecast/resources.h"
#include "forecast/views.h"
#include "s3/store.h"

namespace fakeaws::forecast {

class Registry {
 public:
  // What a snapshot saves and restores (forecast/snapshot.h); the schedule
  // and the quota counts follow from it.
  struct Contents {
    uint64_t next_seq = 1;  // the creation order of the next resource
    std::map<std::string, std::unique_ptr<Resource>> resources;  // by ARN
    std::set<std::string> roles;
  };

  // How many resources of one type there are, and in which statuses the
  // quotas count.
  struct KindCounts {
    int total = 0;
    int creating = 0;  // CREATE_PENDING or CREATE_IN_PROGRESS
    int stopping = 0;  // CREATE_STOPPING or ACTIVE_STOPPING
  };

  // The store is where resources read imports and write exports.
  Registry(const Options& options, s3::Store& store) : options_(options), store_(store) {}
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // ---- Lookups (which change nothing: what they find may be changed) ----

  bool Contains(const std::string& arn) const { return contents_.resources.count(arn) > 0; }
  // The resource named `arn` when it is a T (any type for Resource), or nullptr.
  template <typename T>
  T* Find(const std::string& arn) const;
  // ResourceNotFound, or ResourceInUse unless it is ACTIVE.
  template <typename T>
  Outcome<T*> FindActive(const std::string& arn) const;
  // Every T, newest first.
  template <typename T>
  std::vector<T*> All() const;
  // The live resources whose parent is `arn`, oldest first, and the whole
  // tree under `root`, parents before children.
  std::vector<Resource*> ChildrenOf(const std::string& arn) const;
  std::vector<Resource*> TreeOf(Resource& root) const;
  // The import job whose data a dataset holds now: its newest ACTIVE one.
  DatasetImportJobResource* LatestImport(const std::string& dataset_arn) const;
  // ResourceInUseException when `r` cannot be deleted alone: it is not in
  // one of `deletable` statuses, or it has children.
  Outcome<Done> CheckDeletable(const Resource& r, std::initializer_list<Status> deletable) const;
  // Every resource, by ARN, with the roles and the next creation order.
  const Contents& contents() const { return contents_; }
  // The creation order the next resource gets (AutoPredictor ARNs draw on it).
  uint64_t next_seq() const { return contents_.next_seq; }

  // ---- Lifecycles ----

  // Runs every transition due by `now`, completing what finishes creating.
  void Settle(Timestamp now);
  // Adds a resource in `initial`, with nothing scheduled.
  void Insert(std::unique_ptr<Resource> r, Status initial, Timestamp now);
  // Adds a resource in CREATE_PENDING and runs what is due at once.
  void Admit(std::unique_ptr<Resource> r, Timestamp now);
  // Starts deleting `r` (DELETE_PENDING) and runs what is due at once.
  void BeginDelete(Resource& r, Timestamp now);
  // Every status change goes through SetStatus, which keeps the counts the
  // quotas read.
  void SetStatus(Resource& r, Status s, Timestamp at);
  // `r`'s next transition happens at `at`.
  void Schedule(Resource& r, Timestamp at);
  void Unschedule(Resource& r);
  // The members every view shares, as of `now`.
  void FillView(const Resource& r, Timestamp now, ResourceView* view) const;

  // ---- Quotas ----

  const KindCounts& CountsOf(const Resource& r) { return counts_[std::type_index(typeid(r))]; }
  template <typename T>
  const KindCounts& CountsOf() {
    return counts_[std::type_index(typeid(T))];
  }
  // LimitExceededException when `T` has `concurrent` resources being created
  // (0: no such quota) or `total` in all.
  template <typename T>
  std::optional<AwsError> CheckQuotas(int concurrent, std::string_view concurrent_words, int total,
                                      std::string_view total_words, bool short_total = false);

  // ---- Roles ----

  void AddRole(const std::string& role_arn) { contents_.roles.insert(role_arn); }
  // Any role, or with Options::roles_must_exist those added.
  bool RoleAssumable(const std::string& role_arn) const;

  // ---- Snapshots ----

  // Replaces every resource and role, and rebuilds the schedule and the
  // quota counts from them.
  void Replace(Contents contents);

 private:
  class Completion;  // the CompletionContext Step hands a resource

  KindCounts& MutableCountsOf(const Resource& r) { return counts_[std::type_index(typeid(r))]; }
  void Step(Resource& r, Timestamp at);
  void Erase(Resource& r);

  const Options& options_;
  s3::Store& store_;
  Contents contents_;
  // (when, creation order, ARN) of every scheduled transition.
  std::set<std::tuple<Timestamp, uint64_t, std::string>> timeline_;
  std::unordered_map<std::type_index, KindCounts> counts_;
};

template <typename T>
T* Registry::Find(const std::string& arn) const {
  auto it = contents_.resources.find(arn);
  return it == contents_.resources.end() ? nullptr : dynamic_cast<T*>(it->second.get());
}

template <typename T>
Outcome<T*> Registry::FindActive(const std::string& arn) const {
  T* r = Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  if (r->life.status != Status::kActive) return ResourceNotActive(r->Words(), arn, StatusName(r->life.status));
  return r;
}

template <typename T>
std::vector<T*> Registry::All() const {
  std::vector<T*> out;
  for (auto& [arn, r] : contents_.resources) {
    if (auto* t = dynamic_cast<T*>(r.get())) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->seq > b->seq; });
  return out;
}

template <typename T>
std::optional<AwsError> Registry::CheckQuotas(int concurrent, std::string_view concurrent_words, int total,
                                              std::string_view total_words, bool short_total) {
  const KindCounts& c = CountsOf<T>();
  if (concurrent > 0 && c.creating >= concurrent) return ConcurrentQuotaReached(concurrent, concurrent_words);
  if (c.total >= total) {
    return short_total ? ShortTotalQuotaReached(total, total_words) : TotalQuotaReached(total, total_words);
  }
  return std::nullopt;
}

}  // namespace fakeaws::forecast
