// Forecast's and forecastquery's awsJson1_1 wire as Coral serves it: the
// size limits of its HTTP layer, then decode (awsjson.h), the domain, and
// the encoded answer.
#pragma once

#include "fakeaws/http.h"
#include "fakeaws/options.h"
#include "forecast/service.h"
#include "protocol/call.h"
#include "protocol/reply.h"

namespace fakeaws::protocol {

Reply HandleForecast(forecast::Service& service, const Options& options, const Call& call,
                     const HttpRequest& request, const ReplyContext& context);

// Coral's bare refusals for a body or head too large (framework_errors.h),
// which clients read as an error without a type.
Reply BodyTooLargeReply();

}  // namespace fakeaws::protocol
