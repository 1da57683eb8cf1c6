// What an export job writes into S3: names, parts, header, rows
// (wire-format.md §3.1-3.2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;

HttpResponse CreateExport(Fake& fake, const std::string& job, const std::string& forecast_arn,
                          const std::string& path, const std::string& extra = "") {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast.CreateForecastExportJob");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = "{\"ForecastExportJobName\":\"" + job + "\",\"ForecastArn\":\"" + forecast_arn +
           "\",\"Destination\":{\"S3Config\":{\"Path\":\"" + path +
           "\",\"RoleArn\":\"arn:aws:iam::123456789012:role/R\"}}" + extra + "}";
  return fake.Handle(r);
}

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
  return out;
}

class ExportFilesTest : public ::testing::Test {
 protected:
  ExportFilesTest() { fake_.s3().CreateBucket("exports"); }

  std::string Seed(ForecastSpec spec) { return fake_.forecast().PutForecast(spec).value(); }
  std::string Body(const std::string& key) { return fake_.s3().GetObject("exports", key).value().body; }

  Fake fake_;
};

// Four parts whatever the number of items: 3 items gave 4 files, one only
// a header (wire-format.md §3.2 "Header-only parts", REAL); the empty ones
// last (INFERRED).
TEST_F(ExportFilesTest, FourPartsUnderThePathAsFolderTheSpareOnesHeaderOnly) {
  ForecastSpec spec;
  spec.name = "demand";
  spec.series = {{"item_1"}, {"item_2"}};
  const std::string arn = Seed(spec);
  ASSERT_EQ(CreateExport(fake_, "weekly", arn, "s3://exports/Arima").status, 200);
  EXPECT_THAT(fake_.s3().ListKeys("exports"),
              ElementsAre("Arima/weekly_2026-01-01T00-00-00Z_part0.csv",
                          "Arima/weekly_2026-01-01T00-00-00Z_part1.csv",
                          "Arima/weekly_2026-01-01T00-00-00Z_part2.csv",
                          "Arima/weekly_2026-01-01T00-00-00Z_part3.csv"));
  EXPECT_EQ(Lines(Body("Arima/weekly_2026-01-01T00-00-00Z_part1.csv")).size(), 11u);
  EXPECT_EQ(Body("Arima/weekly_2026-01-01T00-00-00Z_part2.csv"), "item_id,date,p10,p50,p90\n");
  EXPECT_EQ(Body("Arima/weekly_2026-01-01T00-00-00Z_part3.csv"), "item_id,date,p10,p50,p90\n");
}

// An export is S3 PutObjects under the job's role: into a versioned bucket
// each part is a new version with its own id (DOC "Using versioning in S3
// buckets": every PUT into an Enabled bucket adds a version).
TEST_F(ExportFilesTest, IntoAVersionedBucketEachPartIsANewVersion) {
  HttpRequest enable;
  enable.method = "PUT";
  enable.target = "/exports?versioning";
  enable.headers.Add("Host", "127.0.0.1:4566");
  enable.headers.Add("Content-MD5", "8qj8HSeDu3APPMQZVG06WQ==");
  enable.body = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>";
  ASSERT_EQ(fake_.Handle(enable).status, 200);
  ForecastSpec spec;
  spec.name = "demand";
  spec.series = {{"item_1"}};
  ASSERT_EQ(CreateExport(fake_, "weekly", Seed(spec), "s3://exports/out").status, 200);

  HttpRequest list;
  list.target = "/exports?versions";
  list.headers.Add("Host", "127.0.0.1:4566");
  const std::string listing = fake_.Handle(list).body;
  size_t versions = 0;
  for (size_t at = listing.find("<Version>"); at != std::string::npos; at = listing.find("<Version>", at + 1)) {
    ++versions;
  }
  EXPECT_EQ(versions, 4u) << listing;
  EXPECT_EQ(listing.find("<VersionId>null</VersionId>"), std::string::npos) << listing;
  EXPECT_EQ(listing.find("<IsLatest>false</IsLatest>"), std::string::npos) << listing;
}

// Values at full double precision in their shortest form, as AWS's
// "5.088283521094429" (wire-format.md §3.2 "Values", REAL), not 6 decimals.
TEST_F(ExportFilesTest, ValuesKeepFullPrecisionInTheShortestForm) {
  ForecastSpec spec;
  spec.name = "precise";
  spec.horizon = 30;
  ASSERT_EQ(CreateExport(fake_, "precise", Seed(spec), "s3://exports/p").status, 200);
  const auto lines = Lines(Body("p/precise_2026-01-01T00-00-00Z_part0.csv"));
  size_t longest = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    for (const auto& field : Split(lines[i])) {
      const size_t dot = field.find('.');
      if (dot == std::string::npos || field.find('T') != std::string::npos) continue;
      longest = std::max(longest, field.size() - dot - 1);
      // Shortest: C++17's to_chars writes the fewest digits that read back the same.
      char shortest[32];
      const double v = std::strtod(field.c_str(), nullptr);
      const std::string want(shortest, std::to_chars(shortest, shortest + sizeof shortest, v).ptr);
      EXPECT_TRUE(field == want || field == want + ".0") << field << " vs " << want;
    }
  }
  EXPECT_GT(longest, 6u) << "no value has more than 6 decimals";
}

TEST_F(ExportFilesTest, PathAtBucketRootAndWithTrailingSlash) {
  ForecastSpec spec;
  spec.name = "demand";
  const std::string arn = Seed(spec);
  ASSERT_EQ(CreateExport(fake_, "at_root", arn, "s3://exports").status, 200);
  ASSERT_EQ(CreateExport(fake_, "in_tmp", arn, "s3://exports/tmp/").status, 200);
  const auto keys = fake_.s3().ListKeys("exports");
  EXPECT_THAT(keys, ::testing::Contains("at_root_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_THAT(keys, ::testing::Contains("tmp/in_tmp_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_EQ(keys.size(), 8u);
}

TEST_F(ExportFilesTest, EachPartHasTheHeaderAndEachItemsRowsInDateOrder) {
  ForecastSpec spec;
  spec.name = "demand";
  spec.series = {{"client_12"}};
  spec.frequency = "H";
  spec.horizon = 3;
  ASSERT_TRUE(ParseTimestamp("2014-11-01T06:00:00Z", &spec.start_date));
  ASSERT_EQ(CreateExport(fake_, "hourly", Seed(spec), "s3://exports/h").status, 200);
  const auto lines = Lines(Body("h/hourly_2026-01-01T00-00-00Z_part0.csv"));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "item_id,date,p10,p50,p90");
  EXPECT_THAT(lines[1], StartsWith("client_12,2014-11-01T06:00:00Z,"));
  EXPECT_THAT(lines[2], StartsWith("client_12,2014-11-01T07:00:00Z,"));
  EXPECT_THAT(lines[3], StartsWith("client_12,2014-11-01T08:00:00Z,"));
  for (size_t i = 1; i < lines.size(); ++i) {
    const auto f = Split(lines[i]);
    ASSERT_EQ(f.size(), 5u);
    EXPECT_LE(std::stod(f[2]), std::stod(f[3]));
    EXPECT_LE(std::stod(f[3]), std::stod(f[4]));
  }
}

TEST_F(ExportFilesTest, DimensionsFollowDateAndForecastTypesNameTheirColumns) {
  ForecastSpec spec;
  spec.name = "demand";
  spec.dimensions = {"store_id"};
  spec.series = {{"item_1", {"store_a"}}};
  spec.forecast_types = {"0.05", "0.5", "0.65", "mean"};
  spec.horizon = 1;
  ASSERT_EQ(CreateExport(fake_, "dims", Seed(spec), "s3://exports/d").status, 200);
  const auto lines = Lines(Body("d/dims_2026-01-01T00-00-00Z_part0.csv"));
  EXPECT_EQ(lines.at(0), "item_id,date,store_id,p5,p50,p65,mean");
  EXPECT_THAT(lines.at(1), StartsWith("item_1,2026-01-01T00:00:00Z,store_a,"));
}

TEST_F(ExportFilesTest, ExplicitRowsAreExportedAsGivenGroupedByItemAndSortedByDate) {
  ForecastSpec spec;
  spec.name = "given";
  Timestamp d1, d2;
  ASSERT_TRUE(ParseTimestamp("2026-02-01T00:00:00Z", &d1));
  ASSERT_TRUE(ParseTimestamp("2026-02-02T00:00:00Z", &d2));
  spec.rows = {{"b", {}, d2, {1, 2, 3}}, {"a", {}, d1, {4.5, 5, 6.25}}, {"b", {}, d1, {7, 8, 9}}};
  ASSERT_EQ(CreateExport(fake_, "given", Seed(spec), "s3://exports/g").status, 200);
  std::string all;
  for (const auto& key : fake_.s3().ListKeys("exports", "g/")) all += Body(key);
  EXPECT_EQ(all,
            "item_id,date,p10,p50,p90\n"
            "b,2026-02-01T00:00:00Z,7.0,8.0,9.0\n"
            "b,2026-02-02T00:00:00Z,1.0,2.0,3.0\n"
            "item_id,date,p10,p50,p90\n"
            "a,2026-02-01T00:00:00Z,4.5,5.0,6.25\n"
            "item_id,date,p10,p50,p90\n"
            "item_id,date,p10,p50,p90\n");
}

TEST_F(ExportFilesTest, FieldsWithCommasOrQuotesAreQuoted) {
  ForecastSpec spec;
  spec.name = "quoted";
  spec.rows = {{"box, \"large\"", {}, spec.start_date, {1, 2, 3}}};
  ASSERT_EQ(CreateExport(fake_, "q", Seed(spec), "s3://exports/q").status, 200);
  EXPECT_EQ(Lines(Body("q/q_2026-01-01T00-00-00Z_part0.csv")).at(1),
            "\"box, \"\"large\"\"\",2026-01-01T00:00:00Z,1.0,2.0,3.0");
}

TEST(ExportLayoutTest, ItemsSpreadOverPartsWithoutSplittingAnItem) {
  Options options;
  options.export_layout.parts = 4;
  Fake fake(options);
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "many";
  spec.series.clear();
  for (int i = 0; i < 10; ++i) spec.series.emplace_back("item_" + std::to_string(i));
  spec.horizon = 5;
  const std::string arn = fake.forecast().PutForecast(spec).value();
  ASSERT_EQ(CreateExport(fake, "many", arn, "s3://exports/m").status, 200);
  const auto keys = fake.s3().ListKeys("exports", "m/");
  ASSERT_EQ(keys.size(), 4u);
  std::vector<std::string> items_in_order;
  for (const auto& key : keys) {
    const auto lines = Lines(fake.s3().GetObject("exports", key).value().body);
    EXPECT_EQ(lines.at(0), "item_id,date,p10,p50,p90");
    EXPECT_EQ((lines.size() - 1) % 5, 0u) << key << " splits an item";
    for (size_t i = 1; i < lines.size(); ++i) {
      const std::string item = Split(lines[i])[0];
      if (items_in_order.empty() || items_in_order.back() != item) items_in_order.push_back(item);
    }
  }
  ASSERT_EQ(items_in_order.size(), 10u) << "each item's rows are contiguous";
}

TEST(ExportLayoutTest, APartClosesOnceItHoldsTheRowLimit) {
  Options options;
  options.export_layout.parts = 1;
  options.export_layout.max_rows_per_part = 6;
  Fake fake(options);
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "split";
  spec.series = {{"a"}, {"b"}, {"c"}};
  spec.horizon = 4;
  ASSERT_EQ(CreateExport(fake, "split", fake.forecast().PutForecast(spec).value(), "s3://exports/s").status, 200);
  const auto keys = fake.s3().ListKeys("exports", "s/");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(Lines(fake.s3().GetObject("exports", keys[0]).value().body).size(), 1u + 8u);  // a, b
  EXPECT_EQ(Lines(fake.s3().GetObject("exports", keys[1]).value().body).size(), 1u + 4u);  // c
}

TEST(ExportDeterminismTest, SameSeedSameBytesOtherSeedOtherValues) {
  auto export_body = [](uint64_t seed) {
    Options options;
    options.seed = seed;
    Fake fake(options);
    fake.s3().CreateBucket("exports");
    ForecastSpec spec;
    spec.name = "demand";
    CreateExport(fake, "job", fake.forecast().PutForecast(spec).value(), "s3://exports/x");
    return fake.s3().GetObject("exports", "x/job_2026-01-01T00-00-00Z_part0.csv").value().body;
  };
  EXPECT_EQ(export_body(1), export_body(1));
  EXPECT_NE(export_body(1), export_body(2));
}

// The file name's timestamp follows when the export ran, not when the job
// was created (wire-format.md §3.1, REAL); the instant it completes on the
// virtual clock is INFERRED.
TEST(ExportTimingTest, FilesAppearOnlyWhenActiveAndCarryWhenTheExportRan) {
  Options options;
  options.lifecycle = LifecycleDurations::Observable();
  Fake fake(options);
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "demand";
  const std::string forecast = fake.forecast().PutForecast(spec).value();
  fake.clock().Advance(std::chrono::seconds(5));
  ASSERT_EQ(CreateExport(fake, "slow", forecast, "s3://exports/slow").status, 200);
  EXPECT_TRUE(fake.s3().ListKeys("exports").empty());
  fake.clock().Advance(std::chrono::minutes(5));
  EXPECT_TRUE(fake.s3().ListKeys("exports").empty()) << "still CREATE_IN_PROGRESS";
  fake.clock().Advance(std::chrono::minutes(1));
  const auto keys = fake.s3().ListKeys("exports");
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ(keys[0], "slow/slow_2026-01-01T00-06-05Z_part0.csv");
  Timestamp finished;
  ASSERT_TRUE(ParseTimestamp("2026-01-01T00:06:05Z", &finished));
  EXPECT_EQ(fake.s3().GetObject("exports", keys[0]).value().last_modified, finished);
  const auto job = fake.forecast().GetForecastExportJob(fake.forecast().ForecastExportJobArn("demand", "slow"));
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->status, "ACTIVE");
  ASSERT_EQ(job->exported_objects.size(), 4u);
  EXPECT_EQ(job->exported_objects[0], "s3://exports/" + keys[0]);
}

}  // namespace
}  // namespace fakeaws
