// Forecast ARNs, built from names as AWS builds them (wire-format.md §3.3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/clock.h"

namespace fakeaws::forecast {

struct ArnParts {
  std::string partition, service, region, account, resource;
  // "forecast-export-job" of "forecast-export-job/f/j".
  std::string ResourceType() const { return resource.substr(0, resource.find('/')); }
};

// Splits "arn:partition:service:region:account:resource"; nullopt when there
// are fewer than six parts or the first is not "arn".
std::optional<ArnParts> ParseArn(std::string_view arn);

// "aws", "aws-cn" or "aws-us-gov", from the region.
std::string PartitionOf(std::string_view region);

// A ULID (26 characters of Crockford's base32: 48 bits of milliseconds, 80
// bits of randomness), as AutoPredictor ARNs end in (wire-format.md §3.3,
// "predictor/TAXI_PREDICTOR_01FTHF1KK7E6VVR676WVN24MXC"); the randomness is
// drawn from the seed and `n`.
std::string SeededUlid(Timestamp t, uint64_t seed, uint64_t n);

class ArnFactory {
 public:
  ArnFactory(std::string region, std::string account)
      : prefix_(Prefix(region, account)), region_(std::move(region)), account_(std::move(account)) {}

  // arn:aws:forecast:<region>:<account>:<type>/<path>
  std::string Make(std::string_view type, std::string_view path) const {
    return prefix_ + std::string(type) + "/" + std::string(path);
  }
  std::string Forecast(std::string_view name) const { return Make("forecast", name); }
  std::string ForecastExportJob(std::string_view forecast, std::string_view job) const {
    return Make("forecast-export-job", std::string(forecast) + "/" + std::string(job));
  }
  std::string IamRole(std::string_view name) const {
    return "arn:" + PartitionOf(region_) + ":iam::" + account_ + ":role/" + std::string(name);
  }
  const std::string& region() const { return region_; }
  const std::string& account() const { return account_; }

 private:
  // "arn:<partition>:forecast:<region>:<account>:", in one allocation: every
  // Fake makes one, and a fake per test should cost next to nothing.
  static std::string Prefix(std::string_view region, std::string_view account) {
    const std::string partition = PartitionOf(region);
    std::string p;
    p.reserve(4 + partition.size() + 10 + region.size() + 1 + account.size() + 1);
    p.append("arn:").append(partition).append(":forecast:").append(region).append(":").append(account).append(":");
    return p;
  }

  std::string prefix_;
  std::string region_;
  std::string account_;
};

}  // namespace fakeaws::forecast
