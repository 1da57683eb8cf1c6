// Which operations of AWS's models the fake answers, and what it answers for
// one it does not know: 501 NotImplemented, never a silent 200.
#include <gtest/gtest.h>

#include "protocol/forecast_operations.h"
#include "protocol/forecastquery_operations.h"
#include "protocol/json_value.h"
#include "protocol/model.h"

namespace fakeaws::testing {
namespace {

TEST(OperationTable, EveryForecastAndForecastQueryOperationIsImplemented) {
  const auto& forecast = protocol::ServiceModel::Get("forecast");
  EXPECT_EQ(forecast.operations().size(), 63u);
  for (const auto& [name, op] : forecast.operations()) EXPECT_TRUE(protocol::ForecastImplements(name)) << name;
  for (const auto& [name, op] : protocol::ServiceModel::Get("forecastquery").operations()) {
    EXPECT_TRUE(protocol::ForecastQueryImplements(name)) << name;
  }
}

TEST(OperationTable, AnOperationOutsideTheTableIsNotImplemented) {
  Options options;
  base::VirtualClock clock(options.clock_start, options.clock_mode, options.clock_step);
  s3::Store store(options.region);
  forecast::Service service(options, clock, store);
  protocol::Operation future;
  future.name = "CreateForecastFromTheFuture";
  protocol::JsonCall call;
  call.operation = &future;
  call.body = protocol::ParseJson("{}");
  for (const auto& result : {protocol::InvokeForecast(call, service), protocol::InvokeForecastQuery(call, service)}) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().type, "NotImplemented");
    EXPECT_EQ(result.error().http_status, 501);
  }
}

}  // namespace
}  // namespace fakeaws::testing
