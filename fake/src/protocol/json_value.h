// A read-only JSON document for request bodies: one pass, strings that need
// no unescaping are views into the request text, members kept in document
// order. Built for the hot path (a Describe must cost about a microsecond)
// and for hostile input (nesting is bounded; nothing recurses without limit).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fakeaws::protocol {

class JsonValue {
 public:
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  bool boolean() const { return bool_; }
  double number() const { return number_; }
  // A number written without fraction or exponent ("10", not "10.0").
  bool is_integer_literal() const { return bool_; }
  // The string's value, or a number's literal text.
  std::string_view text() const { return text_; }
  std::string str() const { return std::string(text_); }

  // Arrays and objects: element count, and elements in document order.
  size_t size() const { return children_.size(); }
  const JsonValue& operator[](size_t i) const { return children_[i]; }
  auto begin() const { return children_.begin(); }
  auto end() const { return children_.end(); }
  // Objects: the name of element i.
  std::string_view key(size_t i) const { return keys_[i]; }
  // The member named `key` (the last one, if repeated), or nullptr. A JSON
  // null counts as absent, as Coral treats it.
  const JsonValue* Find(std::string_view key) const;
  // The member's string value, or "" when absent or null.
  std::string GetString(std::string_view key) const;

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string_view text_;
  std::vector<JsonValue> children_;
  std::vector<std::string_view> keys_;
};

// A parsed body: the root value plus the storage for strings that had escapes.
// Views may point into the text given to ParseJson, which must outlive it.
class JsonDocument {
 public:
  const JsonValue& root() const { return root_; }

 private:
  friend class JsonParser;
  JsonValue root_;
  std::list<std::string> unescaped_;  // stable addresses; no allocation while empty
};

// nullopt when `text` is not one JSON value (after optional whitespace), has
// invalid UTF-8 or escapes, or nests deeper than 512 levels.
std::unique_ptr<JsonDocument> ParseJson(std::string_view text);

}  // namespace fakeaws::protocol
