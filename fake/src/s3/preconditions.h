// Conditional reads (GetObject, HeadObject, CopyObject's source): RFC 7232's
// evaluation order, which S3 follows (DOC: GetObject, "If both of the
// If-Match and If-Unmodified-Since headers are present ... 200 OK").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/clock.h"

namespace fakeaws::s3 {

struct ReadConditions {
  std::optional<std::string> if_match;
  std::optional<std::string> if_none_match;
  std::optional<Timestamp> if_modified_since;
  std::optional<Timestamp> if_unmodified_since;
};

struct ReadDecision {
  enum Kind { kProceed, kNotModified, kFailed } kind = kProceed;
  std::string condition;  // for kFailed: "If-Match" or "If-Unmodified-Since"
};

ReadDecision EvaluateReadConditions(const ReadConditions& c, const std::string& etag, Timestamp last_modified);

// An entity tag without its quotes ("\"abc\"" -> "abc"); clients send both.
std::string_view UnquotedEtag(std::string_view etag);

// True when the If-Match / If-None-Match list (comma-separated entity tags,
// quoted or not, or "*") names `etag` (quoted, as S3 stores it).
bool EtagListMatches(std::string_view list, const std::string& etag);

}  // namespace fakeaws::s3
