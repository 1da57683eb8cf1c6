// The errors Coral, AWS's JSON front end, answers before a service sees the
// request. One catalog, each entry with its source in
// ../shared/reference/wire-format.md.
#pragma once

#include <string>
#include <string_view>

#include "fakeaws/error.h"

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

// An operation the real service has but this fake does not implement yet.
// Answered 501, never a silent success; no SDK retries 501.
AwsError NotImplementedError(std::string_view target);

}  // namespace fakeaws::protocol
