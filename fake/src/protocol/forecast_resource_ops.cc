// Operations on any resource: StopResource, ResumeResource,
// DeleteResourceTree and the tag operations.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> StopResource(const json& in, Service& s) {
  return Empty(s.StopResource(Str(in, "ResourceArn")));
}

Outcome<std::string> ResumeResource(const json& in, Service& s) {
  return Empty(s.ResumeResource(Str(in, "ResourceArn")));
}

Outcome<std::string> DeleteResourceTree(const json& in, Service& s) {
  return Empty(s.DeleteResourceTree(Str(in, "ResourceArn")));
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
  return Encode(s.ListTagsForResource(Str(in, "ResourceArn")), [](JsonWriter& w, const std::vector<ResourceTag>& tags) {
    w.Key("Tags").BeginArray();
    for (const auto& t : tags) w.BeginObject().Key("Key").String(t.key).Key("Value").String(t.value).EndObject();
    w.EndArray();
  });
}

}  // namespace

void AddResourceOperations(HandlerTable& table) {
  table.emplace("StopResource", StopResource);
  table.emplace("ResumeResource", ResumeResource);
  table.emplace("DeleteResourceTree", DeleteResourceTree);
  table.emplace("TagResource", TagResource);
  table.emplace("UntagResource", UntagResource);
  table.emplace("ListTagsForResource", ListTagsForResource);
}

}  // namespace fakeaws::protocol::forecast_codec
