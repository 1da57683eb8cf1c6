// Reads a dataset import's CSV objects as Forecast does
// (dataset-import-guidelines-troubleshooting.md): comma-delimited, no
// header, columns in schema order, timestamps in the job's TimestampFormat.
// Bad data ends the job CREATE_FAILED with a message naming the object, row
// and value (texts in errors.h, INFERRED).
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "forecast/imported_data.h"

namespace fakeaws::forecast {

// A TimestampFormat in Java SimpleDateFormat letters: yyyy, MM, dd, HH, mm,
// ss, literal punctuation and 'quoted' text ("yyyy-MM-dd HH:mm:ss",
// "yyyy-MM-dd'T'HH:mm:ss").
class TimestampPattern {
 public:
  // Forecast's default when the job names none (API_CreateDatasetImportJob).
  static constexpr std::string_view kDefault = "yyyy-MM-dd HH:mm:ss";

  // nullopt for letters other than those above or a pattern without a date.
  static std::optional<TimestampPattern> Compile(std::string_view format);
  std::optional<Timestamp> Parse(std::string_view text) const;
  bool has_time() const { return has_time_; }

 private:
  struct Piece {
    char field = 0;  // 'y', 'M', 'd', 'H', 'm', 's', or 0 for literal text
    size_t width = 0;
    std::string literal;
  };
  std::vector<Piece> pieces_;
  bool has_time_ = false;
};

struct ImportObject {
  std::string name;  // "s3://bucket/key", for messages
  std::string body;
};

struct ImportResult {
  std::shared_ptr<const ImportedData> data;
  std::vector<FieldStatistics> statistics;
  uint64_t bytes = 0;
  std::string failure;  // the CREATE_FAILED message, or "" on success
};

// The import job's Format: CSV (the default) or PARQUET.
enum class ImportFormat { kCsv, kParquet };

// Reads every object: CSV as above, or Parquet files (base/parquet.h says
// which layouts are read), their columns matched to the schema by name.
ImportResult ReadImport(const std::vector<ImportObject>& objects,
                        const std::vector<SchemaAttribute>& schema, const TimestampPattern& timestamps,
                        ImportFormat format = ImportFormat::kCsv);

// An INCREMENTAL import: rows of `added` replace rows of `base` with the same
// non-numeric fields (the series and timestamp), and the rest are appended.
std::shared_ptr<const ImportedData> MergeIncremental(const ImportedData& base, const ImportedData& added);

std::vector<FieldStatistics> ComputeStatistics(const ImportedData& data);

// The series a file of identifiers names (a TimeSeriesSelector's, for
// example): each row's `id_field` and `dimensions` values, read by `schema`
// (a Parquet file's columns by name, as ReadImport matches them). Returns ""
// or the message of the row or file that could not be read.
std::string ReadSeriesKeys(const std::vector<ImportObject>& objects, const std::vector<SchemaAttribute>& schema,
                           const std::string& id_field, const std::vector<std::string>& dimensions,
                           ImportFormat format, std::set<std::pair<std::string, std::vector<std::string>>>* out);

// A DataSource's Format: "PARQUET", else CSV (the models' default).
inline ImportFormat ImportFormatOf(std::string_view format) {
  return format == "PARQUET" ? ImportFormat::kParquet : ImportFormat::kCsv;
}

// Splits one CSV record (RFC 4180 quoting) into fields; false on an
// unterminated quote.
bool SplitCsvRecord(std::string_view line, std::vector<std::string>* fields);

}  // namespace fakeaws::forecast
