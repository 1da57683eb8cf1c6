// Addressing and routing: which bucket and key a request names (path-style
// or virtual-hosted), and which operation it asks for.
#pragma once

#include <variant>

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "protocol/s3_call.h"
#include "protocol/s3_ops.h"

namespace fakeaws::protocol {

// The bucket comes from the Host header when it is "<bucket>.localhost"
// (what aws-sdk-cpp sends for an endpoint on a host name, and botocore with
// addressing_style=virtual: wire-format.md §4.3) or an S3 host name
// ("<bucket>.s3.<region>.amazonaws.com"); otherwise from the path
// (core/call.h ParseS3Address decides). InvalidURI for a broken escape.
Outcome<S3Address> ParseAddress(const HttpRequest& request);

// The operation's handler, or the error for a request the fake does not
// answer: NotImplemented for S3 features it lacks (never a silent 200),
// MethodNotAllowed for methods S3 refuses on the resource.
std::variant<s3ops::Handler, AwsError> Route(const std::string& method, const S3Address& address,
                                             const Headers& headers);

}  // namespace fakeaws::protocol
