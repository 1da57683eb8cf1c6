// GetBucketTagging and GetObjectTagging for buckets and objects without tags.
#include "protocol/s3_ops.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {

// A bucket without tags has no TagSet at all: 404 NoSuchTagSet (s3/errors.h).
HttpResponse GetBucketTagging(S3Call& call) {
  if (!call.s3.store().BucketExists(call.bucket())) return call.Error(s3::NoSuchBucket(call.bucket()));
  return call.Error(s3::NoSuchTagSet(call.bucket()));
}

// An object without tags has an empty TagSet (DOC: GetObjectTagging;
// `<TagSet/>` and Content-Type INFERRED).
HttpResponse GetObjectTagging(S3Call& call) {
  auto got = call.s3.store().GetObject(call.bucket(), call.key());
  if (!got.ok()) return call.Error(got.error());
  std::string body(kXmlDeclaration);
  XmlWriter(&body).OpenRoot("Tagging").Element("TagSet", "").Close("Tagging");
  return S3Response(call).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
