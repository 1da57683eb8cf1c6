#include "forecast/input_checks.h"

#include <algorithm>
#include <set>

#include "forecast/arn.h"
#include "forecast/errors.h"

namespace fakeaws::forecast {
namespace {

bool IsAccountId(const std::string& s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool HasAwsPrefix(const std::string& key) {
  return key.size() >= 4 && (key[0] == 'a' || key[0] == 'A') && (key[1] == 'w' || key[1] == 'W') &&
         (key[2] == 's' || key[2] == 'S') && key[3] == ':';
}

Outcome<Done> InputChecks::NewTags(const std::vector<ResourceTag>& tags) const {
  int user_tags = 0;
  std::set<std::string> keys;
  for (const auto& t : tags) {
    if (HasAwsPrefix(t.key)) return ReservedTagKey(t.key);
    if (!keys.insert(t.key).second) return DuplicateTagKey(t.key);
    ++user_tags;
  }
  if (user_tags > options_.quotas.tags_per_resource) return TooManyTags(options_.quotas.tags_per_resource);
  return Done{};
}

Outcome<Done> InputChecks::Role(const std::string& role_arn) const {
  auto parts = ParseArn(role_arn);
  if (!parts || parts->service != "iam" || !parts->region.empty() || !IsAccountId(parts->account) ||
      parts->resource.rfind("role/", 0) != 0 || parts->resource.size() <= 5) {
    return MalformedRoleArn(role_arn);
  }
  // "If you pass a role that isn't in your account, you get an
  // InvalidInputException error" (S3Config.RoleArn, wire-format.md §2.2).
  if (parts->account != options_.account_id) return RoleInOtherAccount(role_arn);
  return Done{};
}

Outcome<Done> InputChecks::KmsKey(const std::string& kms_key_arn) const {
  if (kms_key_arn.empty()) return Done{};
  auto parts = ParseArn(kms_key_arn);
  if (!parts || parts->service != "kms" || parts->region != options_.region ||
      !IsAccountId(parts->account) || parts->resource.rfind("key/", 0) != 0 ||
      parts->resource.size() <= 4) {
    return UnusableKmsKey(kms_key_arn);
  }
  return Done{};
}

Outcome<Done> InputChecks::ExportDestination(const CreateExportInput& in) const {
  if (auto ok = NewTags(in.tags); !ok) return ok.error();
  if (auto ok = Role(in.destination.role_arn); !ok) return ok.error();
  return KmsKey(in.destination.kms_key_arn);
}

}  // namespace fakeaws::forecast
