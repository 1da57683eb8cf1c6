// Both directions of a snapshot's JSON from one list of members per type:
// Fields<T>::Visit(io, value) names each member once, and FieldWriter and
// FieldReader walk that list, so writing and reading cannot disagree on a
// key or forget a member the other knows.
//
// Strings, booleans and integers are themselves; doubles are numbers, or
// "NaN", "Infinity", "-Infinity", which JSON has no numbers for; timestamps
// are "2026-01-01T00:00:00.250Z"; an optional is null or its value; vectors
// are lists; pairs are two-element lists; a struct with Fields is an object
// with exactly those members. Enums and shared pointers go to the Context,
// which knows what they mean (a status name, an index into a table of
// shared values).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/spec_json.h"

namespace fakeaws::base {

// Specialized per struct: template <typename IO> static void Visit(IO& io, T& v)
// calling io("key", v.member) for each member.
template <typename T>
struct Fields;

// A list element before it is read; specialized for types without a default
// constructor.
template <typename T>
T Blank() {
  return T{};
}

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsPair : std::false_type {};
template <typename A, typename B>
struct IsPair<std::pair<A, B>> : std::true_type {};
template <typename T>
struct IsSharedPtr : std::false_type {};
template <typename T>
struct IsSharedPtr<std::shared_ptr<T>> : std::true_type {};

template <typename T>
inline constexpr bool kByContext = std::is_enum_v<T> || IsSharedPtr<T>::value;

template <typename Context>
class FieldWriter {
 public:
  explicit FieldWriter(Context& context) : context_(context) {}

  template <typename T>
  void operator()(const char* key, const T& value) {
    object_[key] = Write(value);
  }
  Json Take() { return std::move(object_); }

  template <typename T>
  Json Write(const T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_integral_v<T>) {
      return Json(v);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (std::isfinite(v)) return Json(v);
      return std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    } else if constexpr (std::is_same_v<T, Timestamp>) {
      return FormatTimestamp(v);
    } else if constexpr (kByContext<T>) {
      return context_.Write(*this, v);
    } else if constexpr (IsOptional<T>::value) {
      return v ? Write(*v) : Json();
    } else if constexpr (IsVector<T>::value) {
      Json out = Json::array();
      for (const auto& e : v) out.push_back(Write(e));
      return out;
    } else if constexpr (IsPair<T>::value) {
      return Json::array({Write(v.first), Write(v.second)});
    } else {
      FieldWriter inner(context_);
      // Visit takes a mutable reference so that one list serves both
      // directions; the writer only reads through it.
      Fields<T>::Visit(inner, const_cast<T&>(v));
      return inner.Take();
    }
  }

 private:
  Context& context_;
  Json object_ = Json::object();
};

// Keeps the first failure, with the path where it happened
// ("forecast.resources[2].settings.horizon must be an integer"); after a
// failure it reads nothing more.
template <typename Context>
class FieldReader {
 public:
  FieldReader(Context& context, std::string* error) : context_(context), error_(error) {}

  bool ok() const { return error_->empty(); }
  void Fail(const std::string& where, const std::string& what) {
    if (ok()) *error_ = where + " " + what;
  }

  // Reads the members `visit(reader)` names from the object `json`, and
  // refuses members it did not name.
  template <typename Visit>
  void ReadObject(const Json& json, const std::string& where, Visit visit) {
    if (!ok()) return;
    if (!json.is_object()) return Fail(where, "must be an object");
    FieldReader inner(context_, error_, &json, where);
    visit(inner);
    for (const auto& [key, value] : json.items()) {
      if (inner.ok() && !inner.visited_.count(key)) Fail(where, "has an unknown member '" + key + "'");
    }
  }

  template <typename T>
  void operator()(const char* key, T& value) {
    if (const Json* member = Raw(key)) Read(*member, where_ + "." + key, value);
  }

  // The member `key` as it is, for a caller that reads it its own way
  // (null after a failure).
  const Json* Raw(const char* key) {
    if (!ok()) return nullptr;
    visited_.insert(key);
    if (!object_->contains(key)) {
      Fail(where_ + "." + key, "is missing");
      return nullptr;
    }
    return &(*object_)[key];
  }

  template <typename T>
  void Read(const Json& j, const std::string& where, T& v) {
    if (!ok()) return;
    if constexpr (std::is_same_v<T, std::string>) {
      if (!j.is_string()) return Fail(where, "must be a string");
      v = j.get<std::string>();
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!j.is_boolean()) return Fail(where, "must be true or false");
      v = j.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
      ReadInteger(j, where, v);
    } else if constexpr (std::is_floating_point_v<T>) {
      ReadDouble(j, where, v);
    } else if constexpr (std::is_same_v<T, Timestamp>) {
      if (!j.is_string() || !ParseTimestamp(j.get<std::string>(), &v)) {
        return Fail(where, "must be a timestamp such as \"2026-01-01T00:00:00Z\"");
      }
    } else if constexpr (kByContext<T>) {
      context_.Read(*this, j, where, v);
    } else if constexpr (IsOptional<T>::value) {
      v.reset();
      if (j.is_null()) return;
      typename T::value_type inner = Blank<typename T::value_type>();
      Read(j, where, inner);
      v = std::move(inner);
    } else if constexpr (IsVector<T>::value) {
      if (!j.is_array()) return Fail(where, "must be a list");
      v.clear();
      for (size_t i = 0; ok() && i < j.size(); ++i) {
        v.push_back(Blank<typename T::value_type>());
        Read(j[i], where + "[" + std::to_string(i) + "]", v.back());
      }
    } else if constexpr (IsPair<T>::value) {
      if (!j.is_array() || j.size() != 2) return Fail(where, "must be a list of two");
      Read(j[0], where + "[0]", v.first);
      Read(j[1], where + "[1]", v.second);
    } else {
      ReadObject(j, where, [&](FieldReader& in) { Fields<T>::Visit(in, v); });
    }
  }

 private:
  FieldReader(Context& context, std::string* error, const Json* object, std::string where)
      : context_(context), error_(error), object_(object), where_(std::move(where)) {}

  template <typename T>
  void ReadInteger(const Json& j, const std::string& where, T& v) {
    const std::string range =
        "must be an integer from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
        std::to_string(std::numeric_limits<T>::max());
    if (j.is_number_unsigned()) {
      const uint64_t u = j.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<T>::max())) return Fail(where, range);
      v = static_cast<T>(u);
    } else if constexpr (std::is_signed_v<T>) {
      const int64_t i = j.is_number_integer() ? j.get<int64_t>() : 0;
      if (!j.is_number_integer() || i < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
          i > static_cast<int64_t>(std::numeric_limits<T>::max())) {
        return Fail(where, range);
      }
      v = static_cast<T>(i);
    } else {
      Fail(where, range);
    }
  }

  template <typename T>
  void ReadDouble(const Json& j, const std::string& where, T& v) {
    const std::string name = j.is_string() ? j.get<std::string>() : "";
    if (j.is_number()) {
      v = j.get<T>();
    } else if (name == "NaN") {
      v = std::numeric_limits<T>::quiet_NaN();
    } else if (name == "Infinity" || name == "-Infinity") {
      v = (name == "Infinity" ? 1 : -1) * std::numeric_limits<T>::infinity();
    } else {
      Fail(where, "must be a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
    }
  }

  Context& context_;
  std::string* error_;
  const Json* object_ = nullptr;
  std::string where_;
  std::set<std::string> visited_;
};

}  // namespace fakeaws::base
