// Tags on buckets and objects: Get, Put and Delete of each.
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_tags.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

HttpResponse TaggingDocument(S3Call& call, const s3::TagSet& tags, const std::string& version_id = "") {
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("Tagging");
  WriteTagSet(xml, tags);
  xml.Close("Tagging");
  S3Response r(call);
  if (!version_id.empty()) r.Header("x-amz-version-id", version_id);
  return r.Xml(std::move(body));
}

// The ?versionId= a tagging call names; VersionIdParam has checked it.
std::optional<std::string> NamedVersion(const S3Call& call) { return call.address.query.Get("versionId"); }


// The <Tagging> body of a Put, which must carry Content-MD5 or an
// x-amz-checksum-* (the model's requestChecksumRequired).
Outcome<s3::TagSet> TagsFromBody(S3Call& call, TagScope scope) {
  auto payload = ReadPayload(call.request);
  if (!payload.ok()) return payload.error();
  if (!payload.value().integrity_checked) return s3::MissingContentMd5();
  return TagSetFromXml(payload.value().body.view(), scope);
}

}  // namespace

// A bucket without tags has no TagSet at all: 404 NoSuchTagSet (s3/errors.h).
HttpResponse GetBucketTagging(S3Call& call) {
  auto tags = call.s3.store().GetBucketTagging(call.bucket());
  if (!tags.ok()) return call.Error(tags.error());
  if (!tags.value()) return call.Error(s3::NoSuchTagSet(call.bucket()));
  return TaggingDocument(call, *tags.value());
}

// DOC (PutBucketTagging): "HTTP/1.1 204 No Content", as moto answers.
HttpResponse PutBucketTagging(S3Call& call) {
  if (!call.s3.store().BucketExists(call.bucket())) return call.Error(s3::NoSuchBucket(call.bucket()));
  auto tags = TagsFromBody(call, TagScope::kBucket);
  if (!tags.ok()) return call.Error(tags.error());
  auto put = call.s3.store().PutBucketTagging(call.bucket(), std::move(tags.value()));
  if (!put.ok()) return call.Error(put.error());
  return S3Response(call, 204).Bodiless();
}

HttpResponse DeleteBucketTagging(S3Call& call) {
  auto put = call.s3.store().PutBucketTagging(call.bucket(), {});
  if (!put.ok()) return call.Error(put.error());
  return S3Response(call, 204).Bodiless();
}

// An object without tags has an empty TagSet (DOC: GetObjectTagging;
// `<TagSet/>` and Content-Type INFERRED). The version's id comes back in
// x-amz-version-id (DOC), as for every object tagging call.
HttpResponse GetObjectTagging(S3Call& call) {
  s3::FoundVersion found;
  if (auto refused = FindObjectVersion(call, &found)) return std::move(*refused);
  return TaggingDocument(call, found.object->attributes.tags, found.version_id);
}

// DOC (PutObjectTagging): 200 with an empty body.
HttpResponse PutObjectTagging(S3Call& call) {
  s3::FoundVersion found;
  if (auto refused = FindObjectVersion(call, &found)) return std::move(*refused);
  auto tags = TagsFromBody(call, TagScope::kObject);
  if (!tags.ok()) return call.Error(tags.error());
  auto put = call.s3.store().PutObjectTagging(call.bucket(), call.key(), std::move(tags.value()),
                                           NamedVersion(call));
  if (!put.ok()) return call.Error(put.error());
  S3Response r(call);
  if (!found.version_id.empty()) r.Header("x-amz-version-id", found.version_id);
  return r.Empty();
}

// The model's responseCode: 204.
HttpResponse DeleteObjectTagging(S3Call& call) {
  s3::FoundVersion found;
  if (auto refused = FindObjectVersion(call, &found)) return std::move(*refused);
  auto put = call.s3.store().PutObjectTagging(call.bucket(), call.key(), {}, NamedVersion(call));
  if (!put.ok()) return call.Error(put.error());
  S3Response r(call, 204);
  if (!found.version_id.empty()) r.Header("x-amz-version-id", found.version_id);
  return r.Bodiless();
}

}  // namespace fakeaws::protocol::s3ops
