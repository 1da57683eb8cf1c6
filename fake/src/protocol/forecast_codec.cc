#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {

std::vector<Tag> TagsOf(const json& in, const char* key) {
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

}  // namespace fakeaws::protocol::forecast_codec
