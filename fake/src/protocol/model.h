// AWS's service models (shapes, constraints, operations), as botocore ships
// them, generated into the library by scripts/gen_model.py. The validator and
// the model-walking tests read them from here.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/pattern.h"

namespace fakeaws::protocol {

struct Shape {
  enum class Type { kStructure, kList, kMap, kString, kInteger, kLong, kDouble, kFloat,
                    kBoolean, kTimestamp, kBlob };
  struct Member {
    std::string name;
    const Shape* shape = nullptr;
    bool required = false;
  };

  std::string name;
  Type type = Type::kString;
  // Length bounds for strings, lists and maps; value bounds for numbers.
  std::optional<double> min, max;
  std::unique_ptr<Pattern> pattern;
  std::vector<std::string> enum_values;
  bool sensitive = false;
  std::vector<Member> members;     // structure, in model order
  const Shape* member = nullptr;   // list
  const Shape* key = nullptr;      // map
  const Shape* value = nullptr;    // map
};

struct Operation {
  std::string name;
  const Shape* input = nullptr;
  const Shape* output = nullptr;
  std::vector<std::string> errors;
};

class ServiceModel {
 public:
  // "forecast" (target prefix AmazonForecast) and "forecastquery"
  // (AmazonForecastRuntime). Built once per process, immutable afterwards.
  static const ServiceModel& Get(std::string_view service);

  const std::string& target_prefix() const { return target_prefix_; }
  const Operation* FindOperation(std::string_view name) const;
  const Shape* FindShape(std::string_view name) const;
  const std::map<std::string, Operation, std::less<>>& operations() const { return operations_; }

 private:
  friend struct ModelLoader;
  std::string target_prefix_;
  std::map<std::string, Operation, std::less<>> operations_;
  std::map<std::string, std::unique_ptr<Shape>, std::less<>> shapes_;
};

}  // namespace fakeaws::protocol
