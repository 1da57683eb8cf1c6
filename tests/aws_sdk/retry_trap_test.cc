// The retry trap, measured with aws-sdk-cpp itself (README, "The retry
// trap"): Forecast's error map marks LimitExceededException retryable, so
// the SDK's DefaultRetryStrategy, which a default ClientConfiguration uses,
// resends a quota error until its retries run out.
#include <aws/core/client/AWSError.h>
#include <aws/core/client/CoreErrors.h>
#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/core/config/AWSProfileConfigLoader.h>
#include <aws/core/platform/Environment.h>
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <gmock/gmock.h>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastService::ForecastServiceErrors;
using ::testing::HasSubstr;

constexpr char kCreate[] = "AmazonForecast.CreateForecastExportJob";

Options OneConcurrentExport() {
  Options options;
  options.quotas.concurrent_forecast_export_jobs = 1;
  options.lifecycle = LifecycleDurations::Observable();  // the first export stays in progress
  return options;
}

// The retries of a default-constructed DefaultRetryStrategy (10), each
// resend without its back-off: 25 ms x 2^n, 25.55 s for one error (below),
// which a test need not sit through to count calls.
std::shared_ptr<Aws::Client::RetryStrategy> SdkDefaultRetriesWithoutBackOff() {
  const long max_retries = Aws::Client::DefaultRetryStrategy().GetMaxAttempts() - 1;
  return std::make_shared<Aws::Client::DefaultRetryStrategy>(max_retries, /*scaleFactor=*/0);
}

class RetryTrapTest : public SdkTest {
 protected:
  RetryTrapTest() : SdkTest(OneConcurrentExport()) {}

  void SetUp() override {
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    ForecastSpec spec;
    spec.name = "demand";
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
  }

  Aws::ForecastService::Model::CreateForecastExportJobOutcome Create(
      const Aws::ForecastService::ForecastServiceClient& forecast, const std::string& job) const {
    Aws::ForecastService::Model::S3Config s3;
    s3.SetPath("s3://exports/" + job);
    s3.SetRoleArn(fake_.forecast().RoleArn("ForecastExportRole"));
    Aws::ForecastService::Model::DataDestination destination;
    destination.SetS3Config(s3);
    Aws::ForecastService::Model::CreateForecastExportJobRequest create;
    create.SetForecastExportJobName(job);
    create.SetForecastArn(forecast_arn_);
    create.SetDestination(destination);
    return forecast.CreateForecastExportJob(create);
  }

  std::string forecast_arn_;
};

TEST_P(RetryTrapTest, OneLimitExceededCostsElevenCalls) {
  Aws::Client::ClientConfiguration config = Config();
  config.retryStrategy = SdkDefaultRetriesWithoutBackOff();
  auto forecast = Forecast(config);
  ASSERT_TRUE(Create(*forecast, "first").IsSuccess());

  const auto outcome = Create(*forecast, "second");

  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(outcome.GetError().GetMessage(), "Quota limit of 1 concurrently creating forecast exports has been reached");
  EXPECT_THAT(fake_, Called(kCreate).Returning(IsAwsError("LimitExceededException")).Times(11));
  const auto calls = fake_.journal().Entries(kCreate);
  ASSERT_EQ(calls.size(), 12u);  // the first export, then the second's 11 tries
  EXPECT_THAT(std::string(calls.back().request.headers.Get("amz-sdk-request").value_or("")),
              HasSubstr("attempt=11; max=11"));
}

// What the same error costs a default client in wall time: the SDK's own
// schedule, 0 ms before the first resend, then 25 ms x 2^n.
TEST(RetryTrapBackOffTest, TheDefaultStrategyWaits25SecondsBeforeTheErrorSurfaces) {
  const Aws::Client::DefaultRetryStrategy sdk_default;
  const Aws::Client::AWSError<Aws::Client::CoreErrors> limit_exceeded(
      static_cast<Aws::Client::CoreErrors>(ForecastServiceErrors::LIMIT_EXCEEDED), "LimitExceededException",
      "Quota limit of 3 concurrently creating forecast exports has been reached", /*isRetryable=*/true);
  long retries = 0;
  long waited_ms = 0;
  while (sdk_default.ShouldRetry(limit_exceeded, retries)) {
    waited_ms += sdk_default.CalculateDelayBeforeNextRetry(limit_exceeded, retries);
    ++retries;
  }
  EXPECT_EQ(retries, 10);
  EXPECT_EQ(sdk_default.GetMaxAttempts(), 11);
  EXPECT_EQ(waited_ms, 25'550);
}

// A ClientConfiguration made without settings uses that strategy
// (ClientConfiguration.cpp, InitRetryStrategy), unless the environment or
// the profile names another retry mode or attempt count.
TEST(RetryTrapBackOffTest, ADefaultClientConfigurationRetriesTheDefaultWay) {
  fakeaws::Fake fake;
  fakeaws::AwsSdk sdk(fake);  // initialises the SDK
  for (const char* variable : {"AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS"}) {
    if (!Aws::Environment::GetEnv(variable).empty()) GTEST_SKIP() << variable << " is set";
  }
  for (const char* key : {"retry_mode", "max_attempts"}) {
    if (!Aws::Config::GetCachedConfigValue(key).empty()) GTEST_SKIP() << "the AWS profile sets " << key;
  }
  Aws::Client::ClientConfigurationInitValues init;
  init.shouldDisableIMDS = true;
  const Aws::Client::ClientConfiguration config(init);
  EXPECT_STREQ(config.retryStrategy->GetStrategyName(), "default");
  EXPECT_EQ(config.retryStrategy->GetMaxAttempts(), 11);
}

FAKEAWS_BOTH_TRANSPORTS(RetryTrapTest);

}  // namespace
}  // namespace fakeaws::sdk_test
