#include "base/spec_json.h"

#include <initializer_list>
#include <string_view>

namespace fakeaws::base {
namespace {

// Refuses members of `object` that are not in `known`; "" when all are.
std::string UnknownMember(const Json& object, std::initializer_list<std::string_view> known,
                          const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    bool found = false;
    for (auto k : known) found = found || key == k;
    if (!found) return "unknown member '" + key + "' in " + where;
  }
  return "";
}

std::string TypeError(const std::string& where, std::string_view expected) {
  return where + " must be " + std::string(expected);
}

Outcome<std::vector<std::string>> Strings(const Json& json, const std::string& where) {
  if (!json.is_array()) return InvalidRequest(TypeError(where, "a list of strings"));
  std::vector<std::string> out;
  for (const auto& s : json) {
    if (!s.is_string()) return InvalidRequest(TypeError(where, "a list of strings"));
    out.push_back(s.get<std::string>());
  }
  return out;
}

Outcome<ForecastSeries> SeriesFromJson(const Json& json, const std::string& where) {
  if (json.is_string()) return ForecastSeries(json.get<std::string>());
  if (!json.is_object()) return InvalidRequest(TypeError(where, "an item id or {\"item_id\",\"dimension_values\"}"));
  if (auto bad = UnknownMember(json, {"item_id", "dimension_values"}, where); !bad.empty()) {
    return InvalidRequest(bad);
  }
  if (!json.contains("item_id") || !json["item_id"].is_string()) {
    return InvalidRequest(TypeError(where + ".item_id", "a string"));
  }
  ForecastSeries series(json["item_id"].get<std::string>());
  if (json.contains("dimension_values")) {
    auto dims = Strings(json["dimension_values"], where + ".dimension_values");
    if (!dims.ok()) return dims.error();
    series.dimension_values = std::move(dims).value();
  }
  return series;
}

Outcome<ForecastRow> RowFromJson(const Json& json, const std::string& where) {
  if (!json.is_object()) return InvalidRequest(TypeError(where, "an object"));
  if (auto bad = UnknownMember(json, {"item_id", "dimension_values", "date", "values"}, where); !bad.empty()) {
    return InvalidRequest(bad);
  }
  ForecastRow row;
  if (!json.contains("item_id") || !json["item_id"].is_string()) {
    return InvalidRequest(TypeError(where + ".item_id", "a string"));
  }
  row.item_id = json["item_id"].get<std::string>();
  if (json.contains("dimension_values")) {
    auto dims = Strings(json["dimension_values"], where + ".dimension_values");
    if (!dims.ok()) return dims.error();
    row.dimension_values = std::move(dims).value();
  }
  auto date = TimestampFromJson(json.value("date", Json()), where + ".date");
  if (!date.ok()) return date.error();
  row.date = *date;
  const Json values = json.value("values", Json::array());
  if (!values.is_array()) return InvalidRequest(TypeError(where + ".values", "a list of numbers"));
  for (const auto& v : values) {
    if (!v.is_number()) return InvalidRequest(TypeError(where + ".values", "a list of numbers"));
    row.values.push_back(v.get<double>());
  }
  return row;
}

}  // namespace

std::string_view ClockModeName(ClockMode mode) {
  switch (mode) {
    case ClockMode::kManual: return "manual";
    case ClockMode::kStepPerRequest: return "step";
    case ClockMode::kReal: return "real";
  }
  return "manual";
}

std::optional<ClockMode> ClockModeFromName(std::string_view name) {
  if (name == "manual") return ClockMode::kManual;
  if (name == "step") return ClockMode::kStepPerRequest;
  if (name == "real") return ClockMode::kReal;
  return std::nullopt;
}

AwsError InvalidRequest(std::string message) { return AwsError{"InvalidRequest", std::move(message), 400, {}}; }

Outcome<Timestamp> TimestampFromJson(const Json& json, const std::string& where) {
  Timestamp t;
  if (!json.is_string() || !ParseTimestamp(json.get<std::string>(), &t)) {
    return InvalidRequest(TypeError(where, "a timestamp such as \"2026-01-01T00:00:00Z\""));
  }
  return t;
}

Json TagsToJson(const std::vector<Tag>& tags) {
  Json out = Json::array();
  for (const auto& t : tags) out.push_back({{"key", t.key}, {"value", t.value}});
  return out;
}

Outcome<std::vector<Tag>> TagsFromJson(const Json& json, const std::string& where) {
  if (!json.is_array()) return InvalidRequest(TypeError(where, "a list of {\"key\",\"value\"}"));
  std::vector<Tag> tags;
  for (const auto& t : json) {
    if (!t.is_object() || !t.contains("key") || !t["key"].is_string() || !t.contains("value") ||
        !t["value"].is_string() || t.size() != 2) {
      return InvalidRequest(TypeError(where, "a list of {\"key\",\"value\"}"));
    }
    tags.push_back({t["key"].get<std::string>(), t["value"].get<std::string>()});
  }
  return tags;
}

Json ForecastSpecToJson(const ForecastSpec& spec) {
  Json series = Json::array();
  for (const auto& s : spec.series) {
    series.push_back({{"item_id", s.item_id}, {"dimension_values", s.dimension_values}});
  }
  Json rows = Json::array();
  for (const auto& r : spec.rows) {
    rows.push_back({{"item_id", r.item_id},
                    {"dimension_values", r.dimension_values},
                    {"date", FormatTimestamp(r.date)},
                    {"values", r.values}});
  }
  return {{"name", spec.name},
          {"status", spec.status},
          {"forecast_types", spec.forecast_types},
          {"dimensions", spec.dimensions},
          {"series", std::move(series)},
          {"start_date", FormatTimestamp(spec.start_date)},
          {"frequency", spec.frequency},
          {"horizon", spec.horizon},
          {"rows", std::move(rows)},
          {"predictor_arn", spec.predictor_arn},
          {"dataset_group_arn", spec.dataset_group_arn},
          {"tags", TagsToJson(spec.tags)}};
}

Outcome<ForecastSpec> ForecastSpecFromJson(const Json& json) {
  const std::string where = "the forecast";
  if (!json.is_object()) return InvalidRequest(where + " must be a JSON object");
  if (auto bad = UnknownMember(json,
                               {"name", "status", "forecast_types", "dimensions", "series", "start_date",
                                "frequency", "horizon", "rows", "predictor_arn", "dataset_group_arn", "tags"},
                               where);
      !bad.empty()) {
    return InvalidRequest(bad);
  }
  ForecastSpec spec;
  auto string_member = [&](const char* key, std::string* out) -> std::string {
    if (!json.contains(key)) return "";
    if (!json[key].is_string()) return TypeError(key, "a string");
    *out = json[key].get<std::string>();
    return "";
  };
  if (!json.contains("name")) return InvalidRequest("name is required");
  for (auto [key, out] : {std::pair{"name", &spec.name}, std::pair{"status", &spec.status},
                          std::pair{"frequency", &spec.frequency}, std::pair{"predictor_arn", &spec.predictor_arn},
                          std::pair{"dataset_group_arn", &spec.dataset_group_arn}}) {
    if (auto bad = string_member(key, out); !bad.empty()) return InvalidRequest(bad);
  }
  for (auto [key, out] : {std::pair{"forecast_types", &spec.forecast_types}, std::pair{"dimensions", &spec.dimensions}}) {
    if (!json.contains(key)) continue;
    auto list = Strings(json[key], key);
    if (!list.ok()) return list.error();
    *out = std::move(list).value();
  }
  if (json.contains("series")) {
    if (!json["series"].is_array()) return InvalidRequest(TypeError("series", "a list"));
    spec.series.clear();
    for (size_t i = 0; i < json["series"].size(); ++i) {
      auto s = SeriesFromJson(json["series"][i], "series[" + std::to_string(i) + "]");
      if (!s.ok()) return s.error();
      spec.series.push_back(std::move(s).value());
    }
  }
  if (json.contains("start_date")) {
    auto t = TimestampFromJson(json["start_date"], "start_date");
    if (!t.ok()) return t.error();
    spec.start_date = *t;
  }
  if (json.contains("horizon")) {
    if (!json["horizon"].is_number_integer()) return InvalidRequest(TypeError("horizon", "an integer"));
    const auto horizon = json["horizon"].get<int64_t>();
    if (horizon < 0 || horizon > 1'000'000) return InvalidRequest("horizon must be between 0 and 1000000");
    spec.horizon = static_cast<int>(horizon);
  }
  if (json.contains("rows")) {
    if (!json["rows"].is_array()) return InvalidRequest(TypeError("rows", "a list"));
    for (size_t i = 0; i < json["rows"].size(); ++i) {
      auto r = RowFromJson(json["rows"][i], "rows[" + std::to_string(i) + "]");
      if (!r.ok()) return r.error();
      spec.rows.push_back(std::move(r).value());
    }
  }
  if (json.contains("tags")) {
    auto tags = TagsFromJson(json["tags"], "tags");
    if (!tags.ok()) return tags.error();
    spec.tags = std::move(tags).value();
  }
  return spec;
}

}  // namespace fakeaws::base
