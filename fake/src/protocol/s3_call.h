// One S3 request on its way through the wire: where it is addressed, the
// ids and date its response carries, and the builder that writes S3's
// headers in one order for every operation.
#pragma once

#include <cstdint>
#include <string>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "protocol/s3_router.h"
#include "s3/checksum.h"
#include "s3/service.h"

namespace fakeaws::protocol {

// One S3 request on its way to its handler: the domain, the request and
// where it points, and what its answer carries.
struct S3Call {
  s3::Service& s3;
  HttpRequest& request;
  const S3Address& address;
  uint64_t n = 0;          // the request's number: ids derive from it
  std::string request_id;  // x-amz-request-id and <RequestId>
  std::string host_id;     // x-amz-id-2 and <HostId>
  std::string date;        // Date
  Timestamp now;           // the fake's clock
  // What Error() answered, as a client reads it (the journal's).
  std::optional<AwsError> error;

  bool head() const { return request.method == "HEAD"; }
  const std::string& bucket() const { return address.bucket; }
  const std::string& key() const { return address.key; }
  std::optional<std::string_view> Header(std::string_view name) const { return request.headers.Get(name); }
  HttpResponse Error(const AwsError& error);
  // The error, with headers of the operation's own after x-amz-id-2.
  HttpResponse Error(const AwsError& error, const Headers& own);
};

// The request's ?versionId=, nullopt when it names none. An empty one is
// InvalidArgument (s3::EmptyVersionId).
Outcome<std::optional<std::string>> VersionIdParam(const S3Call& call);

// The object version a call names (?versionId=, else the current one), or
// the answer S3 gives instead: the lookup's error, or for a delete marker
// 404 NoSuchKey (the current version) or 405 MethodNotAllowed (one named by
// id), each with x-amz-delete-marker and the marker's x-amz-version-id (DOC
// GetObject: "includes x-amz-delete-marker: true"; "returns a 405 Method
// Not Allowed error and the Last-Modified: timestamp response header").
// Fills *found when it returns nothing.
std::optional<HttpResponse> FindObjectVersion(S3Call& call, s3::FoundVersion* found);

// Headers in the order every S3 response here uses: x-amz-request-id,
// x-amz-id-2, Date, the operation's own, Content-Type, Content-Length,
// Server (the error capture's order, wire-format.md §4.1; INFERRED for
// success responses).
class S3Response {
 public:
  explicit S3Response(const S3Call& call, int status = 200);
  S3Response& Header(std::string name, std::string value);
  // x-amz-checksum-<algorithm> and (unless !with_type) x-amz-checksum-type,
  // when there is a checksum.
  S3Response& Checksum(const s3::Checksum& checksum, bool with_type = true);
  HttpResponse Xml(std::string body);
  // An XML body sent with no Content-Type: what real S3 does for several
  // configuration reads (GetBucketVersioning, GetBucketEncryption, ...;
  // the record named in s3/errors.h).
  HttpResponse XmlWithoutContentType(std::string body);
  HttpResponse Empty();
  // 204 and 304: no body and no Content-Length (DOC samples of 204s).
  HttpResponse Bodiless();
  // A body (or, for HEAD, only its length) of the given type.
  HttpResponse Content(const std::string& content_type, std::string body, uint64_t content_length);

 private:
  HttpResponse Finish(std::string body, uint64_t content_length, const std::string* content_type);
  HttpResponse response_;
};

// "<base64>" or "<base64>-<parts>" for a composite checksum.
std::string ChecksumValue(const s3::Checksum& checksum);
}  // namespace fakeaws::protocol
