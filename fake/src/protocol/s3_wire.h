// S3's REST-XML wire: routes a request to the S3 domain and encodes the
// answer the way S3 does (wire-format.md §4).
#pragma once

#include <cstdint>
#include <string>

#include "fakeaws/error.h"
#include "fakeaws/http.h"

namespace fakeaws::internal {
struct Core;
}

namespace fakeaws::protocol {

// `n` numbers the request (request ids derive from it).
HttpResponse HandleS3(internal::Core& core, HttpRequest request, uint64_t n);

// An S3 error document: the XML declaration, one newline, then one line of
// XML with the error's extra elements after <Message> (§4.1). No body for HEAD.
HttpResponse S3ErrorResponse(const AwsError& error, const std::string& request_id,
                             const std::string& host_id, const std::string& date, bool head);

}  // namespace fakeaws::protocol
