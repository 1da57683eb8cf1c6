// List pagination shared by every List* operation: newest first, opaque
// NextTokens that name where the previous page stopped, expire after 24 hours
// (the model's documentation) and are refused when forged or reused across
// operations (InvalidNextTokenException).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"

namespace fakeaws::forecast {

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_token;  // empty on the last page
};

class PageTokens {
 public:
  explicit PageTokens(uint64_t seed) : seed_(seed) {}
  // A token for "continue after the item with creation sequence `after_seq`".
  std::string Issue(const std::string& list_name, uint64_t after_seq, Timestamp now) const;
  // The sequence a valid token continues after, or nullopt.
  std::optional<uint64_t> Redeem(const std::string& list_name, const std::string& token,
                                 Timestamp now) const;

 private:
  uint64_t Mac(const std::string& list_name, uint64_t seq, int64_t issued_ms) const;
  uint64_t seed_;
};

// AWS's default and maximum page size for Forecast lists (MaxResults 1..100).
inline constexpr int kDefaultMaxResults = 100;

}  // namespace fakeaws::forecast
