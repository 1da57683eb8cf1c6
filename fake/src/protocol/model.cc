#include "protocol/model.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "protocol/unicode_tables.h"

namespace fakeaws::protocol {
namespace {
#include "protocol/generated/service_models.inc"

template <size_t N>
std::vector<std::pair<char32_t, char32_t>> ToVector(const char32_t (&table)[N][2]) {
  std::vector<std::pair<char32_t, char32_t>> out;
  out.reserve(N);
  for (const auto& r : table) out.emplace_back(r[0], r[1]);
  return out;
}

Shape::Type ParseType(const std::string& t) {
  using T = Shape::Type;
  static const std::map<std::string, T> kTypes = {
      {"structure", T::kStructure}, {"list", T::kList},       {"map", T::kMap},
      {"string", T::kString},       {"integer", T::kInteger}, {"long", T::kLong},
      {"double", T::kDouble},       {"float", T::kFloat},     {"boolean", T::kBoolean},
      {"timestamp", T::kTimestamp}, {"blob", T::kBlob}};
  auto it = kTypes.find(t);
  if (it == kTypes.end()) throw std::logic_error("unknown shape type " + t);
  return it->second;
}

}  // namespace

const std::vector<std::pair<char32_t, char32_t>>& UnicodeCategoryRanges(char category) {
  static const auto* const kL = new std::vector<std::pair<char32_t, char32_t>>(ToVector(kUnicodeLRanges));
  static const auto* const kN = new std::vector<std::pair<char32_t, char32_t>>(ToVector(kUnicodeNRanges));
  static const auto* const kZ = new std::vector<std::pair<char32_t, char32_t>>(ToVector(kUnicodeZRanges));
  static const auto* const kNone = new std::vector<std::pair<char32_t, char32_t>>();
  switch (category) {
    case 'L': return *kL;
    case 'N': return *kN;
    case 'Z': return *kZ;
    default: return *kNone;
  }
}

struct ModelLoader {
  static std::map<std::string, ServiceModel, std::less<>> LoadAll() {
    std::string text;
    for (const char* part : kServiceModelJsonParts) text += part;
    const auto all = nlohmann::json::parse(text);
    std::map<std::string, ServiceModel, std::less<>> out;
    for (const auto& [service, spec] : all.items()) {
      ServiceModel& model = out[service];
      model.target_prefix_ = spec.at("targetPrefix").get<std::string>();
      // Two passes: create every shape, then link members by name.
      for (const auto& [name, s] : spec.at("shapes").items()) {
        auto shape = std::make_unique<Shape>();
        shape->name = name;
        shape->type = ParseType(s.at("type").get<std::string>());
        if (s.contains("min")) shape->min = s["min"].get<double>();
        if (s.contains("max")) shape->max = s["max"].get<double>();
        if (s.contains("enum")) shape->enum_values = s["enum"].get<std::vector<std::string>>();
        shape->sensitive = s.value("sensitive", false);
        if (s.contains("pattern")) {
          shape->pattern = Pattern::Compile(s["pattern"].get<std::string>());
          if (!shape->pattern) {
            throw std::logic_error("unsupported pattern in shape " + name);
          }
        }
        model.shapes_[name] = std::move(shape);
      }
      for (const auto& [name, s] : spec.at("shapes").items()) {
        Shape& shape = *model.shapes_.at(name);
        const auto required = s.value("required", std::vector<std::string>{});
        if (s.contains("members")) {
          for (const auto& m : s["members"]) {
            Shape::Member member;
            member.name = m.at(0).get<std::string>();
            member.shape = model.shapes_.at(m.at(1).get<std::string>()).get();
            member.required =
                std::find(required.begin(), required.end(), member.name) != required.end();
            shape.members.push_back(std::move(member));
          }
        }
        if (s.contains("member")) shape.member = model.shapes_.at(s["member"]).get();
        if (s.contains("key")) shape.key = model.shapes_.at(s["key"]).get();
        if (s.contains("value")) shape.value = model.shapes_.at(s["value"]).get();
      }
      for (const auto& [name, op] : spec.at("operations").items()) {
        Operation& o = model.operations_[name];
        o.name = name;
        if (op.contains("input")) o.input = model.shapes_.at(op["input"]).get();
        if (op.contains("output")) o.output = model.shapes_.at(op["output"]).get();
        o.errors = op.at("errors").get<std::vector<std::string>>();
      }
    }
    return out;
  }
};

const ServiceModel& ServiceModel::Get(std::string_view service) {
  static const auto* const kModels =
      new std::map<std::string, ServiceModel, std::less<>>(ModelLoader::LoadAll());
  auto it = kModels->find(service);
  if (it == kModels->end()) throw std::logic_error("no model for service");
  return it->second;
}

const Operation* ServiceModel::FindOperation(std::string_view name) const {
  auto it = operations_.find(name);
  return it == operations_.end() ? nullptr : &it->second;
}

const Shape* ServiceModel::FindShape(std::string_view name) const {
  auto it = shapes_.find(name);
  return it == shapes_.end() ? nullptr : it->second.get();
}

}  // namespace fakeaws::protocol
