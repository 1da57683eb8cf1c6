// What a predictor and a forecast lead to beyond the export: backtest
// exports, explainability, monitors and what-if analyses, over the wire.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "forecast_client.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const char* kRole = "arn:aws:iam::123456789012:role/ForecastRole";
const std::string kArn = "arn:aws:forecast:us-east-1:123456789012:";

json S3(const std::string& path) { return {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}; }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class InsightsTest : public ::testing::Test {
 protected:
  InsightsTest() {
    fake_.s3().CreateBucket("data");
    std::string tts, rts;
    for (const char* item : {"a", "b"}) {
      for (int d = 1; d <= 28; ++d) {
        const std::string date = std::string("2025-12-") + (d < 10 ? "0" : "") + std::to_string(d);
        tts += std::string(item) + "," + date + "," + std::to_string(10 + d % 7) + "\n";
        rts += std::string(item) + "," + date + ",9.99\n";
      }
    }
    fake_.s3().PutObject("data", "tts.csv", tts);
    fake_.s3().PutObject("data", "rts.csv", rts);
    Do("CreateDataset", {{"DatasetName", "tts"}, {"Domain", "RETAIL"}, {"DatasetType", "TARGET_TIME_SERIES"}, {"DataFrequency", "D"},
                         {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                 {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                 {{"AttributeName", "demand"}, {"AttributeType", "float"}}})}}}});
    Do("CreateDataset", {{"DatasetName", "rts"}, {"Domain", "RETAIL"}, {"DatasetType", "RELATED_TIME_SERIES"}, {"DataFrequency", "D"},
                         {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                 {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                 {{"AttributeName", "price"}, {"AttributeType", "float"}}})}}}});
    Do("CreateDatasetGroup", {{"DatasetGroupName", "dsg"}, {"Domain", "RETAIL"},
                              {"DatasetArns", json::array({kArn + "dataset/tts", kArn + "dataset/rts"})}});
    for (const char* ds : {"tts", "rts"}) {
      Do("CreateDatasetImportJob", {{"DatasetImportJobName", "i"}, {"DatasetArn", kArn + "dataset/" + ds},
                                    {"DataSource", S3(std::string("s3://data/") + ds + ".csv")}, {"TimestampFormat", "yyyy-MM-dd"}});
    }
    auto_ = Do("CreateAutoPredictor", {{"PredictorName", "auto_p"}, {"ForecastHorizon", 7}, {"ForecastFrequency", "D"},
                                       {"DataConfig", {{"DatasetGroupArn", kArn + "dataset-group/dsg"}}}})
                .body.value("PredictorArn", "");
    Do("CreatePredictor", {{"PredictorName", "legacy"}, {"AlgorithmArn", "arn:aws:forecast:::algorithm/ETS"}, {"ForecastHorizon", 7},
                           {"InputDataConfig", {{"DatasetGroupArn", kArn + "dataset-group/dsg"}}},
                           {"FeaturizationConfig", {{"ForecastFrequency", "D"}}}});
    forecast_ = Do("CreateForecast", {{"ForecastName", "f"}, {"PredictorArn", auto_}}).body.value("ForecastArn", "");
  }

  Reply Do(const std::string& op, const json& in) {
    Reply r = Call(fake_, op, in);
    return r;
  }
  std::string Body(const std::string& key) { return fake_.s3().GetObject("data", key).value().body; }

  Fake fake_;
  std::string auto_, forecast_;
};

TEST_F(InsightsTest, BacktestExportWritesForecastedValuesAndAccuracyMetrics) {
  Reply job = Do("CreatePredictorBacktestExportJob", {{"PredictorBacktestExportJobName", "bt"},
                                                      {"PredictorArn", kArn + "predictor/legacy"},
                                                      {"Destination", S3("s3://data/backtest")}});
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(job.body["PredictorBacktestExportJobArn"], kArn + "predictor-backtest-export-job/legacy/bt");
  EXPECT_THAT(fake_.s3().ListKeys("data", "backtest/"),
              ElementsAre("backtest/_CHECK", "backtest/accuracy-metrics-values/bt_2026-01-01T00-00-00Z_part0.csv",
                          "backtest/forecasted-values/bt_2026-01-01T00-00-00Z_part0.csv"));
  const auto values = Lines(Body("backtest/forecasted-values/bt_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_EQ(values[0], "item_id,timestamp,target_value,backtestwindow_start_time,backtestwindow_end_time,p10,p50,p90");
  ASSERT_EQ(values.size(), 1u + 2 * 7);  // two items over the 7-day window
  EXPECT_THAT(values[1], StartsWith("a,2025-12-22T00:00:00Z,11.0,2025-12-22T00:00:00Z,2025-12-28T00:00:00Z,"));
  const auto metrics = Lines(Body("backtest/accuracy-metrics-values/bt_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_EQ(metrics[0],
            "item_id,backtest_window,backtestwindow_start_time,backtestwindow_end_time,wQL[0.1],wQL[0.5],wQL[0.9],"
            "Average wQL,RMSE,MASE,MAPE,WAPE");
  EXPECT_THAT(metrics[1], StartsWith("a,Computed,2025-12-22T00:00:00Z,2025-12-28T00:00:00Z,"));
  EXPECT_EQ(Do("DeletePredictor", {{"PredictorArn", kArn + "predictor/legacy"}}).type(), "ResourceInUseException");
}

TEST_F(InsightsTest, ExplainabilityNeedsAnAutoPredictorAndScoresItsRelatedAttributes) {
  Reply legacy = Do("CreateExplainability", {{"ExplainabilityName", "why"}, {"ResourceArn", kArn + "predictor/legacy"},
                                             {"ExplainabilityConfig", {{"TimeSeriesGranularity", "ALL"}, {"TimePointGranularity", "ALL"}}}});
  EXPECT_EQ(legacy.message(),
            "Explainability is only available for Forecasts and Predictors generated from an AutoPredictor (CreateAutoPredictor)");
  Reply specific = Do("CreateExplainability", {{"ExplainabilityName", "why"}, {"ResourceArn", auto_},
                                               {"ExplainabilityConfig", {{"TimeSeriesGranularity", "SPECIFIC"}, {"TimePointGranularity", "ALL"}}}});
  EXPECT_EQ(specific.type(), "InvalidInputException");
  Reply why = Do("CreateExplainability", {{"ExplainabilityName", "why"}, {"ResourceArn", auto_},
                                          {"ExplainabilityConfig", {{"TimeSeriesGranularity", "ALL"}, {"TimePointGranularity", "ALL"}}}});
  ASSERT_EQ(why.status, 200) << why.raw;
  Reply second = Do("CreateExplainability", {{"ExplainabilityName", "why_again"}, {"ResourceArn", auto_},
                                             {"ExplainabilityConfig", {{"TimeSeriesGranularity", "ALL"}, {"TimePointGranularity", "ALL"}}}});
  EXPECT_EQ(second.message(), "A explainability already exists with the arn: " + kArn + "explainability/why");
  EXPECT_EQ(Do("DescribeAutoPredictor", {{"PredictorArn", auto_}}).body["ExplainabilityInfo"]["ExplainabilityArn"],
            kArn + "explainability/why");

  Reply e = Do("CreateExplainabilityExport", {{"ExplainabilityExportName", "why_export"},
                                              {"ExplainabilityArn", kArn + "explainability/why"},
                                              {"Destination", S3("s3://data/why")}});
  ASSERT_EQ(e.status, 200) << e.raw;
  const auto lines = Lines(Body("why/why_export_2026-01-01T00-00-00Z_part0.csv"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "item_id,price");
  EXPECT_THAT(lines[1], StartsWith("a,"));
}

TEST_F(InsightsTest, MonitorStopsAndResumes) {
  EXPECT_EQ(Do("CreateMonitor", {{"MonitorName", "m"}, {"ResourceArn", kArn + "predictor/legacy"}}).type(),
            "InvalidInputException");
  Reply m = Do("CreateMonitor", {{"MonitorName", "m"}, {"ResourceArn", auto_}});
  ASSERT_EQ(m.status, 200) << m.raw;
  const std::string arn = m.body["MonitorArn"];
  Reply d = Do("DescribeMonitor", {{"MonitorArn", arn}});
  EXPECT_EQ(d.body["Status"], "ACTIVE");
  EXPECT_EQ(d.body["Baseline"]["PredictorBaseline"]["BaselineMetrics"][0]["Name"], "WAPE");
  EXPECT_EQ(Do("ResumeResource", {{"ResourceArn", arn}}).message(),
            "The monitor " + arn + " is in status ACTIVE; only ACTIVE_STOPPED monitors can be resumed");
  ASSERT_EQ(Do("StopResource", {{"ResourceArn", arn}}).status, 200);
  EXPECT_EQ(Do("DescribeMonitor", {{"MonitorArn", arn}}).body["Status"], "ACTIVE_STOPPED");
  ASSERT_EQ(Do("ResumeResource", {{"ResourceArn", arn}}).status, 200);
  EXPECT_EQ(Do("DescribeMonitor", {{"MonitorArn", arn}}).body["Status"], "ACTIVE");
  EXPECT_EQ(Do("ListMonitorEvaluations", {{"MonitorArn", arn}}).raw, R"({"PredictorMonitorEvaluations":[]})");
  // The monitor is a child of the predictor it watches.
  ASSERT_EQ(Do("DeleteResourceTree", {{"ResourceArn", forecast_}}).status, 200);
  EXPECT_THAT(Do("DeletePredictor", {{"PredictorArn", auto_}}).message(), HasSubstr("has monitors"));
}

TEST_F(InsightsTest, WhatIfForecastExportHasAColumnPerScenarioAndType) {
  Reply a = Do("CreateWhatIfAnalysis", {{"WhatIfAnalysisName", "sale"}, {"ForecastArn", forecast_}});
  ASSERT_EQ(a.status, 200) << a.raw;
  Reply bad = Do("CreateWhatIfForecast", {{"WhatIfForecastName", "cheap"}, {"WhatIfAnalysisArn", a.body["WhatIfAnalysisArn"]},
                                          {"TimeSeriesTransformations", json::array({{{"Action", {{"AttributeName", "colour"}, {"Operation", "ADD"}, {"Value", 1}}}}})}});
  EXPECT_EQ(bad.message(), "The attribute colour is not in the related time series dataset of the forecast");
  Reply w = Do("CreateWhatIfForecast", {{"WhatIfForecastName", "cheap"}, {"WhatIfAnalysisArn", a.body["WhatIfAnalysisArn"]},
                                        {"TimeSeriesTransformations", json::array({{{"Action", {{"AttributeName", "PRICE"}, {"Operation", "MULTIPLY"}, {"Value", 0.5}}}}})}});
  ASSERT_EQ(w.status, 200) << w.raw;
  EXPECT_EQ(w.body["WhatIfForecastArn"], kArn + "what-if-forecast/sale/cheap");
  Reply q = Query(fake_, {{"ForecastArn", forecast_}, {"Filters", {{"item_id", "a"}}}});
  Reply wq = Call(fake_, "QueryWhatIfForecast", {{"WhatIfForecastArn", w.body["WhatIfForecastArn"]}, {"Filters", {{"item_id", "a"}}}},
                  "AmazonForecastRuntime");
  ASSERT_EQ(wq.status, 200) << wq.raw;
  EXPECT_EQ(wq.body, q.body);  // the fake's model does not use related data
  Reply e = Do("CreateWhatIfForecastExport", {{"WhatIfForecastExportName", "sale_export"},
                                              {"WhatIfForecastArns", json::array({w.body["WhatIfForecastArn"]})},
                                              {"Destination", S3("s3://data/what_if")}});
  ASSERT_EQ(e.status, 200) << e.raw;
  const auto lines = Lines(Body("what_if/sale_export_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_EQ(lines[0], "item_id,date,cheap_p10,cheap_p50,cheap_p90");
  EXPECT_EQ(lines.size(), 1u + 2 * 7);
  EXPECT_EQ(Do("DeleteForecast", {{"ForecastArn", forecast_}}).message(),
            "The forecast " + forecast_ + " has what-if analyses; delete them first or use DeleteResourceTree");
}

}  // namespace
}  // namespace fakeaws::testing
