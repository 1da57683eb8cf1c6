// HasJsonMember.
#include "fakeaws/matchers.h"
#include "json_pointer.h"

namespace fakeaws::matchers_internal {
namespace {

std::string Excerpt(const std::string& s) {
  if (s.empty()) return "(empty)";
  constexpr size_t kShown = 80;
  return s.size() <= kShown ? s : s.substr(0, kShown) + "...";
}

}  // namespace

void JsonMemberMatcher::DescribeTo(std::ostream* os) const {
  *os << "has JSON member " << pointer_ << " that ";
  value_.DescribeTo(os);
}

void JsonMemberMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "has no JSON member " << pointer_ << " that ";
  value_.DescribeTo(os);
}

bool JsonMemberMatcher::MatchJson(JsonSource source, ::testing::MatchResultListener* listener) const {
  const std::string owner = source.owner;
  const std::string subject = owner.empty() ? "which" : "whose " + owner;
  const JsonLookup found = LookupJsonPointer(*source.text, pointer_);
  switch (found.kind) {
    case JsonLookup::Kind::kNotJson:
      *listener << subject << " is not JSON: " << Excerpt(*source.text);
      return false;
    case JsonLookup::Kind::kBadPointer:
      *listener << "which can't be searched: " << ::testing::PrintToString(pointer_)
                << " is not a JSON pointer (it must be empty or start with '/')";
      return false;
    case JsonLookup::Kind::kMissing:
      *listener << subject << " has no member " << pointer_ << " ("
                << (found.reached.empty() ? "the document" : found.reached) << " "
                << found.reached_shape << ")";
      return false;
    case JsonLookup::Kind::kFound:
      break;
  }
  *listener << "whose " << (owner.empty() ? "" : owner + "'s ") << "member " << pointer_ << " is "
            << (found.is_string ? ::testing::PrintToString(found.value) : found.value);
  ::testing::StringMatchResultListener inner;
  const bool matched = value_.MatchAndExplain(found.value, &inner);
  if (!inner.str().empty()) *listener << " (" << inner.str() << ")";
  return matched;
}

}  // namespace fakeaws::matchers_internal
