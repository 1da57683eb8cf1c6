// Reads the members of one JSON object of a snapshot, keeping the first
// failure with the path where it happened ("forecast.resources[2]: seq is
// missing"), so decoding code reads straight through and checks once.
#pragma once

#include <string>
#include <vector>

#include "base/spec_json.h"

namespace fakeaws::base {

class JsonFields final {
 public:
  JsonFields(const Json& object, std::string where) : object_(object), where_(std::move(where)) {}

  bool ok() const { return error_.empty(); }
  AwsError error() const { return InvalidRequest("snapshot: " + error_); }

  const Json& Member(const char* key) {
    static const Json kNull;
    if (!ok()) return kNull;
    if (!object_.is_object() || !object_.contains(key)) {
      Fail(std::string(key) + " is missing");
      return kNull;
    }
    return object_[key];
  }
  std::string String(const char* key) {
    const Json& v = Member(key);
    if (ok() && !v.is_string()) Fail(std::string(key) + " must be a string");
    return ok() ? v.get<std::string>() : "";
  }
  uint64_t Unsigned(const char* key) {
    const Json& v = Member(key);
    if (ok() && !v.is_number_unsigned()) Fail(std::string(key) + " must be a non-negative integer");
    return ok() ? v.get<uint64_t>() : 0;
  }
  bool Bool(const char* key) {
    const Json& v = Member(key);
    if (ok() && !v.is_boolean()) Fail(std::string(key) + " must be true or false");
    return ok() && v.get<bool>();
  }
  Timestamp Time(const char* key) {
    const Json& v = Member(key);
    if (!ok()) return {};
    auto t = TimestampFromJson(v, key);
    if (!t.ok()) Fail(t.error().message);
    return t.ok() ? *t : Timestamp{};
  }
  std::vector<std::string> Strings(const char* key) {
    const Json& v = Member(key);
    std::vector<std::string> out;
    if (ok() && !v.is_array()) Fail(std::string(key) + " must be a list");
    for (const auto& s : ok() ? v : Json::array()) {
      if (!s.is_string()) {
        Fail(std::string(key) + " must hold strings");
        break;
      }
      out.push_back(s.get<std::string>());
    }
    return out;
  }
  void Fail(const std::string& what) {
    if (ok()) error_ = where_ + ": " + what;
  }

 private:
  const Json& object_;
  std::string where_;
  std::string error_;
};

}  // namespace fakeaws::base
