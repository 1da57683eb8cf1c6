// The Forecast journey over the wire, in process: dataset group, dataset,
// import from S3, predictor, forecast, query, export. Each test states one
// rule of the chain.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "forecast_client.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

const char* kRole = "arn:aws:iam::123456789012:role/ForecastRole";
const char* kArnPrefix = "arn:aws:forecast:us-east-1:123456789012:";

// 3 items x 28 days from 2025-12-01, with a weekly shape per item.
std::string DemandCsv(int days = 28, const std::vector<std::string>& items = {"item_a", "item_b", "item_c"}) {
  std::ostringstream csv;
  for (const auto& item : items) {
    for (int d = 0; d < days; ++d) {
      char date[16];
      std::snprintf(date, sizeof date, "2025-12-%02d", d + 1);
      if (d >= 31) std::snprintf(date, sizeof date, "2026-01-%02d", d - 30);
      csv << item << "," << date << "," << (10 + (d % 7) * 2 + item.back() - 'a') << "\n";
    }
  }
  return csv.str();
}

class ResourceChainTest : public ::testing::Test {
 protected:
  ResourceChainTest() {
    fake_.s3().CreateBucket("training");
    fake_.s3().CreateBucket("exports");
    fake_.s3().PutObject("training", "demand/demand.csv", DemandCsv());
  }

  Reply Do(const std::string& op, const json& in) { return Call(fake_, op, in); }

  std::string CreateGroupAndDataset(const std::string& frequency = "D") {
    Reply ds = Do("CreateDataset", {{"DatasetName", "demand_ds"},
                                    {"Domain", "CUSTOM"},
                                    {"DatasetType", "TARGET_TIME_SERIES"},
                                    {"DataFrequency", frequency},
                                    {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                            {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                            {{"AttributeName", "target_value"}, {"AttributeType", "float"}}})}}}});
    EXPECT_EQ(ds.status, 200) << ds.raw;
    Reply dsg = Do("CreateDatasetGroup", {{"DatasetGroupName", "demand_dsg"},
                                          {"Domain", "CUSTOM"},
                                          {"DatasetArns", json::array({ds.body["DatasetArn"]})}});
    EXPECT_EQ(dsg.status, 200) << dsg.raw;
    return ds.body.value("DatasetArn", "");
  }

  Reply Import(const std::string& dataset_arn, const std::string& name = "import_1",
               const std::string& path = "s3://training/demand/") {
    return Do("CreateDatasetImportJob", {{"DatasetImportJobName", name},
                                         {"DatasetArn", dataset_arn},
                                         {"DataSource", {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}},
                                         {"TimestampFormat", "yyyy-MM-dd"}});
  }

  std::string TrainedAutoPredictor(int horizon = 7) {
    Import(CreateGroupAndDataset());
    Reply p = Do("CreateAutoPredictor", {{"PredictorName", "demand_predictor"},
                                         {"ForecastHorizon", horizon},
                                         {"ForecastFrequency", "D"},
                                         {"DataConfig", {{"DatasetGroupArn", std::string(kArnPrefix) + "dataset-group/demand_dsg"}}}});
    EXPECT_EQ(p.status, 200) << p.raw;
    return p.body.value("PredictorArn", "");
  }

  Fake fake_;
};

TEST_F(ResourceChainTest, ImportReadsTheCsvAndDescribesItsFields) {
  const std::string dataset = CreateGroupAndDataset();
  Reply job = Import(dataset);
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(job.body["DatasetImportJobArn"], std::string(kArnPrefix) + "dataset-import-job/demand_ds/import_1");
  Reply d = Do("DescribeDatasetImportJob", {{"DatasetImportJobArn", job.body["DatasetImportJobArn"]}});
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.body["Status"], "ACTIVE");
  EXPECT_EQ(d.body["FieldStatistics"]["item_id"]["Count"], 84);
  EXPECT_EQ(d.body["FieldStatistics"]["item_id"]["CountDistinct"], 3);
  EXPECT_EQ(d.body["FieldStatistics"]["timestamp"]["Min"], "2025-12-01T00:00:00Z");
  EXPECT_EQ(d.body["FieldStatistics"]["timestamp"]["Max"], "2025-12-28T00:00:00Z");
  EXPECT_EQ(d.body["FieldStatistics"]["target_value"]["Min"], "10.0");
  EXPECT_EQ(d.body["FieldStatistics"]["target_value"]["Max"], "24.0");
  EXPECT_GT(d.body["DataSize"].get<double>(), 0);
}

TEST_F(ResourceChainTest, ImportOfAPathWithoutObjectsIsRefusedWithAwsText) {
  Reply job = Import(CreateGroupAndDataset(), "import_1", "s3://training/nothing_here/");
  EXPECT_EQ(job.status, 400);
  EXPECT_EQ(job.type(), "InvalidInputException");
  EXPECT_EQ(job.message(),
            "No objects found in s3 path s3://training/nothing_here/, please ensure the path is specified correctly.");
}

TEST_F(ResourceChainTest, BadRowEndsTheImportCreateFailedWithAMessage) {
  fake_.s3().PutObject("training", "bad.csv", "item_id,timestamp,target_value\nitem_a,2025-12-01,1\n");
  Reply job = Import(CreateGroupAndDataset(), "with_header", "s3://training/bad.csv");
  ASSERT_EQ(job.status, 200);
  Reply d = Do("DescribeDatasetImportJob", {{"DatasetImportJobArn", job.body["DatasetImportJobArn"]}});
  EXPECT_EQ(d.body["Status"], "CREATE_FAILED");
  EXPECT_EQ(d.body["Message"],
            "Row 1 of s3://training/bad.csv has the timestamp 'timestamp', which does not match the TimestampFormat "
            "of the import job.");
  EXPECT_FALSE(d.body.contains("FieldStatistics"));
}

TEST_F(ResourceChainTest, AutoPredictorArnEndsInAUlid) {
  const std::string arn = TrainedAutoPredictor();
  EXPECT_THAT(arn, MatchesRegex(std::string(kArnPrefix) + "predictor/demand_predictor_[0-9A-HJKMNP-TV-Z]{26}"));
  // The ULID's time part is the creation time (2026-01-01T00:00:00Z).
  EXPECT_THAT(arn, HasSubstr("demand_predictor_01KDVDNA00"));
  Reply d = Do("DescribeAutoPredictor", {{"PredictorArn", arn}});
  EXPECT_EQ(d.body["Status"], "ACTIVE");
  EXPECT_THAT(d.body["DatasetImportJobArns"],
              ElementsAre(std::string(kArnPrefix) + "dataset-import-job/demand_ds/import_1"));
  Reply legacy = Do("DescribePredictor", {{"PredictorArn", arn}});
  EXPECT_EQ(legacy.type(), "InvalidInputException");
}

TEST_F(ResourceChainTest, AccuracyMetricsScoreTheLastHorizon) {
  const std::string arn = TrainedAutoPredictor();
  Reply m = Do("GetAccuracyMetrics", {{"PredictorArn", arn}});
  ASSERT_EQ(m.status, 200) << m.raw;
  const json& windows = m.body["PredictorEvaluationResults"][0]["TestWindows"];
  ASSERT_EQ(windows.size(), 2u);
  EXPECT_EQ(windows[0]["EvaluationType"], "SUMMARY");
  EXPECT_EQ(windows[1]["EvaluationType"], "COMPUTED");
  EXPECT_EQ(windows[1]["ItemCount"], 3);
  // The data repeats weekly: the seasonal model scores it perfectly.
  EXPECT_EQ(windows[1]["Metrics"]["ErrorMetrics"][1]["ForecastType"], "0.5");
  EXPECT_EQ(windows[1]["Metrics"]["ErrorMetrics"][1]["WAPE"], 0.0);
  EXPECT_EQ(m.body["IsAutoPredictor"], true);
}

TEST_F(ResourceChainTest, ForecastContinuesTheImportedSeriesAndQuantilesAreOrdered) {
  const std::string predictor = TrainedAutoPredictor();
  Reply f = Do("CreateForecast", {{"ForecastName", "demand_forecast"}, {"PredictorArn", predictor}});
  ASSERT_EQ(f.status, 200) << f.raw;
  Reply d = Do("DescribeForecast", {{"ForecastArn", f.body["ForecastArn"]}});
  EXPECT_EQ(d.body["Status"], "ACTIVE");
  EXPECT_EQ(d.body["DatasetGroupArn"], std::string(kArnPrefix) + "dataset-group/demand_dsg");

  Reply q = Query(fake_, {{"ForecastArn", f.body["ForecastArn"]}, {"Filters", {{"item_id", "item_b"}}}});
  ASSERT_EQ(q.status, 200) << q.raw;
  const json& p = q.body["Forecast"]["Predictions"];
  ASSERT_EQ(p["p50"].size(), 7u);
  EXPECT_EQ(p["p50"][0]["Timestamp"], "2025-12-29T00:00:00");
  EXPECT_EQ(p["p50"][6]["Timestamp"], "2026-01-04T00:00:00");
  for (size_t k = 0; k < 7; ++k) {
    EXPECT_LE(p["p10"][k]["Value"].get<double>(), p["p50"][k]["Value"].get<double>());
    EXPECT_LE(p["p50"][k]["Value"].get<double>(), p["p90"][k]["Value"].get<double>());
  }
  // 2025-12-29 is day 28 of the series, the same weekday as day 0: 10 + 1.
  EXPECT_EQ(p["p50"][0]["Value"], 11.0);
}

TEST_F(ResourceChainTest, ExportHoldsTheImportedItemsOverTheHorizon) {
  const std::string predictor = TrainedAutoPredictor();
  Reply f = Do("CreateForecast", {{"ForecastName", "demand_forecast"}, {"PredictorArn", predictor}});
  Reply e = Do("CreateForecastExportJob",
               {{"ForecastExportJobName", "demand_export"},
                {"ForecastArn", f.body["ForecastArn"]},
                {"Destination", {{"S3Config", {{"Path", "s3://exports/out"}, {"RoleArn", kRole}}}}}});
  ASSERT_EQ(e.status, 200) << e.raw;
  std::map<std::string, std::set<std::string>> dates;
  for (const auto& key : fake_.s3().ListKeys("exports", "out/")) {
    std::istringstream body(fake_.s3().GetObject("exports", key).value().body);
    std::string line;
    std::getline(body, line);
    EXPECT_EQ(line, "item_id,date,p10,p50,p90");
    while (std::getline(body, line)) dates[line.substr(0, line.find(','))].insert(line.substr(7, 20));
  }
  ASSERT_EQ(dates.size(), 3u);
  for (const auto& [item, item_dates] : dates) {
    EXPECT_EQ(item_dates.size(), 7u) << item;
    EXPECT_EQ(*item_dates.begin(), "2025-12-29T00:00:00Z") << item;
  }
}

// A TimeSeriesSelector naming series by item_id in the files under `path`.
json ItemIdSelector(const std::string& path, const std::string& format) {
  return {{"TimeSeriesIdentifiers",
           {{"DataSource", {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}},
            {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}}})}}},
            {"Format", format}}}};
}

TEST_F(ResourceChainTest, TimeSeriesSelectorLimitsTheForecastToTheNamedItems) {
  const std::string predictor = TrainedAutoPredictor();
  fake_.s3().PutObject("training", "select/items.csv", "item_c\n");
  Reply f = Do("CreateForecast",
               {{"ForecastName", "only_c"},
                {"PredictorArn", predictor},
                {"ForecastTypes", json::array({"0.5", "mean"})},
                {"TimeSeriesSelector", ItemIdSelector("s3://training/select/", "CSV")}});
  ASSERT_EQ(f.status, 200) << f.raw;
  EXPECT_EQ(Query(fake_, {{"ForecastArn", f.body["ForecastArn"]}, {"Filters", {{"item_id", "item_a"}}}}).type(),
            "ResourceNotFoundException");
  Reply q = Query(fake_, {{"ForecastArn", f.body["ForecastArn"]}, {"Filters", {{"item_id", "item_c"}}}});
  ASSERT_EQ(q.status, 200);
  std::vector<std::string> keys;
  for (const auto& [k, v] : q.body["Forecast"]["Predictions"].items()) keys.push_back(k);
  EXPECT_THAT(keys, ElementsAre("p50", "mean"));
}

TEST_F(ResourceChainTest, ATimeSeriesSelectorInParquetIsReadByColumnName) {
  const std::string predictor = TrainedAutoPredictor();
  // One column, item_id = "item_c", written by DuckDB (parquet_import/make_goldens.mjs).
  std::ifstream in(std::string(FAKEAWS_TESTS_DIR) + "/forecast/parquet_import/duckdb_selector.parquet",
                   std::ios::binary);
  std::ostringstream file;
  file << in.rdbuf();
  ASSERT_FALSE(file.str().empty());
  fake_.s3().PutObject("training", "select/items.parquet", file.str());
  Reply f = Do("CreateForecast",
               {{"ForecastName", "only_c"},
                {"PredictorArn", predictor},
                {"TimeSeriesSelector", ItemIdSelector("s3://training/select/", "PARQUET")}});
  ASSERT_EQ(f.status, 200) << f.raw;
  EXPECT_EQ(Do("DescribeForecast", {{"ForecastArn", f.body["ForecastArn"]}}).body["Status"], "ACTIVE");
  EXPECT_EQ(Query(fake_, {{"ForecastArn", f.body["ForecastArn"]}, {"Filters", {{"item_id", "item_a"}}}}).type(),
            "ResourceNotFoundException");
  EXPECT_EQ(Query(fake_, {{"ForecastArn", f.body["ForecastArn"]}, {"Filters", {{"item_id", "item_c"}}}}).status, 200);
}

TEST_F(ResourceChainTest, ParentsWithChildrenAreInUseAndDeleteResourceTreeRemovesThemAll) {
  const std::string predictor = TrainedAutoPredictor();
  const std::string group = std::string(kArnPrefix) + "dataset-group/demand_dsg";
  Reply f = Do("CreateForecast", {{"ForecastName", "demand_forecast"}, {"PredictorArn", predictor}});
  Reply dg = Do("DeleteDatasetGroup", {{"DatasetGroupArn", group}});
  EXPECT_EQ(dg.type(), "ResourceInUseException");
  EXPECT_EQ(dg.message(), "The dataset group " + group + " has predictors; delete them first or use DeleteResourceTree");
  EXPECT_EQ(Do("DeletePredictor", {{"PredictorArn", predictor}}).type(), "ResourceInUseException");

  ASSERT_EQ(Do("DeleteResourceTree", {{"ResourceArn", group}}).status, 200);
  EXPECT_EQ(Do("DescribeForecast", {{"ForecastArn", f.body["ForecastArn"]}}).type(), "ResourceNotFoundException");
  EXPECT_EQ(Do("DescribeAutoPredictor", {{"PredictorArn", predictor}}).type(), "ResourceNotFoundException");
  EXPECT_EQ(Do("DescribeDatasetGroup", {{"DatasetGroupArn", group}}).type(), "ResourceNotFoundException");
  // Datasets are not in a dataset group's tree (delete-resource.md).
  EXPECT_EQ(Do("DescribeDataset", {{"DatasetArn", std::string(kArnPrefix) + "dataset/demand_ds"}}).status, 200);
}

TEST_F(ResourceChainTest, DatasetIsUpdatingWhileItsImportRuns) {
  Options o;
  o.lifecycle = LifecycleDurations::Observable();
  Fake fake(o);
  fake.s3().CreateBucket("training");
  fake.s3().PutObject("training", "d.csv", DemandCsv());
  Reply ds = Call(fake, "CreateDataset", {{"DatasetName", "ds"}, {"Domain", "CUSTOM"}, {"DatasetType", "TARGET_TIME_SERIES"},
                                          {"DataFrequency", "D"},
                                          {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                                                  {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                                  {{"AttributeName", "target_value"}, {"AttributeType", "float"}}})}}}});
  const json import = {{"DatasetImportJobName", "i"}, {"DatasetArn", ds.body["DatasetArn"]},
                       {"DataSource", {{"S3Config", {{"Path", "s3://training/d.csv"}, {"RoleArn", kRole}}}}},
                       {"TimestampFormat", "yyyy-MM-dd"}};
  // A dataset is ACTIVE at once; an import makes it UPDATE_* until it ends.
  EXPECT_EQ(Call(fake, "DescribeDataset", {{"DatasetArn", ds.body["DatasetArn"]}}).body["Status"], "ACTIVE");
  ASSERT_EQ(Call(fake, "CreateDatasetImportJob", import).status, 200);
  EXPECT_EQ(Call(fake, "DescribeDataset", {{"DatasetArn", ds.body["DatasetArn"]}}).body["Status"], "UPDATE_PENDING");
  fake.clock().Advance(std::chrono::minutes(2));
  EXPECT_EQ(Call(fake, "DescribeDataset", {{"DatasetArn", ds.body["DatasetArn"]}}).body["Status"], "UPDATE_IN_PROGRESS");
  json second = import;
  second["DatasetImportJobName"] = "j";
  Reply busy = Call(fake, "CreateDatasetImportJob", second);
  EXPECT_EQ(busy.type(), "ResourceInUseException");
  EXPECT_EQ(busy.message(), "The dataset " + ds.body["DatasetArn"].get<std::string>() +
                                " is in status UPDATE_IN_PROGRESS; it must be ACTIVE");
  fake.clock().Advance(std::chrono::minutes(5));
  EXPECT_EQ(Call(fake, "DescribeDataset", {{"DatasetArn", ds.body["DatasetArn"]}}).body["Status"], "ACTIVE");
}

}  // namespace
}  // namespace fakeaws::testing
