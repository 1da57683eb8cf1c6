// Compact JSON as AWS's Java services write it (Jackson): members in the
// order written, no whitespace, "/" unescaped, non-ASCII as raw UTF-8, and
// control characters as \b \t \n \f \r or \u00XX.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/clock.h"

namespace fakeaws::protocol {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(1024); }
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Epoch seconds as a JSON number in Java's notation ("1.7672256E9"):
  // wire-format.md §1.2.
  JsonWriter& Time(Timestamp t);

  // Writes `key` and `value` only when `value` is not empty: the fake omits
  // unset members (wire-format.md §1.2, "null members").
  JsonWriter& OptionalString(std::string_view key, std::string_view value);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  std::string out_;
  std::vector<bool> has_items_;
  bool after_key_ = false;
};

void AppendJsonString(std::string* out, std::string_view s);

}  // namespace fakeaws::protocol
