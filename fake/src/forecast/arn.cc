#include "forecast/arn.h"

#include <vector>

#include "base/seeded.h"

namespace fakeaws::forecast {

std::optional<ArnParts> ParseArn(std::string_view arn) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return std::nullopt;
    parts.emplace_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  if (parts[0] != "arn") return std::nullopt;
  return ArnParts{parts[1], parts[2], parts[3], parts[4], std::string(arn.substr(start))};
}

std::string SeededUlid(Timestamp t, uint64_t seed, uint64_t n) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out(26, '0');
  uint64_t ms = static_cast<uint64_t>(t.time_since_epoch().count());
  for (int i = 9; i >= 0; --i, ms >>= 5) out[i] = kAlphabet[ms & 31];
  const uint64_t stream = base::HashString("auto-predictor-ulid");
  uint64_t high = base::SeededValue(seed, stream, 2 * n);
  uint64_t low = base::SeededValue(seed, stream, 2 * n + 1);
  // 80 bits: 16 from `high`, 64 from `low`, five at a time.
  for (int i = 25; i >= 10; --i) {
    out[i] = kAlphabet[low & 31];
    low = (low >> 5) | ((high & 31) << 59);
    high >>= 5;
  }
  return out;
}

std::string PartitionOf(std::string_view region) {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

}  // namespace fakeaws::forecast
