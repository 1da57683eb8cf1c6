#include "protocol/validation.h"

#include <algorithm>
#include <cmath>

#include "base/java_text.h"
#include "protocol/framework_errors.h"
#include "protocol/json_writer.h"

namespace fakeaws::protocol {
namespace {

using json = JsonValue;
using Type = Shape::Type;

// The Java type name Coral puts in its conversion messages.
const char* JavaTypeName(Type t) {
  switch (t) {
    case Type::kInteger: return "Integer";
    case Type::kLong: return "Long";
    case Type::kDouble: return "Double";
    case Type::kFloat: return "Float";
    case Type::kTimestamp: return "Date";
    case Type::kBoolean: return "Boolean";
    default: return "String";
  }
}

// Messages from kinesalite's validations/index.js, whose tests ran against a
// live Coral service, and wire-format.md §2.1 for the number class name.
std::optional<std::string> TypeMismatch(const Shape& shape, const json& v) {
  if (v.is_null()) return std::nullopt;
  static const std::string kNumber = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber";
  const auto structure_or_list = [&]() -> std::optional<std::string> {
    if (v.is_array()) return "Start of list found where not expected";
    if (v.is_object()) return "Start of structure or map found where not expected.";
    return std::nullopt;
  };
  switch (shape.type) {
    case Type::kString:
    case Type::kBlob:
      if (v.is_string()) return std::nullopt;
      if (v.is_bool()) return "class java.lang.Boolean can not be converted to an String";
      if (v.is_number()) return kNumber + " can not be converted to an String";
      return structure_or_list();
    case Type::kInteger:
    case Type::kLong:
    case Type::kDouble:
    case Type::kFloat:
    case Type::kTimestamp:
      if (v.is_number()) return std::nullopt;
      if (v.is_bool()) {
        return std::string("class java.lang.Boolean can not be converted to an ") +
               JavaTypeName(shape.type);
      }
      if (v.is_string()) {
        return std::string("class java.lang.String can not be converted to an ") +
               JavaTypeName(shape.type);
      }
      return structure_or_list();
    case Type::kBoolean:
      if (v.is_bool()) return std::nullopt;
      if (v.is_number()) return kNumber + " can not be converted to an Boolean";
      if (v.is_string()) {
        std::string upper = v.str();
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return "'" + upper + "' can not be converted to an Boolean";
      }
      return structure_or_list();
    case Type::kList:
      if (v.is_array()) return std::nullopt;
      if (v.is_object()) return "Start of structure or map found where not expected.";
      return "Expected list or null";
    case Type::kMap:
      if (v.is_object()) return std::nullopt;
      if (v.is_array()) return "Start of list found where not expected";
      return "Expected map or null";
    case Type::kStructure:
      if (v.is_object()) return std::nullopt;
      if (v.is_array()) return "Start of list found where not expected";
      return "Expected null";
  }
  return std::nullopt;
}

std::optional<std::string> FirstTypeMismatch(const Shape& shape, const json& v) {
  if (auto m = TypeMismatch(shape, v)) return m;
  if (v.is_null()) return std::nullopt;
  switch (shape.type) {
    case Type::kStructure:
      for (const auto& member : shape.members) {
        if (const JsonValue* m = v.Find(member.name)) {
          if (auto error = FirstTypeMismatch(*member.shape, *m)) return error;
        }
      }
      break;
    case Type::kList:
      for (const auto& item : v) {
        if (auto m = FirstTypeMismatch(*shape.member, item)) return m;
      }
      break;
    case Type::kMap:
      for (const auto& item : v) {
        if (auto m = FirstTypeMismatch(*shape.value, item)) return m;
      }
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::string LowerFirst(const std::string& s) {
  std::string out = s;
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

// Compact JSON text of a value, for objects in messages.
void AppendJson(std::string* out, const json& v) {
  switch (v.type()) {
    case json::Type::kNull: *out += "null"; return;
    case json::Type::kBool: *out += v.boolean() ? "true" : "false"; return;
    case json::Type::kNumber: *out += v.text(); return;
    case json::Type::kString: AppendJsonString(out, v.text()); return;
    case json::Type::kArray:
      *out += '[';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) *out += ',';
        AppendJson(out, v[i]);
      }
      *out += ']';
      return;
    case json::Type::kObject:
      *out += '{';
      for (size_t i = 0; i < v.size(); ++i) {
        if (i) *out += ',';
        AppendJsonString(out, v.key(i));
        *out += ':';
        AppendJson(out, v[i]);
      }
      *out += '}';
      return;
  }
}

// How Coral prints a rejected value; kinesalite's valueStr.
std::string ValueText(const json& v) {
  if (v.is_string() || v.is_number()) return v.str();
  if (v.is_bool()) return v.boolean() ? "true" : "false";
  if (v.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      out += ValueText(v[i]);
    }
    return out + "]";
  }
  std::string out;
  AppendJson(&out, v);
  return out;
}

std::string FormatBound(double b) {
  if (b == std::floor(b) && std::fabs(b) < 1e15) return std::to_string(static_cast<int64_t>(b));
  return base::FormatJavaDouble(b);
}

// Where a value sits in the request ("destination.s3Config.path",
// "tags.2.member.key"), kept as a chain of links on the stack and spelled out
// only when a violation is reported.
struct Path {
  const Path* parent = nullptr;
  std::string_view member;  // a structure member's name, or a map key
  size_t index = 0;         // a list position (1-based) when member is empty
  bool lower_first = true;  // members are lower-camel; map keys are as given

  std::string Spell() const {
    std::string head = parent ? parent->Spell() : "";
    std::string part;
    if (member.empty()) {
      part = std::to_string(index) + ".member";
    } else {
      part = lower_first ? LowerFirst(std::string(member)) : std::string(member) + ".member";
    }
    return head.empty() ? part : head + "." + part;
  }
};

class ConstraintChecker {
 public:
  void Member(const Shape::Member& member, const json* v, const Path* parent) {
    const Path path{parent, member.name};
    if (v == nullptr || v->is_null()) {
      if (member.required) Fail(nullptr, path, "Member must not be null", false);
      return;
    }
    if (CanFail(*member.shape)) Value(*member.shape, *v, path);
  }

  // Whether a shape (or anything inside it) has a constraint.
  static bool CanFail(const Shape& shape) {
    return shape.min || shape.max || shape.pattern || !shape.enum_values.empty() ||
           !shape.members.empty() || shape.member || shape.value;
  }

  void Value(const Shape& shape, const json& v, const Path& path) {
    if (Full()) return;
    switch (shape.type) {
      case Type::kString: {
        const std::string_view s = v.text();
        if (shape.pattern && !shape.pattern->FullMatch(s)) {
          Fail(&v, path, "Member must satisfy regular expression pattern: " + shape.pattern->source(),
               shape.sensitive);
        }
        Length(shape, v, Utf16Length(s), path);
        if (!shape.enum_values.empty() &&
            std::find(shape.enum_values.begin(), shape.enum_values.end(), s) ==
                shape.enum_values.end()) {
          std::string set = "[";
          for (size_t i = 0; i < shape.enum_values.size(); ++i) {
            set += (i ? ", " : "") + shape.enum_values[i];
          }
          Fail(&v, path, "Member must satisfy enum value set: " + set + "]", shape.sensitive);
        }
        break;
      }
      case Type::kInteger:
      case Type::kLong:
      case Type::kDouble:
      case Type::kFloat: {
        double d = v.number();
        std::string shown = v.str();
        if (shape.type == Type::kInteger || shape.type == Type::kLong) {
          // Coral reads integers by truncation, as kinesalite's Math.floor.
          d = std::floor(d);
          if (!v.is_integer_literal()) shown = FormatBound(d);
        }
        if (shape.min && d < *shape.min) {
          FailText(shown, path, "Member must have value greater than or equal to " + FormatBound(*shape.min),
                   shape.sensitive);
        }
        if (shape.max && d > *shape.max) {
          FailText(shown, path, "Member must have value less than or equal to " + FormatBound(*shape.max),
                   shape.sensitive);
        }
        break;
      }
      case Type::kList: {
        Length(shape, v, v.size(), path);
        if (!CanFail(*shape.member)) break;
        size_t i = 0;
        for (const auto& item : v) {
          ++i;
          if (item.is_null()) continue;
          Value(*shape.member, item, Path{&path, {}, i});
        }
        break;
      }
      case Type::kMap: {
        Length(shape, v, v.size(), path);
        for (size_t i = 0; i < v.size(); ++i) {
          if (v[i].is_null() || !CanFail(*shape.value)) continue;
          Value(*shape.value, v[i], Path{&path, v.key(i), 0, false});
        }
        break;
      }
      case Type::kStructure:
        for (const auto& member : shape.members) Member(member, v.Find(member.name), &path);
        break;
      default:
        break;
    }
  }

  std::optional<AwsError> Result() const {
    if (errors_.empty()) return std::nullopt;
    std::string msg = std::to_string(errors_.size()) +
                      (errors_.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    for (size_t i = 0; i < errors_.size(); ++i) msg += (i ? "; " : "") + errors_[i];
    return ValidationError(msg);
  }

 private:
  // Coral reports at most 10 violations (kinesalite stops collecting at 10).
  bool Full() const { return errors_.size() >= 10; }

  void Length(const Shape& shape, const json& v, size_t length, const Path& path) {
    if (shape.min && static_cast<double>(length) < *shape.min) {
      Fail(&v, path, "Member must have length greater than or equal to " + FormatBound(*shape.min),
           shape.sensitive);
    }
    if (shape.max && static_cast<double>(length) > *shape.max) {
      Fail(&v, path, "Member must have length less than or equal to " + FormatBound(*shape.max),
           shape.sensitive);
    }
  }

  void Fail(const json* v, const Path& path, const std::string& constraint, bool sensitive) {
    if (v == nullptr) {
      if (!Full()) errors_.push_back("Value null at '" + path.Spell() + "' failed to satisfy constraint: " + constraint);
      return;
    }
    FailText(ValueText(*v), path, constraint, sensitive);
  }

  void FailText(const std::string& value, const Path& path, const std::string& constraint,
                bool sensitive) {
    if (Full()) return;
    // Sensitive members are reported without their value (wire-format.md §2.2).
    const std::string shown = sensitive ? "" : " '" + value + "'";
    errors_.push_back("Value" + shown + " at '" + path.Spell() + "' failed to satisfy constraint: " + constraint);
  }

  std::vector<std::string> errors_;
};

}  // namespace

std::optional<AwsError> CheckMemberTypes(const Shape& input, const JsonValue& body) {
  if (auto m = FirstTypeMismatch(input, body)) return SerializationError(*m);
  return std::nullopt;
}

std::optional<AwsError> CheckConstraints(const Shape& input, const JsonValue& body) {
  ConstraintChecker checker;
  for (const auto& member : input.members) checker.Member(member, body.Find(member.name), nullptr);
  return checker.Result();
}

}  // namespace fakeaws::protocol
