// AWS Signature Version 4, checked the way AWS front ends check it, for the
// optional verification mode (Options::auth). Recomputes the canonical
// request and string to sign from what arrived and compares signatures.
// Knows nothing of how each protocol words its errors: it returns a verdict
// that awsjson and the S3 wire turn into their own error bytes.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "fakeaws/http.h"

namespace fakeaws::protocol {

struct SigV4Verdict {
  enum Kind {
    kOk,
    kMissing,            // no Authorization header and no X-Amz-Algorithm query
    kBothForms,          // header and query-string signature together
    kIncomplete,         // Authorization lacks Credential/SignedHeaders/Signature/date
    kHostNotSigned,      // 'Host' is not among SignedHeaders
    kUnknownAccessKey,   // no secret for the access key
    kMismatch,           // the signature differs
  } kind = kOk;
  std::string access_key;
  std::string signature_provided;
  std::string canonical_request;  // what the fake computed (for the error texts)
  std::string string_to_sign;
  std::string incomplete_message;  // kIncomplete: Coral's list of what is missing
};

struct SigV4Request {
  const HttpRequest* request = nullptr;
  // S3 signs the path as sent (encoded once); other services encode it twice
  // and take the payload hash from the body.
  bool s3 = false;
};

// `credentials`: access key id -> secret access key.
SigV4Verdict VerifySigV4(const SigV4Request& in, const std::map<std::string, std::string>& credentials);

// AWS's URI encoding for SigV4: unreserved characters (A-Z a-z 0-9 - . _ ~)
// as they are, everything else %XX with upper-case hex; '/' kept when
// `keep_slash`.
std::string SigV4UriEncode(std::string_view s, bool keep_slash);
// Percent-decoding ('+' stays '+').
std::string PercentDecode(std::string_view s);

}  // namespace fakeaws::protocol
