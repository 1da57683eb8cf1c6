#include "s3/preconditions.h"

#include <chrono>

namespace fakeaws::s3 {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// HTTP dates carry whole seconds: compare Last-Modified at that precision.
int64_t Seconds(Timestamp t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

bool EtagListMatches(std::string_view list, const std::string& etag) {
  const std::string_view bare = UnquotedEtag(etag);
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = Trim(list.substr(0, comma));
    if (item.substr(0, 2) == "W/") item.remove_prefix(2);
    if (item == "*" || UnquotedEtag(item) == bare) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::string_view UnquotedEtag(std::string_view s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

ReadDecision EvaluateReadConditions(const ReadConditions& c, const std::string& etag, Timestamp last_modified) {
  const int64_t modified = Seconds(last_modified);
  if (c.if_match) {
    if (!EtagListMatches(*c.if_match, etag)) return {ReadDecision::kFailed, "If-Match"};
  } else if (c.if_unmodified_since && modified > Seconds(*c.if_unmodified_since)) {
    return {ReadDecision::kFailed, "If-Unmodified-Since"};
  }
  if (c.if_none_match) {
    if (EtagListMatches(*c.if_none_match, etag)) return {ReadDecision::kNotModified, ""};
  } else if (c.if_modified_since && modified <= Seconds(*c.if_modified_since)) {
    return {ReadDecision::kNotModified, ""};
  }
  return {};
}

}  // namespace fakeaws::s3
