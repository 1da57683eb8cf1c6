#include "protocol/s3_object_headers.h"

#include <cctype>

#include "base/ascii.h"
#include "base/time_text.h"

namespace fakeaws::protocol {
namespace {

// S3 keeps Content-Encoding as the writer sent it ("deflate, gzip" stays so:
// the conformance run of issue 13), less the aws-chunked transfer coding,
// when there is one, which it drops (DOC "aws-chunked"; the other codings
// are then joined by "," as for "aws-chunked,gzip": INFERRED).
std::string WithoutAwsChunked(std::string_view encoding) {
  if (base::AsciiLower(encoding).find("aws-chunked") == std::string::npos) return base::TrimSpaces(encoding);
  std::string out;
  while (!encoding.empty()) {
    const size_t comma = encoding.find(',');
    const std::string token = base::TrimSpaces(encoding.substr(0, comma));
    if (!token.empty() && base::AsciiLower(token) != "aws-chunked") {
      if (!out.empty()) out += ",";
      out += token;
    }
    if (comma == std::string_view::npos) break;
    encoding.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

s3::ObjectAttributes AttributesFromHeaders(const Headers& h) {
  s3::ObjectAttributes a;
  a.content_type = std::string(h.Get("Content-Type").value_or(""));
  a.content_encoding = WithoutAwsChunked(h.Get("Content-Encoding").value_or(""));
  a.cache_control = std::string(h.Get("Cache-Control").value_or(""));
  a.content_disposition = std::string(h.Get("Content-Disposition").value_or(""));
  a.content_language = std::string(h.Get("Content-Language").value_or(""));
  a.expires = std::string(h.Get("Expires").value_or(""));
  for (const auto& f : h) {
    const std::string name = base::AsciiLower(f.name);
    if (name.rfind("x-amz-meta-", 0) == 0 && name.size() > 11) a.metadata[name.substr(11)] = f.value;
  }
  return a;
}

std::optional<std::string> UnsupportedWriteHeader(const Headers& h) {
  for (const auto& f : h) {
    const std::string name = base::AsciiLower(f.name);
    if (name == "x-amz-object-lock-mode" ||
        name == "x-amz-object-lock-retain-until-date" || name == "x-amz-object-lock-legal-hold" ||
        name == "x-amz-website-redirect-location" || name == "x-amz-write-offset-bytes" ||
        name.rfind("x-amz-server-side-encryption-", 0) == 0) {
      return f.name;
    }
    if (name == "x-amz-server-side-encryption" && f.value != kServerSideEncryption) return f.name;
    if (name == "x-amz-storage-class" && f.value != "STANDARD") return f.name;
  }
  return std::nullopt;
}

s3::WriteConditions WriteConditionsFromHeaders(const Headers& h) {
  s3::WriteConditions c;
  if (auto v = h.Get("If-Match")) c.if_match = std::string(*v);
  if (auto v = h.Get("If-None-Match")) c.if_none_match = std::string(*v);
  return c;
}

s3::ReadConditions ReadConditionsFromHeaders(const Headers& h, const std::string& prefix) {
  s3::ReadConditions c;
  if (auto v = h.Get(prefix + "If-Match")) c.if_match = std::string(*v);
  if (auto v = h.Get(prefix + "If-None-Match")) c.if_none_match = std::string(*v);
  if (auto v = h.Get(prefix + "If-Modified-Since")) c.if_modified_since = base::ParseHttpDate(*v);
  if (auto v = h.Get(prefix + "If-Unmodified-Since")) c.if_unmodified_since = base::ParseHttpDate(*v);
  return c;
}

void AddObjectMetadataHeaders(S3Response& r, const s3::ObjectAttributes& a, const base::Query* overrides) {
  for (const auto& [name, value] : a.metadata) r.Header("x-amz-meta-" + name, value);
  auto pick = [&](const char* override_name, const std::string& stored) -> std::string {
    if (overrides) {
      if (auto v = overrides->Get(override_name)) return *v;
    }
    return stored;
  };
  const std::pair<const char*, std::string> fields[] = {
      {"Cache-Control", pick("response-cache-control", a.cache_control)},
      {"Content-Disposition", pick("response-content-disposition", a.content_disposition)},
      {"Content-Encoding", pick("response-content-encoding", a.content_encoding)},
      {"Content-Language", pick("response-content-language", a.content_language)},
      {"Expires", pick("response-expires", a.expires)},
  };
  for (const auto& [name, value] : fields) {
    if (!value.empty()) r.Header(name, value);
  }
  // DOC (GetObject, HeadObject): "The number of tags, if any, on the object".
  if (!a.tags.empty()) r.Header("x-amz-tagging-count", std::to_string(a.tags.size()));
}

}  // namespace fakeaws::protocol
