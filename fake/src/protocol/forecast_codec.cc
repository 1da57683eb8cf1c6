#include "protocol/forecast_codec.h"

#include <cmath>

namespace fakeaws::protocol::forecast_codec {

std::vector<ResourceTag> TagsOf(const json& in, const char* key) {
  std::vector<ResourceTag> tags;
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

std::vector<std::string> StringsOf(const json& in, const char* key) {
  std::vector<std::string> out;
  if (const json* list = in.Find(key)) {
    for (const auto& v : *list) {
      if (v.is_string()) out.push_back(v.str());
    }
  }
  return out;
}

forecast::KeyValues StringMapOf(const json& in, const char* key) {
  forecast::KeyValues out;
  if (const json* map = in.Find(key)) {
    for (size_t i = 0; i < map->size(); ++i) {
      if ((*map)[i].is_string()) out.emplace_back(std::string(map->key(i)), (*map)[i].str());
    }
  }
  return out;
}

std::optional<int> IntOf(const json& in, const char* key) {
  const json* v = in.Find(key);
  // Coral reads integers by truncation (validation.cc).
  if (v == nullptr || !v->is_number()) return std::nullopt;
  const double d = std::floor(v->number());
  if (d > 2147483647.0) return 2147483647;
  if (d < -2147483648.0) return -2147483647 - 1;
  return static_cast<int>(d);
}

std::optional<bool> BoolOf(const json& in, const char* key) {
  const json* v = in.Find(key);
  if (v == nullptr || !v->is_bool()) return std::nullopt;
  return v->boolean();
}

forecast::S3Config S3ConfigOf(const json* in) {
  if (in == nullptr) return {};
  const json* s3 = in->Find("S3Config");
  if (s3 == nullptr) return {};
  return {Str(*s3, "Path"), Str(*s3, "RoleArn"), Str(*s3, "KMSKeyArn")};
}

forecast::EncryptionConfig EncryptionOf(const json& in, const char* key) {
  const json* e = in.Find(key);
  if (e == nullptr) return {};
  return {Str(*e, "RoleArn"), Str(*e, "KMSKeyArn")};
}

std::vector<forecast::SchemaAttribute> SchemaOf(const json* schema) {
  std::vector<forecast::SchemaAttribute> out;
  if (schema == nullptr) return out;
  if (const json* attributes = schema->Find("Attributes")) {
    for (const auto& a : *attributes) {
      if (a.is_object()) out.push_back({Str(a, "AttributeName"), Str(a, "AttributeType")});
    }
  }
  return out;
}

void WriteS3Config(JsonWriter& w, const char* key, const forecast::S3Config& s3) {
  w.Key(key).BeginObject().Key("S3Config").BeginObject();
  w.Key("Path").String(s3.path).Key("RoleArn").String(s3.role_arn);
  w.OptionalString("KMSKeyArn", s3.kms_key_arn);
  w.EndObject().EndObject();
}

void WriteStrings(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key).BeginArray();
  for (const auto& v : values) w.String(v);
  w.EndArray();
}

void WriteStringMap(JsonWriter& w, const char* key, const forecast::KeyValues& values) {
  w.Key(key).BeginObject();
  for (const auto& [k, v] : values) w.Key(k).String(v);
  w.EndObject();
}

void WriteSchema(JsonWriter& w, const std::vector<forecast::SchemaAttribute>& schema) {
  w.Key("Schema").BeginObject().Key("Attributes").BeginArray();
  for (const auto& a : schema) {
    w.BeginObject();
    w.OptionalString("AttributeName", a.name);
    w.OptionalString("AttributeType", a.type);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

void WriteEncryption(JsonWriter& w, const forecast::EncryptionConfig& e) {
  if (e.empty()) return;
  w.Key("EncryptionConfig").BeginObject().Key("RoleArn").String(e.role_arn).Key("KMSKeyArn").String(e.kms_key_arn);
  w.EndObject();
}

void WriteEstimate(JsonWriter& w, const forecast::ResourceView& v) {
  if (v.estimated_minutes_remaining) w.Key("EstimatedTimeRemainingInMinutes").Int(*v.estimated_minutes_remaining);
}

void WriteStatusAndTimes(JsonWriter& w, const forecast::ResourceView& v) {
  w.Key("Status").String(v.status);
  w.OptionalString("Message", v.message);
  w.Key("CreationTime").Time(v.creation_time);
  w.Key("LastModificationTime").Time(v.last_modification_time);
}

void WriteSingleSourceExport(JsonWriter& w, const SingleSourceExportMembers& m, const forecast::ExportJobView& j) {
  w.Key(m.arn).String(j.arn);
  w.Key(m.name).String(j.name);
  w.Key(m.source).String(j.sources.front());
  WriteS3Config(w, "Destination", j.destination);
  w.OptionalString("Message", j.message);
  w.Key("Status").String(j.status);
  w.Key("CreationTime").Time(j.creation_time);
  w.Key("LastModificationTime").Time(j.last_modification_time);
  w.Key("Format").String(j.format);
}

void WriteSingleSourceExports(JsonWriter& w, const SingleSourceExportMembers& m,
                              const forecast::Page<forecast::ExportJobView>& page) {
  w.Key(m.list).BeginArray();
  for (const auto& j : page.items) {
    w.BeginObject();
    w.Key(m.arn).String(j.arn);
    w.Key(m.name).String(j.name);
    WriteS3Config(w, "Destination", j.destination);
    WriteStatusAndTimes(w, j);
    w.EndObject();
  }
  w.EndArray();
  w.OptionalString("NextToken", page.next_token);
}

}  // namespace fakeaws::protocol::forecast_codec
