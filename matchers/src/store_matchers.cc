// HasObject: the S3 store as a test sees it, through the typed S3Api.
#include "fakeaws/matchers.h"

namespace fakeaws::matchers_internal {
namespace {

using ::testing::PrintToString;

std::string Excerpt(const std::string& s) {
  constexpr size_t kShown = 120;
  return PrintToString(s.size() <= kShown ? s : s.substr(0, kShown)) +
         (s.size() <= kShown ? "" : "... (" + std::to_string(s.size()) + " bytes)");
}

std::string KeyList(const std::vector<std::string>& keys) {
  constexpr size_t kShown = 10;
  std::string out;
  for (size_t i = 0; i < keys.size() && i < kShown; ++i) out += (i ? ", " : "") + keys[i];
  if (keys.size() > kShown) out += ", ... (" + std::to_string(keys.size() - kShown) + " more)";
  return out;
}

std::string Objects(size_t n) { return std::to_string(n) + (n == 1 ? " object" : " objects"); }

// "" when `object` satisfies every criterion past the key; else why not.
std::string Mismatch(const ObjectCriteria& c, const S3Object& object) {
  ::testing::StringMatchResultListener inner;
  auto with_inner = [&inner](std::string s) {
    if (!inner.str().empty()) s += " (" + inner.str() + ")";
    return s;
  };
  if (c.body && !c.body->MatchAndExplain(object.body, &inner)) {
    return with_inner("its body " + Excerpt(object.body) + " doesn't match");
  }
  if (c.content_type && !c.content_type->MatchAndExplain(object.content_type, &inner)) {
    return with_inner("its content type " + PrintToString(object.content_type) + " doesn't match");
  }
  for (const auto& [name, matcher] : c.metadata) {
    auto it = object.metadata.find(name);
    if (it == object.metadata.end()) {
      std::string names;
      for (const auto& [k, v] : object.metadata) names += (names.empty() ? "" : ", ") + k;
      return "it has no metadata " + PrintToString(name) +
             (names.empty() ? " (it has none)" : " (it has " + names + ")");
    }
    if (!matcher.MatchAndExplain(it->second, &inner)) {
      return with_inner("its metadata " + PrintToString(name) + " is " + PrintToString(it->second) +
                        ", which doesn't match");
    }
  }
  return "";
}

}  // namespace

bool MatchObjects(const ObjectCriteria& c, const S3Api& s3, ::testing::MatchResultListener* listener) {
  const std::string bucket = "whose bucket " + PrintToString(c.bucket);
  if (!s3.HasBucket(c.bucket)) {
    *listener << bucket << " doesn't exist";
    return false;
  }
  const std::vector<std::string> keys = s3.ListKeys(c.bucket);
  if (keys.empty()) {
    *listener << bucket << " is empty";
    return false;
  }
  std::vector<std::string> matching;
  for (const auto& k : keys) {
    if (c.key.Matches(k)) matching.push_back(k);
  }
  if (matching.empty()) {
    *listener << bucket << " holds " << Objects(keys.size()) << ", none with a matching key: "
              << KeyList(keys);
    return false;
  }
  std::vector<std::string> reasons;
  for (const auto& k : matching) {
    auto object = s3.GetObject(c.bucket, k);
    if (!object.ok()) continue;  // deleted between the listing and now
    std::string why = Mismatch(c, object.value());
    if (why.empty()) {
      *listener << bucket << " holds " << PrintToString(k) << " (" << object->body.size() << " bytes)";
      return true;
    }
    reasons.push_back(k + ": " + why);
  }
  *listener << bucket << " holds " << Objects(matching.size()) << " with a matching key, none matching entirely";
  constexpr size_t kShown = 3;
  for (size_t i = 0; i < reasons.size() && i < kShown; ++i) *listener << (i ? "; " : ": ") << reasons[i];
  if (reasons.size() > kShown) *listener << "; ... (" << reasons.size() - kShown << " more)";
  return false;
}

void DescribeObjects(const ObjectCriteria& c, bool negation, std::ostream* os) {
  *os << (negation ? "has no object" : "has an object") << " in bucket " << PrintToString(c.bucket)
      << " whose key ";
  c.key.DescribeTo(os);
  if (c.body) {
    *os << " and whose body ";
    c.body->DescribeTo(os);
  }
  if (c.content_type) {
    *os << " and whose content type ";
    c.content_type->DescribeTo(os);
  }
  for (const auto& [name, matcher] : c.metadata) {
    *os << " and whose metadata " << PrintToString(name) << " ";
    matcher.DescribeTo(os);
  }
}

}  // namespace fakeaws::matchers_internal
