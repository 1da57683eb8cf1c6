// The configuration reads S3 answers for every bucket, configured or not:
// infrastructure tools read versioning, tagging, policy, CORS, encryption,
// lifecycle, ACL and the rest each time they look at a bucket, and a 501
// there breaks them. The fake configures none of these, so each answers as
// S3 answers a bucket nobody configured.
//
// Bytes: a third-party S3 server's record of real S3's answer to each read
// of a us-east-1 bucket nobody configured, status, Content-Type and body
// (public code search, "probe37", 2026-09-29; the texts agree with the AWS
// CLI's quotes named in s3/errors.h). Where that record and the moto_server
// baseline differ, the record wins: GetPublicAccessBlock is all four true
// and GetBucketOwnershipControls BucketOwnerEnforced for every bucket made
// since April 2023 (DOC: AWS News Blog, "Heads-Up: Amazon S3 Security
// Changes Are Coming in April of 2023": "all newly created buckets ... will
// by default have S3 Block Public Access enabled and access control lists
// (ACLs) disabled"), where moto answers NoSuchPublicAccessBlockConfiguration
// and ObjectWriter.
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

// NoSuchBucket before anything else (the record: "what does not exist is
// reported before the subresource").
std::optional<AwsError> MissingBucket(const S3Call& call) {
  if (call.s3.store().BucketExists(call.bucket())) return std::nullopt;
  return s3::NoSuchBucket(call.bucket());
}

// "<?xml ...?>\n<Root xmlns=\"...\">inner</Root>", or "<Root xmlns=\"...\"/>"
// when there is nothing inside.
std::string Document(std::string_view root, std::string_view inner) {
  std::string body(kXmlDeclaration);
  body.append("<").append(root).append(" xmlns=\"").append(kS3Namespace).append("\"");
  if (inner.empty()) return body.append("/>");
  return body.append(">").append(inner).append("</").append(root).append(">");
}

HttpResponse Untyped(S3Call& call, std::string_view root, std::string_view inner) {
  if (auto missing = MissingBucket(call)) return call.Error(*missing);
  return S3Response(call).XmlWithoutContentType(Document(root, inner));
}

HttpResponse NotConfigured(S3Call& call, AwsError (*error)(const std::string&)) {
  if (auto missing = MissingBucket(call)) return call.Error(*missing);
  return call.Error(error(call.bucket()));
}

// The owner holds FULL_CONTROL and nobody else a grant: ACLs are disabled
// (BucketOwnerEnforced) on every bucket made since April 2023. The Grantee's
// xsi attributes as the record shows them; no DisplayName (S3 stopped
// sending it in 2025, as ListBuckets here).
std::string OwnerOnlyAcl(const std::string& owner) {
  std::string id;
  AppendXmlText(&id, owner);
  return Document("AccessControlPolicy",
                  "<Owner><ID>" + id +
                      "</ID></Owner><AccessControlList><Grant><Grantee "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>" +
                      id + "</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList>");
}

}  // namespace

// Empty until versioning is set, then its Status (DOC GetBucketVersioning:
// "If the versioning state has never been set on a bucket, Amazon S3 returns
// <VersioningConfiguration xmlns=.../>"). No MfaDelete: it cannot be set
// here. Without Content-Type, as the record has the empty one (INFERRED for
// the others).
HttpResponse GetBucketVersioning(S3Call& call) {
  auto state = call.s3.store().GetVersioning(call.bucket());
  if (!state.ok()) return call.Error(state.error());
  switch (state.value()) {
    case s3::Versioning::kNever: return Untyped(call, "VersioningConfiguration", "");
    case s3::Versioning::kEnabled: return Untyped(call, "VersioningConfiguration", "<Status>Enabled</Status>");
    case s3::Versioning::kSuspended: return Untyped(call, "VersioningConfiguration", "<Status>Suspended</Status>");
  }
  return Untyped(call, "VersioningConfiguration", "");
}

// DOC (PutBucketVersioning): 200, empty; Content-MD5 or a checksum required
// (the model's requestChecksumRequired). A Status outside the model's enum,
// or an MfaDelete outside its own, does not validate against the schema:
// MalformedXML (INFERRED, as for any document S3 cannot read). MFA delete
// needs an MFA device's code (x-amz-mfa), which the fake does not model: 501.
HttpResponse PutBucketVersioning(S3Call& call) {
  if (auto missing = MissingBucket(call)) return call.Error(*missing);
  auto payload = ReadPayload(call.request);
  if (!payload.ok()) return call.Error(payload.error());
  if (!payload.value().integrity_checked) return call.Error(s3::MissingContentMd5());
  auto doc = ParseXml(payload.value().body.view());
  if (!doc || doc->name != "VersioningConfiguration") return call.Error(s3::MalformedXml());
  if (const XmlNode* mfa = doc->Child("MfaDelete")) {
    if (mfa->text == "Enabled") return call.Error(s3::NotImplemented());
    if (mfa->text != "Disabled") return call.Error(s3::MalformedXml());
  }
  if (const XmlNode* status = doc->Child("Status")) {
    if (status->text != "Enabled" && status->text != "Suspended") return call.Error(s3::MalformedXml());
    auto set = call.s3.store().SetVersioning(
        call.bucket(), status->text == "Enabled" ? s3::Versioning::kEnabled : s3::Versioning::kSuspended);
    if (!set.ok()) return call.Error(set.error());
  }
  return S3Response(call).Empty();
}

HttpResponse GetBucketAccelerateConfiguration(S3Call& call) { return Untyped(call, "AccelerateConfiguration", ""); }

HttpResponse GetBucketNotificationConfiguration(S3Call& call) {
  return Untyped(call, "NotificationConfiguration", "");
}

HttpResponse GetBucketRequestPayment(S3Call& call) {
  return Untyped(call, "RequestPaymentConfiguration", "<Payer>BucketOwner</Payer>");
}

HttpResponse GetBucketOwnershipControls(S3Call& call) {
  return Untyped(call, "OwnershipControls", "<Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule>");
}

HttpResponse GetPublicAccessBlock(S3Call& call) {
  return Untyped(call, "PublicAccessBlockConfiguration",
                 "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
                 "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>");
}

// SSE-S3 is every bucket's default encryption since January 2023, and SSE-C
// is blocked on new buckets (the record; BucketKeyEnabled comes first there).
HttpResponse GetBucketEncryption(S3Call& call) {
  return Untyped(call, "ServerSideEncryptionConfiguration",
                 "<Rule><BucketKeyEnabled>false</BucketKeyEnabled><ApplyServerSideEncryptionByDefault>"
                 "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault><BlockedEncryptionTypes>"
                 "<EncryptionType>SSE-C</EncryptionType></BlockedEncryptionTypes></Rule>");
}

// Real S3 answers with a template: a blank line after the declaration and
// the element to add as a comment, with Content-Type (the record).
HttpResponse GetBucketLogging(S3Call& call) {
  if (auto missing = MissingBucket(call)) return call.Error(*missing);
  std::string body(kXmlDeclaration);
  body.append("\n<BucketLoggingStatus xmlns=\"").append(kS3Namespace).append("\">\n");
  body.append(
      "  <!--<LoggingEnabled><TargetBucket>myLogsBucket</TargetBucket><TargetPrefix>add/this/prefix/to/my/log/files/"
      "access_log-</TargetPrefix></LoggingEnabled>-->\n");
  body.append("</BucketLoggingStatus>\n");
  return S3Response(call).Xml(std::move(body));
}

HttpResponse GetBucketAcl(S3Call& call) {
  if (auto missing = MissingBucket(call)) return call.Error(*missing);
  return S3Response(call).Xml(OwnerOnlyAcl(call.s3.owner_id()));
}

// The object's ACL is the bucket owner's too (BucketOwnerEnforced); the
// object must exist (NoSuchKey). Content-Type as GetBucketAcl's (INFERRED).
HttpResponse GetObjectAcl(S3Call& call) {
  s3::FoundVersion found;
  if (auto refused = FindObjectVersion(call, &found)) return std::move(*refused);
  S3Response r(call);
  if (!found.version_id.empty()) r.Header("x-amz-version-id", found.version_id);
  return r.Xml(OwnerOnlyAcl(call.s3.owner_id()));
}

HttpResponse GetBucketPolicy(S3Call& call) { return NotConfigured(call, &s3::NoSuchBucketPolicy); }
// Without a policy there is no status to tell: the same NoSuchBucketPolicy
// (the record; the AWS CLI dump in s3/errors.h), where moto answers
// IsPublic false.
HttpResponse GetBucketPolicyStatus(S3Call& call) { return NotConfigured(call, &s3::NoSuchBucketPolicy); }
HttpResponse GetBucketCors(S3Call& call) { return NotConfigured(call, &s3::NoSuchCorsConfiguration); }
HttpResponse GetBucketLifecycleConfiguration(S3Call& call) {
  return NotConfigured(call, &s3::NoSuchLifecycleConfiguration);
}
HttpResponse GetBucketWebsite(S3Call& call) { return NotConfigured(call, &s3::NoSuchWebsiteConfiguration); }
HttpResponse GetObjectLockConfiguration(S3Call& call) {
  return NotConfigured(call, &s3::ObjectLockConfigurationNotFound);
}
HttpResponse GetBucketReplication(S3Call& call) { return NotConfigured(call, &s3::ReplicationConfigurationNotFound); }

}  // namespace fakeaws::protocol::s3ops
