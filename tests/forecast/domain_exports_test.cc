// Every export names its identifier column as the domain does
// (wire-format.md §3.2 "Identifier column per domain": instance_type for
// EC2_CAPACITY, workforce_type for WORK_FORCE, metric_name for METRICS,
// item_id elsewhere), and Format PARQUET writes the same rows and columns as
// CSV, typed, in files named like the CSV parts with .parquet.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <charconv>
#include <sstream>

#include "base/parquet.h"
#include "forecast_client.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::StartsWith;

const char* kRole = "arn:aws:iam::123456789012:role/ForecastRole";
const char* kArnPrefix = "arn:aws:forecast:us-east-1:123456789012:";

struct Domain {
  const char* name;
  const char* id;
  const char* target;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

class DomainExportsTest : public ::testing::TestWithParam<Domain> {
 protected:
  DomainExportsTest() {
    fake_.s3().CreateBucket("training");
    fake_.s3().CreateBucket("exports");
  }

  Reply Do(const std::string& op, const json& in) { return Call(fake_, op, in); }

  // A trained AutoPredictor of the domain over 3 series x 28 days, and its
  // forecast; returns the forecast's ARN.
  std::string Forecast() {
    const Domain& d = GetParam();
    std::ostringstream csv;
    for (const char* series : {"s_a", "s_b", "s_c"}) {
      for (int day = 1; day <= 28; ++day) {
        csv << series << ",2025-12-" << (day < 10 ? "0" : "") << day << "," << (10 + day % 7 * 3) << "\n";
      }
    }
    fake_.s3().PutObject("training", "t/data.csv", csv.str());
    Reply ds = Do("CreateDataset", {{"DatasetName", "ds"},
                                    {"Domain", d.name},
                                    {"DatasetType", "TARGET_TIME_SERIES"},
                                    {"DataFrequency", "D"},
                                    {"Schema", {{"Attributes", json::array({{{"AttributeName", d.id}, {"AttributeType", "string"}},
                                                                            {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                                            {{"AttributeName", d.target}, {"AttributeType", "float"}}})}}}});
    EXPECT_EQ(ds.status, 200) << ds.raw;
    Reply dsg = Do("CreateDatasetGroup", {{"DatasetGroupName", "dsg"}, {"Domain", d.name}, {"DatasetArns", json::array({ds.body["DatasetArn"]})}});
    EXPECT_EQ(dsg.status, 200) << dsg.raw;
    Reply job = Do("CreateDatasetImportJob", {{"DatasetImportJobName", "i"},
                                              {"DatasetArn", ds.body["DatasetArn"]},
                                              {"DataSource", {{"S3Config", {{"Path", "s3://training/t/"}, {"RoleArn", kRole}}}}},
                                              {"TimestampFormat", "yyyy-MM-dd"}});
    EXPECT_EQ(job.status, 200) << job.raw;
    Reply p = Do("CreateAutoPredictor", {{"PredictorName", "p"},
                                         {"ForecastHorizon", 5},
                                         {"ForecastFrequency", "D"},
                                         {"DataConfig", {{"DatasetGroupArn", std::string(kArnPrefix) + "dataset-group/dsg"}}}});
    EXPECT_EQ(p.status, 200) << p.raw;
    predictor_ = p.body.value("PredictorArn", "");
    Reply f = Do("CreateForecast", {{"ForecastName", "f"}, {"PredictorArn", predictor_}});
    EXPECT_EQ(f.status, 200) << f.raw;
    return f.body.value("ForecastArn", "");
  }

  std::vector<std::string> ExportForecast(const std::string& forecast, const std::string& job, const std::string& format) {
    json in = {{"ForecastExportJobName", job},
               {"ForecastArn", forecast},
               {"Destination", {{"S3Config", {{"Path", "s3://exports/" + job}, {"RoleArn", kRole}}}}}};
    if (!format.empty()) in["Format"] = format;
    Reply e = Do("CreateForecastExportJob", in);
    EXPECT_EQ(e.status, 200) << e.raw;
    return fake_.s3().ListKeys("exports", job + "/");
  }

  std::string Body(const std::string& key) { return fake_.s3().GetObject("exports", key).value().body; }

  Fake fake_;
  std::string predictor_;
};

TEST_P(DomainExportsTest, ForecastExportNamesTheDomainsIdentifier) {
  const std::vector<std::string> keys = ExportForecast(Forecast(), "csv", "");
  // 3 series in 4 parts, the last holding only the header (wire-format.md §3.2 "Header-only parts").
  ASSERT_EQ(keys.size(), 4u);
  const std::string header = std::string(GetParam().id) + ",date,p10,p50,p90";
  for (size_t part = 0; part < keys.size(); ++part) {
    const auto lines = Lines(Body(keys[part]));
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], header) << keys[part];
    EXPECT_EQ(lines.size(), part < 3 ? 6u : 1u) << keys[part];
  }
}

TEST_P(DomainExportsTest, BacktestExportNamesTheDomainsIdentifier) {
  Forecast();
  Reply e = Do("CreatePredictorBacktestExportJob",
               {{"PredictorBacktestExportJobName", "bt"},
                {"PredictorArn", predictor_},
                {"Destination", {{"S3Config", {{"Path", "s3://exports/bt"}, {"RoleArn", kRole}}}}}});
  ASSERT_EQ(e.status, 200) << e.raw;
  const auto keys = fake_.s3().ListKeys("exports", "bt/");
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_THAT(Lines(Body(keys[1])).at(0), StartsWith(std::string(GetParam().id) + ",backtest_window,"));
  EXPECT_THAT(Lines(Body(keys[2])).at(0), StartsWith(std::string(GetParam().id) + ",timestamp,target_value,"));
}

// The Parquet parts hold what the CSV parts hold, cell by cell, read with
// fakeaws's own reader here (two readers no one here wrote do the same in
// tests/conformance/parquet_readers_test.py).
TEST_P(DomainExportsTest, ParquetPartsHoldTheCsvPartsCells) {
  const std::string forecast = Forecast();
  const auto csv = ExportForecast(forecast, "as_csv", "CSV");
  const auto parquet = ExportForecast(forecast, "as_parquet", "PARQUET");
  ASSERT_EQ(csv.size(), parquet.size());
  for (size_t part = 0; part < csv.size(); ++part) {
    EXPECT_THAT(parquet[part], EndsWith("_part" + std::to_string(part) + ".parquet"));
    const auto lines = Lines(Body(csv[part]));
    base::parquet::Table table;
    ASSERT_EQ(base::parquet::Read(Body(parquet[part]), &table), "") << parquet[part];
    const auto header = Split(lines.at(0));
    ASSERT_EQ(table.columns.size(), header.size());
    ASSERT_EQ(table.rows, lines.size() - 1);
    for (size_t c = 0; c < header.size(); ++c) EXPECT_EQ(table.columns[c].name, header[c]);
    EXPECT_EQ(table.columns[1].kind, base::parquet::ValueKind::kTimestamp);
    for (size_t r = 0; r < table.rows; ++r) {
      const auto cells = Split(lines[r + 1]);
      EXPECT_EQ(table.columns[0].text[r], cells[0]);
      // "2025-12-29 00:00:00" (the reader's text) against "2025-12-29T00:00:00Z".
      EXPECT_EQ(table.columns[1].text[r].substr(0, 10) + "T" + table.columns[1].text[r].substr(11) + "Z", cells[1]);
      for (size_t c = 2; c < header.size(); ++c) {
        double want = 0;
        std::from_chars(cells[c].data(), cells[c].data() + cells[c].size(), want);
        double got = 0;
        std::from_chars(table.columns[c].text[r].data(), table.columns[c].text[r].data() + table.columns[c].text[r].size(), got);
        EXPECT_EQ(got, want) << "row " << r << " column " << header[c];
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Domains, DomainExportsTest,
                         ::testing::Values(Domain{"CUSTOM", "item_id", "target_value"},
                                           Domain{"EC2_CAPACITY", "instance_type", "number_of_instances"},
                                           Domain{"WORK_FORCE", "workforce_type", "workforce_demand"},
                                           Domain{"METRICS", "metric_name", "metric_value"}),
                         [](const ::testing::TestParamInfo<Domain>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace fakeaws::testing
