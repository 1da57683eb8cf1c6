// Shared pieces of the Forecast operations' JSON codec: reading validated
// request members into domain inputs, and writing results in model order.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/error.h"
#include "forecast/service.h"
#include "protocol/json_value.h"
#include "protocol/json_writer.h"

namespace fakeaws::protocol::forecast_codec {

using json = JsonValue;
using forecast::ResourceTag;
using forecast::Service;
// Runs one operation on a validated request body: the response body or the error.
using Handler = std::function<Outcome<std::string>(const json&, Service&)>;
using HandlerTable = std::map<std::string, Handler, std::less<>>;

// Each group of operations adds its handlers to the table.
void AddDatasetOperations(HandlerTable& table);
void AddDatasetImportJobOperations(HandlerTable& table);
void AddPredictorOperations(HandlerTable& table);
void AddBacktestExportOperations(HandlerTable& table);
void AddExplainabilityOperations(HandlerTable& table);
void AddMonitorOperations(HandlerTable& table);
void AddWhatIfOperations(HandlerTable& table);
void AddExportJobOperations(HandlerTable& table);
void AddForecastOperations(HandlerTable& table);
void AddResourceOperations(HandlerTable& table);

inline std::string Str(const json& in, const char* key) { return in.GetString(key); }

// Readers of validated members; absent (or null) members read as empty.
std::vector<ResourceTag> TagsOf(const json& in, const char* key = "Tags");
forecast::ListQuery ListQueryOf(const json& in);
std::vector<std::string> StringsOf(const json& in, const char* key);
forecast::KeyValues StringMapOf(const json& in, const char* key);
std::optional<int> IntOf(const json& in, const char* key);
std::optional<bool> BoolOf(const json& in, const char* key);
// The S3Config inside `in` (a DataSource or Destination).
forecast::S3Config S3ConfigOf(const json* in);
forecast::EncryptionConfig EncryptionOf(const json& in, const char* key = "EncryptionConfig");
std::vector<forecast::SchemaAttribute> SchemaOf(const json* schema);

// Writers, each in the model's member order.
void WriteS3Config(JsonWriter& w, const char* key, const forecast::S3Config& s3);
void WriteStrings(JsonWriter& w, const char* key, const std::vector<std::string>& values);
void WriteStringMap(JsonWriter& w, const char* key, const forecast::KeyValues& values);
void WriteSchema(JsonWriter& w, const std::vector<forecast::SchemaAttribute>& schema);
// Writes nothing for an empty config.
void WriteEncryption(JsonWriter& w, const forecast::EncryptionConfig& e);
// Status, Message, CreationTime, LastModificationTime: the tail most
// summaries share.
void WriteStatusAndTimes(JsonWriter& w, const forecast::ResourceView& v);
// EstimatedTimeRemainingInMinutes, while the resource is being created.
void WriteEstimate(JsonWriter& w, const forecast::ResourceView& v);

// Predictor backtest export jobs and explainability exports answer in the
// same shape under their own member names.
struct SingleSourceExportMembers {
  const char* arn;     // "ExplainabilityExportArn"
  const char* name;    // "ExplainabilityExportName"
  const char* source;  // "ExplainabilityArn"
  const char* list;    // "ExplainabilityExports"
};
void WriteSingleSourceExport(JsonWriter& w, const SingleSourceExportMembers& m, const forecast::ExportJobView& j);
void WriteSingleSourceExports(JsonWriter& w, const SingleSourceExportMembers& m,
                              const forecast::Page<forecast::ExportJobView>& page);

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
