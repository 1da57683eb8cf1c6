#include "protocol/s3_router.h"

#include <algorithm>
#include <cctype>

#include "protocol/s3_ops.h"
#include "s3/errors.h"

namespace fakeaws::protocol {
namespace {

using Op = S3Operation;
constexpr Op::Level kService = Op::kService, kBucket = Op::kBucket, kObject = Op::kObject;

// botocore's S3 model: "<METHOD> /{Bucket}/{Key+}?<param>". A request with
// several subresources is named by the first row it matches, so the order
// is the journal's: rows the fake answers lead their group. Rows without a
// parameter come last.
constexpr Op kOperations[] = {
    // GET /
    {"ListBuckets", "GET", kService, "", "", Op::kEither, &s3ops::ListBuckets},
    {"ListBuckets", "HEAD", kService, "", "", Op::kEither, &s3ops::ListBuckets},

    // /{Bucket}?<param>
    {"ListObjectsV2", "GET", kBucket, "list-type", "", Op::kEither, &s3ops::ListObjectsV2, "2"},
    {"GetBucketLocation", "GET", kBucket, "location", "", Op::kEither, &s3ops::GetBucketLocation},
    {"ListMultipartUploads", "GET", kBucket, "uploads", "", Op::kEither, &s3ops::ListMultipartUploads},
    {"ListObjectVersions", "GET", kBucket, "versions", "", Op::kEither, &s3ops::ListObjectVersions},
    {"DeleteObjects", "POST", kBucket, "delete", "", Op::kEither, &s3ops::DeleteObjects},
    {"GetBucketVersioning", "GET", kBucket, "versioning", "", Op::kEither, &s3ops::GetBucketVersioning},
    {"PutBucketVersioning", "PUT", kBucket, "versioning", "", Op::kEither, &s3ops::PutBucketVersioning},
    {"GetBucketTagging", "GET", kBucket, "tagging", "", Op::kEither, &s3ops::GetBucketTagging},
    {"PutBucketTagging", "PUT", kBucket, "tagging", "", Op::kEither, &s3ops::PutBucketTagging},
    {"DeleteBucketTagging", "DELETE", kBucket, "tagging", "", Op::kEither, &s3ops::DeleteBucketTagging},
    {"GetBucketPolicy", "GET", kBucket, "policy", "", Op::kEither, &s3ops::GetBucketPolicy},
    {"PutBucketPolicy", "PUT", kBucket, "policy"},
    {"DeleteBucketPolicy", "DELETE", kBucket, "policy"},
    {"GetBucketAcl", "GET", kBucket, "acl", "", Op::kEither, &s3ops::GetBucketAcl},
    {"PutBucketAcl", "PUT", kBucket, "acl"},
    {"GetBucketCors", "GET", kBucket, "cors", "", Op::kEither, &s3ops::GetBucketCors},
    {"PutBucketCors", "PUT", kBucket, "cors"},
    {"DeleteBucketCors", "DELETE", kBucket, "cors"},
    {"GetBucketLifecycleConfiguration", "GET", kBucket, "lifecycle", "", Op::kEither, &s3ops::GetBucketLifecycleConfiguration},
    {"PutBucketLifecycleConfiguration", "PUT", kBucket, "lifecycle"},
    {"DeleteBucketLifecycle", "DELETE", kBucket, "lifecycle"},
    {"GetBucketEncryption", "GET", kBucket, "encryption", "", Op::kEither, &s3ops::GetBucketEncryption},
    {"PutBucketEncryption", "PUT", kBucket, "encryption"},
    {"DeleteBucketEncryption", "DELETE", kBucket, "encryption"},
    {"GetBucketNotificationConfiguration", "GET", kBucket, "notification", "", Op::kEither, &s3ops::GetBucketNotificationConfiguration},
    {"PutBucketNotificationConfiguration", "PUT", kBucket, "notification"},
    {"GetBucketAbac", "GET", kBucket, "abac"},
    {"PutBucketAbac", "PUT", kBucket, "abac"},
    {"GetBucketAccelerateConfiguration", "GET", kBucket, "accelerate", "", Op::kEither, &s3ops::GetBucketAccelerateConfiguration},
    {"PutBucketAccelerateConfiguration", "PUT", kBucket, "accelerate"},
    {"GetBucketAnalyticsConfiguration", "GET", kBucket, "analytics", "id"},
    {"ListBucketAnalyticsConfigurations", "GET", kBucket, "analytics"},
    {"PutBucketAnalyticsConfiguration", "PUT", kBucket, "analytics"},
    {"DeleteBucketAnalyticsConfiguration", "DELETE", kBucket, "analytics"},
    {"GetBucketIntelligentTieringConfiguration", "GET", kBucket, "intelligent-tiering", "id"},
    {"ListBucketIntelligentTieringConfigurations", "GET", kBucket, "intelligent-tiering"},
    {"PutBucketIntelligentTieringConfiguration", "PUT", kBucket, "intelligent-tiering"},
    {"DeleteBucketIntelligentTieringConfiguration", "DELETE", kBucket, "intelligent-tiering"},
    {"GetBucketInventoryConfiguration", "GET", kBucket, "inventory", "id"},
    {"ListBucketInventoryConfigurations", "GET", kBucket, "inventory"},
    {"PutBucketInventoryConfiguration", "PUT", kBucket, "inventory"},
    {"DeleteBucketInventoryConfiguration", "DELETE", kBucket, "inventory"},
    {"GetBucketMetricsConfiguration", "GET", kBucket, "metrics", "id"},
    {"ListBucketMetricsConfigurations", "GET", kBucket, "metrics"},
    {"PutBucketMetricsConfiguration", "PUT", kBucket, "metrics"},
    {"DeleteBucketMetricsConfiguration", "DELETE", kBucket, "metrics"},
    {"GetBucketLogging", "GET", kBucket, "logging", "", Op::kEither, &s3ops::GetBucketLogging},
    {"PutBucketLogging", "PUT", kBucket, "logging"},
    {"GetBucketMetadataConfiguration", "GET", kBucket, "metadataConfiguration"},
    {"CreateBucketMetadataConfiguration", "POST", kBucket, "metadataConfiguration"},
    {"DeleteBucketMetadataConfiguration", "DELETE", kBucket, "metadataConfiguration"},
    {"UpdateBucketMetadataInventoryTableConfiguration", "PUT", kBucket, "metadataInventoryTable"},
    {"UpdateBucketMetadataJournalTableConfiguration", "PUT", kBucket, "metadataJournalTable"},
    {"GetBucketMetadataTableConfiguration", "GET", kBucket, "metadataTable"},
    {"CreateBucketMetadataTableConfiguration", "POST", kBucket, "metadataTable"},
    {"DeleteBucketMetadataTableConfiguration", "DELETE", kBucket, "metadataTable"},
    {"GetObjectLockConfiguration", "GET", kBucket, "object-lock", "", Op::kEither, &s3ops::GetObjectLockConfiguration},
    {"PutObjectLockConfiguration", "PUT", kBucket, "object-lock"},
    {"GetBucketOwnershipControls", "GET", kBucket, "ownershipControls", "", Op::kEither, &s3ops::GetBucketOwnershipControls},
    {"PutBucketOwnershipControls", "PUT", kBucket, "ownershipControls"},
    {"DeleteBucketOwnershipControls", "DELETE", kBucket, "ownershipControls"},
    {"GetBucketPolicyStatus", "GET", kBucket, "policyStatus", "", Op::kEither, &s3ops::GetBucketPolicyStatus},
    {"GetPublicAccessBlock", "GET", kBucket, "publicAccessBlock", "", Op::kEither, &s3ops::GetPublicAccessBlock},
    {"PutPublicAccessBlock", "PUT", kBucket, "publicAccessBlock"},
    {"DeletePublicAccessBlock", "DELETE", kBucket, "publicAccessBlock"},
    {"GetBucketReplication", "GET", kBucket, "replication", "", Op::kEither, &s3ops::GetBucketReplication},
    {"PutBucketReplication", "PUT", kBucket, "replication"},
    {"DeleteBucketReplication", "DELETE", kBucket, "replication"},
    {"GetBucketRequestPayment", "GET", kBucket, "requestPayment", "", Op::kEither, &s3ops::GetBucketRequestPayment},
    {"PutBucketRequestPayment", "PUT", kBucket, "requestPayment"},
    {"CreateSession", "GET", kBucket, "session"},
    {"GetBucketWebsite", "GET", kBucket, "website", "", Op::kEither, &s3ops::GetBucketWebsite},
    {"PutBucketWebsite", "PUT", kBucket, "website"},
    {"DeleteBucketWebsite", "DELETE", kBucket, "website"},
    // /{Bucket}
    {"ListObjects", "GET", kBucket, "", "", Op::kEither, &s3ops::ListObjects},
    {"HeadBucket", "HEAD", kBucket, "", "", Op::kEither, &s3ops::HeadBucket},
    {"CreateBucket", "PUT", kBucket, "", "", Op::kEither, &s3ops::CreateBucket},
    {"DeleteBucket", "DELETE", kBucket, "", "", Op::kEither, &s3ops::DeleteBucket},

    // /{Bucket}/{Key+}?<param>
    {"ListParts", "GET", kObject, "uploadId", "", Op::kEither, &s3ops::ListParts},
    {"UploadPartCopy", "PUT", kObject, "uploadId", "", Op::kWith, nullptr, "", "partNumber"},
    {"UploadPart", "PUT", kObject, "uploadId", "", Op::kWithout, &s3ops::UploadPart, "", "partNumber"},
    {"CompleteMultipartUpload", "POST", kObject, "uploadId", "", Op::kEither, &s3ops::CompleteMultipartUpload},
    {"AbortMultipartUpload", "DELETE", kObject, "uploadId", "", Op::kEither, &s3ops::AbortMultipartUpload},
    {"CreateMultipartUpload", "POST", kObject, "uploads", "", Op::kEither, &s3ops::CreateMultipartUpload},
    {"GetObjectTagging", "GET", kObject, "tagging", "", Op::kEither, &s3ops::GetObjectTagging},
    {"PutObjectTagging", "PUT", kObject, "tagging", "", Op::kEither, &s3ops::PutObjectTagging},
    {"DeleteObjectTagging", "DELETE", kObject, "tagging", "", Op::kEither, &s3ops::DeleteObjectTagging},
    {"GetObjectAcl", "GET", kObject, "acl", "", Op::kEither, &s3ops::GetObjectAcl},
    {"PutObjectAcl", "PUT", kObject, "acl"},
    {"GetObjectAttributes", "GET", kObject, "attributes"},
    {"RestoreObject", "POST", kObject, "restore"},
    {"RenameObject", "PUT", kObject, "renameObject"},
    {"UpdateObjectEncryption", "PUT", kObject, "encryption"},
    {"GetObjectLegalHold", "GET", kObject, "legal-hold"},
    {"PutObjectLegalHold", "PUT", kObject, "legal-hold"},
    {"GetObjectRetention", "GET", kObject, "retention"},
    {"PutObjectRetention", "PUT", kObject, "retention"},
    {"SelectObjectContent", "POST", kObject, "select"},
    {"GetObjectTorrent", "GET", kObject, "torrent"},
    // /{Bucket}/{Key+}
    {"GetObject", "GET", kObject, "", "", Op::kEither, &s3ops::GetObject},
    {"HeadObject", "HEAD", kObject, "", "", Op::kEither, &s3ops::GetObject},
    {"CopyObject", "PUT", kObject, "", "", Op::kWith, &s3ops::CopyObject},
    {"PutObject", "PUT", kObject, "", "", Op::kWithout, &s3ops::PutObject},
    {"DeleteObject", "DELETE", kObject, "", "", Op::kEither, &s3ops::DeleteObject},
};

// Query parameters that name a subresource: every row's, and those that
// qualify one. Others (such as the "x-id" some SDKs add) are ignored, as S3
// does.
bool IsSubresource(std::string_view name) {
  if (name == "partNumber" || name == "versionId" || name == "uploadId") return true;
  return std::any_of(std::begin(kOperations), std::end(kOperations),
                     [&](const Op& op) { return !op.param.empty() && op.param == name; });
}

// The "null" version of an unversioned object is the object itself.
bool IsNullVersion(const std::string& name, const std::string& value) {
  return name == "versionId" && value == "null";
}

// The operations the fake answers that take a ?versionId= (botocore's
// model: VersionId in the querystring).
bool TakesVersionId(const Op& op) {
  return op.handler == &s3ops::GetObject || op.handler == &s3ops::DeleteObject ||
         op.handler == &s3ops::GetObjectTagging || op.handler == &s3ops::PutObjectTagging ||
         op.handler == &s3ops::DeleteObjectTagging || op.handler == &s3ops::GetObjectAcl;
}

bool Selects(const Op& op, const HttpRequest& request, Op::Level level, const base::Query& query, bool copy) {
  if (op.level != level || op.method != request.method) return false;
  if (op.copy_source == Op::kWith && !copy) return false;
  if (op.copy_source == Op::kWithout && copy) return false;
  if (!op.param.empty() && !query.Has(op.param)) return false;
  return op.with.empty() || query.Has(op.with);
}

// The row a request names: the first with a parameter it has, else the
// first without one.
const Op* Name(const HttpRequest& request, Op::Level level, const base::Query& query, bool copy) {
  for (bool with_param : {true, false}) {
    for (const Op& op : kOperations) {
      if (op.param.empty() == with_param) continue;
      if (Selects(op, request, level, query, copy)) return &op;
    }
  }
  return nullptr;
}

// True when the request asks for nothing but what `op` is answered with.
bool OnlyItsOwnSubresources(const Op& op, const base::Query& query) {
  for (const auto& [name, value] : query.params()) {
    if (!IsSubresource(name) || IsNullVersion(name, value) || name == op.param || name == op.answered_with ||
        (name == "versionId" && TakesVersionId(op))) {
      continue;
    }
    return false;
  }
  return true;
}

const char* LevelWord(Op::Level level) {
  return level == kService ? "SERVICE" : level == kBucket ? "BUCKET" : "OBJECT";
}

bool HasSubresource(const base::Query& query) {
  return std::any_of(query.params().begin(), query.params().end(),
                     [](const auto& p) { return IsSubresource(p.first) && !IsNullVersion(p.first, p.second); });
}

// Why a request no row answers is refused: S3 knows the method on the
// resource (NotImplemented) or it does not (MethodNotAllowed).
AwsError Unanswered(const HttpRequest& request, Op::Level level, const base::Query& query) {
  const std::string& m = request.method;
  // No operation HEADs a configuration (HEAD /b?versioning): S3 answers 405
  // (the record named in s3_bucket_config_ops.cc). A HEAD by part number is
  // HeadObject's, which the fake has not built.
  if (m == "HEAD" && level != kService && HasSubresource(query) && !query.Has("partNumber")) {
    return s3::MethodNotAllowed(m, LevelWord(level));
  }
  const bool known = level == kService   ? m == "GET" || m == "HEAD"
                     : level == kBucket  ? m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "POST"
                                         : m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" ||
                                              (m == "POST" && HasSubresource(query));
  return known ? s3::NotImplemented() : s3::MethodNotAllowed(m, LevelWord(level));
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsIpv4(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

// The bucket a virtual-hosted Host names, or "" for path style. Clients put
// the bucket first when the endpoint is a host name (wire-format.md §4.3:
// `http://bkt.localhost:9000/`, `https://bkt.s3.us-west-2.amazonaws.com/`).
std::string VirtualHostBucket(std::string_view host_header) {
  if (StartsWith(host_header, "[")) return "";  // an IPv6 literal is never a bucket
  const size_t colon = host_header.rfind(':');
  const std::string_view host = colon == std::string_view::npos ? host_header : host_header.substr(0, colon);
  if (host.empty() || IsIpv4(host)) return "";
  if (EndsWith(host, ".localhost")) return std::string(host.substr(0, host.size() - 10));
  if (StartsWith(host, "s3.") || StartsWith(host, "s3-")) return "";
  // The endpoint part ends the host, so the last marker is the one: a bucket
  // may itself contain ".s3." (my.s3.data.s3.us-west-2.amazonaws.com).
  for (std::string_view marker : {".s3.", ".s3-"}) {
    const size_t at = host.rfind(marker);
    if (at != std::string_view::npos && at > 0) return std::string(host.substr(0, at));
  }
  return "";
}

}  // namespace

// Bucket and key are decoded leniently, so the journal and fault rules can
// name what a request with a broken escape addressed; the escape itself makes
// the request InvalidURI (DOC table). Paths keep '+' as '+' (INFERRED: SDKs
// send a key's '+' as %2B, so only hand-made URLs can tell); in a query '+'
// is a space, as in forms.
S3Route RouteS3(const HttpRequest& request) {
  S3Route route;
  S3Address& a = route.address;
  a.host = std::string(request.headers.Get("Host").value_or(""));
  const std::string_view target = request.target;
  const size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  const std::string_view raw_query = question == std::string_view::npos ? "" : target.substr(question + 1);
  auto query = base::Query::Parse(raw_query);
  const bool uri_ok = query && !path.empty() && path.front() == '/' && base::IsPercentEncoded(path);
  a.query = query ? std::move(*query) : base::Query::ParseLenient(raw_query);
  if (StartsWith(path, "/")) path.remove_prefix(1);
  a.bucket = VirtualHostBucket(a.host);
  a.virtual_hosted = !a.bucket.empty();
  if (a.virtual_hosted) {
    a.key = base::PercentDecodeLenient(path);
  } else {
    const size_t slash = path.find('/');
    a.bucket = base::PercentDecodeLenient(path.substr(0, slash));
    if (slash != std::string_view::npos) a.key = base::PercentDecodeLenient(path.substr(slash + 1));
  }
  a.has_key = !a.key.empty();

  const Op::Level level = a.bucket.empty() ? kService : a.has_key ? kObject : kBucket;
  const bool copy = request.headers.Has("x-amz-copy-source");
  route.operation = Name(request, level, a.query, copy);
  if (!uri_ok) {
    route.invalid_uri = s3::InvalidUri(request.target);
    return route;
  }
  const Op* op = route.operation;
  const bool answered = op != nullptr && OnlyItsOwnSubresources(*op, a.query) &&
                        (op->value.empty() || a.query.Get(op->param) == std::optional<std::string>(op->value)) &&
                        (op->answered_with.empty() || a.query.Has(op->answered_with));
  if (answered && op->handler != nullptr) {
    route.handler = op->handler;
  } else if (answered && op->copy_source == Op::kWith && op->level == kObject && !op->param.empty()) {
    // UploadPartCopy, the one row so marked: S3 would answer it, the fake
    // has not built it.
    route.refusal = s3::NotImplemented("x-amz-copy-source");
  } else {
    route.refusal = Unanswered(request, level, a.query);
  }
  return route;
}

}  // namespace fakeaws::protocol
