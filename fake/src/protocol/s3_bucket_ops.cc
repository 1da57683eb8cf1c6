// ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation.
#include "base/base64.h"
#include "base/seeded.h"
#include "base/time_text.h"
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {

// <ListAllMyBucketsResult>: Owner, then Buckets of Name and CreationDate
// (DOC sample). DisplayName is left out: AWS stopped returning it in 2025
// (INFERRED from AWS's announcement). prefix, max-buckets and
// continuation-token page the list (DOC: ListBuckets).
HttpResponse ListBuckets(S3Call& call) {
  const base::Query& q = call.address.query;
  size_t max_buckets = 10000;
  if (auto raw = q.Get("max-buckets")) {
    char* end = nullptr;
    const long v = std::strtol(raw->c_str(), &end, 10);
    if (raw->empty() || *end != '\0' || v < 1 || v > 10000) return call.Error(s3::NotAnInteger("max-buckets", *raw));
    max_buckets = static_cast<size_t>(v);
  }
  const std::string prefix = q.Get("prefix").value_or("");
  std::string after;
  if (auto token = q.Get("continuation-token")) {
    if (!base::Base64Decode(*token, &after) || after.empty()) {
      return call.Error(s3::InvalidContinuationToken());
    }
  }
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListAllMyBucketsResult")
      .Open("Owner")
      .Element("ID", call.s3.owner_id())
      .Close("Owner")
      .Open("Buckets");
  const s3::BucketPage page = call.s3.ListBuckets(prefix, after, max_buckets);
  for (const auto& b : page.buckets) {
    xml.Open("Bucket").Element("Name", b.name).Element("CreationDate", base::IsoTimestamp(b.creation_date)).Close("Bucket");
  }
  xml.Close("Buckets");
  if (page.truncated) xml.Element("ContinuationToken", base::Base64Encode(page.buckets.back().name));
  if (q.Has("prefix")) xml.Element("Prefix", prefix);
  xml.Close("ListAllMyBucketsResult");
  return S3Response(call).Xml(std::move(body));
}

HttpResponse CreateBucket(S3Call& call) {
  // The bucket name is checked before the body is read (INFERRED order).
  if (!s3::IsValidBucketName(call.bucket())) return call.Error(s3::InvalidBucketName(call.bucket()));
  auto payload = ReadPayload(call.request);
  if (!payload.ok()) return call.Error(payload.error());
  std::optional<std::string> constraint;
  const std::string_view text = payload.value().body.view();
  if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    auto doc = ParseXml(text);
    if (!doc || doc->name != "CreateBucketConfiguration") return call.Error(s3::MalformedXml());
    if (const XmlNode* c = doc->Child("LocationConstraint"); c && !c->text.empty()) constraint = c->text;
  }
  auto created = call.s3.store().CreateBucket(call.bucket(), constraint, call.now);
  if (!created.ok()) return call.Error(created.error());
  // DOC sample: "Location: /amzn-s3-demo-bucket".
  return S3Response(call).Header("Location", "/" + call.bucket()).Empty();
}

HttpResponse HeadBucket(S3Call& call) {
  auto bucket = call.s3.store().GetBucket(call.bucket());
  if (!bucket.ok()) return call.Error(bucket.error());
  // The model's HeadBucket output headers; values INFERRED.
  return S3Response(call)
      .Header("x-amz-bucket-region", bucket.value().region)
      .Header("x-amz-access-point-alias", "false")
      .Content("application/xml", "", 0);
}

HttpResponse DeleteBucket(S3Call& call) {
  auto deleted = call.s3.store().DeleteBucket(call.bucket());
  if (!deleted.ok()) return call.Error(deleted.error());
  return S3Response(call, 204).Bodiless();
}

// DOC: <LocationConstraint xmlns="..."/> for us-east-1, else the region.
HttpResponse GetBucketLocation(S3Call& call) {
  auto bucket = call.s3.store().GetBucket(call.bucket());
  if (!bucket.ok()) return call.Error(bucket.error());
  std::string body(kXmlDeclaration);
  const std::string& region = bucket.value().region;
  body += "<LocationConstraint xmlns=\"" + std::string(kS3Namespace) + "\"";
  if (region == "us-east-1") {
    body += "/>";
  } else {
    body += ">";
    AppendXmlText(&body, region);
    body += "</LocationConstraint>";
  }
  return S3Response(call).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
