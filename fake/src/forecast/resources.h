// The resources the Forecast fake keeps, one struct per resource type, all
// sharing what every Forecast resource has: an ARN, a name, a lifecycle and
// tags. Parent links (ParentArn) make the resource trees of
// delete-resource.md: a resource with live children cannot be deleted alone.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "forecast/forecast_data.h"
#include "forecast/imported_data.h"
#include "forecast/lifecycle.h"
#include "forecast/resource_tag.h"
#include "forecast/seasonal_model.h"

namespace fakeaws::forecast {

class CompletionContext;

struct Resource {
  virtual ~Resource() = default;

  std::string arn;
  std::string name;
  Lifecycle life;
  std::vector<ResourceTag> tags;
  uint64_t seq = 0;  // creation order: lists are newest first
  std::optional<Timestamp> due;  // the next scheduled transition

  // "forecast export job": how errors name this type.
  virtual std::string_view Words() const = 0;
  virtual std::string Plural() const { return std::string(Words()) + "s"; }
  // The resource this one was created from, in delete-resource.md's trees
  // ("" for roots: dataset groups, datasets).
  virtual std::string ParentArn() const { return ""; }
  // StopResource applies to jobs (API_StopResource), not to containers.
  virtual bool Stoppable() const { return true; }
  // Monitors stop and resume while ACTIVE (ResumeResource).
  virtual bool IsMonitor() const { return false; }
  // The work done when CREATE_IN_PROGRESS ends: an empty string for ACTIVE,
  // or the CREATE_FAILED message.
  virtual std::string Complete(CompletionContext& context, Timestamp at) = 0;
};

using KeyValues = std::vector<std::pair<std::string, std::string>>;

struct S3Config {
  std::string path;
  std::string role_arn;
  std::string kms_key_arn;
};

struct EncryptionConfig {
  std::string role_arn;
  std::string kms_key_arn;
  bool empty() const { return role_arn.empty() && kms_key_arn.empty(); }
};

struct DatasetGroupResource : Resource {
  std::string domain;
  std::vector<std::string> dataset_arns;

  std::string_view Words() const override { return "dataset group"; }
  bool Stoppable() const override { return false; }
  std::string Complete(CompletionContext&, Timestamp) override { return ""; }
};

struct DatasetResource : Resource {
  std::string domain;
  std::string dataset_type;
  std::string frequency;
  std::vector<SchemaAttribute> schema;
  EncryptionConfig encryption;

  std::string_view Words() const override { return "dataset"; }
  bool Stoppable() const override { return false; }
  std::string Complete(CompletionContext&, Timestamp) override { return ""; }
};

struct DatasetImportJobResource : Resource {
  std::string dataset_arn;
  S3Config source;
  std::string timestamp_format;
  std::string time_zone;
  std::optional<bool> use_geolocation_for_time_zone;
  std::string geolocation_format;
  std::string format;
  std::string import_mode;
  // What the job read (set when it ends ACTIVE).
  std::shared_ptr<const ImportedData> data;
  std::vector<FieldStatistics> statistics;
  std::optional<double> data_size_gb;

  std::string_view Words() const override { return "dataset import job"; }
  std::string ParentArn() const override { return dataset_arn; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

struct AttributeConfig {
  std::string attribute;
  KeyValues transformations;
};

struct AdditionalDataset {
  std::string name;
  std::vector<std::pair<std::string, std::vector<std::string>>> configuration;
};

struct FeaturizationMethod {
  std::string name;
  KeyValues parameters;
};

struct Featurization {
  std::string attribute;
  std::vector<FeaturizationMethod> pipeline;
};

struct TimeAlignmentBoundary {
  std::string month;
  std::optional<int> day_of_month;
  std::string day_of_week;
  std::optional<int> hour;
};

// What CreatePredictor and CreateAutoPredictor were asked for, echoed by
// Describe. Members of the other kind of predictor stay empty.
struct PredictorSettings {
  std::string dataset_group_arn;
  std::optional<int> horizon;
  std::vector<std::string> forecast_types;  // empty: ["0.1","0.5","0.9"]
  std::string frequency;
  std::vector<std::string> dimensions;
  std::string optimization_metric;
  EncryptionConfig encryption;
  // CreateAutoPredictor.
  std::vector<AttributeConfig> attribute_configs;
  std::vector<AdditionalDataset> additional_datasets;
  std::string reference_predictor_arn;
  std::optional<bool> explain_predictor;
  std::string monitor_name;
  std::optional<TimeAlignmentBoundary> time_alignment_boundary;
  // CreatePredictor.
  std::string algorithm_arn;
  std::optional<bool> perform_automl;
  std::string automl_override_strategy;
  std::optional<bool> perform_hpo;
  bool has_hpo_config = false;  // HPOConfig is accepted but not echoed
  std::optional<KeyValues> training_parameters;
  std::optional<int> backtest_windows;
  std::optional<int> backtest_window_offset;
  KeyValues supplementary_features;
  bool has_featurizations = false;
  std::vector<Featurization> featurizations;
};

struct PredictorResource : Resource {
  bool is_auto = false;
  PredictorSettings settings;
  std::vector<std::string> dataset_import_job_arns;
  // The data it trains on, fixed when it was created.
  std::shared_ptr<const ImportedData> training_data;
  std::string id_field, target_field;
  // Set when training ends ACTIVE.
  std::shared_ptr<const TrainingSet> model;
  std::optional<WindowMetrics> accuracy;

  std::string_view Words() const override { return "predictor"; }
  std::string ParentArn() const override { return settings.dataset_group_arn; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
  // Fits `model` to `training_data` and scores it into `accuracy`; "" or
  // the CREATE_FAILED message. Deterministic, so a snapshot stores only
  // whether it ran.
  std::string Train();

  int Horizon() const { return settings.horizon.value_or(0); }
  std::vector<std::string> ForecastTypes() const;
};

struct TimeSeriesSelector {
  S3Config source;
  std::vector<SchemaAttribute> schema;
  std::string format;
};

struct ForecastResource : Resource {
  // A seeded forecast's values, or a created forecast's once it is ACTIVE.
  ForecastData data;
  LegacySpecMembers legacy_spec;
  std::string predictor_arn;
  std::string dataset_group_arn;
  bool created_using_auto_predictor = false;
  // Created through CreateForecast: what it forecasts from.
  std::shared_ptr<const TrainingSet> model;
  int horizon = 0;
  std::string id_field;
  std::optional<TimeSeriesSelector> selector;

  std::string_view Words() const override { return "forecast"; }
  std::string ParentArn() const override { return predictor_arn; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

// "s3://bucket/key" of each file an export wrote, in part order: written
// once when the job completes, then shared by every view of the job.
using ExportedObjects = std::shared_ptr<const std::vector<std::string>>;

struct ForecastExportJobResource : Resource {
  std::string forecast_arn;
  S3Config destination;
  std::string format;
  ExportedObjects exported_objects;  // null until the job completes

  std::string_view Words() const override { return "forecast export job"; }
  std::string ParentArn() const override { return forecast_arn; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

// What an export-like job shares: the resources it exports, where to, and
// the files it wrote.
struct S3ExportResource : Resource {
  std::vector<std::string> sources;
  S3Config destination;
  std::string format;
  std::vector<std::string> exported_objects;

  std::string ParentArn() const override { return sources.empty() ? "" : sources.front(); }
};

struct PredictorBacktestExportJobResource : S3ExportResource {
  std::string_view Words() const override { return "predictor backtest export job"; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

struct ExplainabilityResource : Resource {
  std::string resource_arn;  // a predictor or a forecast
  std::string time_series_granularity;
  std::string time_point_granularity;
  std::optional<bool> enable_visualization;
  S3Config source;  // DataSource, for SPECIFIC time series
  std::vector<SchemaAttribute> schema;
  std::string start_date_time, end_date_time;
  // The attributes it scores and the series it covers, fixed when created.
  std::vector<std::string> attributes;
  std::vector<SeriesId> series;

  std::string_view Words() const override { return "explainability"; }
  std::string Plural() const override { return "explainabilities"; }
  std::string ParentArn() const override { return resource_arn; }
  std::string Complete(CompletionContext&, Timestamp) override { return ""; }
};

struct ExplainabilityExportResource : S3ExportResource {
  std::string_view Words() const override { return "explainability export"; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

struct MonitorResource : Resource {
  std::string resource_arn;  // the AutoPredictor it watches

  std::string_view Words() const override { return "monitor"; }
  std::string ParentArn() const override { return resource_arn; }
  bool IsMonitor() const override { return true; }
  std::string Complete(CompletionContext&, Timestamp) override { return ""; }
};

struct WhatIfAnalysisResource : Resource {
  std::string forecast_arn;
  std::optional<TimeSeriesSelector> selector;

  std::string_view Words() const override { return "what-if analysis"; }
  std::string Plural() const override { return "what-if analyses"; }
  std::string ParentArn() const override { return forecast_arn; }
  std::string Complete(CompletionContext&, Timestamp) override { return ""; }
};

struct TimeSeriesCondition {
  std::string attribute;
  std::string value;
  std::string condition;  // EQUALS, NOT_EQUALS, LESS_THAN, GREATER_THAN
};

struct TimeSeriesTransformation {
  std::string attribute;
  std::string operation;  // ADD, SUBTRACT, MULTIPLY, DIVIDE
  double value = 0;
  std::vector<TimeSeriesCondition> conditions;
};

struct TimeSeriesReplacements {
  S3Config source;
  std::vector<SchemaAttribute> schema;
  std::string format;
  std::string timestamp_format;
};

struct WhatIfForecastResource : Resource {
  std::string analysis_arn;
  std::vector<TimeSeriesTransformation> transformations;
  std::optional<TimeSeriesReplacements> replacements;
  // Its forecast, once ACTIVE.
  ForecastData data;
  LegacySpecMembers legacy_spec;

  std::string_view Words() const override { return "what-if forecast"; }
  std::string ParentArn() const override { return analysis_arn; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

struct WhatIfForecastExportResource : S3ExportResource {
  std::string_view Words() const override { return "what-if forecast export"; }
  std::string Complete(CompletionContext& context, Timestamp at) override;
};

}  // namespace fakeaws::forecast
