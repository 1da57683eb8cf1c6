// A small Parquet writer and reader, written to the format specification
// (apache/parquet-format: README.md, Encodings.md, LogicalTypes.md and the
// footer structs of parquet.thrift), not from any Parquet library.
//
// The writer makes flat files of OPTIONAL columns: UTF-8 strings (BYTE_ARRAY,
// dictionary-encoded), timestamps (INT64, TIMESTAMP(MILLIS, UTC)) and
// doubles (DOUBLE, PLAIN); one row group, one v1 data page per column,
// uncompressed. That is enough for any reader: compression and page
// statistics are optional in the format.
//
// The reader takes what common writers produce for flat tables (pyarrow,
// DuckDB, Spark, hyparquet's writer): REQUIRED or OPTIONAL leaf columns of
// BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE and BYTE_ARRAY; PLAIN,
// dictionary (PLAIN_DICTIONARY, RLE_DICTIONARY), DELTA_BINARY_PACKED,
// DELTA_LENGTH_BYTE_ARRAY and BYTE_STREAM_SPLIT values with RLE /
// bit-packed definition levels; data pages v1 and v2; UNCOMPRESSED or
// SNAPPY. Anything else is refused with a message naming it. Bad bytes give
// an error, never a crash: every length and count is checked against the
// bytes there are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fakeaws::base::parquet {

enum class ColumnType { kString, kTimestampMillis, kDouble };

struct ColumnSpec {
  std::string name;
  ColumnType type;
};

// Builds one file. Append each row's cells column by column, in order; a
// column holding fewer values than another when Finish is called is an error
// of the caller (checked: Finish returns "").
class Writer {
 public:
  explicit Writer(std::vector<ColumnSpec> columns);
  Writer(Writer&&) noexcept;
  ~Writer();

  void AppendString(size_t column, std::string_view value);
  void AppendTimestampMillis(size_t column, int64_t millis_since_epoch);
  void AppendDouble(size_t column, double value);
  void AppendNull(size_t column);
  size_t rows() const;

  // The file's bytes; the writer is empty afterwards.
  std::string Finish();

 private:
  struct Column;
  std::vector<ColumnSpec> specs_;
  std::vector<Column> columns_;
};

// What a column of a read file holds, as the reader reports it.
enum class ValueKind { kString, kBoolean, kInteger, kDouble, kTimestamp, kDate };

struct Column {
  std::string name;
  ValueKind kind = ValueKind::kString;
  // Each row's value as text: strings as written, integers in decimal,
  // floating point in the shortest form that reads back the same, booleans
  // "true"/"false", dates "yyyy-MM-dd". Empty for a null (and see `null`).
  std::vector<std::string> text;
  std::vector<bool> null;
  // kTimestamp and kDate: milliseconds since the epoch, UTC.
  std::vector<int64_t> millis;
};

struct Table {
  std::vector<Column> columns;
  size_t rows = 0;
};

// Reads a whole file into `table`; "" on success, else why it cannot be read
// ("the column x uses the encoding DELTA_BINARY_PACKED, which is not
// supported"). Refuses files of more than `max_rows` rows.
std::string Read(std::string_view file, Table* table, size_t max_rows = 10'000'000);

// Whether `file` starts and ends with Parquet's magic "PAR1".
bool LooksLikeParquet(std::string_view file);

}  // namespace fakeaws::base::parquet
