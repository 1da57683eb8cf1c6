// What Describe and List show of each resource: copies taken under the
// service's lock, with the status and times as of the moment they were taken.
// The wire encoders and the typed API read these; neither sees a Resource.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "forecast/resources.h"

namespace fakeaws::forecast {

struct ResourceView {
  std::string arn;
  std::string name;
  std::string status;
  std::string message;
  Timestamp creation_time;
  Timestamp last_modification_time;
  // While the resource is being created: minutes until it is done, by the
  // fake's lifecycle durations.
  std::optional<int64_t> estimated_minutes_remaining;
};

struct DatasetGroupView : ResourceView {
  std::string domain;
  std::vector<std::string> dataset_arns;
};

struct DatasetView : ResourceView {
  std::string domain;
  std::string dataset_type;
  std::string frequency;
  std::vector<SchemaAttribute> schema;
  EncryptionConfig encryption;
};

struct DatasetImportJobView : ResourceView {
  std::string dataset_arn;
  S3Config source;
  std::string timestamp_format;
  std::string time_zone;
  std::optional<bool> use_geolocation_for_time_zone;
  std::string geolocation_format;
  std::vector<FieldStatistics> statistics;
  std::optional<double> data_size_gb;
  std::string format;
  std::string import_mode;
};

struct PredictorView : ResourceView {
  bool is_auto = false;
  PredictorSettings settings;
  std::vector<std::string> forecast_types;  // with the default filled in
  std::vector<std::string> dataset_import_job_arns;
  std::optional<WindowMetrics> accuracy;
  // The algorithm the accuracy belongs to: the one asked for, CNN-QR when
  // AutoML chose (INFERRED), none for an AutoPredictor's ensemble.
  std::string evaluated_algorithm_arn;
  // ReferencePredictorSummary.State: "Active" or "Deleted".
  std::string reference_state;
  // The explainability and monitor made with the predictor (ExplainPredictor,
  // MonitorConfig), when they exist.
  std::string explainability_arn, explainability_status;
  std::string monitor_arn, monitor_status;
};

// Backtest, explainability and what-if forecast exports.
struct ExportJobView : ResourceView {
  std::vector<std::string> sources;
  S3Config destination;
  std::string format;
};

struct ExplainabilityView : ResourceView {
  std::string resource_arn;
  std::string time_series_granularity;
  std::string time_point_granularity;
  std::optional<bool> enable_visualization;
  S3Config source;
  std::vector<SchemaAttribute> schema;
  std::string start_date_time, end_date_time;
};

struct MonitorView : ResourceView {
  std::string resource_arn;
  // The predictor's accuracy when the monitor was created: its baseline.
  std::vector<std::pair<std::string, double>> baseline;
};

// One evaluation of a monitor (PredictorMonitorEvaluation).
struct MonitorEvaluation {
  std::string monitor_arn;
  std::string resource_arn;
  Timestamp evaluation_time;
  std::string evaluation_state;  // SUCCESS or FAILURE
};

struct WhatIfAnalysisView : ResourceView {
  std::string forecast_arn;
  std::optional<TimeSeriesSelector> selector;
};

struct WhatIfForecastView : ResourceView {
  std::string analysis_arn;
  std::vector<TimeSeriesTransformation> transformations;
  std::optional<TimeSeriesReplacements> replacements;
  std::vector<std::string> forecast_types;
};

struct ForecastView : ResourceView {
  std::vector<std::string> forecast_types;
  std::string predictor_arn;
  std::string dataset_group_arn;
  bool created_using_auto_predictor = false;
  std::optional<TimeSeriesSelector> selector;
};

struct ForecastExportJobView : ResourceView {
  std::string forecast_arn;
  S3Config destination;
  std::string format;
  // The typed API shows these; the wire's Describe and List do not.
  ExportedObjects exported_objects;
  std::vector<ResourceTag> tags;
};

// QueryForecast's answer: for each forecast type, in the forecast's order,
// the (date, value) points of the one series the filters chose.
struct QueriedForecast {
  std::vector<std::pair<std::string, std::vector<std::pair<Timestamp, double>>>> predictions;
};

// Any resource, as the control API lists them all (Service::AllResources).
struct ResourceSummary : ResourceView {
  // The type its ARN names: "dataset-group", "forecast-export-job", ...
  std::string type;
  // The resource it was made from (a job's forecast, a forecast's
  // predictor); "" for dataset groups and datasets.
  std::string parent_arn;
  // Jobs that write to S3 (the export jobs): where to, and "s3://bucket/key"
  // of each object written, in part order.
  std::string destination_path;
  std::vector<std::string> exported_objects;
};

// The series an ACTIVE forecast holds (Service::ForecastSeriesOf), in the
// order it holds them, and what names its values.
struct SeriesListing {
  std::vector<std::string> forecast_types;
  std::vector<std::string> dimensions;
  std::vector<SeriesId> series;
};

// The values of each series of one item (Service::ForecastValuesOf): one
// list per forecast type (in the forecast's order), one value per date, the
// numbers QueryForecast answers.
struct SeriesValues {
  SeriesId series;
  std::vector<Timestamp> dates;
  std::vector<std::vector<double>> values;
};
struct ItemValues {
  std::vector<std::string> forecast_types;
  std::vector<SeriesValues> series;
};

}  // namespace fakeaws::forecast
