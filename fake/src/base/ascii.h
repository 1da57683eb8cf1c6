// ASCII text as the wire has it: header names and tokens compare without
// case, values lose the spaces and tabs around them.
#pragma once

#include <string>
#include <string_view>

namespace fakeaws::base {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
inline std::string TrimSpaces(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

}  // namespace fakeaws::base
