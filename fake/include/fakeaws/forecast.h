// The typed C++ door to the fake's Amazon Forecast: seed forecasts, read
// export jobs, without going through JSON. It acts on the same state the wire
// path does, under the same lock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"

namespace fakeaws {

namespace internal {
struct Core;
}

struct Tag {
  std::string key;
  std::string value;
  friend bool operator==(const Tag& a, const Tag& b) {
    return a.key == b.key && a.value == b.value;
  }
};

// One time series of a forecast: an item and, when the forecast has
// dimensions, its value for each of them (in ForecastSpec::dimensions order).
struct ForecastSeries {
  ForecastSeries(std::string item) : item_id(std::move(item)) {}  // NOLINT: implicit
  ForecastSeries(std::string item, std::vector<std::string> dims)
      : item_id(std::move(item)), dimension_values(std::move(dims)) {}
  std::string item_id;
  std::vector<std::string> dimension_values;
};

// One exported row, given explicitly by a test.
struct ForecastRow {
  std::string item_id;
  std::vector<std::string> dimension_values;
  Timestamp date;
  // One value per ForecastSpec::forecast_types entry, in that order.
  std::vector<double> values;
};

// A forecast as a test seeds it. With `rows` empty, the fake generates
// `horizon` rows per series from `start_date` on, with values derived from
// Options::seed (quantiles ordered: p10 <= p50 <= p90).
struct ForecastSpec {
  std::string name;
  // A seeded forecast stays in this status until SetForecastStatus.
  std::string status = "ACTIVE";
  std::vector<std::string> forecast_types{"0.1", "0.5", "0.9"};
  std::vector<std::string> dimensions;
  std::vector<ForecastSeries> series{ForecastSeries("item_1")};
  Timestamp start_date = Timestamp(std::chrono::milliseconds(1767225600000));
  // Y, M, W, D, H, 30min, 15min, 10min, 5min or 1min.
  std::string frequency = "D";
  int horizon = 10;
  std::vector<ForecastRow> rows;
  // Default to arn:...:predictor/<name>_predictor and dataset-group/<name>_dsg.
  std::string predictor_arn;
  std::string dataset_group_arn;
  std::vector<Tag> tags;
};

struct ForecastInfo {
  std::string arn;
  std::string name;
  std::string status;
  std::string message;
  bool created_using_auto_predictor = false;
  std::vector<std::string> forecast_types;
  std::string predictor_arn;
  std::string dataset_group_arn;
  Timestamp creation_time;
  Timestamp last_modification_time;
};

struct ForecastExportJobInfo {
  std::string arn;
  std::string name;
  std::string forecast_arn;
  std::string destination_path;
  std::string role_arn;
  std::string kms_key_arn;
  std::string format;
  std::string status;
  std::string message;
  Timestamp creation_time;
  Timestamp last_modification_time;
  // "s3://bucket/key" of each object the export wrote, in part order.
  std::vector<std::string> exported_objects;
  std::vector<Tag> tags;
};

class ForecastApi {
 public:
  // Adds a forecast in spec.status. Fails as CreateForecast would on a bad or
  // duplicate name (ValidationException, ResourceAlreadyExistsException).
  Outcome<std::string> PutForecast(const ForecastSpec& spec);
  Outcome<Done> SetForecastStatus(const std::string& forecast_arn,
                                  const std::string& status);

  std::optional<ForecastInfo> GetForecast(const std::string& arn) const;
  std::optional<ForecastExportJobInfo> GetForecastExportJob(const std::string& arn) const;
  // Newest first, as ListForecastExportJobs.
  std::vector<ForecastExportJobInfo> ListForecastExportJobs() const;

  // arn:aws:forecast:<region>:<account>:forecast/<name>
  std::string ForecastArn(const std::string& forecast_name) const;
  // arn:aws:forecast:<region>:<account>:forecast-export-job/<forecast>/<job>
  std::string ForecastExportJobArn(const std::string& forecast_name,
                                   const std::string& job_name) const;
  // arn:aws:iam::<account>:role/<name>
  std::string RoleArn(const std::string& role_name) const;
  // Makes a role assumable when Options::roles_must_exist is set.
  void AddRole(const std::string& role_arn);

 private:
  friend class Fake;
  explicit ForecastApi(internal::Core* core) : core_(core) {}
  internal::Core* core_;
};

}  // namespace fakeaws
