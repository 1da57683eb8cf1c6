// Private to fake/src/forecast: templates and helpers the per-resource
// operation files share. Include only from service .cc files.
#pragma once

#include <algorithm>

#include "forecast/errors.h"
#include "forecast/service.h"

namespace fakeaws::forecast {

// Export jobs, backtest exports and forecasts: "You can delete only ... that
// have a status of ACTIVE or CREATE_FAILED"; a stopped job is as final.
inline bool CanDelete(Status s) {
  return s == Status::kActive || s == Status::kCreateFailed || s == Status::kCreateStopped;
}

template <typename T>
T* Service::Find(const std::string& arn) {
  auto it = resources_.find(arn);
  return it == resources_.end() ? nullptr : dynamic_cast<T*>(it->second.get());
}

template <typename T>
std::vector<T*> Service::All() {
  std::vector<T*> out;
  for (auto& [arn, r] : resources_) {
    if (auto* t = dynamic_cast<T*>(r.get())) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->seq > b->seq; });
  return out;
}

template <typename T>
Outcome<T*> Service::FindActive(const std::string& arn) {
  T* r = Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  if (r->life.status != Status::kActive) return ResourceNotActive(r->Words(), arn, StatusName(r->life.status));
  return r;
}

template <typename T>
std::optional<AwsError> Service::CheckQuotas(int concurrent, std::string_view concurrent_words, int total,
                                             std::string_view total_words, bool short_total) {
  const KindCounts& c = counts_[std::type_index(typeid(T))];
  if (concurrent > 0 && c.creating >= concurrent) return ConcurrentQuotaReached(concurrent, concurrent_words);
  if (c.total >= total) {
    return short_total ? ShortTotalQuotaReached(total, total_words) : TotalQuotaReached(total, total_words);
  }
  return std::nullopt;
}

template <typename T, typename View>
Outcome<View> Service::DescribeAs(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  T* r = Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  return InfoOf(*r, now);
}

template <typename T>
Outcome<Done> Service::DeleteAs(const std::string& arn, std::initializer_list<Status> deletable) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  T* r = Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  if (auto ok = CheckDeletable(*r, deletable); !ok) return ok.error();
  BeginDelete(*r, now);
  return Done{};
}

template <typename T, typename Info, typename Field>
Outcome<Page<Info>> Service::List(const std::string& list_name, const ListQuery& query,
                                  std::initializer_list<std::string_view> keys, Field field) {
  const Timestamp now = Now();
  SettleLocked(now);
  std::optional<uint64_t> after;
  if (!query.next_token.empty()) {
    after = tokens_.Redeem(list_name, query.next_token, now);
    if (!after) return InvalidNextToken();
  }
  for (const auto& f : query.filters) {
    if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) {
      std::string valid = "[";
      for (auto k : keys) valid += (valid.size() > 1 ? ", " : "") + std::string(k);
      return InvalidFilterKey(f.key, valid + "]");
    }
  }
  Page<Info> page;
  const size_t limit = static_cast<size_t>(std::max(1, query.max_results));
  uint64_t last_seq = 0;
  for (T* r : All<T>()) {
    if (after && r->seq >= *after) continue;
    const bool keep = std::all_of(query.filters.begin(), query.filters.end(), [&](const Filter& f) {
      return (field(*r, f.key) == f.value) == f.is;
    });
    if (!keep) continue;
    if (page.items.size() == limit) {
      page.next_token = tokens_.Issue(list_name, last_seq, now);
      break;
    }
    page.items.push_back(InfoOf(*r, now));
    last_seq = r->seq;
  }
  return page;
}

}  // namespace fakeaws::forecast
