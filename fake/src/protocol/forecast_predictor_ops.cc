// CreatePredictor, CreateAutoPredictor, DescribePredictor,
// DescribeAutoPredictor, ListPredictors, DeletePredictor, GetAccuracyMetrics.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

using forecast::PredictorSettings;
using forecast::PredictorView;

Outcome<std::string> PredictorArn(const Outcome<std::string>& created) {
  return Encode(created, [](JsonWriter& w, const std::string& arn) { w.Key("PredictorArn").String(arn); });
}

Outcome<std::string> CreateAutoPredictor(const json& in, Service& s) {
  forecast::CreatePredictorInput input;
  input.name = Str(in, "PredictorName");
  input.is_auto = true;
  PredictorSettings& p = input.settings;
  p.horizon = IntOf(in, "ForecastHorizon");
  p.forecast_types = StringsOf(in, "ForecastTypes");
  p.dimensions = StringsOf(in, "ForecastDimensions");
  p.frequency = Str(in, "ForecastFrequency");
  if (const json* data = in.Find("DataConfig")) {
    p.dataset_group_arn = Str(*data, "DatasetGroupArn");
    if (const json* configs = data->Find("AttributeConfigs")) {
      for (const auto& c : *configs) {
        if (c.is_object()) p.attribute_configs.push_back({Str(c, "AttributeName"), StringMapOf(c, "Transformations")});
      }
    }
    if (const json* additional = data->Find("AdditionalDatasets")) {
      for (const auto& a : *additional) {
        if (!a.is_object()) continue;
        forecast::AdditionalDataset dataset{Str(a, "Name"), {}};
        if (const json* configuration = a.Find("Configuration")) {
          for (size_t i = 0; i < configuration->size(); ++i) {
            std::vector<std::string> values;
            for (const auto& v : (*configuration)[i]) {
              if (v.is_string()) values.push_back(v.str());
            }
            dataset.configuration.emplace_back(std::string(configuration->key(i)), std::move(values));
          }
        }
        p.additional_datasets.push_back(std::move(dataset));
      }
    }
  }
  p.encryption = EncryptionOf(in);
  p.reference_predictor_arn = Str(in, "ReferencePredictorArn");
  p.optimization_metric = Str(in, "OptimizationMetric");
  p.explain_predictor = BoolOf(in, "ExplainPredictor");
  if (const json* monitor = in.Find("MonitorConfig")) p.monitor_name = Str(*monitor, "MonitorName");
  if (const json* boundary = in.Find("TimeAlignmentBoundary")) {
    p.time_alignment_boundary = forecast::TimeAlignmentBoundary{
        Str(*boundary, "Month"), IntOf(*boundary, "DayOfMonth"), Str(*boundary, "DayOfWeek"), IntOf(*boundary, "Hour")};
  }
  input.tags = TagsOf(in);
  return PredictorArn(s.CreatePredictor(input));
}

Outcome<std::string> CreatePredictor(const json& in, Service& s) {
  forecast::CreatePredictorInput input;
  input.name = Str(in, "PredictorName");
  PredictorSettings& p = input.settings;
  p.algorithm_arn = Str(in, "AlgorithmArn");
  p.horizon = IntOf(in, "ForecastHorizon");
  p.forecast_types = StringsOf(in, "ForecastTypes");
  p.perform_automl = BoolOf(in, "PerformAutoML");
  p.automl_override_strategy = Str(in, "AutoMLOverrideStrategy");
  p.perform_hpo = BoolOf(in, "PerformHPO");
  if (in.Find("TrainingParameters")) p.training_parameters = StringMapOf(in, "TrainingParameters");
  if (const json* evaluation = in.Find("EvaluationParameters")) {
    p.backtest_windows = IntOf(*evaluation, "NumberOfBacktestWindows");
    p.backtest_window_offset = IntOf(*evaluation, "BackTestWindowOffset");
  }
  p.has_hpo_config = in.Find("HPOConfig") != nullptr;
  if (const json* data = in.Find("InputDataConfig")) {  // required: validated
    p.dataset_group_arn = Str(*data, "DatasetGroupArn");
    if (const json* features = data->Find("SupplementaryFeatures")) {
      for (const auto& f : *features) {
        if (f.is_object()) p.supplementary_features.emplace_back(Str(f, "Name"), Str(f, "Value"));
      }
    }
  }
  if (const json* featurization = in.Find("FeaturizationConfig")) {  // required: validated
    p.frequency = Str(*featurization, "ForecastFrequency");
    p.dimensions = StringsOf(*featurization, "ForecastDimensions");
    if (const json* list = featurization->Find("Featurizations")) {
      p.has_featurizations = true;
      for (const auto& f : *list) {
        if (!f.is_object()) continue;
        forecast::Featurization item{Str(f, "AttributeName"), {}};
        if (const json* pipeline = f.Find("FeaturizationPipeline")) {
          for (const auto& m : *pipeline) {
            if (m.is_object()) {
              item.pipeline.push_back(
                  {Str(m, "FeaturizationMethodName"), StringMapOf(m, "FeaturizationMethodParameters")});
            }
          }
        }
        p.featurizations.push_back(std::move(item));
      }
    }
  }
  p.encryption = EncryptionOf(in);
  p.optimization_metric = Str(in, "OptimizationMetric");
  input.tags = TagsOf(in);
  return PredictorArn(s.CreatePredictor(input));
}

void WriteReference(JsonWriter& w, const PredictorView& p) {
  if (p.settings.reference_predictor_arn.empty()) return;
  w.Key("ReferencePredictorSummary").BeginObject();
  w.Key("Arn").String(p.settings.reference_predictor_arn).Key("State").String(p.reference_state);
  w.EndObject();
}

Outcome<std::string> DescribeAutoPredictor(const json& in, Service& s) {
  return Encode(s.DescribePredictor(Str(in, "PredictorArn"), true), [](JsonWriter& w, const PredictorView& p) {
    const PredictorSettings& c = p.settings;
    w.Key("PredictorArn").String(p.arn);
    w.Key("PredictorName").String(p.name);
    if (c.horizon) w.Key("ForecastHorizon").Int(*c.horizon);
    WriteStrings(w, "ForecastTypes", p.forecast_types);
    w.OptionalString("ForecastFrequency", c.frequency);
    if (!c.dimensions.empty()) WriteStrings(w, "ForecastDimensions", c.dimensions);
    WriteStrings(w, "DatasetImportJobArns", p.dataset_import_job_arns);
    w.Key("DataConfig").BeginObject().Key("DatasetGroupArn").String(c.dataset_group_arn);
    if (!c.attribute_configs.empty()) {
      w.Key("AttributeConfigs").BeginArray();
      for (const auto& a : c.attribute_configs) {
        w.BeginObject().Key("AttributeName").String(a.attribute);
        WriteStringMap(w, "Transformations", a.transformations);
        w.EndObject();
      }
      w.EndArray();
    }
    if (!c.additional_datasets.empty()) {
      w.Key("AdditionalDatasets").BeginArray();
      for (const auto& a : c.additional_datasets) {
        w.BeginObject().Key("Name").String(a.name);
        if (!a.configuration.empty()) {
          w.Key("Configuration").BeginObject();
          for (const auto& [k, values] : a.configuration) WriteStrings(w, k.c_str(), values);
          w.EndObject();
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    WriteEncryption(w, c.encryption);
    WriteReference(w, p);
    WriteEstimate(w, p);
    WriteStatusAndTimes(w, p);
    w.OptionalString("OptimizationMetric", c.optimization_metric);
    if (!p.explainability_arn.empty()) {
      w.Key("ExplainabilityInfo").BeginObject().Key("ExplainabilityArn").String(p.explainability_arn);
      w.Key("Status").String(p.explainability_status).EndObject();
    }
    if (!p.monitor_arn.empty()) {
      w.Key("MonitorInfo").BeginObject().Key("MonitorArn").String(p.monitor_arn);
      w.Key("Status").String(p.monitor_status).EndObject();
    }
    if (const auto& b = c.time_alignment_boundary) {
      w.Key("TimeAlignmentBoundary").BeginObject();
      w.OptionalString("Month", b->month);
      if (b->day_of_month) w.Key("DayOfMonth").Int(*b->day_of_month);
      w.OptionalString("DayOfWeek", b->day_of_week);
      if (b->hour) w.Key("Hour").Int(*b->hour);
      w.EndObject();
    }
  });
}

Outcome<std::string> DescribePredictor(const json& in, Service& s) {
  return Encode(s.DescribePredictor(Str(in, "PredictorArn"), false), [](JsonWriter& w, const PredictorView& p) {
    const PredictorSettings& c = p.settings;
    w.Key("PredictorArn").String(p.arn);
    w.Key("PredictorName").String(p.name);
    w.OptionalString("AlgorithmArn", c.algorithm_arn);
    if (c.perform_automl.value_or(false) && p.accuracy) WriteStrings(w, "AutoMLAlgorithmArns", {p.evaluated_algorithm_arn});
    if (c.horizon) w.Key("ForecastHorizon").Int(*c.horizon);
    WriteStrings(w, "ForecastTypes", p.forecast_types);
    if (c.perform_automl) w.Key("PerformAutoML").Bool(*c.perform_automl);
    w.OptionalString("AutoMLOverrideStrategy", c.automl_override_strategy);
    if (c.perform_hpo) w.Key("PerformHPO").Bool(*c.perform_hpo);
    if (c.training_parameters) WriteStringMap(w, "TrainingParameters", *c.training_parameters);
    if (c.backtest_windows || c.backtest_window_offset) {
      w.Key("EvaluationParameters").BeginObject();
      if (c.backtest_windows) w.Key("NumberOfBacktestWindows").Int(*c.backtest_windows);
      if (c.backtest_window_offset) w.Key("BackTestWindowOffset").Int(*c.backtest_window_offset);
      w.EndObject();
    }
    w.Key("InputDataConfig").BeginObject().Key("DatasetGroupArn").String(c.dataset_group_arn);
    if (!c.supplementary_features.empty()) {
      w.Key("SupplementaryFeatures").BeginArray();
      for (const auto& [name, value] : c.supplementary_features) {
        w.BeginObject().Key("Name").String(name).Key("Value").String(value).EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    w.Key("FeaturizationConfig").BeginObject().Key("ForecastFrequency").String(c.frequency);
    if (!c.dimensions.empty()) WriteStrings(w, "ForecastDimensions", c.dimensions);
    if (c.has_featurizations) {
      w.Key("Featurizations").BeginArray();
      for (const auto& f : c.featurizations) {
        w.BeginObject().Key("AttributeName").String(f.attribute);
        if (!f.pipeline.empty()) {
          w.Key("FeaturizationPipeline").BeginArray();
          for (const auto& m : f.pipeline) {
            w.BeginObject().Key("FeaturizationMethodName").String(m.name);
            if (!m.parameters.empty()) WriteStringMap(w, "FeaturizationMethodParameters", m.parameters);
            w.EndObject();
          }
          w.EndArray();
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    WriteEncryption(w, c.encryption);
    if (p.accuracy) {
      w.Key("PredictorExecutionDetails").BeginObject().Key("PredictorExecutions").BeginArray();
      w.BeginObject().Key("AlgorithmArn").String(p.evaluated_algorithm_arn).Key("TestWindows").BeginArray();
      w.BeginObject().Key("TestWindowStart").Time(p.accuracy->start).Key("TestWindowEnd").Time(p.accuracy->end);
      w.Key("Status").String("ACTIVE").EndObject();
      w.EndArray().EndObject();
      w.EndArray().EndObject();
    }
    WriteEstimate(w, p);
    w.Key("IsAutoPredictor").Bool(false);
    WriteStrings(w, "DatasetImportJobArns", p.dataset_import_job_arns);
    WriteStatusAndTimes(w, p);
    w.OptionalString("OptimizationMetric", c.optimization_metric);
  });
}

Outcome<std::string> ListPredictors(const json& in, Service& s) {
  return Encode(s.ListPredictors(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<PredictorView>& page) {
    w.Key("Predictors").BeginArray();
    for (const auto& p : page.items) {
      w.BeginObject();
      w.Key("PredictorArn").String(p.arn);
      w.Key("PredictorName").String(p.name);
      w.Key("DatasetGroupArn").String(p.settings.dataset_group_arn);
      w.Key("IsAutoPredictor").Bool(p.is_auto);
      WriteReference(w, p);
      WriteStatusAndTimes(w, p);
      w.EndObject();
    }
    w.EndArray();
    w.OptionalString("NextToken", page.next_token);
  });
}

Outcome<std::string> DeletePredictor(const json& in, Service& s) {
  return Empty(s.DeletePredictor(Str(in, "PredictorArn")));
}

void WriteMetrics(JsonWriter& w, const forecast::WindowMetrics& m) {
  w.Key("Metrics").BeginObject();
  if (m.rmse) w.Key("RMSE").Double(*m.rmse);
  w.Key("WeightedQuantileLosses").BeginArray();
  for (const auto& [quantile, loss] : m.weighted_quantile_losses) {
    w.BeginObject().Key("Quantile").Double(quantile).Key("LossValue").Double(loss).EndObject();
  }
  w.EndArray();
  w.Key("ErrorMetrics").BeginArray();
  for (const auto& e : m.error_metrics) {
    w.BeginObject().Key("ForecastType").String(e.forecast_type);
    if (e.wape) w.Key("WAPE").Double(*e.wape);
    if (e.rmse) w.Key("RMSE").Double(*e.rmse);
    if (e.mase) w.Key("MASE").Double(*e.mase);
    if (e.mape) w.Key("MAPE").Double(*e.mape);
    w.EndObject();
  }
  w.EndArray();
  if (m.average_weighted_quantile_loss) w.Key("AverageWeightedQuantileLoss").Double(*m.average_weighted_quantile_loss);
  w.EndObject();
}

Outcome<std::string> GetAccuracyMetrics(const json& in, Service& s) {
  return Encode(s.GetAccuracyMetrics(Str(in, "PredictorArn")), [](JsonWriter& w, const PredictorView& p) {
    w.Key("PredictorEvaluationResults").BeginArray();
    if (p.accuracy) {
      const forecast::WindowMetrics& m = *p.accuracy;
      w.BeginObject();
      w.OptionalString("AlgorithmArn", p.evaluated_algorithm_arn);
      // One backtest window: its SUMMARY (the average over windows) and the
      // COMPUTED window itself (API_WindowSummary, EvaluationType).
      w.Key("TestWindows").BeginArray();
      w.BeginObject().Key("EvaluationType").String("SUMMARY");
      WriteMetrics(w, m);
      w.EndObject();
      w.BeginObject().Key("TestWindowStart").Time(m.start).Key("TestWindowEnd").Time(m.end);
      w.Key("ItemCount").Int(m.item_count).Key("EvaluationType").String("COMPUTED");
      WriteMetrics(w, m);
      w.EndObject();
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("IsAutoPredictor").Bool(p.is_auto);
    w.OptionalString("AutoMLOverrideStrategy", p.settings.automl_override_strategy);
    w.OptionalString("OptimizationMetric", p.settings.optimization_metric);
  });
}

}  // namespace

void AddPredictorOperations(HandlerTable& table) {
  table.emplace("CreateAutoPredictor", CreateAutoPredictor);
  table.emplace("CreatePredictor", CreatePredictor);
  table.emplace("DescribeAutoPredictor", DescribeAutoPredictor);
  table.emplace("DescribePredictor", DescribePredictor);
  table.emplace("ListPredictors", ListPredictors);
  table.emplace("DeletePredictor", DeletePredictor);
  table.emplace("GetAccuracyMetrics", GetAccuracyMetrics);
}

}  // namespace fakeaws::protocol::forecast_codec
