#include "forecast/import_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

#include "base/java_text.h"
#include "base/parquet.h"
#include "forecast/errors.h"
#include "forecast/series.h"

namespace fakeaws::forecast {
namespace {

bool IsNumeric(const std::string& type) { return type == "integer" || type == "float"; }

// A float field as Forecast reads it: a decimal number, or NaN.
std::optional<double> ParseFloat(std::string_view s, bool* nan) {
  *nan = false;
  if (s == "NaN" || s == "nan" || s == "NAN") {
    *nan = true;
    return std::nan("");
  }
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<int64_t> ParseInteger(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<TimestampPattern> TimestampPattern::Compile(std::string_view format) {
  TimestampPattern p;
  std::string seen;
  for (size_t i = 0; i < format.size();) {
    const char c = format[i];
    if (c == '\'') {
      const size_t close = format.find('\'', i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      Piece literal;
      literal.literal = close == i + 1 ? "'" : std::string(format.substr(i + 1, close - i - 1));
      p.pieces_.push_back(literal);
      i = close + 1;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      size_t run = 1;
      while (i + run < format.size() && format[i + run] == c) ++run;
      const bool known = (c == 'y' && run == 4) || ((c == 'M' || c == 'd' || c == 'H' || c == 'm' || c == 's') && run == 2);
      if (!known || seen.find(c) != std::string::npos) return std::nullopt;
      seen += c;
      p.pieces_.push_back({c, run, ""});
      if (c == 'H') p.has_time_ = true;
      i += run;
      continue;
    }
    Piece literal;
    literal.literal = std::string(1, c);
    p.pieces_.push_back(literal);
    ++i;
  }
  // A date needs its year, month and day; minutes need hours.
  for (char needed : {'y', 'M', 'd'}) {
    if (seen.find(needed) == std::string::npos) return std::nullopt;
  }
  if ((seen.find('m') != std::string::npos || seen.find('s') != std::string::npos) && !p.has_time_) return std::nullopt;
  return p;
}

std::optional<Timestamp> TimestampPattern::Parse(std::string_view text) const {
  int64_t y = 0;
  int mo = 0, d = 0, h = 0, mi = 0, s = 0;
  size_t at = 0;
  for (const Piece& piece : pieces_) {
    if (piece.field == 0) {
      if (text.substr(at, piece.literal.size()) != piece.literal) return std::nullopt;
      at += piece.literal.size();
      continue;
    }
    if (at + piece.width > text.size()) return std::nullopt;
    int v = 0;
    for (size_t k = 0; k < piece.width; ++k) {
      const char c = text[at + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    at += piece.width;
    switch (piece.field) {
      case 'y': y = v; break;
      case 'M': mo = v; break;
      case 'd': d = v; break;
      case 'H': h = v; break;
      case 'm': mi = v; break;
      case 's': s = v; break;
    }
  }
  if (at != text.size()) return std::nullopt;
  return CivilTime(y, mo, d, h, mi, s);
}

bool SplitCsvRecord(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  if (quoted) return false;
  fields->push_back(std::move(field));
  return true;
}

namespace {

// Checks one row's fields against the schema and adds it to `data`; "" or
// the CREATE_FAILED message. `typed_timestamp` is the row's timestamp when
// the file typed it (a Parquet timestamp column), so no pattern applies.
std::string AddRow(std::vector<std::string>& fields, const std::string& object, int64_t row,
                   const std::vector<SchemaAttribute>& schema, const TimestampPattern& timestamps,
                   std::optional<Timestamp> typed_timestamp, ImportedData* data) {
  for (size_t c = 0; c < schema.size(); ++c) {
    const std::string& v = fields[c];
    if (v.empty()) continue;
    const std::string& type = schema[c].type;
    if (typed_timestamp && static_cast<int>(c) == data->timestamp_column) continue;
    bool nan = false;
    const bool ok = type == "integer"     ? ParseInteger(v).has_value()
                    : type == "float"     ? ParseFloat(v, &nan).has_value()
                    : type == "timestamp" ? timestamps.Parse(v).has_value()
                                          : true;
    if (!ok) {
      return type == "timestamp" ? ImportBadTimestampMessage(object, row, v)
                                 : ImportBadValueMessage(object, row, schema[c].name, type, v);
    }
  }
  if (data->timestamp_column >= 0) {
    const std::string& ts = fields[data->timestamp_column];
    if (ts.empty()) return ImportBadTimestampMessage(object, row, ts);
    data->timestamps.push_back(typed_timestamp ? *typed_timestamp : *timestamps.Parse(ts));
  }
  data->rows.push_back(std::move(fields));
  return "";
}

// The rows of one CSV object.
std::string ReadCsvObject(const ImportObject& object, const std::vector<SchemaAttribute>& schema,
                          const TimestampPattern& timestamps, ImportedData* data) {
  std::vector<std::string> fields;
  // Records end at line breaks outside quotes.
  size_t start = 0;
  int64_t row = 0;
  while (start < object.body.size()) {
    size_t end = start;
    bool quoted = false;
    while (end < object.body.size() && (quoted || (object.body[end] != '\n'))) {
      if (object.body[end] == '"') quoted = !quoted;
      ++end;
    }
    std::string_view line(object.body.data() + start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++row;
    if (line.empty()) continue;
    // The row before moved its fields out: one allocation of the right size,
    // not a vector grown field by field.
    fields.reserve(schema.size());
    if (!SplitCsvRecord(line, &fields)) return ImportMalformedRowMessage(object.name, row);
    if (fields.size() != schema.size()) return ImportColumnCountMessage(object.name, row, fields.size(), schema.size());
    std::string failure = AddRow(fields, object.name, row, schema, timestamps, std::nullopt, data);
    if (!failure.empty()) return failure;
  }
  return "";
}

// A Parquet column by name, case-insensitively (see ReadParquetObject).
const base::parquet::Column* FindParquetColumn(const base::parquet::Table& table, const std::string& name) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const base::parquet::Column* found = nullptr;
  for (const auto& column : table.columns) {
    if (lower(column.name) == lower(name)) found = &column;
  }
  return found;
}

// The rows of one Parquet object. Its columns are matched to the schema's
// attributes by name, case-insensitively, whatever their order; columns the
// schema lacks are ignored (INFERRED: a Parquet file names its columns, so
// the CSV rule "columns in schema order" has nothing to hold on to; AWS
// documents no rule). Numbers and timestamps are typed in the file and are
// checked against the attribute's type as CSV text would be.
std::string ReadParquetObject(const ImportObject& object, const std::vector<SchemaAttribute>& schema,
                              const TimestampPattern& timestamps, ImportedData* data) {
  base::parquet::Table table;
  if (std::string why = base::parquet::Read(object.body, &table); !why.empty()) {
    return ImportParquetUnreadableMessage(object.name, why);
  }
  std::vector<const base::parquet::Column*> columns;
  for (const auto& attribute : schema) {
    const base::parquet::Column* found = FindParquetColumn(table, attribute.name);
    if (found == nullptr) return ImportParquetMissingColumnMessage(object.name, attribute.name);
    columns.push_back(found);
  }
  for (size_t r = 0; r < table.rows; ++r) {
    std::vector<std::string> fields(schema.size());
    std::optional<Timestamp> typed;
    for (size_t c = 0; c < schema.size(); ++c) {
      const base::parquet::Column& column = *columns[c];
      fields[c] = column.text[r];
      if (static_cast<int>(c) == data->timestamp_column && !column.null[r] &&
          (column.kind == base::parquet::ValueKind::kTimestamp || column.kind == base::parquet::ValueKind::kDate)) {
        typed = Timestamp(std::chrono::milliseconds(column.millis[r]));
      }
    }
    // Rows are numbered from 1, as in a CSV object.
    std::string failure = AddRow(fields, object.name, static_cast<int64_t>(r + 1), schema, timestamps, typed, data);
    if (!failure.empty()) return failure;
  }
  return "";
}

}  // namespace

ImportResult ReadImport(const std::vector<ImportObject>& objects, const std::vector<SchemaAttribute>& schema,
                        const TimestampPattern& timestamps, ImportFormat format) {
  ImportResult result;
  auto data = std::make_shared<ImportedData>();
  data->schema = schema;
  for (size_t i = 0; i < schema.size(); ++i) {
    if (schema[i].type == "timestamp" && data->timestamp_column < 0) data->timestamp_column = static_cast<int>(i);
  }
  for (const ImportObject& object : objects) {
    result.bytes += object.body.size();
    result.failure = format == ImportFormat::kParquet ? ReadParquetObject(object, schema, timestamps, data.get())
                                                      : ReadCsvObject(object, schema, timestamps, data.get());
    if (!result.failure.empty()) return result;
  }
  if (data->rows.empty()) {
    result.failure = ImportEmptyMessage(objects.empty() ? "" : objects.front().name);
    return result;
  }
  result.statistics = ComputeStatistics(*data);
  result.data = std::move(data);
  return result;
}

std::string ReadSeriesKeys(const std::vector<ImportObject>& objects, const std::vector<SchemaAttribute>& schema,
                           const std::string& id_field, const std::vector<std::string>& dimensions,
                           ImportFormat format, std::set<std::pair<std::string, std::vector<std::string>>>* out) {
  std::vector<std::string> names{id_field};
  names.insert(names.end(), dimensions.begin(), dimensions.end());
  std::vector<size_t> columns;
  for (const std::string& name : names) {
    auto it = std::find_if(schema.begin(), schema.end(), [&](const SchemaAttribute& a) { return a.name == name; });
    if (it == schema.end()) return "The schema of the time series file has no attribute " + name + ".";
    columns.push_back(static_cast<size_t>(it - schema.begin()));
  }
  std::vector<std::string> fields;
  for (const auto& object : objects) {
    if (format == ImportFormat::kParquet) {
      base::parquet::Table table;
      if (std::string why = base::parquet::Read(object.body, &table); !why.empty()) {
        return ImportParquetUnreadableMessage(object.name, why);
      }
      std::vector<const base::parquet::Column*> found;
      for (const std::string& name : names) {
        found.push_back(FindParquetColumn(table, name));
        if (found.back() == nullptr) return ImportParquetMissingColumnMessage(object.name, name);
      }
      for (size_t r = 0; r < table.rows; ++r) {
        std::pair<std::string, std::vector<std::string>> key{found[0]->text[r], {}};
        for (size_t c = 1; c < found.size(); ++c) key.second.push_back(found[c]->text[r]);
        out->insert(std::move(key));
      }
      continue;
    }
    int64_t row = 0;
    for (size_t start = 0; start < object.body.size();) {
      size_t end = object.body.find('\n', start);
      if (end == std::string::npos) end = object.body.size();
      std::string_view line(object.body.data() + start, end - start);
      start = end + 1;
      ++row;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if (!SplitCsvRecord(line, &fields)) return ImportMalformedRowMessage(object.name, row);
      if (fields.size() != schema.size()) return ImportColumnCountMessage(object.name, row, fields.size(), schema.size());
      std::pair<std::string, std::vector<std::string>> key{fields[columns[0]], {}};
      for (size_t c = 1; c < columns.size(); ++c) key.second.push_back(fields[columns[c]]);
      out->insert(std::move(key));
    }
  }
  return "";
}

std::shared_ptr<const ImportedData> MergeIncremental(const ImportedData& base, const ImportedData& added) {
  auto merged = std::make_shared<ImportedData>(base);
  auto key_of = [&](const std::vector<std::string>& row) {
    std::string key;
    for (size_t c = 0; c < base.schema.size(); ++c) {
      if (IsNumeric(base.schema[c].type)) continue;
      key += row[c];
      key += '\x1f';
    }
    return key;
  };
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < merged->rows.size(); ++i) index[key_of(merged->rows[i])] = i;
  for (size_t i = 0; i < added.rows.size(); ++i) {
    auto [it, inserted] = index.try_emplace(key_of(added.rows[i]), merged->rows.size());
    if (inserted) {
      merged->rows.push_back(added.rows[i]);
      if (added.timestamp_column >= 0) merged->timestamps.push_back(added.timestamps[i]);
    } else {
      merged->rows[it->second] = added.rows[i];
    }
  }
  return merged;
}

std::vector<FieldStatistics> ComputeStatistics(const ImportedData& data) {
  std::vector<FieldStatistics> out;
  for (size_t c = 0; c < data.schema.size(); ++c) {
    const SchemaAttribute& attribute = data.schema[c];
    FieldStatistics s;
    s.attribute = attribute.name;
    std::unordered_set<std::string> distinct;
    const bool numeric = IsNumeric(attribute.type);
    double sum = 0, lo = 0, hi = 0;
    int64_t numbers = 0;
    std::vector<double> values;
    if (numeric) s.count_nan = 0;
    for (size_t r = 0; r < data.rows.size(); ++r) {
      const std::string& v = data.rows[r][c];
      if (v.empty()) {
        ++s.count_null;
        continue;
      }
      ++s.count;
      distinct.insert(v);
      if (!numeric) continue;
      bool nan = false;
      const double d = attribute.type == "integer" ? static_cast<double>(*ParseInteger(v)) : *ParseFloat(v, &nan);
      if (nan) {
        ++*s.count_nan;
        continue;
      }
      lo = numbers == 0 ? d : std::min(lo, d);
      hi = numbers == 0 ? d : std::max(hi, d);
      sum += d;
      values.push_back(d);
      ++numbers;
    }
    s.count_distinct = static_cast<int64_t>(distinct.size());
    if (numeric && numbers > 0) {
      s.min = base::FormatJavaDouble(lo);
      s.max = base::FormatJavaDouble(hi);
      s.avg = sum / static_cast<double>(numbers);
      // Spark's stddev is the sample standard deviation; one value has none.
      if (numbers > 1) {
        double squares = 0;
        for (double d : values) squares += (d - *s.avg) * (d - *s.avg);
        s.stddev = std::sqrt(squares / static_cast<double>(numbers - 1));
      }
    }
    if (attribute.type == "timestamp" && static_cast<int>(c) == data.timestamp_column && !data.timestamps.empty()) {
      auto [min_it, max_it] = std::minmax_element(data.timestamps.begin(), data.timestamps.end());
      s.min = FormatForecastDate(*min_it);
      s.max = FormatForecastDate(*max_it);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace fakeaws::forecast
