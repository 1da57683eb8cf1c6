// PutObject, DeleteObject, DeleteObjects, CopyObject.
#include <cctype>

#include "base/digest.h"
#include "base/time_text.h"
#include "base/url.h"
#include "protocol/s3_object_headers.h"
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_tags.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

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
  std::optional<std::string> version_id;
};

// "/bucket/key" or "bucket/key", percent-encoded, maybe "?versionId=<id>"
// (DOC CopyObject: "append ?versionId=<version-id> to the value").
Outcome<CopySource> ParseCopySource(std::string_view header) {
  const std::string original(header);
  std::string_view value = header;
  std::optional<std::string> version_id;
  const size_t question = value.find('?');
  if (question != std::string_view::npos) {
    const std::string_view query = value.substr(question + 1);
    constexpr std::string_view kVersionId = "versionId=";
    if (query.substr(0, kVersionId.size()) != kVersionId) return s3::NotImplemented("x-amz-copy-source");
    auto id = base::PercentDecode(query.substr(kVersionId.size()));
    if (!id) return s3::InvalidCopySource(original);
    if (id->empty()) return s3::EmptyVersionId();
    version_id = std::move(*id);
    value = value.substr(0, question);
  }
  if (!value.empty() && value.front() == '/') value.remove_prefix(1);
  const size_t slash = value.find('/');
  if (slash == std::string_view::npos) return s3::InvalidCopySource(original);
  auto bucket = base::PercentDecode(value.substr(0, slash));
  auto key = base::PercentDecode(value.substr(slash + 1));
  if (!bucket || !key || bucket->empty() || key->empty()) return s3::InvalidCopySource(original);
  return CopySource{std::move(*bucket), std::move(*key), std::move(version_id)};
}

}  // namespace

HttpResponse PutObject(S3Call& call) {
  if (auto header = UnsupportedWriteHeader(call.request.headers)) return call.Error(s3::NotImplemented(*header));
  auto tags = TagsFromHeaders(call.request.headers);
  if (!tags.ok()) return call.Error(tags.error());
  auto payload = ReadPayload(call.request, call.s3.max_object_bytes());
  if (!payload.ok()) return call.Error(payload.error());
  s3::NewObject object;
  object.body = std::move(payload.value().body);
  object.md5 = payload.value().md5;
  object.checksum = payload.value().checksum;
  object.attributes = AttributesFromHeaders(call.request.headers);
  object.attributes.tags = std::move(tags.value());
  auto put = call.s3.store().PutObject(call.bucket(), call.key(), std::move(object), call.now,
                                    WriteConditionsFromHeaders(call.request.headers));
  if (!put.ok()) return call.Error(put.error());
  S3Response r(call);
  r.Header("ETag", put.value().ETag())
      .Checksum(put.value().checksum)
      .Header("x-amz-server-side-encryption", kServerSideEncryption);
  if (!put.value().version_id.empty()) r.Header("x-amz-version-id", put.value().version_id);
  return r.Empty();
}

// DOC (DeleteObject): x-amz-delete-marker when a marker was made or the
// version deleted was one, x-amz-version-id when the bucket has versions.
HttpResponse DeleteObject(S3Call& call) {
  auto version = VersionIdParam(call);
  if (!version.ok()) return call.Error(version.error());
  auto deleted = call.s3.store().DeleteObject(call.bucket(), call.key(), version.value(), call.now);
  if (!deleted.ok()) return call.Error(deleted.error());
  S3Response r(call, 204);
  if (deleted.value().delete_marker) r.Header("x-amz-delete-marker", "true");
  if (!deleted.value().version_id.empty()) r.Header("x-amz-version-id", deleted.value().version_id);
  return r.Bodiless();
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
  std::vector<s3::ObjectToDelete> keys;
  for (const XmlNode* o : objects) {
    const XmlNode* key = o->Child("Key");
    if (!key) return call.Error(s3::MalformedXml());
    s3::ObjectToDelete entry{key->text, std::nullopt};
    if (const XmlNode* version = o->Child("VersionId")) entry.version_id = version->text;
    keys.push_back(std::move(entry));
  }
  auto deleted = call.s3.DeleteObjects(call.bucket(), keys, call.now);
  if (!deleted.ok()) return call.Error(deleted.error());

  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("DeleteResult");
  if (!quiet) {
    for (const s3::DeletedKey& d : deleted.value()) {
      if (d.error) continue;
      // The version the request named comes back with the key, then the
      // marker made or deleted (DOC samples: <Deleted><Key>, <VersionId>;
      // <Deleted><Key>, <DeleteMarker>, <DeleteMarkerVersionId>).
      xml.Open("Deleted").Element("Key", d.key);
      if (d.version_id) xml.Element("VersionId", *d.version_id);
      if (d.delete_marker) {
        xml.Element("DeleteMarker", true).Element("DeleteMarkerVersionId", d.delete_marker_version_id);
      }
      xml.Close("Deleted");
    }
  }
  for (const s3::DeletedKey& d : deleted.value()) {
    if (!d.error) continue;
    xml.Open("Error").Element("Key", d.key);
    if (d.version_id) xml.Element("VersionId", *d.version_id);
    xml.Element("Code", d.error->type).Element("Message", d.error->message).Close("Error");
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
  const std::string tagging = std::string(call.Header("x-amz-tagging-directive").value_or("COPY"));
  if (tagging != "COPY" && tagging != "REPLACE") return call.Error(s3::InvalidTaggingDirective(tagging));
  s3::CopyObjectInput in;
  // With COPY the source's tags stay and an x-amz-tagging is not read
  // (DOC: "used in conjunction with the TaggingDirective").
  if (tagging == "REPLACE") {
    auto tags = TagsFromHeaders(call.request.headers);
    if (!tags.ok()) return call.Error(tags.error());
    in.replace_tags = std::move(tags.value());
  }
  if (auto name = call.Header("x-amz-checksum-algorithm")) {
    in.new_checksum = s3::ParseAlgorithm(*name);
    if (!in.new_checksum) return call.Error(s3::NotImplemented("x-amz-checksum-algorithm"));
  }
  in.source_bucket = std::move(source.value().bucket);
  in.source_key = std::move(source.value().key);
  in.source_version_id = std::move(source.value().version_id);
  in.bucket = call.bucket();
  in.key = call.key();
  in.replace_metadata = directive == "REPLACE";
  if (in.replace_metadata) in.attributes = AttributesFromHeaders(call.request.headers);
  in.source_conditions = ReadConditionsFromHeaders(call.request.headers, "x-amz-copy-source-");
  in.conditions = WriteConditionsFromHeaders(call.request.headers);
  auto copied = call.s3.CopyObject(in, call.now);
  if (!copied.ok()) return call.Error(copied.error());
  const s3::ObjectInfo& made = copied.value().object;
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("CopyObjectResult")
      .Element("LastModified", base::IsoTimestamp(made.last_modified))
      .Element("ETag", made.ETag())
      .Close("CopyObjectResult");
  S3Response r(call);
  // DOC (CopyObject): the source's version read, and the copy's own.
  if (!copied.value().source_version_id.empty()) {
    r.Header("x-amz-copy-source-version-id", copied.value().source_version_id);
  }
  if (!made.version_id.empty()) r.Header("x-amz-version-id", made.version_id);
  return r.Header("x-amz-server-side-encryption", kServerSideEncryption).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
