// What the Forecast service's operations take: list queries and the inputs
// of the Create operations, as protocol/ decodes them from the wire.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "forecast/pagination.h"
#include "forecast/resources.h"

namespace fakeaws::forecast {

struct Filter {
  std::string key;
  std::string value;
  bool is = true;  // IS or IS_NOT
};

struct ListQuery {
  std::vector<Filter> filters;
  int max_results = kDefaultMaxResults;
  std::string next_token;
};

struct CreateForecastExportJobInput {
  std::string name;
  std::string forecast_arn;
  S3Config destination;
  std::vector<ResourceTag> tags;
  std::string format;  // empty: CSV
};

struct CreateDatasetGroupInput {
  std::string name;
  std::string domain;
  std::vector<std::string> dataset_arns;
  std::vector<ResourceTag> tags;
};

struct CreateDatasetInput {
  std::string name;
  std::string domain;
  std::string dataset_type;
  std::string frequency;
  std::vector<SchemaAttribute> schema;
  EncryptionConfig encryption;
  std::vector<ResourceTag> tags;
};

struct CreateDatasetImportJobInput {
  std::string name;
  std::string dataset_arn;
  S3Config source;
  std::string timestamp_format;  // empty: "yyyy-MM-dd HH:mm:ss"
  std::string time_zone;
  std::optional<bool> use_geolocation_for_time_zone;
  std::string geolocation_format;
  std::string format;       // empty: CSV
  std::string import_mode;  // empty: FULL
  std::vector<ResourceTag> tags;
};

struct CreatePredictorInput {
  std::string name;
  bool is_auto = false;  // CreateAutoPredictor
  PredictorSettings settings;
  std::vector<ResourceTag> tags;
};

struct CreateForecastInput {
  std::string name;
  std::string predictor_arn;
  std::vector<std::string> forecast_types;  // empty: the predictor's
  std::optional<TimeSeriesSelector> selector;
  std::vector<ResourceTag> tags;
};

// CreatePredictorBacktestExportJob, CreateExplainabilityExport and
// CreateWhatIfForecastExport: what to export, where to.
struct CreateExportInput {
  std::string name;
  std::vector<std::string> source_arns;
  S3Config destination;
  std::vector<ResourceTag> tags;
  std::string format;  // empty: CSV
};

struct CreateExplainabilityInput {
  std::string name;
  std::string resource_arn;
  std::string time_series_granularity;
  std::string time_point_granularity;
  std::optional<bool> enable_visualization;
  S3Config source;
  std::vector<SchemaAttribute> schema;
  std::string start_date_time, end_date_time;
  std::vector<ResourceTag> tags;
};

struct CreateWhatIfForecastInput {
  std::string name;
  std::string analysis_arn;
  std::vector<TimeSeriesTransformation> transformations;
  std::optional<TimeSeriesReplacements> replacements;
  std::vector<ResourceTag> tags;
};

}  // namespace fakeaws::forecast
