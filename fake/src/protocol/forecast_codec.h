// Shared pieces of the Forecast operations' JSON codec: reading validated
// request members into domain inputs, and writing results in model order.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "fakeaws/error.h"
#include "fakeaws/forecast.h"
#include "forecast/service.h"
#include "protocol/json_value.h"
#include "protocol/json_writer.h"

namespace fakeaws::protocol::forecast_codec {

using json = JsonValue;
using forecast::Service;
// Runs one operation on a validated request body: the response body or the error.
using Handler = std::function<Outcome<std::string>(const json&, Service&)>;
using HandlerTable = std::map<std::string, Handler, std::less<>>;

// Each group of operations adds its handlers to the table.
void AddExportJobOperations(HandlerTable& table);
void AddForecastOperations(HandlerTable& table);
void AddResourceOperations(HandlerTable& table);

inline std::string Str(const json& in, const char* key) { return in.GetString(key); }

std::vector<Tag> TagsOf(const json& in, const char* key = "Tags");
forecast::ListQuery ListQueryOf(const json& in);
void WriteDestination(JsonWriter& w, const std::string& path, const std::string& role,
                      const std::string& kms);

// {"...members the encoder writes..."} for a success, or the error.
template <typename T, typename Fn>
Outcome<std::string> Encode(const Outcome<T>& result, Fn encode) {
  if (!result.ok()) return result.error();
  JsonWriter w;
  w.BeginObject();
  encode(w, result.value());
  w.EndObject();
  return w.Take();
}

// Operations without output answer 200 with an empty body (wire-format.md §1.2).
inline Outcome<std::string> Empty(const Outcome<Done>& result) {
  if (!result.ok()) return result.error();
  return std::string();
}

}  // namespace fakeaws::protocol::forecast_codec
