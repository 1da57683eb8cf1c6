// RFC 6901 JSON Pointer lookups that keep the member's text as it was sent,
// so a matcher can compare numbers as they appear on the wire and explain
// what it found when a member is missing.
#pragma once

#include <string>
#include <string_view>

namespace fakeaws::matchers_internal {

struct JsonLookup {
  enum class Kind { kNotJson, kBadPointer, kMissing, kFound };
  Kind kind = Kind::kNotJson;
  // kFound: a string's content, or any other value's JSON text as sent.
  std::string value;
  bool is_string = false;
  // kMissing: the deepest value the pointer reached ("" = the document) and
  // what it holds ("has members A, B", "has 2 elements", "is a string").
  std::string reached;
  std::string reached_shape;
};

JsonLookup LookupJsonPointer(std::string_view json, std::string_view pointer);

}  // namespace fakeaws::matchers_internal
