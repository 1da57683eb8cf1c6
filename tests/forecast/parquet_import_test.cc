// CreateDatasetImportJob with Format PARQUET: files DuckDB wrote (goldens in
// parquet_import/, made by parquet_import/make_goldens.mjs) read as the same
// data in CSV does; layouts fakeaws does not read end CREATE_FAILED with a
// message naming what, in the style of a bad CSV row's.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "forecast_client.h"

namespace fakeaws::testing {
namespace {

using json = nlohmann::ordered_json;

const char* kRole = "arn:aws:iam::123456789012:role/ForecastRole";

std::string Golden(const std::string& name) {
  std::ifstream in(std::string(FAKEAWS_TESTS_DIR) + "/forecast/parquet_import/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The rows make_goldens.mjs writes, as CSV: 2 items x 30 days from
// 2026-01-01, target i * 1.25 - 5 for row i, null when i % 7 == 3.
std::string SameRowsAsCsv() {
  std::ostringstream csv;
  for (int i = 0; i < 60; ++i) {
    char date[32];
    std::snprintf(date, sizeof date, "2026-01-%02d 00:00:00", i % 30 + 1);
    csv << "item_" << (i / 30 + 1) << "," << date << ",";
    if (i % 7 != 3) csv << i * 1.25 - 5.0;
    csv << "\n";
  }
  return csv.str();
}

class ParquetImportTest : public ::testing::Test {
 protected:
  ParquetImportTest() {
    fake_.s3().CreateBucket("training");
    Reply ds = Call(fake_, "CreateDataset",
                    {{"DatasetName", "demand_ds"},
                     {"Domain", "CUSTOM"},
                     {"DatasetType", "TARGET_TIME_SERIES"},
                     {"DataFrequency", "D"},
                     {"Schema", {{"Attributes", json::array({{{"AttributeName", "item_id"}, {"AttributeType", "string"}},
                                                             {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                             {{"AttributeName", "target_value"}, {"AttributeType", "float"}}})}}}});
    EXPECT_EQ(ds.status, 200) << ds.raw;
    dataset_ = ds.body.value("DatasetArn", "");
  }

  // Imports the object at `path` and returns DescribeDatasetImportJob's answer.
  json Import(const std::string& name, const std::string& path, const std::string& format) {
    json in = {{"DatasetImportJobName", name},
               {"DatasetArn", dataset_},
               {"DataSource", {{"S3Config", {{"Path", path}, {"RoleArn", kRole}}}}}};
    if (!format.empty()) in["Format"] = format;
    Reply job = Call(fake_, "CreateDatasetImportJob", in);
    EXPECT_EQ(job.status, 200) << job.raw;
    return Call(fake_, "DescribeDatasetImportJob", {{"DatasetImportJobArn", job.body["DatasetImportJobArn"]}}).body;
  }

  Fake fake_;
  std::string dataset_;
};

TEST_F(ParquetImportTest, DuckDbFilesReadAsTheSameRowsInCsv) {
  fake_.s3().PutObject("training", "csv/rows.csv", SameRowsAsCsv());
  const json csv = Import("from_csv", "s3://training/csv/rows.csv", "");
  ASSERT_EQ(csv["Status"], "ACTIVE") << csv.dump();
  EXPECT_EQ(csv["FieldStatistics"]["target_value"]["CountNull"], 9);
  int n = 0;
  // Snappy + dictionary + data page v1; uncompressed; Snappy + data page v2
  // with DELTA_BINARY_PACKED timestamps and BYTE_STREAM_SPLIT doubles.
  for (const char* file : {"duckdb_snappy.parquet", "duckdb_uncompressed.parquet", "duckdb_snappy_v2.parquet"}) {
    fake_.s3().PutObject("training", std::string("pq/") + file, Golden(file));
    const json parquet = Import("from_parquet_" + std::to_string(n++), std::string("s3://training/pq/") + file, "PARQUET");
    ASSERT_EQ(parquet["Status"], "ACTIVE") << file << ": " << parquet.dump();
    EXPECT_EQ(parquet["FieldStatistics"], csv["FieldStatistics"]) << file;
  }
}

TEST_F(ParquetImportTest, CompressionFakeawsDoesNotReadEndsCreateFailedNamingIt) {
  fake_.s3().PutObject("training", "pq/duckdb_zstd.parquet", Golden("duckdb_zstd.parquet"));
  fake_.s3().PutObject("training", "gz/duckdb_gzip.parquet", Golden("duckdb_gzip.parquet"));
  const json zstd = Import("zstd", "s3://training/pq/duckdb_zstd.parquet", "PARQUET");
  EXPECT_EQ(zstd["Status"], "CREATE_FAILED");
  EXPECT_EQ(zstd["Message"],
            "s3://training/pq/duckdb_zstd.parquet is not a Parquet file fakeaws can read: the column item_id: it is "
            "compressed with ZSTD, which is not supported.");
  const json gzip = Import("gzip", "s3://training/gz/", "PARQUET");
  EXPECT_EQ(gzip["Status"], "CREATE_FAILED");
  EXPECT_THAT(gzip["Message"].get<std::string>(), ::testing::HasSubstr("compressed with GZIP, which is not supported"));
}

TEST_F(ParquetImportTest, CsvBytesUnderFormatParquetAreNotAParquetFile) {
  fake_.s3().PutObject("training", "rows.csv", SameRowsAsCsv());
  const json job = Import("wrong_format", "s3://training/rows.csv", "PARQUET");
  EXPECT_EQ(job["Status"], "CREATE_FAILED");
  EXPECT_EQ(job["Message"],
            "s3://training/rows.csv is not a Parquet file fakeaws can read: it is not a Parquet file (no PAR1 magic "
            "at both ends).");
}

TEST_F(ParquetImportTest, AFileWithoutASchemaAttributeSaysWhichIsMissing) {
  // A file whose columns are another dataset's.
  fake_.s3().PutObject("training", "pq/snappy.parquet", Golden("duckdb_snappy.parquet"));
  Reply other = Call(fake_, "CreateDataset",
                     {{"DatasetName", "ec2_ds"},
                      {"Domain", "EC2_CAPACITY"},
                      {"DatasetType", "TARGET_TIME_SERIES"},
                      {"DataFrequency", "D"},
                      {"Schema", {{"Attributes", json::array({{{"AttributeName", "instance_type"}, {"AttributeType", "string"}},
                                                              {{"AttributeName", "timestamp"}, {"AttributeType", "timestamp"}},
                                                              {{"AttributeName", "number_of_instances"}, {"AttributeType", "integer"}}})}}}});
  ASSERT_EQ(other.status, 200) << other.raw;
  dataset_ = other.body["DatasetArn"];
  const json job = Import("other", "s3://training/pq/snappy.parquet", "PARQUET");
  EXPECT_EQ(job["Status"], "CREATE_FAILED");
  EXPECT_EQ(job["Message"],
            "s3://training/pq/snappy.parquet has no column instance_type, an attribute of the dataset schema. Columns "
            "must match the schema's attribute names.");
}

}  // namespace
}  // namespace fakeaws::testing
