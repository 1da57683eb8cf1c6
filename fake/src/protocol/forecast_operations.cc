#include "protocol/forecast_operations.h"

#include <functional>
#include <map>

#include "protocol/framework_errors.h"
#include "protocol/json_writer.h"

namespace fakeaws::protocol {
namespace {

using json = JsonValue;
using forecast::Service;
using Handler = std::function<Outcome<std::string>(const json&, Service&)>;

std::string Str(const json& in, const char* key) { return in.GetString(key); }

std::vector<Tag> TagsOf(const json& in, const char* key = "Tags") {
  std::vector<Tag> tags;
  if (const json* list = in.Find(key)) {
    for (const auto& t : *list) {
      if (!t.is_null()) tags.push_back({Str(t, "Key"), Str(t, "Value")});
    }
  }
  return tags;
}

forecast::ListQuery ListQueryOf(const json& in) {
  forecast::ListQuery q;
  q.next_token = Str(in, "NextToken");
  if (const json* max = in.Find("MaxResults")) q.max_results = static_cast<int>(max->number());
  if (const json* filters = in.Find("Filters")) {
    for (const auto& f : *filters) {
      if (f.is_null()) continue;
      q.filters.push_back({Str(f, "Key"), Str(f, "Value"), Str(f, "Condition") == "IS"});
    }
  }
  return q;
}

void WriteDestination(JsonWriter& w, const std::string& path, const std::string& role,
                      const std::string& kms) {
  w.Key("Destination").BeginObject().Key("S3Config").BeginObject();
  w.Key("Path").String(path).Key("RoleArn").String(role);
  w.OptionalString("KMSKeyArn", kms);
  w.EndObject().EndObject();
}

template <typename T, typename Fn>
Outcome<std::string> Encode(const Outcome<T>& result, Fn encode) {
  if (!result.ok()) return result.error();
  JsonWriter w;
  w.BeginObject();
  encode(w, result.value());
  w.EndObject();
  return w.Take();
}

Outcome<std::string> Empty(const Outcome<Done>& result) {
  if (!result.ok()) return result.error();
  return std::string();
}

// ---- Forecast export jobs ----

Outcome<std::string> CreateForecastExportJob(const json& in, Service& s) {
  forecast::CreateForecastExportJobInput input;
  input.name = Str(in, "ForecastExportJobName");
  input.forecast_arn = Str(in, "ForecastArn");
  const json& s3 = *in.Find("Destination")->Find("S3Config");  // required: validated
  input.destination = {Str(s3, "Path"), Str(s3, "RoleArn"), Str(s3, "KMSKeyArn")};
  input.tags = TagsOf(in);
  input.format = Str(in, "Format");
  return Encode(s.CreateForecastExportJob(input),
                [](JsonWriter& w, const std::string& arn) { w.Key("ForecastExportJobArn").String(arn); });
}

Outcome<std::string> DescribeForecastExportJob(const json& in, Service& s) {
  return Encode(s.DescribeForecastExportJob(Str(in, "ForecastExportJobArn")),
                [](JsonWriter& w, const ForecastExportJobInfo& j) {
                  w.Key("ForecastExportJobArn").String(j.arn);
                  w.Key("ForecastExportJobName").String(j.name);
                  w.Key("ForecastArn").String(j.forecast_arn);
                  WriteDestination(w, j.destination_path, j.role_arn, j.kms_key_arn);
                  w.OptionalString("Message", j.message);
                  w.Key("Status").String(j.status);
                  w.Key("CreationTime").Time(j.creation_time);
                  w.Key("LastModificationTime").Time(j.last_modification_time);
                  w.Key("Format").String(j.format);
                });
}

Outcome<std::string> ListForecastExportJobs(const json& in, Service& s) {
  return Encode(s.ListForecastExportJobs(ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<ForecastExportJobInfo>& page) {
                  w.Key("ForecastExportJobs").BeginArray();
                  for (const auto& j : page.items) {
                    w.BeginObject();
                    w.Key("ForecastExportJobArn").String(j.arn);
                    w.Key("ForecastExportJobName").String(j.name);
                    WriteDestination(w, j.destination_path, j.role_arn, j.kms_key_arn);
                    w.Key("Status").String(j.status);
                    w.OptionalString("Message", j.message);
                    w.Key("CreationTime").Time(j.creation_time);
                    w.Key("LastModificationTime").Time(j.last_modification_time);
                    w.EndObject();
                  }
                  w.EndArray();
                  w.OptionalString("NextToken", page.next_token);
                });
}

Outcome<std::string> DeleteForecastExportJob(const json& in, Service& s) {
  return Empty(s.DeleteForecastExportJob(Str(in, "ForecastExportJobArn")));
}

// ---- Forecasts ----

Outcome<std::string> DescribeForecast(const json& in, Service& s) {
  return Encode(s.DescribeForecast(Str(in, "ForecastArn")), [](JsonWriter& w, const ForecastInfo& f) {
    w.Key("ForecastArn").String(f.arn);
    w.Key("ForecastName").String(f.name);
    w.Key("ForecastTypes").BeginArray();
    for (const auto& t : f.forecast_types) w.String(t);
    w.EndArray();
    w.Key("PredictorArn").String(f.predictor_arn);
    w.Key("DatasetGroupArn").String(f.dataset_group_arn);
    w.Key("Status").String(f.status);
    w.OptionalString("Message", f.message);
    w.Key("CreationTime").Time(f.creation_time);
    w.Key("LastModificationTime").Time(f.last_modification_time);
  });
}

Outcome<std::string> ListForecasts(const json& in, Service& s) {
  return Encode(s.ListForecasts(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<ForecastInfo>& page) {
    w.Key("Forecasts").BeginArray();
    for (const auto& f : page.items) {
      w.BeginObject();
      w.Key("ForecastArn").String(f.arn);
      w.Key("ForecastName").String(f.name);
      w.Key("PredictorArn").String(f.predictor_arn);
      w.Key("CreatedUsingAutoPredictor").Bool(f.created_using_auto_predictor);
      w.Key("DatasetGroupArn").String(f.dataset_group_arn);
      w.Key("Status").String(f.status);
      w.OptionalString("Message", f.message);
      w.Key("CreationTime").Time(f.creation_time);
      w.Key("LastModificationTime").Time(f.last_modification_time);
      w.EndObject();
    }
    w.EndArray();
    w.OptionalString("NextToken", page.next_token);
  });
}

Outcome<std::string> DeleteForecast(const json& in, Service& s) {
  return Empty(s.DeleteForecast(Str(in, "ForecastArn")));
}

// ---- Any resource ----

Outcome<std::string> StopResource(const json& in, Service& s) {
  return Empty(s.StopResource(Str(in, "ResourceArn")));
}

Outcome<std::string> TagResource(const json& in, Service& s) {
  return Empty(s.TagResource(Str(in, "ResourceArn"), TagsOf(in)));
}

Outcome<std::string> UntagResource(const json& in, Service& s) {
  std::vector<std::string> keys;
  for (const auto& k : *in.Find("TagKeys")) {  // required: validated
    if (k.is_string()) keys.push_back(k.str());
  }
  return Empty(s.UntagResource(Str(in, "ResourceArn"), keys));
}

Outcome<std::string> ListTagsForResource(const json& in, Service& s) {
  return Encode(s.ListTagsForResource(Str(in, "ResourceArn")), [](JsonWriter& w, const std::vector<Tag>& tags) {
    w.Key("Tags").BeginArray();
    for (const auto& t : tags) w.BeginObject().Key("Key").String(t.key).Key("Value").String(t.value).EndObject();
    w.EndArray();
  });
}

const std::map<std::string, Handler, std::less<>>& Handlers() {
  static const auto* const kHandlers = new std::map<std::string, Handler, std::less<>>{
      {"CreateForecastExportJob", CreateForecastExportJob},
      {"DescribeForecastExportJob", DescribeForecastExportJob},
      {"ListForecastExportJobs", ListForecastExportJobs},
      {"DeleteForecastExportJob", DeleteForecastExportJob},
      {"DescribeForecast", DescribeForecast},
      {"ListForecasts", ListForecasts},
      {"DeleteForecast", DeleteForecast},
      {"StopResource", StopResource},
      {"TagResource", TagResource},
      {"UntagResource", UntagResource},
      {"ListTagsForResource", ListTagsForResource},
  };
  return *kHandlers;
}

}  // namespace

Outcome<std::string> InvokeForecast(const JsonCall& call, Service& service) {
  auto it = Handlers().find(call.operation->name);
  if (it == Handlers().end()) return NotImplementedError("AmazonForecast." + call.operation->name);
  return it->second(call.input(), service);
}

bool ForecastImplements(const std::string& operation) { return Handlers().count(operation) > 0; }

}  // namespace fakeaws::protocol
