#include "protocol/forecastquery_operations.h"

#include <map>
#include <optional>

#include "forecast/errors.h"
#include "forecast/series.h"
#include "protocol/forecast_codec.h"
#include "protocol/framework_errors.h"

namespace fakeaws::protocol {
namespace {

using forecast_codec::json;

// StartDate and EndDate: "yyyy-MM-dd'T'HH:mm:ss" (API_forecastquery_QueryForecast),
// seconds optional as the model's pattern allows, then an optional "Z".
std::optional<Timestamp> ParseQueryDate(const std::string& s) {
  auto digits = [&](size_t at, size_t n, int* out) {
    if (at + n > s.size()) return false;
    *out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      *out = *out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, sec = 0;
  if (!digits(0, 4, &y) || s.size() < 16 || s[4] != '-' || !digits(5, 2, &mo) || s[7] != '-' ||
      !digits(8, 2, &d) || (s[10] != 'T' && s[10] != 't') || !digits(11, 2, &h) || s[13] != ':' ||
      !digits(14, 2, &mi)) {
    return std::nullopt;
  }
  size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (!digits(at + 1, 2, &sec)) return std::nullopt;
    at += 3;
  }
  if (at < s.size() && s[at] == 'Z') ++at;
  if (at != s.size()) return std::nullopt;
  return forecast::CivilTime(y, mo, d, h, mi, sec);
}

// QueryForecast and QueryWhatIfForecast: the same request but for the ARN
// member, the same answer.
template <typename Query>
Outcome<std::string> RunQuery(const json& in, const char* arn_member, Query query) {
  std::optional<Timestamp> start, end;
  for (const auto& [member, target] : {std::pair{"StartDate", &start}, std::pair{"EndDate", &end}}) {
    const std::string text = forecast_codec::Str(in, member);
    if (text.empty()) continue;
    *target = ParseQueryDate(text);
    if (!*target) return forecast::QueryBadDate(member, text);
  }
  auto result = query(forecast_codec::Str(in, arn_member), forecast_codec::StringMapOf(in, "Filters"), start, end,
                      forecast_codec::Str(in, "NextToken"));
  return forecast_codec::Encode(result, [](JsonWriter& w, const forecast::QueriedForecast& q) {
    w.Key("Forecast").BeginObject().Key("Predictions").BeginObject();
    for (const auto& [column, points] : q.predictions) {
      w.Key(column).BeginArray();
      for (const auto& [date, value] : points) {
        // DataPoint.Timestamp has no zone designator: "2015-01-01T01:00:00"
        // (gs-cli.md, query-forecast example output).
        std::string text = forecast::FormatForecastDate(date);
        text.pop_back();
        w.BeginObject().Key("Timestamp").String(text).Key("Value").Double(value).EndObject();
      }
      w.EndArray();
    }
    w.EndObject().EndObject();
  });
}

Outcome<std::string> QueryForecast(const json& in, forecast::Service& s) {
  return RunQuery(in, "ForecastArn", [&s](auto&&... args) { return s.QueryForecast(args...); });
}

Outcome<std::string> QueryWhatIfForecast(const json& in, forecast::Service& s) {
  return RunQuery(in, "WhatIfForecastArn", [&s](auto&&... args) { return s.QueryWhatIfForecast(args...); });
}

const forecast_codec::HandlerTable& QueryHandlers() {
  static const auto* const kHandlers = new forecast_codec::HandlerTable{
      {"QueryForecast", QueryForecast}, {"QueryWhatIfForecast", QueryWhatIfForecast}};
  return *kHandlers;
}

}  // namespace

Outcome<std::string> InvokeForecastQuery(const JsonCall& call, forecast::Service& service) {
  auto it = QueryHandlers().find(call.operation->name);
  if (it == QueryHandlers().end()) return NotImplementedError("AmazonForecastRuntime." + call.operation->name);
  return it->second(call.input(), service);
}

bool ForecastQueryImplements(const std::string& operation) { return QueryHandlers().count(operation) > 0; }

}  // namespace fakeaws::protocol
