// PutObject, DeleteObject, DeleteObjects, CopyObject.
#include <cctype>

#include "base/digest.h"
#include "base/time_text.h"
#include "base/url.h"
#include "pipeline/core.h"
#include "protocol/s3_object_headers.h"
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"

namespace fakeaws::protocol::s3ops {
namespace {

// DOC (DeleteObjects): up to 1,000 keys per request.
constexpr size_t kMaxDeleteObjects = 1000;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct CopySource {
  std::string bucket;
  std::string key;
};

// "/bucket/key" or "bucket/key", percent-encoded, maybe "?versionId=".
Outcome<CopySource> ParseCopySource(std::string_view header) {
  const std::string original(header);
  std::string_view value = header;
  const size_t question = value.find('?');
  if (question != std::string_view::npos) {
    const std::string_view query = value.substr(question + 1);
    if (query != "versionId=null") return s3::NotImplemented("x-amz-copy-source");
    value = value.substr(0, question);
  }
  if (!value.empty() && value.front() == '/') value.remove_prefix(1);
  const size_t slash = value.find('/');
  if (slash == std::string_view::npos) return s3::InvalidCopySource(original);
  auto bucket = base::PercentDecode(value.substr(0, slash));
  auto key = base::PercentDecode(value.substr(slash + 1));
  if (!bucket || !key || bucket->empty() || key->empty()) return s3::InvalidCopySource(original);
  return CopySource{std::move(*bucket), std::move(*key)};
}

}  // namespace

HttpResponse PutObject(S3Call& call) {
  if (auto header = UnsupportedWriteHeader(call.request.headers)) return call.Error(s3::NotImplemented(*header));
  auto payload = ReadPayload(call.request, call.core.options.limits.max_object_bytes);
  if (!payload.ok()) return call.Error(payload.error());
  s3::NewObject object;
  object.body = std::move(payload.value().body);
  object.md5 = payload.value().md5;
  object.checksum = payload.value().checksum;
  object.attributes = AttributesFromHeaders(call.request.headers);
  auto put = call.core.s3.PutObject(call.bucket(), call.key(), std::move(object), call.now,
                                    WriteConditionsFromHeaders(call.request.headers));
  if (!put.ok()) return call.Error(put.error());
  return S3Response(call)
      .Header("ETag", put.value().ETag())
      .Checksum(put.value().checksum)
      .Header("x-amz-server-side-encryption", kServerSideEncryption)
      .Empty();
}

HttpResponse DeleteObject(S3Call& call) {
  auto deleted = call.core.s3.DeleteObject(call.bucket(), call.key());
  if (!deleted.ok()) return call.Error(deleted.error());
  return S3Response(call, 204).Bodiless();
}

// <DeleteResult>: a <Deleted> per key (unless Quiet), then any <Error>s
// (DOC sample; MinIO's order).
HttpResponse DeleteObjects(S3Call& call) {
  auto payload = ReadPayload(call.request);
  if (!payload.ok()) return call.Error(payload.error());
  // DOC (DeleteObjects): Content-MD5 or an x-amz-checksum-* is required.
  if (!payload.value().integrity_checked) return call.Error(s3::MissingContentMd5());
  auto doc = ParseXml(payload.value().body.view());
  if (!doc || doc->name != "Delete") return call.Error(s3::MalformedXml());
  bool quiet = false;
  if (const XmlNode* q = doc->Child("Quiet")) {
    const std::string v = Upper(q->text);
    if (v != "TRUE" && v != "FALSE") return call.Error(s3::MalformedXml());
    quiet = v == "TRUE";
  }
  const auto objects = doc->Children("Object");
  if (objects.empty() || objects.size() > kMaxDeleteObjects) return call.Error(s3::MalformedXml());
  std::vector<std::string> keys;
  for (const XmlNode* o : objects) {
    const XmlNode* key = o->Child("Key");
    if (!key) return call.Error(s3::MalformedXml());
    keys.push_back(key->text);
  }
  if (!call.core.s3.BucketExists(call.bucket())) return call.Error(s3::NoSuchBucket(call.bucket()));

  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("DeleteResult");
  std::vector<std::pair<std::string, AwsError>> errors;
  for (const std::string& key : keys) {
    auto deleted = call.core.s3.DeleteObject(call.bucket(), key);
    if (!deleted.ok()) {
      errors.emplace_back(key, deleted.error());
    } else if (!quiet) {
      xml.Open("Deleted").Element("Key", key).Close("Deleted");
    }
  }
  for (const auto& [key, error] : errors) {
    xml.Open("Error").Element("Key", key).Element("Code", error.type).Element("Message", error.message).Close("Error");
  }
  xml.Close("DeleteResult");
  return S3Response(call).Xml(std::move(body));
}

// <CopyObjectResult>: LastModified, then ETag (DOC example; MinIO's order).
HttpResponse CopyObject(S3Call& call) {
  if (auto header = UnsupportedWriteHeader(call.request.headers)) return call.Error(s3::NotImplemented(*header));
  auto source = ParseCopySource(*call.Header("x-amz-copy-source"));
  if (!source.ok()) return call.Error(source.error());
  const std::string directive = std::string(call.Header("x-amz-metadata-directive").value_or("COPY"));
  if (directive != "COPY" && directive != "REPLACE") return call.Error(s3::InvalidMetadataDirective(directive));
  std::optional<s3::ChecksumAlgorithm> new_algorithm;
  if (auto name = call.Header("x-amz-checksum-algorithm")) {
    new_algorithm = s3::ParseAlgorithm(*name);
    if (!new_algorithm) return call.Error(s3::NotImplemented("x-amz-checksum-algorithm"));
  }
  if (!call.core.s3.BucketExists(call.bucket())) return call.Error(s3::NoSuchBucket(call.bucket()));
  const CopySource& from = source.value();
  auto got = call.core.s3.GetObject(from.bucket, from.key);
  if (!got.ok()) return call.Error(got.error());
  const s3::ObjectInfo& original = got.value();
  if (const uint64_t max = call.core.options.limits.max_object_bytes; original.body.size() > max) {
    return call.Error(s3::CopySourceTooLarge(max));
  }
  // Any failed condition on the source is 412, the not-modified ones too
  // (DOC: CopyObject conditional headers).
  const auto decision = s3::EvaluateReadConditions(
      ReadConditionsFromHeaders(call.request.headers, "x-amz-copy-source-"), original.ETag(), original.last_modified);
  if (decision.kind == s3::ReadDecision::kFailed) {
    return call.Error(s3::PreconditionFailed("x-amz-copy-source-" + decision.condition));
  }
  if (decision.kind == s3::ReadDecision::kNotModified) {
    const bool by_etag = call.Header("x-amz-copy-source-If-None-Match").has_value();
    return call.Error(s3::PreconditionFailed(by_etag ? "x-amz-copy-source-If-None-Match"
                                                     : "x-amz-copy-source-If-Modified-Since"));
  }
  if (from.bucket == call.bucket() && from.key == call.key() && directive == "COPY" && !new_algorithm) {
    return call.Error(s3::CopyOntoItself());
  }

  s3::NewObject copy;
  copy.body = original.body;
  // A copy is one new object: a multipart source's "-N" ETag becomes the
  // MD5 of the bytes (INFERRED), and its composite checksum is not kept.
  if (original.part_count == 0) copy.md5 = original.md5;
  copy.attributes = directive == "REPLACE" ? AttributesFromHeaders(call.request.headers) : original.attributes;
  if (new_algorithm) {
    copy.checksum = {*new_algorithm, s3::ChecksumType::kFullObject, 0, s3::Digest(*new_algorithm, copy.body.view())};
  } else if (original.checksum.type == s3::ChecksumType::kFullObject) {
    copy.checksum = original.checksum;
  }
  auto put = call.core.s3.PutObject(call.bucket(), call.key(), std::move(copy), call.now,
                                    WriteConditionsFromHeaders(call.request.headers));
  if (!put.ok()) return call.Error(put.error());
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("CopyObjectResult")
      .Element("LastModified", base::IsoTimestamp(put.value().last_modified))
      .Element("ETag", put.value().ETag())
      .Close("CopyObjectResult");
  return S3Response(call).Header("x-amz-server-side-encryption", kServerSideEncryption).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
