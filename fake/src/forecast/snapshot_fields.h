// What a snapshot writes of each Forecast type: its members, each named
// once in Fields<T>, from which base/snapshot_codec.h both writes and reads
// (forecast/snapshot.cc has the document around them). The codec's member
// lists are specializations of base::Fields. Include only from
// forecast/snapshot.cc.
#pragma once

#include "base/snapshot_codec.h"
#include "forecast/forecast_data.h"
#include "forecast/imported_data.h"
#include "forecast/resources.h"

namespace fakeaws::base {

// ---- Members, type by type (in resources.h's order) ----

template <>
struct Fields<forecast::ResourceTag> {
  template <typename IO>
  static void Visit(IO& io, forecast::ResourceTag& t) {
    io("key", t.key);
    io("value", t.value);
  }
};

template <>
struct Fields<forecast::Resource> {
  // The names of the first snapshots, which held only forecasts and export
  // jobs, so their documents still read.
  template <typename IO>
  static void Visit(IO& io, forecast::Resource& r) {
    io("arn", r.arn);
    io("name", r.name);
    io("seq", r.seq);
    io("status", r.life.status);
    io("creation_time", r.life.creation_time);
    io("changed_at", r.life.changed_at);
    io("message", r.life.message);
    io("frozen", r.life.frozen);
    io("due", r.due);
    io("tags", r.tags);
  }
};

template <>
struct Fields<forecast::S3Config> {
  template <typename IO>
  static void Visit(IO& io, forecast::S3Config& c) {
    io("path", c.path);
    io("role_arn", c.role_arn);
    io("kms_key_arn", c.kms_key_arn);
  }
};

template <>
struct Fields<forecast::EncryptionConfig> {
  template <typename IO>
  static void Visit(IO& io, forecast::EncryptionConfig& c) {
    io("role_arn", c.role_arn);
    io("kms_key_arn", c.kms_key_arn);
  }
};

template <>
struct Fields<forecast::SchemaAttribute> {
  template <typename IO>
  static void Visit(IO& io, forecast::SchemaAttribute& a) {
    io("name", a.name);
    io("type", a.type);
  }
};

template <>
struct Fields<forecast::FieldStatistics> {
  template <typename IO>
  static void Visit(IO& io, forecast::FieldStatistics& s) {
    io("attribute", s.attribute);
    io("count", s.count);
    io("count_distinct", s.count_distinct);
    io("count_null", s.count_null);
    io("count_nan", s.count_nan);
    io("min", s.min);
    io("max", s.max);
    io("avg", s.avg);
    io("stddev", s.stddev);
  }
};

template <>
struct Fields<forecast::ImportedData> {
  template <typename IO>
  static void Visit(IO& io, forecast::ImportedData& d) {
    io("schema", d.schema);
    io("rows", d.rows);
    io("timestamps", d.timestamps);
    io("timestamp_column", d.timestamp_column);
  }
};

template <>
struct Fields<forecast::DatasetGroupResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::DatasetGroupResource& g) {
    io("domain", g.domain);
    io("dataset_arns", g.dataset_arns);
  }
};

template <>
struct Fields<forecast::DatasetResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::DatasetResource& d) {
    io("domain", d.domain);
    io("dataset_type", d.dataset_type);
    io("frequency", d.frequency);
    io("schema", d.schema);
    io("encryption", d.encryption);
  }
};

template <>
struct Fields<forecast::DatasetImportJobResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::DatasetImportJobResource& j) {
    io("dataset_arn", j.dataset_arn);
    io("source", j.source);
    io("timestamp_format", j.timestamp_format);
    io("time_zone", j.time_zone);
    io("use_geolocation_for_time_zone", j.use_geolocation_for_time_zone);
    io("geolocation_format", j.geolocation_format);
    io("format", j.format);
    io("import_mode", j.import_mode);
    io("data", j.data);
    io("statistics", j.statistics);
    io("data_size_gb", j.data_size_gb);
  }
};

template <>
struct Fields<forecast::AttributeConfig> {
  template <typename IO>
  static void Visit(IO& io, forecast::AttributeConfig& c) {
    io("attribute", c.attribute);
    io("transformations", c.transformations);
  }
};

template <>
struct Fields<forecast::AdditionalDataset> {
  template <typename IO>
  static void Visit(IO& io, forecast::AdditionalDataset& d) {
    io("name", d.name);
    io("configuration", d.configuration);
  }
};

template <>
struct Fields<forecast::FeaturizationMethod> {
  template <typename IO>
  static void Visit(IO& io, forecast::FeaturizationMethod& m) {
    io("name", m.name);
    io("parameters", m.parameters);
  }
};

template <>
struct Fields<forecast::Featurization> {
  template <typename IO>
  static void Visit(IO& io, forecast::Featurization& f) {
    io("attribute", f.attribute);
    io("pipeline", f.pipeline);
  }
};

template <>
struct Fields<forecast::TimeAlignmentBoundary> {
  template <typename IO>
  static void Visit(IO& io, forecast::TimeAlignmentBoundary& b) {
    io("month", b.month);
    io("day_of_month", b.day_of_month);
    io("day_of_week", b.day_of_week);
    io("hour", b.hour);
  }
};

template <>
struct Fields<forecast::PredictorSettings> {
  template <typename IO>
  static void Visit(IO& io, forecast::PredictorSettings& s) {
    io("dataset_group_arn", s.dataset_group_arn);
    io("horizon", s.horizon);
    io("forecast_types", s.forecast_types);
    io("frequency", s.frequency);
    io("dimensions", s.dimensions);
    io("optimization_metric", s.optimization_metric);
    io("encryption", s.encryption);
    io("attribute_configs", s.attribute_configs);
    io("additional_datasets", s.additional_datasets);
    io("reference_predictor_arn", s.reference_predictor_arn);
    io("explain_predictor", s.explain_predictor);
    io("monitor_name", s.monitor_name);
    io("time_alignment_boundary", s.time_alignment_boundary);
    io("algorithm_arn", s.algorithm_arn);
    io("perform_automl", s.perform_automl);
    io("automl_override_strategy", s.automl_override_strategy);
    io("perform_hpo", s.perform_hpo);
    io("has_hpo_config", s.has_hpo_config);
    io("training_parameters", s.training_parameters);
    io("backtest_windows", s.backtest_windows);
    io("backtest_window_offset", s.backtest_window_offset);
    io("supplementary_features", s.supplementary_features);
    io("has_featurizations", s.has_featurizations);
    io("featurizations", s.featurizations);
  }
};

template <>
struct Fields<forecast::PredictorResource> {
  // `accuracy` is not listed: Train computes it with the model.
  template <typename IO>
  static void Visit(IO& io, forecast::PredictorResource& p) {
    io("is_auto", p.is_auto);
    io("settings", p.settings);
    io("dataset_import_job_arns", p.dataset_import_job_arns);
    io("training_data", p.training_data);
    io("id_field", p.id_field);
    io("target_field", p.target_field);
    io("trained", p.model);
  }
};

template <>
struct Fields<forecast::TimeSeriesSelector> {
  template <typename IO>
  static void Visit(IO& io, forecast::TimeSeriesSelector& s) {
    io("source", s.source);
    io("schema", s.schema);
    io("format", s.format);
  }
};

template <>
struct Fields<forecast::SeriesId> {
  template <typename IO>
  static void Visit(IO& io, forecast::SeriesId& s) {
    io("item_id", s.item_id);
    io("dimension_values", s.dimension_values);
  }
};

template <>
struct Fields<forecast::ForecastData::Row> {
  template <typename IO>
  static void Visit(IO& io, forecast::ForecastData::Row& r) {
    io("item_id", r.item_id);
    io("dimension_values", r.dimension_values);
    io("date", r.date);
    io("values", r.values);
  }
};

// A forecast's values with the legacy members, in the shape of the control
// API's ForecastSpec (spec_json.h) with doubles that may also be NaN or
// infinite: the "spec" of forecasts and what-if forecasts.
struct SpecDocument {
  forecast::ForecastData& data;
  forecast::LegacySpecMembers& legacy;
};

template <>
struct Fields<SpecDocument> {
  template <typename IO>
  static void Visit(IO& io, SpecDocument& s) {
    io("name", s.legacy.name);
    io("status", s.legacy.status);
    io("forecast_types", s.data.forecast_types);
    io("dimensions", s.data.dimensions);
    io("series", s.data.series);
    io("start_date", s.data.start_date);
    io("frequency", s.data.frequency);
    io("horizon", s.data.horizon);
    io("rows", s.data.rows);
    io("predictor_arn", s.legacy.predictor_arn);
    io("dataset_group_arn", s.legacy.dataset_group_arn);
    io("tags", s.legacy.tags);
  }
};

template <>
struct Fields<forecast::ForecastResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::ForecastResource& f) {
    SpecDocument spec{f.data, f.legacy_spec};
    io("spec", spec);
    io("predictor_arn", f.predictor_arn);
    io("dataset_group_arn", f.dataset_group_arn);
    io("created_using_auto_predictor", f.created_using_auto_predictor);
    io("trained", f.model);
    io("horizon", f.horizon);
    io("id_field", f.id_field);
    io("selector", f.selector);
  }
};

template <>
struct Fields<forecast::ForecastExportJobResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::ForecastExportJobResource& j) {
    io("forecast_arn", j.forecast_arn);
    io("destination", j.destination);
    io("format", j.format);
    io("exported_objects", j.exported_objects);
  }
};

template <>
struct Fields<forecast::S3ExportResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::S3ExportResource& j) {
    io("sources", j.sources);
    io("destination", j.destination);
    io("format", j.format);
    io("exported_objects", j.exported_objects);
  }
};

template <>
struct Fields<forecast::ExplainabilityResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::ExplainabilityResource& e) {
    io("resource_arn", e.resource_arn);
    io("time_series_granularity", e.time_series_granularity);
    io("time_point_granularity", e.time_point_granularity);
    io("enable_visualization", e.enable_visualization);
    io("source", e.source);
    io("schema", e.schema);
    io("start_date_time", e.start_date_time);
    io("end_date_time", e.end_date_time);
    io("attributes", e.attributes);
    io("series", e.series);
  }
};

template <>
struct Fields<forecast::MonitorResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::MonitorResource& m) {
    io("resource_arn", m.resource_arn);
  }
};

template <>
struct Fields<forecast::WhatIfAnalysisResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::WhatIfAnalysisResource& a) {
    io("forecast_arn", a.forecast_arn);
    io("selector", a.selector);
  }
};

template <>
struct Fields<forecast::TimeSeriesCondition> {
  template <typename IO>
  static void Visit(IO& io, forecast::TimeSeriesCondition& c) {
    io("attribute", c.attribute);
    io("value", c.value);
    io("condition", c.condition);
  }
};

template <>
struct Fields<forecast::TimeSeriesTransformation> {
  template <typename IO>
  static void Visit(IO& io, forecast::TimeSeriesTransformation& t) {
    io("attribute", t.attribute);
    io("operation", t.operation);
    io("value", t.value);
    io("conditions", t.conditions);
  }
};

template <>
struct Fields<forecast::TimeSeriesReplacements> {
  template <typename IO>
  static void Visit(IO& io, forecast::TimeSeriesReplacements& r) {
    io("source", r.source);
    io("schema", r.schema);
    io("format", r.format);
    io("timestamp_format", r.timestamp_format);
  }
};

template <>
struct Fields<forecast::WhatIfForecastResource> {
  template <typename IO>
  static void Visit(IO& io, forecast::WhatIfForecastResource& f) {
    io("analysis_arn", f.analysis_arn);
    io("transformations", f.transformations);
    io("replacements", f.replacements);
    SpecDocument spec{f.data, f.legacy_spec};
    io("spec", spec);
  }
};

}  // namespace fakeaws::base
