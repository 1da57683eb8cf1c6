// The Parquet writer (base/parquet.h). Layout of a file (parquet-format
// README.md "File Format"): "PAR1", each column chunk's pages, the
// FileMetaData footer in Thrift compact, its 4-byte little-endian length,
// "PAR1".
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include "base/parquet.h"
#include "base/parquet_format.h"
#include "base/thrift_compact.h"

namespace fakeaws::base::parquet {
namespace {

void AppendVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void AppendLe32(std::string* out, uint32_t v) {
  char b[4] = {static_cast<char>(v), static_cast<char>(v >> 8), static_cast<char>(v >> 16),
               static_cast<char>(v >> 24)};
  out->append(b, 4);
}

// A run of equal values, for the RLE half of the RLE / bit-packed hybrid
// (Encodings.md "Run Length Encoding / Bit-Packing Hybrid"). Exports repeat
// each series' id and dimensions over its whole horizon, so runs are long
// and RLE alone keeps pages small.
struct Run {
  uint32_t value;
  uint32_t length;
};

void AddToRuns(std::vector<Run>* runs, uint32_t value) {
  if (!runs->empty() && runs->back().value == value && runs->back().length < (1u << 30)) {
    ++runs->back().length;
  } else {
    runs->push_back({value, 1});
  }
}

// Encodes `runs` as RLE runs of `bit_width`-bit values.
void AppendRuns(std::string* out, const std::vector<Run>& runs, int bit_width) {
  const int value_bytes = (bit_width + 7) / 8;
  for (const Run& run : runs) {
    AppendVarint(out, static_cast<uint64_t>(run.length) << 1);
    for (int b = 0; b < value_bytes; ++b) out->push_back(static_cast<char>(run.value >> (8 * b)));
  }
}

int BitWidth(uint64_t max_value) {
  int bits = 0;
  while (max_value >> bits) ++bits;
  return bits;
}

void PageHeader(std::string* out, int32_t type, size_t size, int32_t num_values, int32_t encoding) {
  thrift::CompactWriter w(out);
  w.I32(1, type);
  w.I32(2, static_cast<int32_t>(size));  // uncompressed: both sizes agree
  w.I32(3, static_cast<int32_t>(size));
  if (type == kDictionaryPage) {
    w.BeginStruct(7);  // DictionaryPageHeader
    w.I32(1, num_values);
    w.I32(2, encoding);
    w.EndStruct();
  } else {
    w.BeginStruct(5);  // DataPageHeader
    w.I32(1, num_values);
    w.I32(2, encoding);
    w.I32(3, kRle);  // definition levels
    w.I32(4, kRle);  // repetition levels (none in a flat schema)
    w.EndStruct();
  }
  w.Stop();
}

}  // namespace

struct Writer::Column {
  ColumnType type;
  size_t rows = 0;
  size_t values = 0;
  std::vector<Run> defined;  // definition levels: 1 for a value, 0 for a null
  std::string plain;         // PLAIN values (timestamps, doubles)
  // Strings: a dictionary page of the distinct values and RLE runs of their
  // indices (Encodings.md "Dictionary Encoding").
  std::unordered_map<std::string, uint32_t> dictionary;
  std::string dictionary_plain;
  std::vector<Run> indices;
  std::string last;  // the most recent string, which the next row usually repeats
  uint32_t last_index = UINT32_MAX;
};

Writer::Writer(std::vector<ColumnSpec> columns) : specs_(std::move(columns)) {
  columns_.resize(specs_.size());
  for (size_t i = 0; i < specs_.size(); ++i) columns_[i].type = specs_[i].type;
}
Writer::Writer(Writer&&) noexcept = default;
Writer::~Writer() = default;

size_t Writer::rows() const { return columns_.empty() ? 0 : columns_.front().rows; }

void Writer::AppendString(size_t column, std::string_view value) {
  Column& c = columns_[column];
  ++c.rows;
  ++c.values;
  AddToRuns(&c.defined, 1);
  if (c.last_index == UINT32_MAX || value != c.last) {
    auto [it, inserted] = c.dictionary.try_emplace(std::string(value), static_cast<uint32_t>(c.dictionary.size()));
    if (inserted) {
      AppendLe32(&c.dictionary_plain, static_cast<uint32_t>(value.size()));
      c.dictionary_plain.append(value);
    }
    c.last.assign(value);
    c.last_index = it->second;
  }
  AddToRuns(&c.indices, c.last_index);
}

void Writer::AppendTimestampMillis(size_t column, int64_t millis) {
  Column& c = columns_[column];
  ++c.rows;
  ++c.values;
  AddToRuns(&c.defined, 1);
  char b[8];
  std::memcpy(b, &millis, 8);  // PLAIN INT64: little-endian (the targets are)
  c.plain.append(b, 8);
}

void Writer::AppendDouble(size_t column, double value) {
  Column& c = columns_[column];
  ++c.rows;
  ++c.values;
  AddToRuns(&c.defined, 1);
  char b[8];
  std::memcpy(b, &value, 8);  // PLAIN DOUBLE: IEEE 754 little-endian
  c.plain.append(b, 8);
}

void Writer::AppendNull(size_t column) {
  Column& c = columns_[column];
  ++c.rows;
  AddToRuns(&c.defined, 0);
}

std::string Writer::Finish() {
  const size_t num_rows = rows();
  for (const Column& c : columns_) {
    if (c.rows != num_rows) return "";
  }
  std::string file = "PAR1";
  struct ChunkMeta {
    int64_t start = 0, dictionary_offset = -1, data_offset = 0, size = 0;
  };
  std::vector<ChunkMeta> chunks(columns_.size());
  std::string levels, page;
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    ChunkMeta& meta = chunks[i];
    meta.start = static_cast<int64_t>(file.size());
    // Definition levels of a v1 page: their byte length, then the runs.
    levels.clear();
    AppendRuns(&levels, c.defined, 1);
    page.clear();
    AppendLe32(&page, static_cast<uint32_t>(levels.size()));
    page += levels;
    int32_t encoding = kPlain;
    if (c.type == ColumnType::kString) {
      meta.dictionary_offset = static_cast<int64_t>(file.size());
      PageHeader(&file, kDictionaryPage, c.dictionary_plain.size(), static_cast<int32_t>(c.dictionary.size()), kPlain);
      file += c.dictionary_plain;
      // At least 1 bit: a reader may take width 0 as "no data" (INFERRED caution).
      const int width = std::max(1, BitWidth(c.dictionary.empty() ? 0 : c.dictionary.size() - 1));
      page.push_back(static_cast<char>(width));
      AppendRuns(&page, c.indices, width);
      encoding = kRleDictionary;
    } else {
      page += c.plain;
    }
    meta.data_offset = static_cast<int64_t>(file.size());
    PageHeader(&file, kDataPage, page.size(), static_cast<int32_t>(c.rows), encoding);
    file += page;
    meta.size = static_cast<int64_t>(file.size()) - meta.start;
    const ColumnType type = c.type;
    c = Column();  // frees the column as soon as it is written
    c.type = type;
  }

  std::string footer;
  thrift::CompactWriter w(&footer);
  w.I32(1, 1);  // version
  w.List(2, thrift::kStruct, specs_.size() + 1);
  w.BeginElementStruct();  // the root: a group of every column
  w.Binary(4, "schema");
  w.I32(5, static_cast<int32_t>(specs_.size()));
  w.EndStruct();
  for (const ColumnSpec& spec : specs_) {
    w.BeginElementStruct();
    w.I32(1, spec.type == ColumnType::kString ? kByteArray : spec.type == ColumnType::kDouble ? kDouble : kInt64);
    w.I32(3, kOptional);
    w.Binary(4, spec.name);
    if (spec.type == ColumnType::kString) w.I32(6, kUtf8);
    if (spec.type == ColumnType::kTimestampMillis) w.I32(6, kTimestampMillis);
    if (spec.type != ColumnType::kDouble) {
      w.BeginStruct(10);  // LogicalType, a union
      if (spec.type == ColumnType::kString) {
        w.BeginStruct(1);  // STRING
        w.EndStruct();
      } else {
        w.BeginStruct(8);  // TIMESTAMP
        w.Bool(1, true);   // isAdjustedToUTC: the export's dates end in Z
        w.BeginStruct(2);  // unit
        w.BeginStruct(1);  // MILLIS
        w.EndStruct();
        w.EndStruct();
        w.EndStruct();
      }
      w.EndStruct();
    }
    w.EndStruct();
  }
  w.I64(3, static_cast<int64_t>(num_rows));
  w.List(4, thrift::kStruct, 1);
  w.BeginElementStruct();  // the one RowGroup
  w.List(1, thrift::kStruct, specs_.size());
  int64_t total = 0;
  for (size_t i = 0; i < specs_.size(); ++i) {
    const ColumnSpec& spec = specs_[i];
    const ChunkMeta& meta = chunks[i];
    total += meta.size;
    w.BeginElementStruct();  // ColumnChunk
    w.I64(2, meta.start);
    w.BeginStruct(3);  // ColumnMetaData
    w.I32(1, spec.type == ColumnType::kString ? kByteArray : spec.type == ColumnType::kDouble ? kDouble : kInt64);
    if (spec.type == ColumnType::kString) {
      w.List(2, thrift::kI32, 3);
      w.ElementI32(kPlain);
      w.ElementI32(kRle);
      w.ElementI32(kRleDictionary);
    } else {
      w.List(2, thrift::kI32, 2);
      w.ElementI32(kPlain);
      w.ElementI32(kRle);
    }
    w.List(3, thrift::kBinary, 1);
    w.RawBinary(spec.name);
    w.I32(4, kUncompressed);
    w.I64(5, static_cast<int64_t>(num_rows));
    w.I64(6, meta.size);
    w.I64(7, meta.size);
    w.I64(9, meta.data_offset);
    if (meta.dictionary_offset >= 0) w.I64(11, meta.dictionary_offset);
    w.EndStruct();
    w.EndStruct();
  }
  w.I64(2, total);
  w.I64(3, static_cast<int64_t>(num_rows));
  w.EndStruct();
  w.Binary(6, "fakeaws");  // created_by
  w.Stop();

  file += footer;
  AppendLe32(&file, static_cast<uint32_t>(footer.size()));
  file += "PAR1";
  return file;
}

}  // namespace fakeaws::base::parquet
