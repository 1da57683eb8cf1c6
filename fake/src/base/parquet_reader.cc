// The Parquet reader (base/parquet.h). Field numbers are those of
// parquet-format's parquet.thrift; unknown fields are skipped, as Thrift
// readers do, so files from newer writers still read.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>

#include "base/parquet.h"
#include "base/parquet_format.h"
#include "base/snappy.h"
#include "base/thrift_compact.h"

namespace fakeaws::base::parquet {
namespace {

using thrift::CompactReader;


const char* EncodingName(int64_t e) {
  static const char* const kNames[] = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
                                       "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY",
                                       "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
  return e >= 0 && e < 10 ? kNames[e] : "unknown";
}

const char* CodecName(int64_t c) {
  static const char* const kNames[] = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};
  return c >= 0 && c < 8 ? kNames[c] : "unknown";
}

// Pages hold at most this much once uncompressed: a reader of test data
// need not follow a header claiming gigabytes.
constexpr size_t kMaxPageBytes = 256u << 20;

struct SchemaElement {
  int64_t type = -1;
  int64_t repetition = 0;  // REQUIRED
  std::string name;
  int64_t num_children = 0;
  int64_t converted = -1;
  int64_t logical = -1;       // the LogicalType union's member: 6 DATE, 8 TIMESTAMP, 5 DECIMAL, ...
  int64_t time_unit = -1;     // TIMESTAMP's unit: 1 MILLIS, 2 MICROS, 3 NANOS
};

struct ChunkMeta {
  int64_t type = -1;
  int64_t codec = 0;
  int64_t num_values = 0;
  int64_t total_compressed = 0;
  int64_t data_page_offset = -1;
  int64_t dictionary_page_offset = -1;
};

struct RowGroupMeta {
  int64_t num_rows = 0;
  std::vector<ChunkMeta> chunks;
};

struct FileMeta {
  std::vector<SchemaElement> schema;
  int64_t num_rows = 0;
  std::vector<RowGroupMeta> row_groups;
};

void ReadTimeUnit(CompactReader& r, SchemaElement* e) {
  r.BeginStruct();
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (t == thrift::kStruct) e->time_unit = id;
    r.Skip(t);
  }
  r.EndStruct();
}

void ReadLogicalType(CompactReader& r, SchemaElement* e) {
  r.BeginStruct();
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    e->logical = id;
    if (id == 8 && t == thrift::kStruct) {  // TimestampType {1: isAdjustedToUTC, 2: unit}
      r.BeginStruct();
      int16_t f;
      thrift::Type ft;
      while (r.NextField(&f, &ft)) {
        if (f == 2 && ft == thrift::kStruct) {
          ReadTimeUnit(r, e);
        } else {
          r.Skip(ft);
        }
      }
      r.EndStruct();
    } else {
      r.Skip(t);
    }
  }
  r.EndStruct();
}

SchemaElement ReadSchemaElement(CompactReader& r) {
  SchemaElement e;
  r.BeginStruct();
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (id == 1 && t == thrift::kI32) e.type = r.Int();
    else if (id == 3 && t == thrift::kI32) e.repetition = r.Int();
    else if (id == 4 && t == thrift::kBinary) e.name = std::string(r.Binary());
    else if (id == 5 && t == thrift::kI32) e.num_children = r.Int();
    else if (id == 6 && t == thrift::kI32) e.converted = r.Int();
    else if (id == 10 && t == thrift::kStruct) ReadLogicalType(r, &e);
    else r.Skip(t);
  }
  r.EndStruct();
  return e;
}

ChunkMeta ReadColumnMetaData(CompactReader& r) {
  ChunkMeta m;
  r.BeginStruct();
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (id == 1 && t == thrift::kI32) m.type = r.Int();
    else if (id == 4 && t == thrift::kI32) m.codec = r.Int();
    else if (id == 5 && t == thrift::kI64) m.num_values = r.Int();
    else if (id == 7 && t == thrift::kI64) m.total_compressed = r.Int();
    else if (id == 9 && t == thrift::kI64) m.data_page_offset = r.Int();
    else if (id == 11 && t == thrift::kI64) m.dictionary_page_offset = r.Int();
    else r.Skip(t);
  }
  r.EndStruct();
  return m;
}

RowGroupMeta ReadRowGroup(CompactReader& r) {
  RowGroupMeta g;
  r.BeginStruct();
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (id == 1 && t == thrift::kList) {
      thrift::Type element;
      const size_t n = r.ListHeader(&element);
      for (size_t i = 0; i < n && r.ok(); ++i) {
        if (element != thrift::kStruct) {
          r.Fail();
          break;
        }
        ChunkMeta chunk;
        bool has_meta = false;
        r.BeginStruct();
        int16_t f;
        thrift::Type ft;
        while (r.NextField(&f, &ft)) {
          if (f == 1 && ft == thrift::kBinary) {
            r.Binary();
            chunk.data_page_offset = -2;  // in another file: not supported
          } else if (f == 3 && ft == thrift::kStruct) {
            const int64_t elsewhere = chunk.data_page_offset;
            chunk = ReadColumnMetaData(r);
            if (elsewhere == -2) chunk.data_page_offset = -2;
            has_meta = true;
          } else {
            r.Skip(ft);
          }
        }
        r.EndStruct();
        if (!has_meta) chunk.data_page_offset = -1;
        g.chunks.push_back(chunk);
      }
    } else if (id == 3 && t == thrift::kI64) {
      g.num_rows = r.Int();
    } else {
      r.Skip(t);
    }
  }
  r.EndStruct();
  return g;
}

bool ReadFileMeta(std::string_view footer, FileMeta* meta) {
  CompactReader r(footer);
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (id == 2 && t == thrift::kList) {
      thrift::Type element;
      const size_t n = r.ListHeader(&element);
      if (element != thrift::kStruct && n > 0) return false;
      for (size_t i = 0; i < n && r.ok(); ++i) meta->schema.push_back(ReadSchemaElement(r));
    } else if (id == 3 && t == thrift::kI64) {
      meta->num_rows = r.Int();
    } else if (id == 4 && t == thrift::kList) {
      thrift::Type element;
      const size_t n = r.ListHeader(&element);
      if (element != thrift::kStruct && n > 0) return false;
      for (size_t i = 0; i < n && r.ok(); ++i) meta->row_groups.push_back(ReadRowGroup(r));
    } else {
      r.Skip(t);
    }
  }
  return r.ok();
}

struct PageMeta {
  int64_t type = -1;
  int64_t uncompressed = -1;
  int64_t compressed = -1;
  int64_t num_values = -1;
  int64_t encoding = -1;
  int64_t definition_encoding = kRle;
  int64_t num_nulls = 0;
  int64_t definition_bytes = 0, repetition_bytes = 0;  // v2
  bool v2_compressed = true;
};

bool ReadPageHeader(CompactReader& r, PageMeta* p) {
  int16_t id;
  thrift::Type t;
  while (r.NextField(&id, &t)) {
    if (id == 1 && t == thrift::kI32) p->type = r.Int();
    else if (id == 2 && t == thrift::kI32) p->uncompressed = r.Int();
    else if (id == 3 && t == thrift::kI32) p->compressed = r.Int();
    else if ((id == 5 || id == 7 || id == 8) && t == thrift::kStruct) {
      r.BeginStruct();
      int16_t f;
      thrift::Type ft;
      while (r.NextField(&f, &ft)) {
        if (ft == thrift::kTrue || ft == thrift::kFalse) {
          if (id == 8 && f == 7) p->v2_compressed = CompactReader::BoolOf(ft);
          continue;
        }
        if (ft != thrift::kI32) {
          r.Skip(ft);
          continue;
        }
        const int64_t v = r.Int();
        if (f == 1) p->num_values = v;
        if (id == 5 && f == 2) p->encoding = v;
        if (id == 5 && f == 3) p->definition_encoding = v;
        if (id == 7 && f == 2) p->encoding = v;
        if (id == 8 && f == 2) p->num_nulls = v;
        if (id == 8 && f == 4) p->encoding = v;
        if (id == 8 && f == 5) p->definition_bytes = v;
        if (id == 8 && f == 6) p->repetition_bytes = v;
      }
      r.EndStruct();
    } else {
      r.Skip(t);
    }
  }
  return r.ok() && p->compressed >= 0 && p->uncompressed >= 0;
}

// Reads the RLE / bit-packed hybrid (Encodings.md) of `count` values of
// `bit_width` bits from `in`; false when the bytes run out first.
bool ReadHybrid(std::string_view in, int bit_width, size_t count, std::vector<uint32_t>* out) {
  out->clear();
  out->reserve(std::min(count, in.size() * 8 + 8));
  size_t pos = 0;
  const size_t value_bytes = (static_cast<size_t>(bit_width) + 7) / 8;
  while (out->size() < count) {
    uint64_t header = 0;
    for (int shift = 0;; shift += 7) {
      if (pos >= in.size() || shift > 35) return false;
      const uint8_t b = static_cast<uint8_t>(in[pos++]);
      header |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) break;
    }
    if (header & 1) {  // bit-packed groups of 8 values
      const uint64_t groups = header >> 1;
      if (groups == 0) return false;
      const uint64_t bytes = groups * static_cast<uint64_t>(bit_width);
      if (bytes > in.size() - pos) return false;
      const uint64_t values = std::min<uint64_t>(groups * 8, count - out->size());
      for (uint64_t v = 0; v < values; ++v) {
        uint32_t value = 0;
        for (int b = 0; b < bit_width; ++b) {
          const uint64_t bit = v * bit_width + b;
          value |= static_cast<uint32_t>((static_cast<uint8_t>(in[pos + bit / 8]) >> (bit % 8)) & 1) << b;
        }
        out->push_back(value);
      }
      pos += bytes;
    } else {  // a run of one value
      const uint64_t run = header >> 1;
      if (run == 0 || value_bytes > in.size() - pos) return false;
      uint32_t value = 0;
      for (size_t b = 0; b < value_bytes; ++b) value |= static_cast<uint32_t>(static_cast<uint8_t>(in[pos + b])) << (8 * b);
      pos += value_bytes;
      if (bit_width < 32) value &= (1u << bit_width) - 1;  // a run's padding bits are not the value's
      out->insert(out->end(), std::min<uint64_t>(run, count - out->size()), value);
    }
  }
  return true;
}

bool ReadUleb(std::string_view in, size_t* pos, uint64_t* v) {
  *v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*pos >= in.size()) return false;
    const uint8_t b = static_cast<uint8_t>(in[(*pos)++]);
    *v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

// DELTA_BINARY_PACKED (Encodings.md): a header (block size, miniblocks per
// block, value count, first value), then blocks of a minimum delta, one bit
// width per miniblock and the bit-packed deltas. Reads `count` values from
// `in` at `*pos` into `out`; arithmetic wraps, as the spec says it may.
bool ReadDeltaBinaryPacked(std::string_view in, size_t* pos, size_t count, std::vector<int64_t>* out) {
  uint64_t block_size, miniblocks, total, first_zigzag;
  if (!ReadUleb(in, pos, &block_size) || !ReadUleb(in, pos, &miniblocks) || !ReadUleb(in, pos, &total) ||
      !ReadUleb(in, pos, &first_zigzag)) {
    return false;
  }
  if (block_size == 0 || block_size % 128 != 0 || block_size > (1u << 20) || miniblocks == 0 ||
      block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0 || total < count) {
    return false;
  }
  const uint64_t per_miniblock = block_size / miniblocks;
  out->clear();
  if (count == 0) return true;
  uint64_t value = (first_zigzag >> 1) ^ (~(first_zigzag & 1) + 1);
  out->push_back(static_cast<int64_t>(value));
  while (out->size() < count) {
    uint64_t min_zigzag;
    if (!ReadUleb(in, pos, &min_zigzag)) return false;
    const uint64_t min_delta = (min_zigzag >> 1) ^ (~(min_zigzag & 1) + 1);
    if (miniblocks > in.size() - *pos) return false;
    const size_t widths_at = *pos;
    *pos += static_cast<size_t>(miniblocks);
    for (uint64_t m = 0; m < miniblocks && out->size() < count; ++m) {
      const int width = static_cast<uint8_t>(in[widths_at + m]);
      if (width > 64) return false;
      const uint64_t bytes = per_miniblock * static_cast<uint64_t>(width) / 8;
      if (bytes > in.size() - *pos) return false;
      for (uint64_t v = 0; v < per_miniblock && out->size() < count; ++v) {
        uint64_t delta = 0;
        for (int b = 0; b < width; ++b) {
          const uint64_t bit = v * static_cast<uint64_t>(width) + static_cast<uint64_t>(b);
          delta |= static_cast<uint64_t>((static_cast<uint8_t>(in[*pos + bit / 8]) >> (bit % 8)) & 1) << b;
        }
        value += min_delta + delta;
        out->push_back(static_cast<int64_t>(value));
      }
      *pos += static_cast<size_t>(bytes);
    }
  }
  return true;
}

// Rewrites `count` values of the encodings below as PLAIN bytes, so one
// decoder turns every encoding into cells. "" or why not.
std::string ToPlain(int64_t encoding, int64_t type, std::string_view in, size_t count, std::string* plain) {
  plain->clear();
  const size_t width = type == 1 || type == 4 ? 4 : type == 2 || type == 5 ? 8 : 0;
  if (encoding == kByteStreamSplit) {  // byte k of value i at k * count + i
    if (width == 0) return "BYTE_STREAM_SPLIT on this type is not supported";
    if (in.size() / width < count) return "a page is shorter than its values";
    plain->resize(count * width);
    for (size_t i = 0; i < count; ++i) {
      for (size_t k = 0; k < width; ++k) (*plain)[i * width + k] = in[k * count + i];
    }
    return "";
  }
  size_t pos = 0;
  std::vector<int64_t> ints;
  if (encoding == kDeltaBinaryPacked) {
    if (type != 1 && type != 2) return "DELTA_BINARY_PACKED on this type is not valid";
    if (count > in.size() * 64 + 64 || !ReadDeltaBinaryPacked(in, &pos, count, &ints)) {
      return "a page's DELTA_BINARY_PACKED values are cut short";
    }
    plain->reserve(count * width);
    for (int64_t v : ints) plain->append(reinterpret_cast<const char*>(&v), width);  // little-endian targets
    return "";
  }
  if (encoding == kDeltaLengthByteArray) {  // the lengths, then the bytes
    if (type != 6) return "DELTA_LENGTH_BYTE_ARRAY on this type is not valid";
    if (count > in.size() * 64 + 64 || !ReadDeltaBinaryPacked(in, &pos, count, &ints)) {
      return "a page's DELTA_LENGTH_BYTE_ARRAY lengths are cut short";
    }
    for (int64_t len : ints) {
      if (len < 0 || static_cast<uint64_t>(len) > in.size() - pos) return "a page's byte arrays are cut short";
      const uint32_t len32 = static_cast<uint32_t>(len);
      plain->append(reinterpret_cast<const char*>(&len32), 4);
      plain->append(in.substr(pos, static_cast<size_t>(len)));
      pos += static_cast<size_t>(len);
    }
    return "";
  }
  return std::string("it uses the encoding ") + EncodingName(encoding) + ", which is not supported";
}

std::string ShortestDouble(double v) {
  if (std::isnan(v)) return "NaN";
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// "1970-01-01" style civil date of a day count (Howard Hinnant's algorithm).
std::string DateText(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

// "yyyy-MM-dd HH:mm:ss", Forecast's default TimestampFormat, so that a
// timestamp column reads like the same data in a CSV import.
std::string TimestampText(int64_t millis) {
  int64_t secs = millis / 1000;
  if (millis % 1000 < 0) --secs;
  int64_t days = secs / 86400, rest = secs % 86400;
  if (rest < 0) rest += 86400, --days;
  char buf[16];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return DateText(days) + buf;
}

// A leaf column being read: what its values mean and how to turn each into
// a cell.
struct Leaf {
  const SchemaElement* element;
  ValueKind kind;
  int64_t millis_per_unit_divisor = 1;  // timestamps: units per millisecond (1, 1000, 1000000)
  int type_length = 0;
};

// One decoded value of a page, appended to `column`.
class ValueSink {
 public:
  ValueSink(const Leaf& leaf, Column* column) : leaf_(leaf), column_(column) {}

  void Null() {
    column_->text.emplace_back();
    column_->null.push_back(true);
    if (HasMillis()) column_->millis.push_back(0);
  }
  void Text(std::string text) {
    column_->text.push_back(std::move(text));
    column_->null.push_back(false);
  }
  void Millis(int64_t millis, std::string text) {
    column_->millis.push_back(millis);
    Text(std::move(text));
  }
  bool HasMillis() const { return leaf_.kind == ValueKind::kTimestamp || leaf_.kind == ValueKind::kDate; }

 private:
  const Leaf& leaf_;
  Column* column_;
};

// Decodes the PLAIN values of `count` values of the leaf's physical type
// into strings (so dictionaries and data pages share one decoder); false
// when the bytes run out.
bool DecodePlain(const Leaf& leaf, std::string_view in, size_t count, std::vector<std::string>* text,
                 std::vector<int64_t>* millis) {
  const int64_t type = leaf.element->type;
  size_t pos = 0;
  auto fixed = [&](size_t width) -> const char* {
    if (width > in.size() - pos) return nullptr;
    const char* p = in.data() + pos;
    pos += width;
    return p;
  };
  for (size_t i = 0; i < count; ++i) {
    int64_t ms = 0;
    switch (type) {
      case kBoolean: {
        if (i / 8 >= in.size()) return false;
        text->push_back(((static_cast<uint8_t>(in[i / 8]) >> (i % 8)) & 1) ? "true" : "false");
        break;
      }
      case kInt32: {
        const char* p = fixed(4);
        if (!p) return false;
        int32_t v;
        std::memcpy(&v, p, 4);
        if (leaf.kind == ValueKind::kDate) {
          ms = static_cast<int64_t>(v) * 86'400'000;
          text->push_back(DateText(v));
        } else {
          text->push_back(std::to_string(v));
        }
        break;
      }
      case kInt64: {
        const char* p = fixed(8);
        if (!p) return false;
        int64_t v;
        std::memcpy(&v, p, 8);
        if (leaf.kind == ValueKind::kTimestamp) {
          ms = v / leaf.millis_per_unit_divisor;
          if (v % leaf.millis_per_unit_divisor < 0) --ms;
          text->push_back(TimestampText(ms));
        } else {
          text->push_back(std::to_string(v));
        }
        break;
      }
      case kInt96: {  // nanoseconds of the day, then the Julian day (Impala, old Spark)
        const char* p = fixed(12);
        if (!p) return false;
        int64_t nanos;
        int32_t julian;
        std::memcpy(&nanos, p, 8);
        std::memcpy(&julian, p + 8, 4);
        ms = (static_cast<int64_t>(julian) - 2440588) * 86'400'000 + nanos / 1'000'000;
        text->push_back(TimestampText(ms));
        break;
      }
      case kFloat: {
        const char* p = fixed(4);
        if (!p) return false;
        float v;
        std::memcpy(&v, p, 4);
        if (std::isnan(v)) {
          text->push_back("NaN");
        } else {
          char buf[32];
          text->emplace_back(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
        }
        break;
      }
      case kDouble: {
        const char* p = fixed(8);
        if (!p) return false;
        double v;
        std::memcpy(&v, p, 8);
        text->push_back(ShortestDouble(v));
        break;
      }
      case kByteArray: {
        const char* p = fixed(4);
        if (!p) return false;
        uint32_t len;
        std::memcpy(&len, p, 4);
        const char* bytes = fixed(len);
        if (!bytes) return false;
        text->emplace_back(bytes, len);
        break;
      }
      default:
        return false;
    }
    if (millis) millis->push_back(ms);
  }
  return true;
}

class ChunkReader {
 public:
  ChunkReader(std::string_view file, const Leaf& leaf, const ChunkMeta& chunk, size_t rows, Column* column)
      : file_(file), leaf_(leaf), chunk_(chunk), rows_(rows), column_(column) {}

  std::string Read() {
    if (chunk_.data_page_offset == -2) return "its data is in another file";
    if (chunk_.codec != kUncompressed && chunk_.codec != kSnappy) {
      return std::string("it is compressed with ") + CodecName(chunk_.codec) + ", which is not supported";
    }
    int64_t start = chunk_.data_page_offset;
    if (chunk_.dictionary_page_offset > 0 && chunk_.dictionary_page_offset < start) start = chunk_.dictionary_page_offset;
    if (start < 4 || static_cast<uint64_t>(start) >= file_.size()) return "its pages are outside the file";
    size_t pos = static_cast<size_t>(start);
    const size_t end = file_.size();
    size_t read = 0;
    while (read < rows_) {
      if (pos >= end) return "it ends before its last value";
      CompactReader r(file_.substr(pos, end - pos));
      PageMeta page;
      if (!ReadPageHeader(r, &page)) return "a page header is not valid";
      pos += r.position();
      if (static_cast<uint64_t>(page.compressed) > end - pos) return "a page runs past the end of the file";
      if (static_cast<uint64_t>(page.uncompressed) > kMaxPageBytes) return "a page is larger than 256 MiB";
      std::string_view body = file_.substr(pos, static_cast<size_t>(page.compressed));
      pos += static_cast<size_t>(page.compressed);
      std::string failure;
      if (page.type == kDictionaryPage) {
        failure = Dictionary(page, body);
      } else if (page.type == kDataPage || page.type == kDataPageV2) {
        failure = Data(page, body, rows_ - read);
        read += static_cast<size_t>(page.num_values);
      } else if (page.type != kIndexPage) {
        failure = "a page has the unknown type " + std::to_string(page.type);
      }
      if (!failure.empty()) return failure;
    }
    return "";
  }

 private:
  bool Uncompress(std::string_view in, size_t size, std::string* storage, std::string_view* out) {
    if (chunk_.codec == kUncompressed) {
      *out = in;
      return true;
    }
    if (!SnappyUncompress(in, size, storage)) return false;
    *out = *storage;
    return true;
  }

  std::string Dictionary(const PageMeta& page, std::string_view body) {
    if (page.encoding != kPlain && page.encoding != kPlainDictionary) {
      return std::string("its dictionary uses the encoding ") + EncodingName(page.encoding) + ", which is not supported";
    }
    std::string storage;
    std::string_view bytes;
    if (!Uncompress(body, static_cast<size_t>(page.uncompressed), &storage, &bytes)) return "a page is not valid Snappy";
    if (page.num_values < 0 || static_cast<uint64_t>(page.num_values) > bytes.size() * 8 + 8) {
      return "its dictionary page has more values than bytes";
    }
    dictionary_.clear();
    dictionary_millis_.clear();
    if (!DecodePlain(leaf_, bytes, static_cast<size_t>(page.num_values), &dictionary_,
                     Sink().HasMillis() ? &dictionary_millis_ : nullptr)) {
      return "its dictionary page is shorter than its values";
    }
    has_dictionary_ = true;
    return "";
  }

  ValueSink Sink() { return ValueSink(leaf_, column_); }

  std::string Data(const PageMeta& page, std::string_view body, size_t rows_left) {
    if (page.num_values < 0 || static_cast<uint64_t>(page.num_values) > rows_left) {
      return "a page holds more values than its row group has rows";
    }
    const size_t count = static_cast<size_t>(page.num_values);
    const bool optional = leaf_.element->repetition == 1;
    std::string storage;
    std::string_view levels, values;
    if (page.type == kDataPageV2) {
      if (page.definition_bytes < 0 || page.repetition_bytes != 0 ||
          static_cast<uint64_t>(page.definition_bytes) > body.size()) {
        return "a v2 page's level lengths are not valid";
      }
      levels = body.substr(0, static_cast<size_t>(page.definition_bytes));
      std::string_view rest = body.substr(static_cast<size_t>(page.definition_bytes));
      if (!page.v2_compressed) {
        values = rest;
      } else {
        const int64_t size = page.uncompressed - page.definition_bytes;
        if (size < 0 || !Uncompress(rest, static_cast<size_t>(size), &storage, &values)) return "a page is not valid Snappy";
      }
    } else {
      std::string_view bytes;
      if (!Uncompress(body, static_cast<size_t>(page.uncompressed), &storage, &bytes)) return "a page is not valid Snappy";
      if (optional) {
        if (page.definition_encoding != kRle) {
          return std::string("its definition levels use the encoding ") + EncodingName(page.definition_encoding) +
                 ", which is not supported";
        }
        if (bytes.size() < 4) return "a page's definition levels are cut short";
        uint32_t length;
        std::memcpy(&length, bytes.data(), 4);
        if (length > bytes.size() - 4) return "a page's definition levels are cut short";
        levels = bytes.substr(4, length);
        values = bytes.substr(4 + length);
      } else {
        values = bytes;
      }
    }
    std::vector<uint32_t> defined;
    size_t present = count;
    if (optional) {
      if (!ReadHybrid(levels, 1, count, &defined)) return "a page's definition levels are cut short";
      present = 0;
      for (uint32_t d : defined) present += d == 1;
    }
    std::vector<std::string> text;
    std::vector<int64_t> millis;
    const bool has_millis = Sink().HasMillis();
    if (page.encoding == kPlain) {
      if (!DecodePlain(leaf_, values, present, &text, has_millis ? &millis : nullptr)) {
        return "a page is shorter than its values";
      }
    } else if (page.encoding == kPlainDictionary || page.encoding == kRleDictionary) {
      if (!has_dictionary_) return "a page refers to a dictionary it does not have";
      if (values.empty()) {
        if (present > 0) return "a page's dictionary indices are missing";
      } else {
        const int width = static_cast<uint8_t>(values[0]);
        if (width > 32) return "a page's dictionary indices are not valid";
        std::vector<uint32_t> indices;
        if (!ReadHybrid(values.substr(1), width, present, &indices)) return "a page's dictionary indices are cut short";
        text.reserve(present);
        for (uint32_t i : indices) {
          if (i >= dictionary_.size() || (has_millis && i >= dictionary_millis_.size())) {
            return "a page refers to a value its dictionary does not have";
          }
          text.push_back(dictionary_[i]);
          if (has_millis) millis.push_back(dictionary_millis_[i]);
        }
      }
    } else {
      std::string plain;
      if (std::string why = ToPlain(page.encoding, leaf_.element->type, values, present, &plain); !why.empty()) {
        return why;
      }
      if (!DecodePlain(leaf_, plain, present, &text, has_millis ? &millis : nullptr)) {
        return "a page is shorter than its values";
      }
    }
    // Every decoder above yields `present` values; a page whose levels and
    // values disagree is refused rather than read past.
    if (text.size() != present || (has_millis && millis.size() != present)) {
      return "a page's values do not match its definition levels";
    }
    ValueSink sink = Sink();
    size_t next = 0;
    for (size_t i = 0; i < count; ++i) {
      if (optional && defined[i] != 1) {
        sink.Null();
      } else if (has_millis) {
        sink.Millis(millis[next], std::move(text[next]));
        ++next;
      } else {
        sink.Text(std::move(text[next++]));
      }
    }
    return "";
  }

  std::string_view file_;
  const Leaf& leaf_;
  const ChunkMeta& chunk_;
  size_t rows_;
  Column* column_;
  std::vector<std::string> dictionary_;
  std::vector<int64_t> dictionary_millis_;
  bool has_dictionary_ = false;
};

std::optional<Leaf> LeafOf(const SchemaElement& e, std::string* why) {
  Leaf leaf{&e, ValueKind::kString};
  if (e.converted == 5 || e.logical == 5) {
    *why = "it is a DECIMAL, which is not supported";
    return std::nullopt;
  }
  switch (e.type) {
    case kBoolean: leaf.kind = ValueKind::kBoolean; break;
    case kInt32:
      leaf.kind = (e.converted == 6 || e.logical == 6) ? ValueKind::kDate : ValueKind::kInteger;
      break;
    case kInt64:
      if (e.converted == 9 || (e.logical == 8 && e.time_unit == 1)) {
        leaf.kind = ValueKind::kTimestamp;
      } else if (e.converted == 10 || (e.logical == 8 && e.time_unit == 2)) {
        leaf.kind = ValueKind::kTimestamp;
        leaf.millis_per_unit_divisor = 1000;
      } else if (e.logical == 8 && e.time_unit == 3) {
        leaf.kind = ValueKind::kTimestamp;
        leaf.millis_per_unit_divisor = 1'000'000;
      } else {
        leaf.kind = ValueKind::kInteger;
      }
      break;
    case kInt96: leaf.kind = ValueKind::kTimestamp; break;
    case kFloat:
    case kDouble: leaf.kind = ValueKind::kDouble; break;
    case kByteArray: leaf.kind = ValueKind::kString; break;
    default:
      *why = e.type == kFixedLenByteArray ? "it is a FIXED_LEN_BYTE_ARRAY, which is not supported"
                                          : "its physical type is not valid";
      return std::nullopt;
  }
  return leaf;
}

}  // namespace

bool LooksLikeParquet(std::string_view file) {
  return file.size() >= 12 && file.substr(0, 4) == "PAR1" && file.substr(file.size() - 4) == "PAR1";
}

std::string Read(std::string_view file, Table* table, size_t max_rows) {
  *table = Table{};
  if (!LooksLikeParquet(file)) return "it is not a Parquet file (no PAR1 magic at both ends)";
  uint32_t footer_length;
  std::memcpy(&footer_length, file.data() + file.size() - 8, 4);
  if (footer_length > file.size() - 12) return "its footer length is not valid";
  FileMeta meta;
  if (!ReadFileMeta(file.substr(file.size() - 8 - footer_length, footer_length), &meta)) {
    return "its footer is not valid";
  }
  if (meta.schema.empty() || meta.schema[0].num_children < 0 ||
      static_cast<size_t>(meta.schema[0].num_children) != meta.schema.size() - 1) {
    return "it has nested columns, which are not supported";
  }
  if (meta.num_rows < 0 || static_cast<uint64_t>(meta.num_rows) > max_rows) {
    return "it has more than " + std::to_string(max_rows) + " rows";
  }
  std::vector<Leaf> leaves;
  for (size_t i = 1; i < meta.schema.size(); ++i) {
    const SchemaElement& e = meta.schema[i];
    if (e.num_children > 0) return "it has nested columns, which are not supported";
    if (e.repetition != 0 && e.repetition != 1) return "the column " + e.name + " is repeated, which is not supported";
    std::string why;
    auto leaf = LeafOf(e, &why);
    if (!leaf) return "the column " + e.name + ": " + why;
    leaves.push_back(*leaf);
    Column column;
    column.name = e.name;
    column.kind = leaf->kind;
    table->columns.push_back(std::move(column));
  }
  size_t rows = 0;
  for (const RowGroupMeta& group : meta.row_groups) {
    if (group.num_rows < 0 || static_cast<uint64_t>(group.num_rows) > max_rows - rows) {
      return "it has more than " + std::to_string(max_rows) + " rows";
    }
    if (group.chunks.size() != leaves.size()) return "a row group does not have one chunk per column";
    for (size_t c = 0; c < leaves.size(); ++c) {
      if (group.chunks[c].type != leaves[c].element->type) return "the column " + leaves[c].element->name + ": its chunk's type differs from the schema";
      ChunkReader reader(file, leaves[c], group.chunks[c], static_cast<size_t>(group.num_rows), &table->columns[c]);
      const std::string failure = reader.Read();
      if (!failure.empty()) return "the column " + leaves[c].element->name + ": " + failure;
      if (table->columns[c].text.size() != rows + static_cast<size_t>(group.num_rows)) {
        return "the column " + leaves[c].element->name + " does not have a value for each row";
      }
    }
    rows += static_cast<size_t>(group.num_rows);
  }
  table->rows = rows;
  return "";
}

}  // namespace fakeaws::base::parquet
