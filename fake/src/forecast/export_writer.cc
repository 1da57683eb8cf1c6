#include "forecast/export_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <map>
#include <optional>

#include "base/java_text.h"
#include "forecast/series.h"

namespace fakeaws::forecast {
namespace {

// Fields holding a comma, quote or line break are quoted, quotes doubled
// (RFC 4180; AWS's exact escaping is not captured: wire-format.md Open question 3).
void AppendField(std::string* out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Grows a part by a quarter at a time: the export's peak memory stays close
// to the bytes it writes (a target of the export benchmark).
void Reserve(std::string* out, size_t more) {
  if (out->size() + more > out->capacity()) out->reserve((out->size() + more) * 5 / 4);
}

void AppendDouble(std::string* out, double v) {
  // Java's Double.toString, as Spark writes doubles; the plain range covers
  // every generated value, so the fast path avoids a temporary string.
  if (std::fabs(v) >= 1e-3 && std::fabs(v) < 1e7) {
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string_view s(buf, res.ptr - buf);
    out->append(s);
    if (s.find('.') == std::string_view::npos) out->append(".0");
    return;
  }
  base::AppendJavaDouble(out, v);
}

// One contiguous block of rows: a series' generated horizon, or the given
// rows of one series sorted by date.
struct SeriesBlock {
  const SeriesId* series = nullptr;             // generated
  std::vector<const ForecastData::Row*> rows;  // explicit
  size_t RowCount(int horizon) const { return series ? static_cast<size_t>(horizon) : rows.size(); }
};

}  // namespace

Outcome<Done> PutExportFile(s3::Store& store, const std::string& bucket, const std::string& key, std::string body,
                            Timestamp at) {
  s3::NewObject object;
  object.body = s3::Body(body);
  object.attributes.content_type = "application/octet-stream";
  auto put = store.PutObject(bucket, key, std::move(object), at);
  if (!put.ok()) return put.error();
  return Done{};
}

std::string CsvField(std::string_view field) {
  std::string out;
  AppendField(&out, field);
  return out;
}

S3Location ParseS3Path(const std::string& path) {
  std::string rest = path.substr(std::min<size_t>(path.size(), 5));  // after "s3://"
  const size_t slash = rest.find('/');
  S3Location loc;
  loc.bucket = rest.substr(0, slash);
  if (slash != std::string::npos) {
    loc.prefix = rest.substr(slash + 1);
    while (!loc.prefix.empty() && loc.prefix.back() == '/') loc.prefix.pop_back();
    if (!loc.prefix.empty()) loc.prefix += '/';
  }
  return loc;
}

ExportFormat ExportFormatOf(std::string_view format) {
  return format == "PARQUET" ? ExportFormat::kParquet : ExportFormat::kCsv;
}

std::string ExportFileStem(const std::string& job_name, Timestamp export_time) {
  const std::time_t secs = static_cast<std::time_t>(export_time.time_since_epoch().count() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[32];
  std::strftime(ts, sizeof ts, "%Y-%m-%dT%H-%M-%SZ", &tm);
  return job_name + "_" + ts + "_part";
}

std::string ExportPartName(const std::string& stem, int part, ExportFormat format) {
  return stem + std::to_string(part) + (format == ExportFormat::kParquet ? ".parquet" : ".csv");
}

std::string ExportFileName(const std::string& job_name, Timestamp export_time, int part, ExportFormat format) {
  return ExportPartName(ExportFileStem(job_name, export_time), part, format);
}

ExportTable::ExportTable(ExportFormat format, std::vector<Column> columns)
    : format_(format), columns_(std::move(columns)) {
  Finish();
}

void ExportTable::Separate() {
  if (column_ > 0) csv_ += ',';
}

void ExportTable::EndCell() {
  if (++column_ < columns_.size()) return;
  column_ = 0;
  ++rows_;
  if (format_ == ExportFormat::kCsv) csv_ += '\n';
}

void ExportTable::String(std::string_view value) {
  if (parquet_) {
    parquet_->AppendString(column_, value);
  } else {
    Separate();
    AppendField(&csv_, value);
  }
  EndCell();
}

void ExportTable::Date(Timestamp value) {
  if (parquet_) {
    parquet_->AppendTimestampMillis(column_, value.time_since_epoch().count());
  } else {
    Separate();
    csv_ += FormatForecastDate(value);
  }
  EndCell();
}

void ExportTable::Number(std::optional<double> value) {
  if (parquet_) {
    if (value) {
      parquet_->AppendDouble(column_, *value);
    } else {
      parquet_->AppendNull(column_);
    }
  } else {
    Separate();
    if (value) AppendDouble(&csv_, *value);
  }
  EndCell();
}

std::string ExportTable::Finish() {
  std::string out;
  if (format_ == ExportFormat::kParquet) {
    if (parquet_) out = parquet_->Finish();
    parquet_.emplace(columns_);
  } else {
    out.swap(csv_);
    // The header row: every part has it, even one without rows (wire-format.md §3.2).
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) csv_ += ',';
      AppendField(&csv_, columns_[i].name);
    }
    csv_ += '\n';
  }
  column_ = 0;
  rows_ = 0;
  return out;
}


namespace {

// Which blocks go in which part: [first, last) per part.
//
// AWS wrote 4 parts for 3 items, one holding only the header, and 4 parts
// for a tiny 10-day forecast (wire-format.md §3.1-3.2, REAL): the part count
// is fixed (ExportLayout::parts, 4), not min(parts, items). Where the
// evidence stops, INFERRED: items fill the parts in order (one each while
// there are fewer items than parts), the header-only parts come last, and a
// part also closes once it holds ExportLayout::max_rows_per_part rows.
std::vector<std::pair<size_t, size_t>> PlanParts(const std::vector<SeriesBlock>& blocks, int horizon,
                                                 const ExportLayout& layout) {
  const size_t parts = static_cast<size_t>(std::max(1, layout.parts));
  std::vector<std::pair<size_t, size_t>> plan;
  size_t rows = 0, target = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const size_t wanted = blocks.size() >= parts ? b * parts / blocks.size() : b;
    if (plan.empty() || wanted != target || (rows > 0 && rows >= layout.max_rows_per_part)) {
      plan.emplace_back(b, b);
      rows = 0;
      target = wanted;
    }
    plan.back().second = b + 1;
    rows += blocks[b].RowCount(horizon);
  }
  while (plan.size() < parts) plan.emplace_back(blocks.size(), blocks.size());
  return plan;
}

std::vector<SeriesBlock> BlocksOf(const ForecastData& forecast) {
  std::vector<SeriesBlock> blocks;
  if (forecast.rows.empty()) {
    for (const auto& s : forecast.series) blocks.push_back({&s, {}});
    return blocks;
  }
  std::map<std::pair<std::string, std::vector<std::string>>, size_t> index;
  for (const auto& row : forecast.rows) {
    auto [it, inserted] = index.try_emplace({row.item_id, row.dimension_values}, blocks.size());
    if (inserted) blocks.push_back({});
    blocks[it->second].rows.push_back(&row);
  }
  for (auto& b : blocks) {
    std::stable_sort(b.rows.begin(), b.rows.end(),
                     [](const ForecastData::Row* a, const ForecastData::Row* c) { return a->date < c->date; });
  }
  return blocks;
}

std::vector<ExportTable::Column> ColumnsOf(const ForecastData& forecast, const std::string& id_column) {
  std::vector<ExportTable::Column> columns{{id_column, ExportTable::Type::kString},
                                           {"date", ExportTable::Type::kTimestampMillis}};
  for (const auto& d : forecast.dimensions) columns.push_back({d, ExportTable::Type::kString});
  for (const auto& t : forecast.forecast_types) columns.push_back({ForecastTypeColumn(t), ExportTable::Type::kDouble});
  return columns;
}

}  // namespace

Outcome<std::vector<std::string>> ExportWriter::Write(const ForecastData& forecast, const std::string& id_column,
                                                      const std::string& job_name,
                                                      const S3Location& destination,
                                                      Timestamp export_time, Timestamp written_at) {
  if (!store_.BucketExists(destination.bucket)) {
    return store_.ListKeys(destination.bucket, "").error();
  }
  if (format_ == ExportFormat::kParquet) {
    return WriteParquet(forecast, id_column, job_name, destination, export_time, written_at);
  }
  // Every part shares the stem: the timestamp is formatted once.
  const std::string stem = ExportFileStem(job_name, export_time);

  std::string header;
  for (const auto& c : ColumnsOf(forecast, id_column)) {
    if (!header.empty()) header += ',';
    AppendField(&header, c.name);
  }
  header += '\n';
  std::vector<std::optional<double>> quantiles;
  for (const auto& t : forecast.forecast_types) quantiles.push_back(QuantileOf(t));

  const std::vector<SeriesBlock> blocks = BlocksOf(forecast);
  // Dates of a generated horizon are shared by every series: format once.
  std::vector<std::string> dates;
  if (forecast.rows.empty()) {
    for (int k = 0; k < forecast.horizon; ++k) {
      dates.push_back(FormatForecastDate(StepDate(forecast.start_date, forecast.frequency, k)));
    }
  }

  const GeneratedValues generated(seed_);
  // Each part goes into the store as soon as it is closed, so the export's
  // peak memory is what it wrote plus one part (a target of the export
  // benchmark), not every part twice.
  std::vector<std::string> written;
  for (const auto& [first, last] : PlanParts(blocks, forecast.horizon, layout_)) {
    std::string current = header;
    for (size_t b = first; b < last; ++b) {
      const SeriesBlock& block = blocks[b];
      if (block.series) {
        const uint64_t hash = GeneratedValues::SeriesHash(*block.series);
        std::string prefix;
        AppendField(&prefix, block.series->item_id);
        prefix += ',';
        for (int k = 0; k < forecast.horizon; ++k) {
          Reserve(&current, prefix.size() + dates[k].size() + 24 * (quantiles.size() + 2));
          current += prefix;
          current += dates[k];
          for (const auto& d : block.series->dimension_values) AppendField(&(current += ','), d);
          for (const auto& q : quantiles) {
            current += ',';
            AppendDouble(&current, generated.Value(hash, k, q));
          }
          current += '\n';
        }
      } else {
        for (const ForecastData::Row* row : block.rows) {
          Reserve(&current, row->item_id.size() + 24 + 24 * (row->values.size() + 2));
          AppendField(&current, row->item_id);
          current += ',';
          current += FormatForecastDate(row->date);
          for (const auto& d : row->dimension_values) AppendField(&(current += ','), d);
          for (double v : row->values) {
            current += ',';
            AppendDouble(&current, v);
          }
          current += '\n';
        }
      }
    }
    const std::string key =
        destination.prefix + ExportPartName(stem, static_cast<int>(written.size()), ExportFormat::kCsv);
    if (auto put = PutExportFile(store_, destination.bucket, key, std::move(current), written_at); !put.ok()) {
      return put.error();
    }
    written.push_back("s3://" + destination.bucket + "/" + key);
  }
  return written;
}

Outcome<std::vector<std::string>> ExportWriter::WriteParquet(const ForecastData& forecast,
                                                             const std::string& id_column,
                                                             const std::string& job_name,
                                                             const S3Location& destination, Timestamp export_time,
                                                             Timestamp written_at) {
  const std::vector<SeriesBlock> blocks = BlocksOf(forecast);
  const std::string stem = ExportFileStem(job_name, export_time);
  std::vector<std::optional<double>> quantiles;
  for (const auto& t : forecast.forecast_types) quantiles.push_back(QuantileOf(t));
  std::vector<int64_t> dates;
  if (forecast.rows.empty()) {
    for (int k = 0; k < forecast.horizon; ++k) {
      dates.push_back(StepDate(forecast.start_date, forecast.frequency, k).time_since_epoch().count());
    }
  }
  const auto columns = ColumnsOf(forecast, id_column);
  const size_t dims = forecast.dimensions.size();
  const GeneratedValues generated(seed_);
  std::vector<std::string> written;
  for (const auto& [first, last] : PlanParts(blocks, forecast.horizon, layout_)) {
    // The writer is columnar: each column's cells go straight to it.
    base::parquet::Writer part(columns);
    for (size_t b = first; b < last; ++b) {
      const SeriesBlock& block = blocks[b];
      if (block.series) {
        const uint64_t hash = GeneratedValues::SeriesHash(*block.series);
        for (int k = 0; k < forecast.horizon; ++k) {
          part.AppendString(0, block.series->item_id);
          part.AppendTimestampMillis(1, dates[k]);
          for (size_t d = 0; d < dims; ++d) {
            if (d < block.series->dimension_values.size()) {
              part.AppendString(2 + d, block.series->dimension_values[d]);
            } else {
              part.AppendString(2 + d, "");
            }
          }
          for (size_t q = 0; q < quantiles.size(); ++q) part.AppendDouble(2 + dims + q, generated.Value(hash, k, quantiles[q]));
        }
      } else {
        for (const ForecastData::Row* row : block.rows) {
          part.AppendString(0, row->item_id);
          part.AppendTimestampMillis(1, row->date.time_since_epoch().count());
          for (size_t d = 0; d < dims; ++d) {
            part.AppendString(2 + d, d < row->dimension_values.size() ? row->dimension_values[d] : "");
          }
          for (size_t q = 0; q < quantiles.size(); ++q) {
            if (q < row->values.size()) {
              part.AppendDouble(2 + dims + q, row->values[q]);
            } else {
              part.AppendNull(2 + dims + q);
            }
          }
        }
      }
    }
    const std::string key = destination.prefix + ExportPartName(stem, static_cast<int>(written.size()), format_);
    if (auto put = PutExportFile(store_, destination.bucket, key, part.Finish(), written_at); !put.ok()) {
      return put.error();
    }
    written.push_back("s3://" + destination.bucket + "/" + key);
  }
  return written;
}

}  // namespace fakeaws::forecast
