#include "protocol/validation.h"

#include <cmath>

#include "core/java_text.h"
#include "protocol/framework_errors.h"

namespace fakeaws::protocol {
namespace {

using json = nlohmann::json;
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
      if (v.is_boolean()) return "class java.lang.Boolean can not be converted to an String";
      if (v.is_number()) return kNumber + " can not be converted to an String";
      return structure_or_list();
    case Type::kInteger:
    case Type::kLong:
    case Type::kDouble:
    case Type::kFloat:
    case Type::kTimestamp:
      if (v.is_number()) return std::nullopt;
      if (v.is_boolean()) {
        return std::string("class java.lang.Boolean can not be converted to an ") +
               JavaTypeName(shape.type);
      }
      if (v.is_string()) {
        return std::string("class java.lang.String can not be converted to an ") +
               JavaTypeName(shape.type);
      }
      return structure_or_list();
    case Type::kBoolean:
      if (v.is_boolean()) return std::nullopt;
      if (v.is_number()) return kNumber + " can not be converted to an Boolean";
      if (v.is_string()) {
        std::string upper = v.get<std::string>();
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
        auto it = v.find(member.name);
        if (it == v.end()) continue;
        if (auto m = FirstTypeMismatch(*member.shape, *it)) return m;
      }
      break;
    case Type::kList:
      for (const auto& item : v) {
        if (auto m = FirstTypeMismatch(*shape.member, item)) return m;
      }
      break;
    case Type::kMap:
      for (const auto& [k, item] : v.items()) {
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

// How Coral prints a rejected value; kinesalite's valueStr.
std::string ValueText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) return internal::FormatJavaDouble(v.get<double>());
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string out = "[";
    bool first = true;
    for (const auto& item : v) {
      if (!first) out += ", ";
      first = false;
      out += ValueText(item);
    }
    return out + "]";
  }
  return v.dump();
}

std::string FormatBound(double b) {
  if (b == std::floor(b) && std::fabs(b) < 1e15) return std::to_string(static_cast<int64_t>(b));
  return internal::FormatJavaDouble(b);
}

class ConstraintChecker {
 public:
  void Member(const Shape::Member& member, const json* v, const std::string& parent) {
    const std::string path = (parent.empty() ? "" : parent + ".") + LowerFirst(member.name);
    if (v == nullptr || v->is_null()) {
      if (member.required) Fail(nullptr, path, "Member must not be null", false);
      return;
    }
    Value(*member.shape, *v, path);
  }

  void Value(const Shape& shape, const json& v, const std::string& path) {
    if (Full()) return;
    switch (shape.type) {
      case Type::kString: {
        const std::string& s = v.get_ref<const std::string&>();
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
        double d = v.get<double>();
        json shown = v;
        if (shape.type == Type::kInteger || shape.type == Type::kLong) {
          // Coral reads integers by truncation, as kinesalite's Math.floor.
          d = std::floor(d);
          if (v.is_number_float()) shown = static_cast<int64_t>(d);
        }
        if (shape.min && d < *shape.min) {
          Fail(&shown, path, "Member must have value greater than or equal to " + FormatBound(*shape.min),
               shape.sensitive);
        }
        if (shape.max && d > *shape.max) {
          Fail(&shown, path, "Member must have value less than or equal to " + FormatBound(*shape.max),
               shape.sensitive);
        }
        break;
      }
      case Type::kList: {
        Length(shape, v, v.size(), path);
        size_t i = 0;
        for (const auto& item : v) {
          ++i;
          if (item.is_null()) continue;
          Value(*shape.member, item, path + "." + std::to_string(i) + ".member");
        }
        break;
      }
      case Type::kMap: {
        Length(shape, v, v.size(), path);
        for (const auto& [k, item] : v.items()) {
          if (item.is_null()) continue;
          Value(*shape.value, item, path + "." + k + ".member");
        }
        break;
      }
      case Type::kStructure:
        for (const auto& member : shape.members) {
          auto it = v.find(member.name);
          Member(member, it == v.end() ? nullptr : &*it, path);
        }
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

  void Length(const Shape& shape, const json& v, size_t length, const std::string& path) {
    if (shape.min && static_cast<double>(length) < *shape.min) {
      Fail(&v, path, "Member must have length greater than or equal to " + FormatBound(*shape.min),
           shape.sensitive);
    }
    if (shape.max && static_cast<double>(length) > *shape.max) {
      Fail(&v, path, "Member must have length less than or equal to " + FormatBound(*shape.max),
           shape.sensitive);
    }
  }

  void Fail(const json* v, const std::string& path, const std::string& constraint, bool sensitive) {
    if (Full()) return;
    // Sensitive members are reported without their value (wire-format.md §2.2).
    std::string value = v == nullptr ? " null" : sensitive ? "" : " '" + ValueText(*v) + "'";
    errors_.push_back("Value" + value + " at '" + path + "' failed to satisfy constraint: " + constraint);
  }

  std::vector<std::string> errors_;
};

}  // namespace

std::optional<AwsError> CheckMemberTypes(const Shape& input, const json& body) {
  if (auto m = FirstTypeMismatch(input, body)) return SerializationError(*m);
  return std::nullopt;
}

std::optional<AwsError> CheckConstraints(const Shape& input, const json& body) {
  ConstraintChecker checker;
  for (const auto& member : input.members) {
    auto it = body.find(member.name);
    checker.Member(member, it == body.end() ? nullptr : &*it, "");
  }
  return checker.Result();
}

}  // namespace fakeaws::protocol
