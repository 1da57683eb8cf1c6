// Private to fake/src/forecast: what the operation files share. Include
// only from the files that define Service's operations.
#pragma once

#include <algorithm>

#include "forecast/errors.h"
#include "forecast/service.h"

namespace fakeaws::forecast {

// What Describe and List show of each resource as of `now` (views.h). The
// registry answers what a view shows of other resources: a dataset's
// imports, a predictor's monitor, a monitor's baseline. Each is defined
// beside its resource's operations.
DatasetGroupView ViewOf(const DatasetGroupResource& g, const Registry& registry, Timestamp now);
DatasetView ViewOf(const DatasetResource& d, const Registry& registry, Timestamp now);
DatasetImportJobView ViewOf(const DatasetImportJobResource& j, const Registry& registry, Timestamp now);
PredictorView ViewOf(const PredictorResource& p, const Registry& registry, Timestamp now);
ForecastView ViewOf(const ForecastResource& f, const Registry& registry, Timestamp now);
ForecastExportJobView ViewOf(const ForecastExportJobResource& job, const Registry& registry, Timestamp now);
ExportJobView ViewOf(const S3ExportResource& job, const Registry& registry, Timestamp now);
ExplainabilityView ViewOf(const ExplainabilityResource& e, const Registry& registry, Timestamp now);
MonitorView ViewOf(const MonitorResource& m, const Registry& registry, Timestamp now);
WhatIfAnalysisView ViewOf(const WhatIfAnalysisResource& a, const Registry& registry, Timestamp now);
WhatIfForecastView ViewOf(const WhatIfForecastResource& f, const Registry& registry, Timestamp now);

template <typename T, typename View>
Outcome<View> Service::DescribeAs(const std::string& arn) {
  auto [lock, now] = Begin();
  T* r = registry_.Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  return ViewOf(*r, registry_, now);
}

template <typename T>
Outcome<Done> Service::DeleteAs(const std::string& arn, std::initializer_list<Status> deletable) {
  auto [lock, now] = Begin();
  T* r = registry_.Find<T>(arn);
  if (r == nullptr) return ResourceNotFound(arn);
  if (auto ok = registry_.CheckDeletable(*r, deletable); !ok) return ok.error();
  registry_.BeginDelete(*r, now);
  return Done{};
}

template <typename T, typename View, typename Field>
Outcome<Page<View>> Service::List(const std::string& list_name, const ListQuery& query,
                                  std::initializer_list<std::string_view> keys, Field field) {
  auto [lock, now] = Begin();
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
  Page<View> page;
  const size_t limit = static_cast<size_t>(std::max(1, query.max_results));
  uint64_t last_seq = 0;
  for (T* r : registry_.All<T>()) {
    if (after && r->seq >= *after) continue;
    const bool keep = std::all_of(query.filters.begin(), query.filters.end(), [&](const Filter& f) {
      return (field(*r, f.key) == f.value) == f.is;
    });
    if (!keep) continue;
    if (page.items.size() == limit) {
      page.next_token = tokens_.Issue(list_name, last_seq, now);
      break;
    }
    page.items.push_back(ViewOf(*r, registry_, now));
    last_seq = r->seq;
  }
  return page;
}

}  // namespace fakeaws::forecast
