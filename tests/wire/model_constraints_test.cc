// A check generated from botocore's model: for every operation the fake
// implements and every constrained member it can reach (required, length,
// value range, pattern, enum), a request that breaks exactly that constraint
// gets the ValidationException item wire-format.md §2.2 documents:
//   Value '<value>' at '<path>' failed to satisfy constraint: <phrase>
// A constraint the fake stopped enforcing fails this test by name.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <sstream>

#include "fakeaws/fake.h"
#include "protocol/forecast_operations.h"
#include "protocol/forecastquery_operations.h"
#include "protocol/model.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;
using protocol::Shape;
using Type = Shape::Type;

// One step from a request's root to a value: a structure member, a list
// element (0-based here, 1-based on the wire) or a map key.
struct Step {
  enum Kind { kMember, kIndex, kKey } kind;
  std::string name;
  size_t index = 0;
};
using Path = std::vector<Step>;

// §2.2: members lower-camel, joined by dots; list elements "<n>.member";
// map values "<key>.member" as the fake spells them.
std::string Spell(const Path& path) {
  std::string out;
  for (const Step& s : path) {
    std::string part;
    if (s.kind == Step::kMember) {
      part = s.name;
      part[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(part[0])));
    } else if (s.kind == Step::kIndex) {
      part = std::to_string(s.index + 1) + ".member";
    } else {
      part = s.name + ".member";
    }
    out += (out.empty() ? "" : ".") + part;
  }
  return out;
}

json* At(json& root, const Path& path, size_t depth) {
  json* v = &root;
  for (size_t i = 0; i < depth; ++i) {
    const Step& s = path[i];
    v = s.kind == Step::kIndex ? &(*v)[s.index] : &(*v)[s.name];
  }
  return v;
}

std::string FormatBound(double b) {
  std::ostringstream out;
  if (b == std::floor(b)) out << static_cast<int64_t>(b);
  else out << b;
  return out.str();
}

// Values that satisfy the patterns of Forecast's models; the first one a
// shape accepts (pattern and length) is its sample.
const std::vector<std::string>& Candidates() {
  static const std::vector<std::string> kValues = {
      "sample",
      "arn:aws:forecast:us-east-1:123456789012:dataset-group/sample",
      "arn:aws:kms:us-east-1:123456789012:key/sample",
      "s3://bucket/key.csv",
      "0.5",
      "CSV",
      "D",
      "yyyy-MM-dd",
      "2026-01-01T00:00:00",
  };
  return kValues;
}

bool Fits(const Shape& s, const std::string& v) {
  if (s.pattern && !s.pattern->FullMatch(v)) return false;
  if (s.min && v.size() < *s.min) return false;
  if (s.max && v.size() > *s.max) return false;
  return true;
}

class Walker {
 public:
  explicit Walker(int depth_limit = 10) : depth_limit_(depth_limit) {}

  // A valid value of `shape`: every member present, lists and maps with
  // max(1, min) entries, so every nested constraint is reachable.
  json Valid(const Shape& shape, int depth = 0) {
    switch (shape.type) {
      case Type::kString: {
        if (!shape.enum_values.empty()) return shape.enum_values.front();
        for (const auto& c : Candidates()) {
          if (Fits(shape, c)) return c;
        }
        ADD_FAILURE() << "no sample value satisfies shape " << shape.name << "; extend Candidates()";
        return "";
      }
      case Type::kInteger:
      case Type::kLong: {
        double v = 1;
        if (shape.min) v = std::max(v, *shape.min);
        if (shape.max) v = std::min(v, *shape.max);
        return static_cast<int64_t>(v);
      }
      case Type::kDouble:
      case Type::kFloat: {
        double v = 1;
        if (shape.min) v = std::max(v, *shape.min);
        if (shape.max) v = std::min(v, *shape.max);
        return v;
      }
      case Type::kBoolean: return true;
      case Type::kTimestamp: return 1767225600;
      case Type::kBlob: return "";
      case Type::kList: {
        json list = json::array();
        if (depth < depth_limit_) {
          for (size_t i = 0; i < Count(shape); ++i) list.push_back(Valid(*shape.member, depth + 1));
        }
        return list;
      }
      case Type::kMap: {
        json map = json::object();
        if (depth < depth_limit_) {
          for (size_t i = 0; i < Count(shape); ++i) map["k" + std::to_string(i + 1)] = Valid(*shape.value, depth + 1);
        }
        return map;
      }
      case Type::kStructure: {
        json object = json::object();
        if (depth < depth_limit_) {
          for (const auto& m : shape.members) object[m.name] = Valid(*m.shape, depth + 1);
        }
        return object;
      }
    }
    return nullptr;
  }

  struct Mutation {
    std::string description;  // for failure messages
    std::function<void(json&)> apply;
    std::string expected;  // the ValidationException item, or its "at ..." tail
  };

  // Every single-constraint violation reachable under `shape` at `path`.
  void Collect(const Shape& shape, const Path& path, int depth, std::vector<Mutation>* out) {
    if (depth > depth_limit_) return;
    const std::string where = Spell(path);
    auto set = [path](json value) {
      return [path, value](json& root) { *At(root, path, path.size()) = value; };
    };
    auto item = [&](const std::string& shown, const std::string& phrase) {
      const std::string value = shape.sensitive ? "" : " '" + shown + "'";
      return "Value" + value + " at '" + where + "' failed to satisfy constraint: " + phrase;
    };
    switch (shape.type) {
      case Type::kString: {
        const std::string sample = Valid(shape).get<std::string>();
        if (shape.min && *shape.min > 0) {
          const std::string v = sample.substr(0, static_cast<size_t>(*shape.min) - 1);
          out->push_back({where + " below min length", set(v),
                          item(v, "Member must have length greater than or equal to " + FormatBound(*shape.min))});
        }
        if (shape.max) {
          std::string v = sample.empty() ? "a" : sample;
          while (v.size() <= *shape.max) v += v.back();
          out->push_back({where + " above max length", set(v),
                          item(v, "Member must have length less than or equal to " + FormatBound(*shape.max))});
        }
        if (shape.pattern) {
          for (const std::string v : {"!", "#bad#", "", " ", "1"}) {
            if (shape.pattern->FullMatch(v)) continue;
            out->push_back({where + " off pattern", set(v),
                            item(v, "Member must satisfy regular expression pattern: " + shape.pattern->source())});
            break;
          }
        }
        if (!shape.enum_values.empty()) {
          std::string set_text;
          for (const auto& e : shape.enum_values) set_text += (set_text.empty() ? "" : ", ") + e;
          out->push_back({where + " outside enum", set("NOT_IN_ENUM"),
                          item("NOT_IN_ENUM", "Member must satisfy enum value set: [" + set_text + "]")});
        }
        break;
      }
      case Type::kInteger:
      case Type::kLong:
      case Type::kDouble:
      case Type::kFloat: {
        if (shape.min) {
          const int64_t v = static_cast<int64_t>(std::floor(*shape.min)) - 1;
          out->push_back({where + " below min", set(v),
                          item(std::to_string(v), "Member must have value greater than or equal to " + FormatBound(*shape.min))});
        }
        if (shape.max) {
          const int64_t v = static_cast<int64_t>(std::ceil(*shape.max)) + 1;
          out->push_back({where + " above max", set(v),
                          item(std::to_string(v), "Member must have value less than or equal to " + FormatBound(*shape.max))});
        }
        break;
      }
      case Type::kList:
      case Type::kMap: {
        const bool is_list = shape.type == Type::kList;
        const Shape& element = is_list ? *shape.member : *shape.value;
        auto sized = [&](size_t n) {
          json v = is_list ? json::array() : json::object();
          for (size_t i = 0; i < n; ++i) {
            if (is_list) v.push_back(Valid(element, depth + 1));
            else v["k" + std::to_string(i + 1)] = Valid(element, depth + 1);
          }
          return v;
        };
        const std::string tail = " at '" + where + "' failed to satisfy constraint: ";
        if (shape.min && *shape.min > 0) {
          out->push_back({where + " below min size", set(sized(static_cast<size_t>(*shape.min) - 1)),
                          tail + "Member must have length greater than or equal to " + FormatBound(*shape.min)});
        }
        if (shape.max) {
          out->push_back({where + " above max size", set(sized(static_cast<size_t>(*shape.max) + 1)),
                          tail + "Member must have length less than or equal to " + FormatBound(*shape.max)});
        }
        Path inner = path;
        inner.push_back(is_list ? Step{Step::kIndex, "", 0} : Step{Step::kKey, "k1", 0});
        Collect(element, inner, depth + 1, out);
        break;
      }
      case Type::kStructure:
        for (const auto& m : shape.members) {
          Path inner = path;
          inner.push_back({Step::kMember, m.name, 0});
          if (m.required) {
            const std::string at = Spell(inner);
            out->push_back({at + " missing",
                            [inner](json& root) { At(root, inner, inner.size() - 1)->erase(inner.back().name); },
                            "Value null at '" + at + "' failed to satisfy constraint: Member must not be null"});
          }
          Collect(*m.shape, inner, depth + 1, out);
        }
        break;
      default:
        break;
    }
  }

 private:
  static size_t Count(const Shape& s) {
    size_t n = 1;
    if (s.min) n = std::max(n, static_cast<size_t>(*s.min));
    if (s.max) n = std::min(n, static_cast<size_t>(*s.max));
    return n;
  }
  int depth_limit_;
};

HttpResponse Send(Fake& fake, const std::string& target, const json& body) {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers.Add("X-Amz-Target", target);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body.dump();
  return fake.Handle(r);
}

struct Service {
  const char* name;
  std::function<bool(const std::string&)> implements;
};

TEST(ModelConstraints, EveryConstraintOfEveryImplementedOperationIsEnforced) {
  const Service services[] = {{"forecast", protocol::ForecastImplements},
                              {"forecastquery", protocol::ForecastQueryImplements}};
  size_t operations = 0, mutations = 0;
  for (const Service& service : services) {
    const auto& model = protocol::ServiceModel::Get(service.name);
    for (const auto& [name, op] : model.operations()) {
      if (!service.implements(name) || op.input == nullptr) continue;
      ++operations;
      const std::string target = model.target_prefix() + "." + name;
      Walker walker;
      const json base = walker.Valid(*op.input);
      Fake fake;
      const HttpResponse valid = Send(fake, target, base);
      ASSERT_EQ(valid.body.find("ValidationException"), std::string::npos)
          << name << ": the generated valid request was refused: " << valid.body << "\nrequest: " << base.dump();

      std::vector<Walker::Mutation> cases;
      walker.Collect(*op.input, {}, 0, &cases);
      for (const auto& m : cases) {
        ++mutations;
        json request = base;
        m.apply(request);
        const HttpResponse r = Send(fake, target, request);
        const json body = json::parse(r.body, nullptr, false);
        EXPECT_EQ(r.status, 400) << name << ", " << m.description;
        EXPECT_EQ(body.value("__type", ""), "ValidationException") << name << ", " << m.description << ": " << r.body;
        EXPECT_NE(body.value("message", "").find(m.expected), std::string::npos)
            << name << ", " << m.description << "\n  expected item: " << m.expected << "\n  message: "
            << body.value("message", "");
      }
    }
  }
  // The walk is not vacuous: Forecast's implemented operations carry hundreds
  // of constraints.
  EXPECT_GE(operations, 30u);
  EXPECT_GE(mutations, 400u);
}

}  // namespace
}  // namespace fakeaws::testing
