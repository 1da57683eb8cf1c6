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

std::string ExportFileName(const std::string& job_name, Timestamp export_time, int part) {
  const std::time_t secs = static_cast<std::time_t>(export_time.time_since_epoch().count() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[32];
  std::strftime(ts, sizeof ts, "%Y-%m-%dT%H-%M-%SZ", &tm);
  return job_name + "_" + ts + "_part" + std::to_string(part) + ".csv";
}

Outcome<std::vector<std::string>> ExportWriter::Write(const ForecastData& forecast,
                                                      const std::string& job_name,
                                                      const S3Location& destination,
                                                      Timestamp export_time, Timestamp written_at) {
  if (!store_.BucketExists(destination.bucket)) {
    return store_.ListKeys(destination.bucket, "").error();
  }

  std::string header = "item_id,date";
  for (const auto& d : forecast.dimensions) (header += ',') += d;
  std::vector<std::optional<double>> quantiles;
  for (const auto& t : forecast.forecast_types) {
    (header += ',') += ForecastTypeColumn(t);
    quantiles.push_back(QuantileOf(t));
  }
  header += '\n';

  std::vector<SeriesBlock> blocks;
  if (forecast.rows.empty()) {
    for (const auto& s : forecast.series) blocks.push_back({&s, {}});
  } else {
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
  }

  // Dates of a generated horizon are shared by every series: format once.
  std::vector<std::string> dates;
  if (forecast.rows.empty()) {
    for (int k = 0; k < forecast.horizon; ++k) {
      dates.push_back(FormatForecastDate(StepDate(forecast.start_date, forecast.frequency, k)));
    }
  }

  const GeneratedValues generated(seed_);
  const size_t parts_wanted = std::max<size_t>(
      1, std::min<size_t>(static_cast<size_t>(std::max(1, layout_.parts)), blocks.size()));
  // Each part goes into the store as soon as it is closed, so the export's
  // peak memory is what it wrote plus one part (a target of the export
  // benchmark), not every part twice.
  std::vector<std::string> written;
  std::optional<AwsError> failed;
  std::string current = header;
  size_t rows_in_current = 0;
  size_t part_of_current = 0;
  auto close_part = [&] {
    const std::string key = destination.prefix + ExportFileName(job_name, export_time, static_cast<int>(written.size()));
    s3::NewObject object;
    object.body = s3::Body(current);
    current = header;
    current.shrink_to_fit();
    rows_in_current = 0;
    // Content type INFERRED: Forecast's writer is not captured; S3A/EMRFS
    // default to application/octet-stream.
    object.attributes.content_type = "application/octet-stream";
    auto put = store_.PutObject(destination.bucket, key, std::move(object), written_at);
    if (!put.ok()) {
      failed = put.error();
      return;
    }
    written.push_back("s3://" + destination.bucket + "/" + key);
  };

  for (size_t b = 0; b < blocks.size(); ++b) {
    const size_t part_for_block = blocks.size() ? b * parts_wanted / blocks.size() : 0;
    if (part_for_block != part_of_current ||
        (rows_in_current > 0 && rows_in_current >= layout_.max_rows_per_part)) {
      if (rows_in_current > 0) close_part();
      if (failed) return *failed;
      part_of_current = part_for_block;
    }
    const SeriesBlock& block = blocks[b];
    if (block.series) {
      const uint64_t hash = GeneratedValues::SeriesHash(*block.series);
      std::string prefix;
      AppendField(&prefix, block.series->item_id);
      prefix += ',';
      for (int k = 0; k < forecast.horizon; ++k) {
        Reserve(&current, prefix.size() + dates[k].size() + 16 * (quantiles.size() + 2));
        current += prefix;
        current += dates[k];
        for (const auto& d : block.series->dimension_values) AppendField(&(current += ','), d);
        for (const auto& q : quantiles) {
          current += ',';
          AppendDouble(&current, generated.Value(hash, k, q));
        }
        current += '\n';
      }
      rows_in_current += forecast.horizon;
    } else {
      for (const ForecastData::Row* row : block.rows) {
        Reserve(&current, row->item_id.size() + 24 + 16 * (row->values.size() + 2));
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
      rows_in_current += block.rows.size();
    }
  }
  if (rows_in_current > 0 || written.empty()) close_part();
  if (failed) return *failed;
  return written;
}

}  // namespace fakeaws::forecast
