#include "protocol/call.h"

#include <array>
#include <cctype>

#include "base/url.h"

namespace fakeaws::internal {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view HostWithoutPort(std::string_view host) {
  if (StartsWith(host, "[")) return host;  // an IPv6 literal is never a bucket
  const size_t colon = host.rfind(':');
  return colon == std::string_view::npos ? host : host.substr(0, colon);
}

bool IsIpv4(std::string_view host) {
  if (host.empty()) return false;
  for (char c : host) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
  }
  return true;
}

// The bucket a virtual-hosted Host names, or "" for path style. Clients
// put the bucket first when the endpoint is a hostname (wire-format.md §4.3:
// `http://bkt.localhost:9000/`, `https://bkt.s3.us-west-2.amazonaws.com/`).
std::string VirtualHostBucket(std::string_view host_header) {
  const std::string_view host = HostWithoutPort(host_header);
  if (host.empty() || StartsWith(host, "[") || IsIpv4(host)) return "";
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

// Whether the raw query has the parameter `name` (with or without a value).
bool HasParam(std::string_view query, std::string_view name) {
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view param = query.substr(pos, amp - pos);
    param = param.substr(0, param.find('='));
    if (param == name) return true;
    pos = amp + 1;
  }
  return false;
}

struct SubResource {
  std::string_view method;
  std::string_view param;
  std::string_view operation;
};

// botocore's S3 model (data/s3/2006-03-01): "<METHOD> /{Bucket}?<param>".
constexpr std::array<SubResource, 25> kBucketSubResources{{
    {"GET", "list-type", "ListObjectsV2"},
    {"GET", "location", "GetBucketLocation"},
    {"GET", "uploads", "ListMultipartUploads"},
    {"GET", "versions", "ListObjectVersions"},
    {"POST", "delete", "DeleteObjects"},
    {"GET", "versioning", "GetBucketVersioning"},
    {"PUT", "versioning", "PutBucketVersioning"},
    {"GET", "tagging", "GetBucketTagging"},
    {"PUT", "tagging", "PutBucketTagging"},
    {"DELETE", "tagging", "DeleteBucketTagging"},
    {"GET", "policy", "GetBucketPolicy"},
    {"PUT", "policy", "PutBucketPolicy"},
    {"DELETE", "policy", "DeleteBucketPolicy"},
    {"GET", "acl", "GetBucketAcl"},
    {"PUT", "acl", "PutBucketAcl"},
    {"GET", "cors", "GetBucketCors"},
    {"PUT", "cors", "PutBucketCors"},
    {"DELETE", "cors", "DeleteBucketCors"},
    {"GET", "lifecycle", "GetBucketLifecycleConfiguration"},
    {"PUT", "lifecycle", "PutBucketLifecycleConfiguration"},
    {"DELETE", "lifecycle", "DeleteBucketLifecycle"},
    {"GET", "encryption", "GetBucketEncryption"},
    {"PUT", "encryption", "PutBucketEncryption"},
    {"DELETE", "encryption", "DeleteBucketEncryption"},
    {"GET", "notification", "GetBucketNotificationConfiguration"},
}};

// "<METHOD> /{Bucket}/{Key+}?<param>".
constexpr std::array<SubResource, 9> kObjectSubResources{{
    {"POST", "uploads", "CreateMultipartUpload"},
    {"GET", "tagging", "GetObjectTagging"},
    {"PUT", "tagging", "PutObjectTagging"},
    {"DELETE", "tagging", "DeleteObjectTagging"},
    {"GET", "acl", "GetObjectAcl"},
    {"PUT", "acl", "PutObjectAcl"},
    {"GET", "attributes", "GetObjectAttributes"},
    {"POST", "restore", "RestoreObject"},
    {"PUT", "renameObject", "RenameObject"},
}};

template <size_t N>
std::string_view FindSubResource(const std::array<SubResource, N>& table, std::string_view method,
                                 std::string_view query) {
  for (const auto& s : table) {
    if (s.method == method && HasParam(query, s.param)) return s.operation;
  }
  return "";
}

}  // namespace

S3Address ParseS3Address(const HttpRequest& request) {
  S3Address a;
  std::string_view target = request.target;
  const size_t q = target.find('?');
  if (q != std::string_view::npos) {
    a.query = std::string(target.substr(q + 1));
    target = target.substr(0, q);
  }
  if (StartsWith(target, "/")) target.remove_prefix(1);
  a.bucket = VirtualHostBucket(request.headers.Get("Host").value_or(""));
  a.virtual_hosted = !a.bucket.empty();
  if (a.bucket.empty()) {
    const size_t slash = target.find('/');
    a.bucket = base::PercentDecodeLenient(target.substr(0, slash));
    if (slash != std::string_view::npos) a.key = base::PercentDecodeLenient(target.substr(slash + 1));
  } else {
    a.key = base::PercentDecodeLenient(target);
  }
  return a;
}

std::string S3OperationName(const HttpRequest& request, const S3Address& address) {
  const std::string_view method = request.method;
  const std::string_view query = address.query;
  if (address.bucket.empty()) return method == "GET" ? "ListBuckets" : "";
  if (address.key.empty()) {
    if (std::string_view op = FindSubResource(kBucketSubResources, method, query); !op.empty()) {
      return std::string(op);
    }
    if (method == "GET") return "ListObjects";
    if (method == "HEAD") return "HeadBucket";
    if (method == "PUT") return "CreateBucket";
    if (method == "DELETE") return "DeleteBucket";
    return "";
  }
  const bool copy = request.headers.Has("x-amz-copy-source");
  if (HasParam(query, "uploadId")) {
    if (method == "GET") return "ListParts";
    if (method == "PUT") return copy ? "UploadPartCopy" : "UploadPart";
    if (method == "POST") return "CompleteMultipartUpload";
    if (method == "DELETE") return "AbortMultipartUpload";
    return "";
  }
  if (std::string_view op = FindSubResource(kObjectSubResources, method, query); !op.empty()) {
    return std::string(op);
  }
  if (method == "GET") return "GetObject";
  if (method == "HEAD") return "HeadObject";
  if (method == "PUT") return copy ? "CopyObject" : "PutObject";
  if (method == "DELETE") return "DeleteObject";
  return "";
}

Call IdentifyCall(const HttpRequest& request) {
  Call call;
  call.method = request.method;
  const std::string_view target = request.headers.Get("X-Amz-Target").value_or("");
  // X-Amz-Target names the JSON services; everything else is S3 (DESIGN.md).
  if (StartsWith(target, "AmazonForecastRuntime.")) {
    call.service = "forecastquery";
    call.operation = std::string(target);
  } else if (StartsWith(target, "AmazonForecast.")) {
    call.service = "forecast";
    call.operation = std::string(target);
  } else {
    call.service = "s3";
    S3Address address = ParseS3Address(request);
    const std::string name = S3OperationName(request, address);
    call.operation = "s3:" + (name.empty() ? std::string("Unknown") : name);
    call.bucket = std::move(address.bucket);
    call.key = std::move(address.key);
  }
  return call;
}

}  // namespace fakeaws::internal
