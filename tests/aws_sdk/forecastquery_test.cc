// Amazon Forecast Query through aws-sdk-cpp's ForecastQueryServiceClient,
// in process and over the listener.
#include <aws/forecastquery/ForecastQueryServiceErrors.h>
#include <aws/forecastquery/model/QueryForecastRequest.h>
#include <gmock/gmock.h>

#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastQueryService::ForecastQueryServiceErrors;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Key;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

class ForecastQueryTest : public SdkTest {
 protected:
  void SetUp() override {
    ForecastSpec spec;
    spec.name = "demand";
    spec.series = {{"item_1"}, {"item_2"}};
    spec.horizon = 5;
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
  }

  Aws::ForecastQueryService::Model::QueryForecastRequest Query(const std::string& forecast_arn,
                                                               const std::string& item) const {
    Aws::ForecastQueryService::Model::QueryForecastRequest query;
    query.SetForecastArn(forecast_arn);
    query.AddFilters("item_id", item);
    return query;
  }

  std::string forecast_arn_;
};

TEST_P(ForecastQueryTest, QueryForecastReturnsEachQuantileOverTheHorizon) {
  const auto outcome = ForecastQuery()->QueryForecast(Query(forecast_arn_, "item_1"));
  ASSERT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetMessage();
  const auto& predictions = outcome.GetResult().GetForecast().GetPredictions();
  EXPECT_THAT(predictions, UnorderedElementsAre(Key("p10"), Key("p50"), Key("p90")));
  const auto& p50 = predictions.at("p50");
  ASSERT_THAT(p50, SizeIs(5));
  EXPECT_EQ(p50.front().GetTimestamp(), "2026-01-01T00:00:00");
  EXPECT_EQ(p50.back().GetTimestamp(), "2026-01-05T00:00:00");
  for (size_t i = 0; i < p50.size(); ++i) {
    EXPECT_LE(predictions.at("p10")[i].GetValue(), p50[i].GetValue());
    EXPECT_LE(p50[i].GetValue(), predictions.at("p90")[i].GetValue());
  }
}

TEST_P(ForecastQueryTest, QueryingAForecastThatDoesNotExistIsResourceNotFound) {
  const auto outcome = ForecastQuery()->QueryForecast(Query(fake_.forecast().ForecastArn("nope"), "item_1"));
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastQueryServiceErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(outcome.GetError().GetExceptionName(), "ResourceNotFoundException");
  EXPECT_THAT(outcome.GetError().GetMessage(), HasSubstr("forecast/nope"));
}

FAKEAWS_BOTH_TRANSPORTS(ForecastQueryTest);

}  // namespace
}  // namespace fakeaws::sdk_test
