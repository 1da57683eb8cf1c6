// Writes a forecast export into the S3 store as AWS lays it out
// (wire-format.md §3.1-3.2): parts named
// <ForecastExportJobName>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv under the Path
// treated as a folder; each part with the header
// item_id,date,<dimensions>,<p10,p50,p90,...>; one item's rows contiguous and
// date-ordered, never split across parts.
#pragma once

#include <string>
#include <vector>

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

// "<job>_2026-01-01T00-00-00Z_part0.csv"
std::string ExportFileName(const std::string& job_name, Timestamp export_time, int part);

class ExportWriter {
 public:
  ExportWriter(s3::Store& store, const ExportLayout& layout, uint64_t seed)
      : store_(store), layout_(layout), seed_(seed) {}

  // Writes every part, named with `export_time` and stored at `written_at`,
  // and returns their "s3://bucket/key" names, or the store's error (the
  // bucket is missing) with nothing written.
  Outcome<std::vector<std::string>> Write(const ForecastData& forecast, const std::string& job_name,
                                          const S3Location& destination, Timestamp export_time,
                                          Timestamp written_at);

 private:
  s3::Store& store_;
  ExportLayout layout_;
  uint64_t seed_;
};

}  // namespace fakeaws::forecast
