// Snapshots of the whole Forecast resource chain: at each point of its
// lifecycle, a fake restored from a snapshot answers every read with the
// bytes the fake that took it sends, and goes on alike (jobs finishing on
// the clock, new forecasts and exports from restored predictors, the files
// they write).
#include <functional>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../forecast/forecast_client.h"
#include "fakeaws/matchers.h"
#include "observable_options.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;

const char* kRole = "arn:aws:iam::123456789012:role/ForecastRole";
const std::string kArn = "arn:aws:forecast:us-east-1:123456789012:";

json S3(const std::string& path) { return {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}; }
json Tags(const std::string& value) { return json::array({{{"Key", "team"}, {"Value", value}}}); }

// Each step a client takes; between them the clock runs long enough for the
// step before to finish (6 minutes: Observable's pending and in-progress).
using Step = std::function<void(Fake&)>;

void Ok(Fake& fake, const std::string& op, const json& in) {
  Reply r = Call(fake, op, in);
  ASSERT_EQ(r.status, 200) << op << ": " << r.raw;
}

std::string AutoPredictorArn(Fake& fake) {
  Reply list = Call(fake, "ListPredictors", json::object());
  for (const auto& p : list.body["Predictors"]) {
    if (p["PredictorName"] == "auto_p") return p["PredictorArn"];
  }
  return "";
}

const std::vector<Step>& Chain() {
  static const std::vector<Step> steps{
      [](Fake& fake) {
        fake.s3().CreateBucket("data");
        std::string tts, more, rts;
        for (const char* item : {"a", "b", "c"}) {
          for (int d = 1; d <= 28; ++d) {
            const std::string date = std::string("2025-12-") + (d < 10 ? "0" : "") + std::to_string(d);
            tts += std::string(item) + "," + date + "," + std::to_string(10 + d % 7) + (d == 3 ? ".25" : "") + "\n";
            rts += std::string(item) + "," + date + ",9.99\n";
          }
          more += std::string(item) + ",2025-12-29,NaN\n";
        }
        fake.s3().PutObject("data", "tts.csv", tts);
        fake.s3().PutObject("data", "more/tts.csv", more);
        fake.s3().PutObject("data", "rts.csv", rts);
        fake.s3().PutObject("data", "select.csv", "a\nb\n");
        const json item = {{"AttributeName", "item_id"}, {"AttributeType", "string"}};
        const json timestamp = {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}};
        Ok(fake, "CreateDataset",
           {{"DatasetName", "tts"}, {"Domain", "RETAIL"}, {"DatasetType", "TARGET_TIME_SERIES"}, {"DataFrequency", "D"},
            {"Schema", {{"Attributes", json::array({item, timestamp, {{"AttributeName", "demand"}, {"AttributeType", "float"}}})}}},
            {"EncryptionConfig", {{"RoleArn", kRole}, {"KMSKeyArn", "arn:aws:kms:us-east-1:123456789012:key/k"}}},
            {"Tags", Tags("data")}});
        Ok(fake, "CreateDataset",
           {{"DatasetName", "rts"}, {"Domain", "RETAIL"}, {"DatasetType", "RELATED_TIME_SERIES"}, {"DataFrequency", "D"},
            {"Schema", {{"Attributes", json::array({item, timestamp, {{"AttributeName", "price"}, {"AttributeType", "float"}}})}}}});
        Ok(fake, "CreateDatasetGroup", {{"DatasetGroupName", "dsg"}, {"Domain", "RETAIL"},
                                        {"DatasetArns", json::array({kArn + "dataset/tts", kArn + "dataset/rts"})}});
        for (const char* ds : {"tts", "rts"}) {
          Ok(fake, "CreateDatasetImportJob",
             {{"DatasetImportJobName", "i"}, {"DatasetArn", kArn + "dataset/" + ds},
              {"DataSource", S3(std::string("s3://data/") + ds + ".csv")}, {"TimestampFormat", "yyyy-MM-dd"},
              {"Tags", Tags("import")}});
        }
      },
      [](Fake& fake) {
        Ok(fake, "CreateAutoPredictor",
           {{"PredictorName", "auto_p"}, {"ForecastHorizon", 7}, {"ForecastFrequency", "D"},
            {"ForecastTypes", json::array({"0.1", "0.5", "0.9", "mean"})},
            {"DataConfig", {{"DatasetGroupArn", kArn + "dataset-group/dsg"},
                            {"AttributeConfigs", json::array({{{"AttributeName", "demand"},
                                                               {"Transformations", {{"aggregation", "sum"}}}}})},
                            {"AdditionalDatasets", json::array({{{"Name", "holiday"},
                                                                 {"Configuration", {{"CountryCode", json::array({"US"})}}}}})}}},
            {"MonitorConfig", {{"MonitorName", "watch"}}},
            {"TimeAlignmentBoundary", {{"Hour", 3}}},
            {"Tags", Tags("auto")}});
        Ok(fake, "CreatePredictor",
           {{"PredictorName", "legacy"}, {"AlgorithmArn", "arn:aws:forecast:::algorithm/ETS"}, {"ForecastHorizon", 5},
            {"PerformHPO", false}, {"TrainingParameters", {{"p", "1"}}},
            {"EvaluationParameters", {{"NumberOfBacktestWindows", 1}, {"BackTestWindowOffset", 5}}},
            {"InputDataConfig", {{"DatasetGroupArn", kArn + "dataset-group/dsg"},
                                 {"SupplementaryFeatures", json::array({{{"Name", "holiday"}, {"Value", "US"}}})}}},
            {"FeaturizationConfig",
             {{"ForecastFrequency", "D"},
              {"Featurizations", json::array({{{"AttributeName", "demand"},
                                               {"FeaturizationPipeline",
                                                json::array({{{"FeaturizationMethodName", "filling"},
                                                              {"FeaturizationMethodParameters", {{"frontfill", "none"}}}}})}}})}}}});
      },
      [](Fake& fake) {
        // Incremental data on top of the first import: predictors made
        // before keep training on the older data, which a snapshot shares.
        Ok(fake, "CreateDatasetImportJob",
           {{"DatasetImportJobName", "more"}, {"DatasetArn", kArn + "dataset/tts"}, {"DataSource", S3("s3://data/more/")},
            {"TimestampFormat", "yyyy-MM-dd"}, {"ImportMode", "INCREMENTAL"}});
        Ok(fake, "CreateForecast", {{"ForecastName", "f"}, {"PredictorArn", AutoPredictorArn(fake)}, {"Tags", Tags("f")}});
        Ok(fake, "CreateForecast",
           {{"ForecastName", "picked"}, {"PredictorArn", kArn + "predictor/legacy"},
            {"TimeSeriesSelector", {{"TimeSeriesIdentifiers",
                                     {{"DataSource", S3("s3://data/select.csv")},
                                      {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"},
                                                                               {"AttributeType", "string"}}})}}},
                                      {"Format", "CSV"}}}}}});
        Ok(fake, "CreatePredictorBacktestExportJob", {{"PredictorBacktestExportJobName", "bt"},
                                                      {"PredictorArn", kArn + "predictor/legacy"},
                                                      {"Destination", S3("s3://data/backtest")}});
        Ok(fake, "CreateExplainability",
           {{"ExplainabilityName", "why"}, {"ResourceArn", AutoPredictorArn(fake)},
            {"ExplainabilityConfig", {{"TimeSeriesGranularity", "ALL"}, {"TimePointGranularity", "ALL"}}},
            {"EnableVisualization", true}});
      },
      [](Fake& fake) {
        Ok(fake, "CreateForecastExportJob", {{"ForecastExportJobName", "out"}, {"ForecastArn", kArn + "forecast/f"},
                                             {"Destination", S3("s3://data/out/")}});
        Ok(fake, "CreateExplainabilityExport", {{"ExplainabilityExportName", "why_out"},
                                                {"ExplainabilityArn", kArn + "explainability/why"},
                                                {"Destination", S3("s3://data/why")}});
        Ok(fake, "CreateWhatIfAnalysis", {{"WhatIfAnalysisName", "sale"}, {"ForecastArn", kArn + "forecast/f"}});
        Ok(fake, "TagResource", {{"ResourceArn", kArn + "forecast/f"}, {"Tags", Tags("later")}});
        Ok(fake, "StopResource", {{"ResourceArn", kArn + "monitor/watch"}});
      },
      [](Fake& fake) {
        Ok(fake, "CreateWhatIfForecast",
           {{"WhatIfForecastName", "cheap"}, {"WhatIfAnalysisArn", kArn + "what-if-analysis/sale"},
            {"TimeSeriesTransformations",
             json::array({{{"Action", {{"AttributeName", "PRICE"}, {"Operation", "MULTIPLY"}, {"Value", 0.5}}},
                           {"TimeSeriesConditions", json::array({{{"AttributeName", "item_id"}, {"AttributeValue", "a"},
                                                                   {"Condition", "EQUALS"}}})}}})}});
      },
      [](Fake& fake) {
        Ok(fake, "CreateWhatIfForecastExport", {{"WhatIfForecastExportName", "sale_out"},
                                                {"WhatIfForecastArns", json::array({kArn + "what-if-forecast/sale/cheap"})},
                                                {"Destination", S3("s3://data/what_if")}});
        Ok(fake, "UntagResource", {{"ResourceArn", kArn + "dataset/tts"}, {"TagKeys", json::array({"team"})}});
      },
  };
  return steps;
}

// Runs the chain's first `steps` steps; with `settle`, the clock then runs
// until every job has finished, else the last step is left in progress.
void Drive(Fake& fake, size_t steps, bool settle) {
  for (size_t i = 0; i < steps; ++i) {
    if (i > 0) fake.clock().Advance(std::chrono::minutes(6));
    Chain()[i](fake);
  }
  if (settle) fake.clock().Advance(std::chrono::minutes(30));
}

// One List per resource type, and for each resource listed what describes
// it, its tags, its metrics or its forecast's values.
struct Reads {
  const char* list;
  const char* items;
  const char* arn;
  std::vector<std::string> describes;
};

const std::vector<Reads> kReads{
    {"ListDatasetGroups", "DatasetGroups", "DatasetGroupArn", {"DescribeDatasetGroup"}},
    {"ListDatasets", "Datasets", "DatasetArn", {"DescribeDataset"}},
    {"ListDatasetImportJobs", "DatasetImportJobs", "DatasetImportJobArn", {"DescribeDatasetImportJob"}},
    {"ListPredictors", "Predictors", "PredictorArn", {"DescribePredictor", "DescribeAutoPredictor", "GetAccuracyMetrics"}},
    {"ListForecasts", "Forecasts", "ForecastArn", {"DescribeForecast"}},
    {"ListForecastExportJobs", "ForecastExportJobs", "ForecastExportJobArn", {"DescribeForecastExportJob"}},
    {"ListPredictorBacktestExportJobs", "PredictorBacktestExportJobs", "PredictorBacktestExportJobArn",
     {"DescribePredictorBacktestExportJob"}},
    {"ListExplainabilities", "Explainabilities", "ExplainabilityArn", {"DescribeExplainability"}},
    {"ListExplainabilityExports", "ExplainabilityExports", "ExplainabilityExportArn", {"DescribeExplainabilityExport"}},
    {"ListMonitors", "Monitors", "MonitorArn", {"DescribeMonitor", "ListMonitorEvaluations"}},
    {"ListWhatIfAnalyses", "WhatIfAnalyses", "WhatIfAnalysisArn", {"DescribeWhatIfAnalysis"}},
    {"ListWhatIfForecasts", "WhatIfForecasts", "WhatIfForecastArn", {"DescribeWhatIfForecast"}},
    {"ListWhatIfForecastExports", "WhatIfForecastExports", "WhatIfForecastExportArn", {"DescribeWhatIfForecastExport"}},
};

// Everything a client could read, as wire bytes.
void ReadAll(Fake& fake, std::vector<std::string>* out) {
  for (const Reads& reads : kReads) {
    Reply list = Call(fake, reads.list, {{"MaxResults", 100}});
    out->push_back(list.raw);
    for (const auto& item : list.body.value(reads.items, json::array())) {
      const std::string arn = item[reads.arn];
      for (const auto& op : reads.describes) out->push_back(op + " " + Call(fake, op, {{reads.arn, arn}}).raw);
      out->push_back("tags " + Call(fake, "ListTagsForResource", {{"ResourceArn", arn}}).raw);
      for (const char* series : {"a", "b"}) {
        const json filter = {{"item_id", series}};
        if (std::string(reads.list) == "ListForecasts") {
          out->push_back(Query(fake, {{"ForecastArn", arn}, {"Filters", filter}}).raw);
        } else if (std::string(reads.list) == "ListWhatIfForecasts") {
          out->push_back(
              Call(fake, "QueryWhatIfForecast", {{"WhatIfForecastArn", arn}, {"Filters", filter}}, "AmazonForecastRuntime").raw);
        }
      }
    }
  }
}

void ReadObjects(Fake& fake, std::vector<std::string>* out) {
  for (const auto& key : fake.s3().ListKeys("data")) {
    auto object = fake.s3().GetObject("data", key);
    out->push_back(key + " " + object->etag + "\n" + object->body);
  }
}

// What a client sees from here on: reads, the clock finishing what runs,
// new work from the restored resources, and the files everything wrote.
std::vector<std::string> Conversation(Fake& fake) {
  std::vector<std::string> out;
  ReadAll(fake, &out);
  fake.clock().Advance(std::chrono::minutes(30));
  ReadAll(fake, &out);
  for (const std::string& predictor : {AutoPredictorArn(fake), kArn + "predictor/legacy"}) {
    const std::string name = predictor == AutoPredictorArn(fake) ? "again_auto" : "again_legacy";
    out.push_back(Call(fake, "CreateForecast", {{"ForecastName", name}, {"PredictorArn", predictor}}).raw);
    out.push_back(Call(fake, "CreatePredictorBacktestExportJob", {{"PredictorBacktestExportJobName", name},
                                                                  {"PredictorArn", predictor},
                                                                  {"Destination", S3("s3://data/again/" + name)}})
                      .raw);
  }
  out.push_back(Call(fake, "CreateAutoPredictor", {{"PredictorName", "retrained"}, {"ReferencePredictorArn", AutoPredictorArn(fake)}}).raw);
  fake.clock().Advance(std::chrono::minutes(10));
  for (const char* name : {"again_auto", "again_legacy"}) {
    out.push_back(Call(fake, "CreateForecastExportJob", {{"ForecastExportJobName", "x"},
                                                         {"ForecastArn", kArn + "forecast/" + name},
                                                         {"Destination", S3(std::string("s3://data/again/x_") + name)}})
                      .raw);
  }
  fake.clock().Advance(std::chrono::minutes(10));
  ReadAll(fake, &out);
  ReadObjects(fake, &out);
  out.push_back(Call(fake, "DeleteResourceTree", {{"ResourceArn", kArn + "dataset-group/dsg"}}).raw);
  fake.clock().Advance(std::chrono::seconds(45));
  ReadAll(fake, &out);
  return out;
}

// Each point of the chain: every step's resources still in progress, or
// all of them settled.
class SnapshotChainTest : public ::testing::TestWithParam<std::tuple<size_t, bool>> {};

TEST_P(SnapshotChainTest, ARestoredFakeAnswersAndGoesOnAsTheSavedOne) {
  const auto [steps, settle] = GetParam();
  Fake original(Observable());
  Drive(original, steps, settle);
  auto snapshot = original.Snapshot();
  ASSERT_THAT(snapshot, IsOk());

  Fake restored(Observable());
  auto done = restored.Restore(snapshot.value());
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(restored.Snapshot().value(), snapshot.value());

  const auto expected = Conversation(original);
  const auto got = Conversation(restored);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], expected[i]) << "answer " << i;
  EXPECT_EQ(restored.Snapshot().value(), original.Snapshot().value());
}

INSTANTIATE_TEST_SUITE_P(AtEachStep, SnapshotChainTest,
                         ::testing::Combine(::testing::Range<size_t>(1, 7), ::testing::Bool()));

TEST(SnapshotChain, ImportedDataStaysSharedAfterRestore) {
  Fake original(Observable());
  Drive(original, Chain().size(), true);
  const std::string snapshot = original.Snapshot().value();
  const json doc = json::parse(snapshot);
  // Two imports of tts (the second merged with the first) and one of rts:
  // three tables, though predictors name two of them again.
  EXPECT_EQ(doc["forecast"]["data"].size(), 3u);
  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(snapshot), IsOk());
  EXPECT_EQ(restored.Snapshot().value(), snapshot);
}

// Finds the first resource of `kind` in a snapshot document.
json& First(json& doc, const std::string& kind) {
  for (auto& r : doc["forecast"]["resources"]) {
    if (r["kind"] == kind) return r;
  }
  static json none;
  return none;
}

TEST(SnapshotChain, RefusesABrokenDocumentAndChangesNothing) {
  Fake original(Observable());
  Drive(original, Chain().size(), true);
  const json good = json::parse(original.Snapshot().value());
  std::vector<std::tuple<std::string, json, std::string>> broken;
  auto with = [&](const std::string& what, const std::string& message, auto edit) {
    json doc = good;
    edit(doc);
    broken.emplace_back(what, doc, message);
  };
  with("data index", "training_data must be null or an index into forecast.data",
       [](json& d) { First(d, "predictor")["training_data"] = 7; });
  with("no training data", "has no training_data", [](json& d) { First(d, "predictor")["training_data"] = nullptr; });
  with("unknown setting", "settings has an unknown member 'horizn'",
       [](json& d) { First(d, "predictor")["settings"]["horizn"] = 3; });
  with("optional of the wrong type", "settings.horizon must be an integer",
       [](json& d) { First(d, "predictor")["settings"]["horizon"] = "7"; });
  with("short row", "has a row without one field per attribute", [](json& d) { d["forecast"]["data"][0]["rows"][0] = {"a"}; });
  with("timestamps", "one timestamp per row", [](json& d) { d["forecast"]["data"][0]["timestamps"] = json::array(); });
  with("double", "avg must be a number", [](json& d) { First(d, "dataset_import_job")["statistics"][2]["avg"] = "many"; });
  with("untrained predictor", "is trained but its predictor is not", [](json& d) {
    for (auto& r : d["forecast"]["resources"]) {
      if (r["kind"] == "predictor") r["trained"] = false;
    }
  });
  with("forecast values", "without one value per forecast type",
       [](json& d) { First(d, "what_if_forecast")["spec"]["rows"][0]["values"] = json::array(); });
  with("missing member", "exported_objects is missing",
       [](json& d) { First(d, "what_if_forecast_export").erase("exported_objects"); });
  with("kind", "kind is not a kind of resource", [](json& d) { First(d, "monitor")["kind"] = "watcher"; });

  Fake fake(Observable());
  Drive(fake, 2, false);
  const std::string before = fake.Snapshot().value();
  for (const auto& [what, doc, message] : broken) {
    auto restored = fake.Restore(doc.dump());
    ASSERT_FALSE(restored.ok()) << what;
    EXPECT_EQ(restored.error().type, "InvalidRequest") << what;
    EXPECT_THAT(restored.error().message, ::testing::StartsWith("snapshot: forecast")) << what;
    EXPECT_THAT(restored.error().message, ::testing::HasSubstr(message)) << what;
    EXPECT_EQ(fake.Snapshot().value(), before) << what;
  }
}

}  // namespace
}  // namespace fakeaws::testing
