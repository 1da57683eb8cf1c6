// Injected faults as aws-sdk-cpp meets them, in process as over the wire: a
// dropped connection is a retryable network error, a latency is a real
// wait, and a wait past the client's timeout is curl's timeout.
#include <aws/core/client/CoreErrors.h>
#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <aws/forecast/model/ListForecastsRequest.h>
#include <gmock/gmock.h>

#include <chrono>

#include "fakeaws/matchers.h"
#include "fakeaws/faults.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastService::ForecastServiceErrors;
using ::testing::Ge;
using ::testing::HasSubstr;
using ::testing::Lt;

constexpr char kList[] = "AmazonForecast.ListForecasts";
constexpr char kCreate[] = "AmazonForecast.CreateForecastExportJob";

using Clock = std::chrono::steady_clock;

class FaultsTest : public SdkTest {
 protected:
  Aws::ForecastService::Model::ListForecastsOutcome List(
      const std::shared_ptr<Aws::ForecastService::ForecastServiceClient>& forecast) const {
    return forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  }
};

TEST_P(FaultsTest, ADroppedConnectionIsRetriedLikeANetworkError) {
  fake_.faults().Arm(FaultRule::DropConnection().On(kList).Times(1));
  const auto outcome = List(Forecast());
  EXPECT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetMessage();
  const auto calls = fake_.journal().Entries(kList);
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_TRUE(calls[0].connection_dropped);
  EXPECT_EQ(calls[1].status, 200);
}

TEST_P(FaultsTest, AConnectionDroppedEveryTimeFailsAsANetworkError) {
  fake_.faults().Arm(FaultRule::DropConnection().On(kList).Always());
  const auto outcome = List(Forecast());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::NETWORK_CONNECTION);
  EXPECT_EQ(outcome.GetError().GetMessage(), "curlCode: 52, Server returned nothing (no headers, no data)");
  EXPECT_EQ(Calls(kList), 11u);  // the first try and the SDK's 10 retries
}

// The service acted but its answer was lost: the SDK's retry meets the job
// its first try created.
TEST_P(FaultsTest, ALostAnswerToACreateComesBackAsAlreadyExists) {
  ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
  ForecastSpec spec;
  spec.name = "demand";
  const std::string forecast_arn = fake_.forecast().PutForecast(spec).value();
  fake_.faults().Arm(FaultRule::DropConnectionAfterHandling().On(kCreate).Times(1));

  Aws::ForecastService::Model::S3Config s3;
  s3.SetPath("s3://exports/weekly");
  s3.SetRoleArn(fake_.forecast().RoleArn("ForecastExportRole"));
  Aws::ForecastService::Model::DataDestination destination;
  destination.SetS3Config(s3);
  Aws::ForecastService::Model::CreateForecastExportJobRequest create;
  create.SetForecastExportJobName("weekly");
  create.SetForecastArn(forecast_arn);
  create.SetDestination(destination);
  const auto outcome = Forecast()->CreateForecastExportJob(create);

  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::RESOURCE_ALREADY_EXISTS);
  const auto calls = fake_.journal().Entries(kCreate);
  ASSERT_GE(calls.size(), 2u);  // how many in all: clock_skew_test.cc
  EXPECT_TRUE(calls[0].connection_dropped);
  EXPECT_EQ(calls[0].status, 200);
  EXPECT_EQ(calls[1].error_type, "ResourceAlreadyExistsException");
}

TEST_P(FaultsTest, LatencyDelaysTheAnswer) {
  fake_.faults().Arm(FaultRule::Latency(std::chrono::milliseconds(300)).On(kList).Times(1));
  auto forecast = Forecast();
  const auto start = Clock::now();
  const auto outcome = List(forecast);
  const auto took = Clock::now() - start;
  EXPECT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetMessage();
  EXPECT_THAT(took, Ge(std::chrono::milliseconds(300)));
  EXPECT_EQ(Calls(kList), 1u);
}

// curl gives up on a silent server after httpRequestTimeoutMs; the fake has
// acted all the same. (Its low-speed limit, requestTimeoutMs, trips seconds
// later: fake_http_client_test.cc.)
TEST_P(FaultsTest, LatencyPastTheRequestTimeoutIsATimeoutAndRetried) {
  fake_.faults().Arm(FaultRule::Latency(std::chrono::seconds(3)).On(kList).Times(1));
  Aws::Client::ClientConfiguration config = Config();
  config.httpRequestTimeoutMs = 500;
  auto forecast = Forecast(config);
  const auto start = Clock::now();
  const auto outcome = List(forecast);
  const auto took = Clock::now() - start;
  EXPECT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetMessage();  // the SDK's retry
  EXPECT_EQ(Calls(kList), 2u);
  EXPECT_THAT(took, Ge(std::chrono::milliseconds(500)));
  EXPECT_THAT(took, Lt(std::chrono::seconds(3)));
}

TEST_P(FaultsTest, ATimeoutIsANetworkErrorOnceRetriesAreUsedUp) {
  fake_.faults().Arm(FaultRule::Latency(std::chrono::seconds(3)).On(kList).Times(1));
  Aws::Client::ClientConfiguration config = Config();
  config.httpRequestTimeoutMs = 500;
  config.retryStrategy = std::make_shared<Aws::Client::DefaultRetryStrategy>(/*maxRetries=*/0);
  const auto outcome = List(Forecast(config));
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::NETWORK_CONNECTION);
  EXPECT_EQ(outcome.GetError().GetMessage(), "curlCode: 28, Timeout was reached");
}

FAKEAWS_BOTH_TRANSPORTS(FaultsTest);

}  // namespace
}  // namespace fakeaws::sdk_test
