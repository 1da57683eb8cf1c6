// Every success response the fake sends names only members of the
// operation's output shape, in the shape's member order (botocore's model),
// at every depth. A scenario drives every implemented operation that has an
// output through success at least once, in the states that add optional
// members (being created, failed, finished).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "fakeaws/fake.h"
#include "protocol/forecast_operations.h"
#include "protocol/forecastquery_operations.h"
#include "protocol/json_value.h"
#include "protocol/model.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;
using protocol::JsonValue;
using protocol::Shape;

// "" when `v` follows `shape`; else where and how it does not.
std::string CheckOrder(const Shape& shape, const JsonValue& v, const std::string& where) {
  switch (shape.type) {
    case Shape::Type::kStructure: {
      if (!v.is_object()) return where + ": expected an object";
      size_t next = 0;  // members before this one in the model are behind us
      for (size_t i = 0; i < v.size(); ++i) {
        const std::string key(v.key(i));
        size_t at = 0;
        while (at < shape.members.size() && shape.members[at].name != key) ++at;
        if (at == shape.members.size()) return where + ": " + key + " is not a member of " + shape.name;
        if (at < next) return where + ": " + key + " comes after a member the model puts after it";
        next = at + 1;
        if (auto e = CheckOrder(*shape.members[at].shape, v[i], where + "." + key); !e.empty()) return e;
      }
      return "";
    }
    case Shape::Type::kList:
      if (!v.is_array()) return where + ": expected an array";
      for (size_t i = 0; i < v.size(); ++i) {
        if (auto e = CheckOrder(*shape.member, v[i], where + "[" + std::to_string(i) + "]"); !e.empty()) return e;
      }
      return "";
    case Shape::Type::kMap:
      if (!v.is_object()) return where + ": expected a map";
      for (size_t i = 0; i < v.size(); ++i) {
        if (auto e = CheckOrder(*shape.value, v[i], where + "." + std::string(v.key(i))); !e.empty()) return e;
      }
      return "";
    default:
      return "";
  }
}

class Scenario {
 public:
  explicit Scenario(Options o) : fake_(o) {}

  json Call(const std::string& op, const json& in, const std::string& service = "forecast") {
    const auto& model = protocol::ServiceModel::Get(service);
    HttpRequest r;
    r.method = "POST";
    r.target = "/";
    r.headers.Add("X-Amz-Target", model.target_prefix() + "." + op);
    r.headers.Add("Content-Type", "application/x-amz-json-1.1");
    r.body = in.dump();
    HttpResponse response = fake_.Handle(r);
    EXPECT_EQ(response.status, 200) << op << ": " << response.body;
    if (response.status == 200 && !response.body.empty()) samples_[{service, op}].push_back(response.body);
    return response.body.empty() ? json::object() : json::parse(response.body);
  }

  Fake& fake() { return fake_; }
  const std::map<std::pair<std::string, std::string>, std::vector<std::string>>& samples() const { return samples_; }

 private:
  Fake fake_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> samples_;
};

const char* kRole = "arn:aws:iam::123456789012:role/R";

json S3(const std::string& path) { return {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}; }

void RunEveryOperation(Scenario& s) {
  Fake& fake = s.fake();
  fake.s3().CreateBucket("data");
  std::string csv;
  for (const char* item : {"a", "b"}) {
    for (int d = 1; d <= 28; ++d) {
      csv += std::string(item) + ",2025-12-" + (d < 10 ? "0" : "") + std::to_string(d) + ",store_1," +
             std::to_string(d % 7 + 1) + "\n";
    }
  }
  fake.s3().PutObject("data", "tts.csv", csv);
  fake.s3().PutObject("data", "bad.csv", "a,not a date,store_1,1\n");
  fake.s3().PutObject("data", "select.csv", "a,store_1\n");
  auto minutes = [&](int m) { fake.clock().Advance(std::chrono::minutes(m)); };
  const json schema = {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                   {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                   {{"AttributeName", "store"}, {"AttributeType", "string"}},
                                                   {{"AttributeName", "demand"}, {"AttributeType", "float"}}})}};

  const std::string ds = s.Call("CreateDataset", {{"DatasetName", "ds"}, {"Domain", "RETAIL"}, {"DatasetType", "TARGET_TIME_SERIES"},
                                                  {"DataFrequency", "D"}, {"Schema", schema},
                                                  {"EncryptionConfig", {{"RoleArn", kRole}, {"KMSKeyArn", "arn:aws:kms:us-east-1:123456789012:key/k"}}}})["DatasetArn"];
  s.Call("CreateDataset", {{"DatasetName", "plain"}, {"Domain", "RETAIL"}, {"DatasetType", "ITEM_METADATA"},
                           {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}}})}}}});
  const std::string dsg = s.Call("CreateDatasetGroup", {{"DatasetGroupName", "dsg"}, {"Domain", "RETAIL"}})["DatasetGroupArn"];
  const std::string rts = s.Call("CreateDataset", {{"DatasetName", "rts"}, {"Domain", "RETAIL"}, {"DatasetType", "RELATED_TIME_SERIES"},
                                                   {"DataFrequency", "D"},
                                                   {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                                           {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                                           {{"AttributeName", "price"}, {"AttributeType", "float"}}})}}}})["DatasetArn"];
  s.Call("UpdateDatasetGroup", {{"DatasetGroupArn", dsg}, {"DatasetArns", json::array({ds, rts})}});
  s.Call("DescribeDatasetGroup", {{"DatasetGroupArn", dsg}});  // UPDATE_PENDING
  s.Call("DescribeDataset", {{"DatasetArn", ds}});
  s.Call("DescribeDataset", {{"DatasetArn", "arn:aws:forecast:us-east-1:123456789012:dataset/plain"}});
  s.Call("ListDatasets", {{"MaxResults", 1}});
  s.Call("ListDatasetGroups", json::object());

  const json import = {{"DatasetImportJobName", "i1"}, {"DatasetArn", ds}, {"DataSource", S3("s3://data/tts.csv")},
                       {"TimestampFormat", "yyyy-MM-dd"}, {"TimeZone", "UTC"}, {"GeolocationFormat", "LAT_LONG"},
                       {"UseGeolocationForTimeZone", false}, {"Format", "CSV"}, {"ImportMode", "FULL"}};
  const std::string job = s.Call("CreateDatasetImportJob", import)["DatasetImportJobArn"];
  s.Call("DescribeDatasetImportJob", {{"DatasetImportJobArn", job}});  // CREATE_PENDING, with an estimate
  minutes(7);
  s.Call("DescribeDatasetImportJob", {{"DatasetImportJobArn", job}});  // ACTIVE, with statistics
  json bad = import;
  bad["DatasetImportJobName"] = "i2";
  bad["DataSource"] = S3("s3://data/bad.csv");
  const std::string failed = s.Call("CreateDatasetImportJob", bad)["DatasetImportJobArn"];
  minutes(7);
  s.Call("DescribeDatasetImportJob", {{"DatasetImportJobArn", failed}});  // CREATE_FAILED, with a message
  s.Call("ListDatasetImportJobs", {{"Filters", json::array({{{"Key", "DatasetArn"}, {"Value", ds}, {"Condition", "IS"}}})}});

  const std::string auto_p = s.Call("CreateAutoPredictor",
      {{"PredictorName", "auto_p"}, {"ForecastHorizon", 7}, {"ForecastTypes", json::array({"0.1", "0.5", "mean"})},
       {"ForecastDimensions", json::array({"store"})}, {"ForecastFrequency", "D"},
       {"DataConfig", {{"DatasetGroupArn", dsg},
                       {"AttributeConfigs", json::array({{{"AttributeName", "demand"}, {"Transformations", {{"aggregation", "sum"}}}}})},
                       {"AdditionalDatasets", json::array({{{"Name", "holiday"}, {"Configuration", {{"CountryCode", json::array({"US"})}}}}})}}},
       {"EncryptionConfig", {{"RoleArn", kRole}, {"KMSKeyArn", "arn:aws:kms:us-east-1:123456789012:key/k"}}},
       {"OptimizationMetric", "WAPE"}, {"ExplainPredictor", false}, {"MonitorConfig", {{"MonitorName", "auto_monitor"}}},
       {"TimeAlignmentBoundary", {{"Month", "JANUARY"}, {"DayOfMonth", 1}, {"DayOfWeek", "MONDAY"}, {"Hour", 0}}}})["PredictorArn"];
  s.Call("DescribeAutoPredictor", {{"PredictorArn", auto_p}});  // CREATE_PENDING
  const std::string legacy = s.Call("CreatePredictor",
      {{"PredictorName", "legacy"}, {"AlgorithmArn", "arn:aws:forecast:::algorithm/ETS"}, {"ForecastHorizon", 7},
       {"ForecastTypes", json::array({"0.5"})}, {"PerformAutoML", false}, {"PerformHPO", false},
       {"TrainingParameters", {{"p", "1"}}},
       {"EvaluationParameters", {{"NumberOfBacktestWindows", 1}, {"BackTestWindowOffset", 7}}},
       {"InputDataConfig", {{"DatasetGroupArn", dsg}, {"SupplementaryFeatures", json::array({{{"Name", "holiday"}, {"Value", "US"}}})}}},
       {"FeaturizationConfig", {{"ForecastFrequency", "D"}, {"ForecastDimensions", json::array({"store"})},
                                {"Featurizations", json::array({{{"AttributeName", "demand"},
                                                                 {"FeaturizationPipeline", json::array({{{"FeaturizationMethodName", "filling"},
                                                                                                        {"FeaturizationMethodParameters", {{"middlefill", "zero"}}}}})}}})}}},
       {"OptimizationMetric", "RMSE"}})["PredictorArn"];
  const std::string automl = s.Call("CreatePredictor",
      {{"PredictorName", "automl"}, {"ForecastHorizon", 7}, {"PerformAutoML", true}, {"AutoMLOverrideStrategy", "AccuracyOptimized"},
       {"InputDataConfig", {{"DatasetGroupArn", dsg}}}, {"FeaturizationConfig", {{"ForecastFrequency", "D"}}}})["PredictorArn"];
  minutes(7);
  for (const auto& p : {legacy, automl}) {
    s.Call("DescribePredictor", {{"PredictorArn", p}});
    s.Call("GetAccuracyMetrics", {{"PredictorArn", p}});
  }
  s.Call("DescribeAutoPredictor", {{"PredictorArn", auto_p}});
  s.Call("GetAccuracyMetrics", {{"PredictorArn", auto_p}});
  const std::string retrained = s.Call("CreateAutoPredictor", {{"PredictorName", "retrained"}, {"ReferencePredictorArn", auto_p}})["PredictorArn"];
  s.Call("DescribeAutoPredictor", {{"PredictorArn", retrained}});
  s.Call("ListPredictors", json::object());

  const std::string f = s.Call("CreateForecast",
      {{"ForecastName", "f"}, {"PredictorArn", auto_p}, {"ForecastTypes", json::array({"0.5", "mean"})},
       {"TimeSeriesSelector", {{"TimeSeriesIdentifiers", {{"DataSource", S3("s3://data/select.csv")},
                                                          {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                                                 {{"AttributeName", "store"}, {"AttributeType", "string"}}})}}},
                                                          {"Format", "CSV"}}}}}})["ForecastArn"];
  s.Call("DescribeForecast", {{"ForecastArn", f}});  // CREATE_PENDING
  minutes(7);
  s.Call("DescribeForecast", {{"ForecastArn", f}});
  s.Call("ListForecasts", json::object());
  s.Call("QueryForecast", {{"ForecastArn", f}, {"Filters", {{"item_id", "a"}, {"store", "store_1"}}}}, "forecastquery");

  const std::string export_job = s.Call("CreateForecastExportJob",
      {{"ForecastExportJobName", "e"}, {"ForecastArn", f}, {"Destination", S3("s3://data/out")}, {"Format", "CSV"}})["ForecastExportJobArn"];
  s.Call("DescribeForecastExportJob", {{"ForecastExportJobArn", export_job}});
  s.Call("ListForecastExportJobs", json::object());
  s.Call("StopResource", {{"ResourceArn", export_job}});

  // Backtests, explainability, monitors.
  const std::string backtest = s.Call("CreatePredictorBacktestExportJob",
      {{"PredictorBacktestExportJobName", "bt"}, {"PredictorArn", legacy}, {"Destination", S3("s3://data/backtest/")}, {"Format", "CSV"}})["PredictorBacktestExportJobArn"];
  s.Call("DescribePredictorBacktestExportJob", {{"PredictorBacktestExportJobArn", backtest}});
  const std::string explainability = s.Call("CreateExplainability",
      {{"ExplainabilityName", "why"}, {"ResourceArn", auto_p},
       {"ExplainabilityConfig", {{"TimeSeriesGranularity", "ALL"}, {"TimePointGranularity", "ALL"}}}, {"EnableVisualization", true}})["ExplainabilityArn"];
  const std::string why_f = s.Call("CreateExplainability",
      {{"ExplainabilityName", "why_f"}, {"ResourceArn", f},
       {"ExplainabilityConfig", {{"TimeSeriesGranularity", "SPECIFIC"}, {"TimePointGranularity", "SPECIFIC"}}},
       {"DataSource", S3("s3://data/select.csv")},
       {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}}})}}},
       {"StartDateTime", "2025-12-29T00:00:00"}, {"EndDateTime", "2025-12-30T00:00:00"}})["ExplainabilityArn"];
  s.Call("DescribeExplainability", {{"ExplainabilityArn", explainability}});  // CREATE_PENDING
  const std::string monitor = s.Call("CreateMonitor", {{"MonitorName", "retrained_monitor"}, {"ResourceArn", retrained}})["MonitorArn"];
  minutes(7);
  s.Call("DescribePredictorBacktestExportJob", {{"PredictorBacktestExportJobArn", backtest}});
  s.Call("ListPredictorBacktestExportJobs", json::object());
  s.Call("DescribeExplainability", {{"ExplainabilityArn", why_f}});
  s.Call("ListExplainabilities", json::object());
  s.Call("DescribeAutoPredictor", {{"PredictorArn", auto_p}});  // with MonitorInfo and ExplainabilityInfo
  const std::string why_export = s.Call("CreateExplainabilityExport",
      {{"ExplainabilityExportName", "why_export"}, {"ExplainabilityArn", explainability}, {"Destination", S3("s3://data/why/")}})["ExplainabilityExportArn"];
  s.Call("DescribeExplainabilityExport", {{"ExplainabilityExportArn", why_export}});
  s.Call("ListExplainabilityExports", json::object());
  s.Call("DescribeMonitor", {{"MonitorArn", monitor}});
  s.Call("ListMonitors", json::object());
  s.Call("ListMonitorEvaluations", {{"MonitorArn", monitor}});
  s.Call("StopResource", {{"ResourceArn", monitor}});
  minutes(1);
  s.Call("ResumeResource", {{"ResourceArn", monitor}});

  // What-if.
  const std::string analysis = s.Call("CreateWhatIfAnalysis",
      {{"WhatIfAnalysisName", "sale"}, {"ForecastArn", f},
       {"TimeSeriesSelector", {{"TimeSeriesIdentifiers", {{"DataSource", S3("s3://data/select.csv")},
                                                          {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                                                 {{"AttributeName", "store"}, {"AttributeType", "string"}}})}}},
                                                          {"Format", "CSV"}}}}}})["WhatIfAnalysisArn"];
  s.Call("DescribeWhatIfAnalysis", {{"WhatIfAnalysisArn", analysis}});
  minutes(7);
  const std::string what_if = s.Call("CreateWhatIfForecast",
      {{"WhatIfForecastName", "half_price"}, {"WhatIfAnalysisArn", analysis},
       {"TimeSeriesTransformations", json::array({{{"Action", {{"AttributeName", "price"}, {"Operation", "MULTIPLY"}, {"Value", 0.5}}},
                                                   {"TimeSeriesConditions", json::array({{{"AttributeName", "store"}, {"AttributeValue", "store_1"}, {"Condition", "EQUALS"}}})}}})},
       {"TimeSeriesReplacementsDataSource", {{"S3Config", {{"Path", "s3://data/tts.csv"}, {"RoleArn", kRole}}},
                                             {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}}})}}},
                                             {"Format", "CSV"}, {"TimestampFormat", "yyyy-MM-dd"}}}})["WhatIfForecastArn"];
  s.Call("DescribeWhatIfForecast", {{"WhatIfForecastArn", what_if}});
  minutes(7);
  s.Call("DescribeWhatIfForecast", {{"WhatIfForecastArn", what_if}});
  s.Call("QueryWhatIfForecast", {{"WhatIfForecastArn", what_if}, {"Filters", {{"item_id", "a"}, {"store", "store_1"}}}},
         "forecastquery");
  s.Call("ListWhatIfAnalyses", json::object());
  s.Call("ListWhatIfForecasts", json::object());
  const std::string what_if_export = s.Call("CreateWhatIfForecastExport",
      {{"WhatIfForecastExportName", "sale_export"}, {"WhatIfForecastArns", json::array({what_if})},
       {"Destination", S3("s3://data/what_if/")}, {"Format", "CSV"}})["WhatIfForecastExportArn"];
  s.Call("DescribeWhatIfForecastExport", {{"WhatIfForecastExportArn", what_if_export}});
  minutes(7);
  s.Call("ListWhatIfForecastExports", json::object());
  s.Call("DeleteWhatIfForecastExport", {{"WhatIfForecastExportArn", what_if_export}});
  s.Call("DeleteExplainabilityExport", {{"ExplainabilityExportArn", why_export}});
  s.Call("DeletePredictorBacktestExportJob", {{"PredictorBacktestExportJobArn", backtest}});
  minutes(2);
  s.Call("DeleteWhatIfForecast", {{"WhatIfForecastArn", what_if}});
  s.Call("DeleteExplainability", {{"ExplainabilityArn", explainability}});
  s.Call("DeleteMonitor", {{"MonitorArn", monitor}});
  minutes(2);
  s.Call("DeleteWhatIfAnalysis", {{"WhatIfAnalysisArn", analysis}});

  s.Call("TagResource", {{"ResourceArn", dsg}, {"Tags", json::array({{{"Key", "team"}, {"Value", "demand"}}})}});
  s.Call("ListTagsForResource", {{"ResourceArn", dsg}});
  s.Call("UntagResource", {{"ResourceArn", dsg}, {"TagKeys", json::array({"team"})}});
  minutes(7);
  s.Call("DeleteForecastExportJob", {{"ForecastExportJobArn", export_job}});
  s.Call("DeleteDatasetImportJob", {{"DatasetImportJobArn", failed}});
  s.Call("DeleteResourceTree", {{"ResourceArn", dsg}});
  minutes(2);
  s.Call("DeleteDataset", {{"DatasetArn", "arn:aws:forecast:us-east-1:123456789012:dataset/plain"}});
}

TEST(ResponseOrder, TheCheckCatchesSwappedAndUnknownMembers) {
  const auto& output = *protocol::ServiceModel::Get("forecast").FindOperation("DescribeDataset")->output;
  auto check = [&](const char* body) { return CheckOrder(output, protocol::ParseJson(body)->root(), "DescribeDataset"); };
  EXPECT_EQ(check(R"({"DatasetArn":"a","DatasetName":"n","Schema":{"Attributes":[{"AttributeName":"x","AttributeType":"string"}]}})"), "");
  EXPECT_NE(check(R"({"DatasetName":"n","DatasetArn":"a"})"), "");
  EXPECT_NE(check(R"({"DatasetArn":"a","Colour":"blue"})"), "");
  EXPECT_NE(check(R"({"Schema":{"Attributes":[{"AttributeType":"string","AttributeName":"x"}]}})"), "");
}

TEST(ResponseOrder, EverySuccessResponseFollowsTheModelsMemberOrder) {
  Options o;
  o.lifecycle = LifecycleDurations::Observable();
  Scenario s(o);
  RunEveryOperation(s);
  size_t checked = 0;
  for (const auto& [key, bodies] : s.samples()) {
    checked += bodies.size();
    const auto& model = protocol::ServiceModel::Get(key.first);
    const protocol::Operation* op = model.FindOperation(key.second);
    ASSERT_NE(op, nullptr);
    for (const auto& body : bodies) {
      auto doc = protocol::ParseJson(body);
      ASSERT_NE(doc, nullptr) << key.second << ": " << body;
      EXPECT_EQ(CheckOrder(*op->output, doc->root(), key.second), "") << body;
    }
  }
  EXPECT_GE(checked, 30u);
  // Every implemented operation whose output has members was sampled.
  for (const char* service : {"forecast", "forecastquery"}) {
    const auto& model = protocol::ServiceModel::Get(service);
    for (const auto& [name, op] : model.operations()) {
      const bool implemented = std::string(service) == "forecast" ? protocol::ForecastImplements(name)
                                                                  : protocol::ForecastQueryImplements(name);
      if (!implemented || op.output == nullptr || op.output->members.empty()) continue;
      EXPECT_TRUE(s.samples().count({service, name})) << "the scenario never gets a success from " << name;
    }
  }
}

}  // namespace
}  // namespace fakeaws::testing
