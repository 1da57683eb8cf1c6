// Differential fuzzing of the request JSON reader against nlohmann::json:
// both must agree on what is JSON (where their documented differences do not
// apply), and neither may crash.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "protocol/json_value.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool ours = fakeaws::protocol::ParseJson(text) != nullptr;
  // Known, intended differences: we accept lone \u surrogates (Jackson does)
  // and refuse nesting past 512 levels; nlohmann stops reading at a NUL byte
  // (its lexer takes '\0' for the end of input), which JSON does not allow.
  if (text.find("\\u") != std::string_view::npos) return 0;
  if (text.find('\0') != std::string_view::npos) return 0;
  size_t depth = 0, max_depth = 0;
  for (char c : text) {
    if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  if (max_depth > 400) return 0;
  const bool theirs = nlohmann::json::accept(text);
  // nlohmann refuses numbers that overflow a double; Jackson reads them as
  // BigDecimal, and so do we (as +-inf).
  size_t run = 0, longest_digits = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    longest_digits = std::max(longest_digits, run);
  }
  const bool may_overflow = text.find_first_of("eE") != std::string_view::npos || longest_digits > 300;
  if (ours != theirs && !(ours && may_overflow)) std::abort();
  return 0;
}
