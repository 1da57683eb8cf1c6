// The resources the Forecast fake keeps, one struct per resource type, all
// sharing what every Forecast resource has: an ARN, a name, a lifecycle and
// tags.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/forecast.h"
#include "forecast/lifecycle.h"

namespace fakeaws::forecast {

class Service;

struct Resource {
  virtual ~Resource() = default;

  std::string arn;
  std::string name;
  Lifecycle life;
  std::vector<Tag> tags;
  uint64_t seq = 0;  // creation order: lists are newest first
  std::optional<Timestamp> due;  // the next scheduled transition

  // "forecast export job": how errors name this type.
  virtual std::string_view Words() const = 0;
  // The work done when CREATE_IN_PROGRESS ends: an empty string for ACTIVE,
  // or the CREATE_FAILED message.
  virtual std::string Complete(Service& service, Timestamp at) = 0;
};

struct ForecastResource : Resource {
  ForecastSpec data;
  std::string predictor_arn;
  std::string dataset_group_arn;
  bool created_using_auto_predictor = false;

  std::string_view Words() const override { return "forecast"; }
  std::string Complete(Service&, Timestamp) override { return ""; }
};

struct S3Config {
  std::string path;
  std::string role_arn;
  std::string kms_key_arn;
};

struct ForecastExportJobResource : Resource {
  std::string forecast_arn;
  S3Config destination;
  std::string format;
  std::vector<std::string> exported_objects;

  std::string_view Words() const override { return "forecast export job"; }
  std::string Complete(Service& service, Timestamp at) override;
};

}  // namespace fakeaws::forecast
