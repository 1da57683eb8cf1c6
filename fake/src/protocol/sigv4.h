// AWS Signature Version 4, checked the way AWS front ends check it, for the
// optional verification mode (Options::auth). Recomputes the canonical
// request and string to sign from what arrived and compares signatures.
// Knows nothing of how each protocol words its errors: it returns a verdict
// that awsjson and the S3 wire turn into their own error bytes.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "fakeaws/clock.h"
#include "fakeaws/http.h"
#include "fakeaws/options.h"

namespace fakeaws::protocol {

struct SigV4Verdict {
  enum Kind {
    kOk,
    kMissing,            // no Authorization header and no X-Amz-Algorithm query
    kBothForms,          // header and query-string signature together
    kIncomplete,         // Authorization lacks Credential/SignedHeaders/Signature/date
    kBadDate,            // the request date is not an ISO-8601 basic / HTTP date
    kExpired,            // the request date is more than kMaxSkew before server_now
    kNotYetCurrent,      // the request date is more than kMaxSkew after server_now
    kPresignExpired,     // S3 query-string auth past X-Amz-Date + X-Amz-Expires
    kHostNotSigned,      // 'Host' is not among SignedHeaders
    kWrongScope,         // the credential scope names another region or service
    kUnknownAccessKey,   // no secret for the access key
    kMismatch,           // the signature differs
  } kind = kOk;
  bool query_auth = false;  // signed in the query string (presigned), not the header
  std::string access_key;
  std::string signature_provided;
  std::string canonical_request;  // what the fake computed (for the error texts)
  std::string string_to_sign;
  std::string incomplete_message;  // kIncomplete: Coral's list of what is missing
  // kBadDate, kExpired, kNotYetCurrent, kPresignExpired: the date as sent,
  // as read, and the server's now it was compared with.
  std::string request_date;
  Timestamp request_time;
  Timestamp server_now;
  int64_t expires_seconds = 0;  // kPresignExpired: X-Amz-Expires
  // kWrongScope: what the credential scope says, and which parts are wrong.
  std::string scope_region, scope_service;
  bool region_wrong = false, service_wrong = false;
};

// How far a request's date may be from the server's now, either way, at AWS
// ("... - 15 min.", wire-format.md §2.1; S3's MaxAllowedSkewMilliseconds
// 900000).
inline constexpr std::chrono::milliseconds kMaxSkew{15 * 60 * 1000};

struct SigV4Request {
  const HttpRequest* request = nullptr;
  // S3 signs the path as sent (encoded once); other services encode it twice
  // and take the payload hash from the body. S3 also checks in another order
  // (see VerifySigV4) and times presigned URLs by X-Amz-Expires.
  bool s3 = false;
  // What the credential scope must name: the fake's region and the signing
  // name of the service.
  std::string_view region;
  std::string_view service;
  // The reference "now" for the request date (AuthOptions::server_time).
  Timestamp server_now;
};

// `credentials`: access key id -> secret access key.
// Coral's order (dynalite's notes, copied from real DynamoDB answers,
// wire-format.md §2.1): missing or incomplete Authorization, the date's
// format and skew, Host signed, the credential scope, the access key, the
// signature. S3 checks the scope before the date (INFERRED from OpenStack
// Swift's s3api, which parses the scope with the header), then the same.
SigV4Verdict VerifySigV4(const SigV4Request& in, const std::map<std::string, std::string>& credentials);

// AuthOptions::server_time, or the wall clock when it is empty.
Timestamp ServerNow(const AuthOptions& auth);

// AWS's URI encoding for SigV4: unreserved characters (A-Z a-z 0-9 - . _ ~)
// as they are, everything else %XX with upper-case hex; '/' kept when
// `keep_slash`.
std::string SigV4UriEncode(std::string_view s, bool keep_slash);

}  // namespace fakeaws::protocol
