// Writes a forecast export into the S3 store as AWS lays it out
// (wire-format.md §3.1-3.2): parts named
// <ForecastExportJobName>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv (.parquet for
// Format PARQUET) under the Path treated as a folder; each part with the
// header <domain id>,date,<dimensions>,<p10,p50,p90,...>; one item's rows
// contiguous and date-ordered, never split across parts.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/parquet.h"
#include "fakeaws/error.h"
#include "fakeaws/options.h"
#include "forecast/forecast_data.h"
#include "s3/store.h"

namespace fakeaws::forecast {

struct S3Location {
  std::string bucket;
  std::string prefix;  // "" or ending in "/"
};
// "s3://bucket/a/b" -> {bucket, "a/b/"}; "s3://bucket" and "s3://bucket/" -> {bucket, ""}.
S3Location ParseS3Path(const std::string& path);

// A CSV field: as is, or quoted with quotes doubled when it holds a comma,
// quote or line break (RFC 4180; wire-format.md Open question 3).
std::string CsvField(std::string_view field);

// Stores one file an export writes (content type INFERRED, as the forecast
// export's parts).
Outcome<Done> PutExportFile(s3::Store& store, const std::string& bucket, const std::string& key, std::string body,
                            Timestamp at);

// An export's file format: the job's Format member, "CSV" (the default) or
// "PARQUET".
enum class ExportFormat { kCsv, kParquet };
ExportFormat ExportFormatOf(std::string_view format);

// "<job>_2026-01-01T00-00-00Z_part0.csv", or ".parquet". AWS documents no
// Parquet name; the CSV name with the format's extension is INFERRED
// (wire-format.md §3.1 "Parquet").
std::string ExportFileName(const std::string& job_name, Timestamp export_time, int part,
                           ExportFormat format = ExportFormat::kCsv);
// The same in two steps, for a job's several parts: "<job>_<timestamp>_part",
// then the part's number and extension.
std::string ExportFileStem(const std::string& job_name, Timestamp export_time);
std::string ExportPartName(const std::string& stem, int part, ExportFormat format);

// One export file's rows, as CSV or Parquet with the same columns and cells:
// strings, dates ("2026-01-01T00:00:00Z" in CSV, a UTC timestamp in
// Parquet) and numbers (Java's shortest form in CSV, a double in Parquet;
// nullopt is an empty field or a null). Cells are given row by row, left to
// right.
class ExportTable {
 public:
  using Column = base::parquet::ColumnSpec;
  using Type = base::parquet::ColumnType;
  ExportTable(ExportFormat format, std::vector<Column> columns);

  void String(std::string_view value);
  void Date(Timestamp value);
  void Number(std::optional<double> value);
  size_t rows() const { return rows_; }
  // The file's bytes; the table is empty (header only) afterwards.
  std::string Finish();

 private:
  void Separate();
  void EndCell();

  ExportFormat format_;
  std::vector<Column> columns_;
  size_t column_ = 0;
  size_t rows_ = 0;
  std::string csv_;
  std::optional<base::parquet::Writer> parquet_;
};

class ExportWriter {
 public:
  ExportWriter(s3::Store& store, const ExportLayout& layout, uint64_t seed, ExportFormat format)
      : store_(store), layout_(layout), seed_(seed), format_(format) {}

  // Writes every part, named with `export_time` and stored at `written_at`,
  // its identifier column named `id_column` (the domain's: item_id,
  // instance_type, workforce_type, metric_name), and returns their
  // "s3://bucket/key" names, or the store's error (the bucket is missing)
  // with nothing written.
  Outcome<std::vector<std::string>> Write(const ForecastData& forecast, const std::string& id_column,
                                          const std::string& job_name, const S3Location& destination,
                                          Timestamp export_time, Timestamp written_at);

 private:
  Outcome<std::vector<std::string>> WriteParquet(const ForecastData& forecast, const std::string& id_column,
                                                 const std::string& job_name, const S3Location& destination,
                                                 Timestamp export_time, Timestamp written_at);

  s3::Store& store_;
  ExportLayout layout_;
  uint64_t seed_;
  ExportFormat format_;
};

}  // namespace fakeaws::forecast
