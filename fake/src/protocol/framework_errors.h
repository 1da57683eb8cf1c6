// The errors Coral, AWS's JSON front end, answers before a service sees the
// request. One catalog, each entry with its source in
// ../shared/reference/wire-format.md.
#pragma once

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

// An operation the real service has but this fake does not implement yet.
// Answered 501, never a silent success; no SDK retries 501.
AwsError NotImplementedError(std::string_view target);

}  // namespace fakeaws::protocol
