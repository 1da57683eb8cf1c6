// Amazon Forecast over awsJson1_1: decodes a validated call into the
// domain's typed input, runs it, and encodes the result with the members in
// the model's order. One table maps operation names to handlers.
#pragma once

#include <string>

#include "fakeaws/error.h"
#include "forecast/service.h"
#include "protocol/awsjson.h"

namespace fakeaws::protocol {

// The response body (empty for operations with no output), or the error.
// Operations the fake does not implement answer NotImplementedError.
Outcome<std::string> InvokeForecast(const JsonCall& call, forecast::Service& service);

// Whether InvokeForecast implements `operation` (for the README's table and tests).
bool ForecastImplements(const std::string& operation);

}  // namespace fakeaws::protocol
