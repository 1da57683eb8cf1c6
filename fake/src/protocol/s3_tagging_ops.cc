// Tags on buckets and objects: Get, Put and Delete of each.
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_tags.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

HttpResponse TaggingDocument(S3Call& call, const s3::TagSet& tags) {
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("Tagging");
  WriteTagSet(xml, tags);
  xml.Close("Tagging");
  return S3Response(call).Xml(std::move(body));
}

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
// `<TagSet/>` and Content-Type INFERRED).
HttpResponse GetObjectTagging(S3Call& call) {
  auto got = call.s3.store().GetObject(call.bucket(), call.key());
  if (!got.ok()) return call.Error(got.error());
  return TaggingDocument(call, got.value().attributes.tags);
}

// DOC (PutObjectTagging): 200 with an empty body.
HttpResponse PutObjectTagging(S3Call& call) {
  if (auto got = call.s3.store().GetObject(call.bucket(), call.key()); !got.ok()) return call.Error(got.error());
  auto tags = TagsFromBody(call, TagScope::kObject);
  if (!tags.ok()) return call.Error(tags.error());
  auto put = call.s3.store().PutObjectTagging(call.bucket(), call.key(), std::move(tags.value()));
  if (!put.ok()) return call.Error(put.error());
  return S3Response(call).Empty();
}

// The model's responseCode: 204.
HttpResponse DeleteObjectTagging(S3Call& call) {
  auto put = call.s3.store().PutObjectTagging(call.bucket(), call.key(), {});
  if (!put.ok()) return call.Error(put.error());
  return S3Response(call, 204).Bodiless();
}

}  // namespace fakeaws::protocol::s3ops
