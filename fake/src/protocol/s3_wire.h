// S3's REST-XML wire: the request's checks in S3's order, then the handler
// its route names, and S3's encoding of the answer (wire-format.md §4).
#pragma once

#include <string>

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "fakeaws/options.h"
#include "protocol/call.h"
#include "protocol/reply.h"
#include "s3/service.h"

namespace fakeaws::protocol {

Reply HandleS3(s3::Service& service, const Options& options, const Call& call, HttpRequest request,
               const ReplyContext& context);

// An S3 error document: the XML declaration, one newline, then one line of
// XML with the error's extra elements after <Message> (§4.1). No body for
// HEAD, so a client reads no type.
Reply S3ErrorReply(const AwsError& error, const std::string& request_id, const std::string& host_id,
                   const std::string& date, bool head);

}  // namespace fakeaws::protocol
