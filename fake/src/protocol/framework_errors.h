// The errors Coral, AWS's JSON front end, answers before a service sees the
// request. One catalog, each entry with its source in
// ../shared/reference/wire-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/error.h"
#include "fakeaws/http.h"

namespace fakeaws::protocol {

// §2.1: unparseable JSON has no message at all (`{"__type":"SerializationException"}`);
// a member of the wrong type carries one ("Start of list found where not expected").
AwsError SerializationError(std::string message = "");
// §2.1: a bad or missing X-Amz-Target; no message.
AwsError UnknownOperationError();
// §2.2: "1 validation error detected: Value '...' at '...' failed to satisfy ...".
AwsError ValidationError(std::string message);
// §2.1 [REAL-ish, other Coral services]: "Rate exceeded".
AwsError ThrottlingError();
// §2.1: Missing Authentication Token (400 with a JSON content type).
AwsError MissingAuthenticationTokenError();

// SigV4 verification failures, in Coral's words (§2.1: kinesalite and
// dynalite comments copied from real responses). All 400.
AwsError IncompleteSignatureError(std::string message);
AwsError InvalidSignatureError(std::string message);
AwsError UnrecognizedClientError();
// The request date against the server's now (dynalite's notes, from real
// DynamoDB answers): "Signature expired: 20130301T000000Z is now earlier
// than 20130609T094515Z (20130609T100015Z - 15 min.)" — the request date,
// now minus the skew, now. The future form, "Signature not yet current: X
// is still later than now+15 (now + 15 min.)", is in AWS answers quoted by
// clients (aws-sdk-rust's SignatureError docs; an Elastic Beanstalk user's
// capture with "+ 5 min."). Dates as ISO-8601 basic, as X-Amz-Date.
AwsError SignatureExpiredError(const std::string& request_date, const std::string& earliest,
                               const std::string& now);
AwsError SignatureNotYetCurrentError(const std::string& request_date, const std::string& latest,
                                     const std::string& now);
// An X-Amz-Date that is not ISO-8601 basic (dynalite's notes):
// IncompleteSignatureException "Date must be in ISO-8601 'basic format'.
// Got '201'. See http://en.wikipedia.org/wiki/ISO_8601". Given for an
// unreadable Date header too (INFERRED).
AwsError BadRequestDateError(const std::string& date);
// A credential scope for another region or service (dynalite's notes): one
// InvalidSignatureException whose message lists each wrong part, each
// sentence ending ". ": "Credential should be scoped to a valid region, not
// 'c'. " then "Credential should be scoped to correct service: 'dynamodb'. "
// (the service it should be). The trailing space is in captures of the
// single-sentence form (STS, another JSON service). Newer Coral front ends
// were also seen to omit the region ("... to a valid region. "); this fake
// keeps the form that names it. Empty `wrong_region` / `expected_service`
// leaves that sentence out.
AwsError CredentialScopeError(const std::string& wrong_region, const std::string& expected_service);
// "The request signature we calculated does not match ..." with the
// canonical string and string to sign the service expected.
AwsError SignatureMismatchError(const std::string& canonical_request, const std::string& string_to_sign);

// Coral's own models name the member `message`; the services' modelled
// errors and SerializationException use `Message` (§1.3 Recommendation).
std::string_view JsonMessageKey(std::string_view error_type);

// Refusals of Coral's HTTP layer, before any JSON is read: a bare status,
// no request id, no body, `Transfer-Encoding: chunked` (so the body on the
// wire is the empty chunked body "0\r\n\r\n").
// §2.1 [EMU]: a body over the limit is 413 (kinesalite 7 MiB, dynalite
// 16 MiB; dynalite's test of it runs against live DynamoDB).
HttpResponse RequestEntityTooLarge();
// INFERRED: a header section over the limit, answered in the 413's form
// with 431 Request Header Fields Too Large. No capture of a Coral service's
// answer is known.
HttpResponse RequestHeaderFieldsTooLarge();

// The request line plus each "name: value\r\n": the header section as the
// client wrote it, what S3's RequestHeaderSectionTooLarge counts (INFERRED:
// public reports of the 8192-byte limit count the URL in).
size_t HeaderSectionBytes(const HttpRequest& request);

// A header holding a decimal byte count (Content-Length and its kin);
// nullopt when absent or not a number.
std::optional<uint64_t> DecimalHeader(const Headers& headers, std::string_view name);

// An operation the real service has but this fake does not implement yet.
// Answered 501, never a silent success; no SDK retries 501.
AwsError NotImplementedError(std::string_view target);

}  // namespace fakeaws::protocol
