// An answer as the pipeline records it, and what every answer to one request
// carries, whoever writes it: a handler, an injected fault or a front end's
// refusal. Deriving request ids here, once, is what makes a fault's bytes
// equal the real error's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "protocol/call.h"

namespace fakeaws::protocol {

struct Reply {
  HttpResponse response;
  // The AWS error the answer carries as a client reads it from the bytes:
  // none on success; an empty type when the body says nothing (a HEAD,
  // Coral's bare 413). The journal records it.
  std::optional<AwsError> error;
};

struct ReplyContext {
  uint64_t seed = 0;
  uint64_t n = 0;      // the request's number
  Timestamp now;       // the fake's clock
  std::string date;    // the Date header
};

// x-amzn-RequestId: a lower-case UUID, as Coral's.
std::string JsonRequestId(const ReplyContext& context);
// x-amz-request-id: 16 upper-case alphanumerics; x-amz-id-2: base64 of 56
// bytes, as the capture's (wire-format.md §4.1).
std::string S3RequestId(const ReplyContext& context);
std::string S3HostId(const ReplyContext& context);

// `error` as the service `call` addresses sends it, with the ids the request
// would have had.
Reply ErrorReply(const Call& call, const AwsError& error, const ReplyContext& context);

}  // namespace fakeaws::protocol
