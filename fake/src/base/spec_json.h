// JSON forms of the typed API's values, for the control API (a forecast
// seeded over HTTP) and for snapshots (a seeded forecast's data). The domain
// types stay free of JSON: the conversions live here, at the boundary.
//
// A ForecastSpec reads as its C++ members in snake_case:
//   {"name":"demand","status":"ACTIVE","forecast_types":["0.1","0.5","0.9"],
//    "dimensions":["store"],"series":["item_1",{"item_id":"item_2","dimension_values":["s1"]}],
//    "start_date":"2026-01-01T00:00:00Z","frequency":"D","horizon":10,
//    "rows":[{"item_id":"item_1","dimension_values":[],"date":"2026-01-01T00:00:00Z","values":[1,2,3]}],
//    "predictor_arn":"","dataset_group_arn":"","tags":[{"key":"team","value":"ml"}]}
// Every member is optional (the C++ defaults apply) except name; an unknown
// member is an error, so a typo does not pass silently.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/error.h"
#include "fakeaws/forecast.h"

namespace fakeaws::base {

using Json = nlohmann::ordered_json;

Json ForecastSpecToJson(const ForecastSpec& spec);
// An InvalidInput-style AwsError (type "InvalidRequest", 400) naming the
// offending member.
Outcome<ForecastSpec> ForecastSpecFromJson(const Json& json);

Json TagsToJson(const std::vector<Tag>& tags);
Outcome<std::vector<Tag>> TagsFromJson(const Json& json, const std::string& where);

// "2026-01-01T00:00:00Z" (FormatTimestamp/ParseTimestamp).
Outcome<Timestamp> TimestampFromJson(const Json& json, const std::string& where);

// "manual", "step" (kStepPerRequest) or "real".
std::string_view ClockModeName(ClockMode mode);
std::optional<ClockMode> ClockModeFromName(std::string_view name);

// The refusal every JSON reader here returns: 400 "InvalidRequest".
AwsError InvalidRequest(std::string message);

}  // namespace fakeaws::base
