#include "protocol/s3_router.h"

#include <algorithm>

#include "base/url.h"
#include "protocol/call.h"
#include "s3/errors.h"

namespace fakeaws::protocol {
namespace {

// Query parameters that name an S3 subresource (DOC: the REST API's
// operations). Unknown parameters (such as the "x-id" some SDKs add) are
// ignored, as S3 does; a subresource the fake lacks is NotImplemented.
bool IsSubresource(const std::string& name) {
  static const char* const kNames[] = {
      "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption",
      "intelligent-tiering", "inventory", "legal-hold", "lifecycle", "list-type", "location", "logging",
      "metadataConfiguration", "metadataTable", "metrics", "notification", "object-lock",
      "ownershipControls", "partNumber", "policy", "policyStatus", "publicAccessBlock", "renameObject",
      "replication", "requestPayment", "restore", "retention", "select", "session", "tagging", "torrent",
      "uploadId", "uploads", "versionId", "versioning", "versions", "website"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// The subresources present, except those in `allowed`; NotImplemented names
// none of S3's texts for this, so the first extra one decides.
bool HasOtherSubresource(const S3Address& a, std::initializer_list<const char*> allowed) {
  for (const auto& param : a.query.params()) {
    const std::string& name = param.first;
    if (!IsSubresource(name)) continue;
    if (name == "versionId" && param.second == "null") continue;  // the only version of an unversioned object
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* n) { return name == n; })) return true;
  }
  return false;
}

std::variant<s3ops::Handler, AwsError> ServiceRoute(const std::string& method, const S3Address& a) {
  if ((method == "GET" || method == "HEAD") && !HasOtherSubresource(a, {})) return &s3ops::ListBuckets;
  if (method == "GET" || method == "HEAD") return s3::NotImplemented();
  return s3::MethodNotAllowed(method, "SERVICE");
}

std::variant<s3ops::Handler, AwsError> BucketRoute(const std::string& method, const S3Address& a) {
  const base::Query& q = a.query;
  if (method == "GET") {
    if (q.Has("location") && !HasOtherSubresource(a, {"location"})) return &s3ops::GetBucketLocation;
    if (q.Has("uploads") && !HasOtherSubresource(a, {"uploads"})) return &s3ops::ListMultipartUploads;
    if (q.Get("list-type") == std::optional<std::string>("2") && !HasOtherSubresource(a, {"list-type"})) {
      return &s3ops::ListObjectsV2;
    }
    if (!HasOtherSubresource(a, {})) return &s3ops::ListObjects;
    return s3::NotImplemented();
  }
  if (method == "HEAD" || method == "PUT" || method == "DELETE") {
    if (HasOtherSubresource(a, {})) return s3::NotImplemented();
    if (method == "HEAD") return &s3ops::HeadBucket;
    return method == "PUT" ? &s3ops::CreateBucket : &s3ops::DeleteBucket;
  }
  if (method == "POST") {
    if (q.Has("delete") && !HasOtherSubresource(a, {"delete"})) return &s3ops::DeleteObjects;
    // A POST without a subresource is a browser form upload.
    return s3::NotImplemented();
  }
  return s3::MethodNotAllowed(method, "BUCKET");
}

std::variant<s3ops::Handler, AwsError> ObjectRoute(const std::string& method, const S3Address& a,
                                                   const Headers& headers) {
  const base::Query& q = a.query;
  const bool copy = headers.Has("x-amz-copy-source");
  if (method == "PUT") {
    if (q.Has("partNumber") && q.Has("uploadId") && !HasOtherSubresource(a, {"partNumber", "uploadId"})) {
      // UploadPartCopy is not built.
      if (copy) return s3::NotImplemented("x-amz-copy-source");
      return &s3ops::UploadPart;
    }
    if (HasOtherSubresource(a, {})) return s3::NotImplemented();
    return copy ? &s3ops::CopyObject : &s3ops::PutObject;
  }
  if (method == "GET" || method == "HEAD") {
    if (method == "GET" && q.Has("uploadId") && !HasOtherSubresource(a, {"uploadId"})) return &s3ops::ListParts;
    if (HasOtherSubresource(a, {})) return s3::NotImplemented();
    return &s3ops::GetObject;
  }
  if (method == "DELETE") {
    if (q.Has("uploadId") && !HasOtherSubresource(a, {"uploadId"})) return &s3ops::AbortMultipartUpload;
    if (HasOtherSubresource(a, {})) return s3::NotImplemented();
    return &s3ops::DeleteObject;
  }
  if (method == "POST") {
    if (q.Has("uploads") && !HasOtherSubresource(a, {"uploads"})) return &s3ops::CreateMultipartUpload;
    if (q.Has("uploadId") && !HasOtherSubresource(a, {"uploadId"})) return &s3ops::CompleteMultipartUpload;
    if (HasOtherSubresource(a, {})) return s3::NotImplemented();  // restore, select, renameObject
    return s3::MethodNotAllowed(method, "OBJECT");
  }
  return s3::MethodNotAllowed(method, "OBJECT");
}

}  // namespace

// Bucket and key come from core/call.h's ParseS3Address, the one place that
// reads addresses, so the journal, the fault rules and this router always
// name the same bucket. Escapes are checked here: a broken one is InvalidURI
// (DOC table), where the journal keeps it as written. Paths keep '+' as '+'
// (INFERRED: SDKs send a key's '+' as %2B, so only hand-made URLs can tell);
// in a query '+' is a space, as in forms.
Outcome<S3Address> ParseAddress(const HttpRequest& request) {
  S3Address a;
  a.host = std::string(request.headers.Get("Host").value_or(""));
  const std::string& target = request.target;
  const size_t question = target.find('?');
  const std::string_view path = std::string_view(target).substr(0, question);
  auto query = base::Query::Parse(question == std::string::npos ? "" : std::string_view(target).substr(question + 1));
  if (!query || path.empty() || path.front() != '/' || !base::PercentDecode(path)) return s3::InvalidUri(target);
  a.query = std::move(*query);
  internal::S3Address parsed = internal::ParseS3Address(request);
  a.bucket = std::move(parsed.bucket);
  a.key = std::move(parsed.key);
  a.virtual_hosted = parsed.virtual_hosted;
  a.has_key = !a.key.empty();
  return a;
}

std::variant<s3ops::Handler, AwsError> Route(const std::string& method, const S3Address& address,
                                             const Headers& headers) {
  if (address.bucket.empty()) return ServiceRoute(method, address);
  if (!address.has_key) return BucketRoute(method, address);
  return ObjectRoute(method, address, headers);
}

}  // namespace fakeaws::protocol
