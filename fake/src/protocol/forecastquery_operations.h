// Amazon Forecast Query (forecastquery, X-Amz-Target AmazonForecastRuntime.*)
// over awsJson1_1: QueryForecast over the same forecasts the Forecast
// service holds.
#pragma once

#include <string>

#include "fakeaws/error.h"
#include "forecast/service.h"
#include "protocol/awsjson.h"

namespace fakeaws::protocol {

// The response body, or the error; operations the fake does not implement
// answer NotImplementedError.
Outcome<std::string> InvokeForecastQuery(const JsonCall& call, forecast::Service& service);

bool ForecastQueryImplements(const std::string& operation);

}  // namespace fakeaws::protocol
