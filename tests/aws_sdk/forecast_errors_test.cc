// Amazon Forecast's five errors, and ValidationException, as aws-sdk-cpp
// reports them: GetErrorType() (the SDK's enum, from its error marshaller),
// GetExceptionName() and GetMessage() (the text the fake sent), in process
// and over the listener.
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <aws/forecast/model/DescribeForecastExportJobRequest.h>
#include <gmock/gmock.h>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastService::ForecastServiceErrors;
using Aws::ForecastService::Model::CreateForecastExportJobRequest;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kCreate[] = "AmazonForecast.CreateForecastExportJob";

Options ObservableLifecycle() {
  Options options;
  options.lifecycle = LifecycleDurations::Observable();  // a started export stays in progress
  return options;
}

class ForecastErrorsTest : public SdkTest {
 protected:
  ForecastErrorsTest() : SdkTest(ObservableLifecycle()) {}

  void SetUp() override {
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    ForecastSpec spec;
    spec.name = "demand";
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
    forecast_ = Forecast();
  }

  Aws::ForecastService::Model::CreateForecastExportJobOutcome Create(
      const std::string& job, const std::string& role_arn = "") const {
    Aws::ForecastService::Model::S3Config s3;
    s3.SetPath("s3://exports/" + job);
    s3.SetRoleArn(role_arn.empty() ? fake_.forecast().RoleArn("ForecastExportRole") : role_arn);
    Aws::ForecastService::Model::DataDestination destination;
    destination.SetS3Config(s3);
    CreateForecastExportJobRequest request;
    request.SetForecastExportJobName(job);
    request.SetForecastArn(forecast_arn_);
    request.SetDestination(destination);
    return forecast_->CreateForecastExportJob(request);
  }

  // What the fake last answered to `operation`, as the journal read it.
  JournalEntry LastAnswer(const std::string& operation) const {
    auto entries = fake_.journal().Entries(operation);
    return entries.empty() ? JournalEntry{} : entries.back();
  }

  std::string forecast_arn_;
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> forecast_;
};

TEST_P(ForecastErrorsTest, InvalidInputForARoleInAnotherAccount) {
  const auto outcome = Create("weekly", "arn:aws:iam::999999999999:role/Other");
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::INVALID_INPUT);
  EXPECT_EQ(error.GetExceptionName(), "InvalidInputException");
  EXPECT_THAT(error.GetMessage(), HasSubstr("belongs to another account"));
  EXPECT_EQ(error.GetMessage(), LastAnswer(kCreate).error_message);
  EXPECT_EQ(error.GetResponseCode(), Aws::Http::HttpResponseCode::BAD_REQUEST);
  EXPECT_FALSE(error.ShouldRetry());
}

TEST_P(ForecastErrorsTest, LimitExceededForAFourthConcurrentExport) {
  for (const char* job : {"first", "second", "third"}) ASSERT_TRUE(Create(job).IsSuccess()) << job;
  const auto outcome = Create("fourth");
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::LIMIT_EXCEEDED);
  EXPECT_EQ(error.GetExceptionName(), "LimitExceededException");
  EXPECT_EQ(error.GetMessage(), "Quota limit of 3 concurrently creating forecast exports has been reached");
  EXPECT_TRUE(error.ShouldRetry());  // Forecast's error map marks it retryable: the retry trap
}

TEST_P(ForecastErrorsTest, ResourceAlreadyExistsForASecondJobOfTheSameName) {
  ASSERT_TRUE(Create("weekly").IsSuccess());
  const auto outcome = Create("weekly");
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::RESOURCE_ALREADY_EXISTS);
  EXPECT_EQ(error.GetExceptionName(), "ResourceAlreadyExistsException");
  EXPECT_EQ(error.GetMessage(), "A forecast export job already exists with the arn: " +
                                    fake_.forecast().ForecastExportJobArn("demand", "weekly"));
}

TEST_P(ForecastErrorsTest, ResourceInUseForAForecastStillBeingCreated) {
  ASSERT_THAT(fake_.forecast().SetForecastStatus(forecast_arn_, "CREATE_IN_PROGRESS"), IsOk());
  const auto outcome = Create("weekly");
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::RESOURCE_IN_USE);
  EXPECT_EQ(error.GetExceptionName(), "ResourceInUseException");
  EXPECT_EQ(error.GetMessage(), LastAnswer(kCreate).error_message);
  EXPECT_FALSE(error.GetMessage().empty());
}

TEST_P(ForecastErrorsTest, ResourceNotFoundForAJobThatDoesNotExist) {
  Aws::ForecastService::Model::DescribeForecastExportJobRequest describe;
  describe.SetForecastExportJobArn(fake_.forecast().ForecastExportJobArn("demand", "nope"));
  const auto outcome = forecast_->DescribeForecastExportJob(describe);
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  // A common error name: the SDK's core code, not one of Forecast's own.
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(error.GetExceptionName(), "ResourceNotFoundException");
  EXPECT_THAT(error.GetMessage(), HasSubstr("forecast-export-job/demand/nope"));
  EXPECT_EQ(error.GetMessage(), LastAnswer("AmazonForecast.DescribeForecastExportJob").error_message);
  // The request id comes from the x-amzn-RequestId header (reference item 3).
  const auto headers = error.GetResponseHeaders();
  ASSERT_EQ(headers.count("x-amzn-requestid"), 1u);
  EXPECT_EQ(error.GetRequestId(), headers.at("x-amzn-requestid"));
  EXPECT_FALSE(error.GetRequestId().empty());
}

TEST_P(ForecastErrorsTest, ValidationExceptionForANameStartingWithADigit) {
  const auto outcome = Create("1weekly");
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), ForecastServiceErrors::VALIDATION);
  EXPECT_EQ(error.GetExceptionName(), "ValidationException");
  EXPECT_THAT(error.GetMessage(), StartsWith("1 validation error detected: Value '1weekly' at "
                                             "'forecastExportJobName' failed to satisfy constraint"));
}

FAKEAWS_BOTH_TRANSPORTS(ForecastErrorsTest);

}  // namespace
}  // namespace fakeaws::sdk_test
