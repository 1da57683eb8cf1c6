#include "protocol/s3_tags.h"

#include <set>
#include <string>

#include "base/url.h"
#include "protocol/pattern.h"
#include "s3/errors.h"

namespace fakeaws::protocol {
namespace {

constexpr size_t kMaxObjectTags = 10;
constexpr size_t kMaxBucketTags = 50;
constexpr size_t kMaxKeyLength = 128;
constexpr size_t kMaxValueLength = 256;

// The TagKey/TagValue pattern of AWS's models (Forecast's among them).
const Pattern& TagCharacters() {
  static const std::unique_ptr<Pattern> pattern = Pattern::Compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
  return *pattern;
}

// "aws:" in any case, as AWS's tag rules say for Forecast (INFERRED for S3).
bool IsReservedKey(const std::string& key) {
  return key.size() >= 4 && (key[0] | 0x20) == 'a' && (key[1] | 0x20) == 'w' && (key[2] | 0x20) == 's' &&
         key[3] == ':';
}

}  // namespace

std::optional<AwsError> CheckTagSet(const s3::TagSet& tags, TagScope scope) {
  if (tags.empty()) return std::nullopt;  // most writes carry none
  const bool bucket = scope == TagScope::kBucket;
  if (tags.size() > (bucket ? kMaxBucketTags : kMaxObjectTags)) {
    return bucket ? s3::TooManyBucketTags() : s3::TooManyObjectTags();
  }
  std::set<std::string_view> seen;
  for (const s3::Tag& tag : tags) {
    if (!seen.insert(tag.key).second) return s3::DuplicateTagKey(tag.key);
    if (IsReservedKey(tag.key)) return s3::ReservedTagKey(tag.key, bucket);
    const size_t key_length = Utf16Length(tag.key);
    if (key_length == 0 || key_length > kMaxKeyLength || !TagCharacters().FullMatch(tag.key)) {
      return s3::InvalidTagKey();
    }
    if (Utf16Length(tag.value) > kMaxValueLength || !TagCharacters().FullMatch(tag.value)) {
      return s3::InvalidTagValue();
    }
  }
  return std::nullopt;
}

Outcome<s3::TagSet> TagSetFromXml(std::string_view document, TagScope scope) {
  auto doc = ParseXml(document);
  if (!doc || doc->name != "Tagging") return s3::MalformedXml();
  const XmlNode* set = doc->Child("TagSet");
  if (!set) return s3::MalformedXml();
  s3::TagSet tags;
  for (const XmlNode* tag : set->Children("Tag")) {
    const XmlNode* key = tag->Child("Key");
    const XmlNode* value = tag->Child("Value");
    if (!key || !value) return s3::MalformedXml();
    tags.push_back({key->text, value->text});
  }
  if (auto error = CheckTagSet(tags, scope)) return *error;
  return tags;
}

// Any tag that is not a letter-and-digit kind of text is the header's
// InvalidArgument, as an undecodable escape or a repeated key is
// (localstack); only the count and the "aws:" prefix get their own errors.
Outcome<s3::TagSet> TagSetFromHeader(std::string_view header) {
  const std::string original(header);
  s3::TagSet tags;
  std::set<std::string> seen;
  while (!header.empty()) {
    const size_t amp = header.find('&');
    const std::string_view pair = header.substr(0, amp);
    header = amp == std::string_view::npos ? std::string_view() : header.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    auto key = base::PercentDecode(pair.substr(0, equals), base::Plus::kSpace);
    auto value = base::PercentDecode(equals == std::string_view::npos ? "" : pair.substr(equals + 1),
                                     base::Plus::kSpace);
    if (!key || !value || !seen.insert(*key).second || !TagCharacters().FullMatch(*key) ||
        !TagCharacters().FullMatch(*value)) {
      return s3::InvalidTaggingHeader(original);
    }
    tags.push_back({std::move(*key), std::move(*value)});
  }
  if (auto error = CheckTagSet(tags, TagScope::kObject)) return *error;
  return tags;
}

Outcome<s3::TagSet> TagsFromHeaders(const Headers& headers) {
  auto header = headers.Get("x-amz-tagging");
  if (!header) return s3::TagSet{};
  return TagSetFromHeader(*header);
}

void WriteTagSet(XmlWriter& xml, const s3::TagSet& tags) {
  if (tags.empty()) {
    xml.Element("TagSet", "");
    return;
  }
  xml.Open("TagSet");
  for (const s3::Tag& tag : tags) xml.Open("Tag").Element("Key", tag.key).Element("Value", tag.value).Close("Tag");
  xml.Close("TagSet");
}

}  // namespace fakeaws::protocol
