#include "forecast/pagination.h"

#include <cinttypes>
#include <cstdio>

#include "base/base64.h"
#include "base/seeded.h"

namespace fakeaws::forecast {

uint64_t PageTokens::Mac(const std::string& list_name, uint64_t seq, int64_t issued_ms) const {
  return base::SeededValue(seed_, base::HashString("next-token:" + list_name),
                               base::Mix64(seq) ^ static_cast<uint64_t>(issued_ms));
}

std::string PageTokens::Issue(const std::string& list_name, uint64_t after_seq, Timestamp now) const {
  const int64_t issued = now.time_since_epoch().count();
  char buf[96];
  std::snprintf(buf, sizeof buf, "%" PRIu64 ":%" PRId64 ":%016" PRIx64, after_seq, issued,
                Mac(list_name, after_seq, issued));
  return base::Base64Encode(buf);
}

std::optional<uint64_t> PageTokens::Redeem(const std::string& list_name, const std::string& token,
                                           Timestamp now) const {
  std::string raw;
  if (!base::Base64Decode(token, &raw)) return std::nullopt;
  uint64_t seq = 0, mac = 0;
  int64_t issued = 0;
  int consumed = 0;
  if (std::sscanf(raw.c_str(), "%" SCNu64 ":%" SCNd64 ":%16" SCNx64 "%n", &seq, &issued, &mac,
                  &consumed) != 3 ||
      static_cast<size_t>(consumed) != raw.size()) {
    return std::nullopt;
  }
  if (mac != Mac(list_name, seq, issued)) return std::nullopt;
  constexpr int64_t kDayMs = 24LL * 3600 * 1000;
  if (now.time_since_epoch().count() - issued > kDayMs) return std::nullopt;
  return seq;
}

}  // namespace fakeaws::forecast
