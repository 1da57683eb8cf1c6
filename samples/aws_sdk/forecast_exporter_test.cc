// Sample 4: production code on aws-sdk-cpp, tested with the SDK's own
// clients answered in process. Three lines make the clients; the rest is the
// test. No socket, no credentials, no sleeping: the exporter's waits move
// the fake's virtual clock.
#include "forecast_exporter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/aws_sdk.h"
#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace {

using ::fakeaws::Called;
using ::fakeaws::CalledInOrder;
using ::fakeaws::FaultRule;
using ::fakeaws::IsAwsError;
using ::fakeaws::IsOk;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::Ge;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kCreate = "AmazonForecast.CreateForecastExportJob";
constexpr const char* kDescribe = "AmazonForecast.DescribeForecastExportJob";

fakeaws::Options ObservableLifecycle() {
  fakeaws::Options options;
  // CREATE_PENDING 1 min, CREATE_IN_PROGRESS 5 min: the exporter must poll.
  options.lifecycle = fakeaws::LifecycleDurations::Observable();
  return options;
}

class ForecastExporterTest : public ::testing::Test {
 protected:
  explicit ForecastExporterTest(fakeaws::Options options = ObservableLifecycle()) : fake_(std::move(options)) {}

  void SetUp() override {
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    fakeaws::ForecastSpec spec;
    spec.name = "demand";
    spec.series = {{"item_1"}, {"item_2"}, {"item_3"}};
    spec.horizon = 7;
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
  }

  demo::ExportResult Export(const std::string& job) {
    demo::ForecastExporter exporter(*forecast_, *s3_, fake_.forecast().RoleArn("ForecastExportRole"),
                                    [this](std::chrono::milliseconds d) { fake_.clock().Advance(d); });
    return exporter.Export(forecast_arn_, job, "exports", job + "/");
  }

  fakeaws::Fake fake_;
  fakeaws::AwsSdk sdk_{fake_};                  // aws-sdk-cpp answered by fake_
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> forecast_ = sdk_.ForecastClient();
  std::shared_ptr<Aws::S3::S3Client> s3_ = sdk_.S3Client();
  std::string forecast_arn_;
};

TEST_F(ForecastExporterTest, ReadsEveryPartOnceTheExportIsActive) {
  const demo::ExportResult result = Export("weekly");

  ASSERT_TRUE(result.ok) << result.error << ": " << result.message;
  EXPECT_EQ(result.job_arn, fake_.forecast().ForecastExportJobArn("demand", "weekly"));
  // The parts are the export's files, as the fake wrote them into its S3.
  const auto keys = fake_.s3().ListKeys("exports", "weekly/");
  ASSERT_EQ(result.parts.size(), keys.size());
  ASSERT_EQ(result.parts.size(), 4u);  // AWS writes four parts, whatever the item count
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(result.parts[i].key, keys[i]);
    EXPECT_EQ(result.parts[i].csv, fake_.s3().GetObject("exports", keys[i]).value().body);
    EXPECT_THAT(result.parts[i].csv, StartsWith("item_id,date,p10,p50,p90\n"));
  }
  // It polled through CREATE_PENDING and CREATE_IN_PROGRESS (6 minutes at 30 s).
  EXPECT_THAT(fake_, CalledInOrder(Called(kCreate), Called(kDescribe), Called("s3:ListObjectsV2"),
                                   Called("s3:GetObject")));
  EXPECT_THAT(fake_, Called(kDescribe).Times(13));
}

TEST_F(ForecastExporterTest, ReportsAJobThatAlreadyExists) {
  ASSERT_TRUE(Export("weekly").ok);
  const demo::ExportResult again = Export("weekly");
  EXPECT_FALSE(again.ok);
  EXPECT_EQ(again.error, "ResourceAlreadyExistsException");
  EXPECT_THAT(again.message, HasSubstr("forecast-export-job/demand/weekly"));
}

TEST_F(ForecastExporterTest, ReportsAForecastStillBeingCreated) {
  ASSERT_THAT(fake_.forecast().SetForecastStatus(forecast_arn_, "CREATE_IN_PROGRESS"), IsOk());
  const demo::ExportResult result = Export("weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "ResourceInUseException");
}

TEST_F(ForecastExporterTest, ReportsAForecastThatDoesNotExist) {
  forecast_arn_ = fake_.forecast().ForecastArn("nope");
  const demo::ExportResult result = Export("weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "ResourceNotFoundException");
  EXPECT_THAT(result.message, HasSubstr("forecast/nope"));
}

TEST_F(ForecastExporterTest, ReportsAnInvalidJobName) {
  const demo::ExportResult result = Export("weekly-export");  // '-' is not allowed
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "ValidationException");
}

// Throttled polls are the SDK's business: it retries them, the exporter
// never sees them, the journal does.
TEST_F(ForecastExporterTest, ThrottledPollsAreRetriedByTheSdk) {
  fake_.faults().Arm(FaultRule::Error(fakeaws::errors::ThrottlingException()).On(kDescribe).Times(2));
  const demo::ExportResult result = Export("weekly");
  EXPECT_TRUE(result.ok) << result.error;
  EXPECT_THAT(fake_, Called(kDescribe).Returning(IsAwsError("ThrottlingException")).Times(2));
}

// The retry trap: the SDK resends a quota error ten times before the
// exporter sees it (in production, 25.55 s of back-off).
TEST_F(ForecastExporterTest, AQuotaErrorSurfacesAfterElevenCalls) {
  fake_.faults().Arm(FaultRule::Error(fakeaws::errors::LimitExceededException()).On(kCreate).Always());
  const demo::ExportResult result = Export("weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "LimitExceededException");
  EXPECT_EQ(result.message, "Quota limit of 3 concurrently creating forecast exports has been reached");
  EXPECT_THAT(fake_, Called(kCreate).Times(11));
}

class FailingExportTest : public ForecastExporterTest {
 protected:
  static fakeaws::Options RolesMustExist() {
    fakeaws::Options options = ObservableLifecycle();
    options.roles_must_exist = true;  // and ForecastExportRole was never added
    return options;
  }
  FailingExportTest() : ForecastExporterTest(RolesMustExist()) {}
};

TEST_F(FailingExportTest, ReportsTheJobsFailure) {
  const demo::ExportResult result = Export("weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "CREATE_FAILED");
  EXPECT_FALSE(result.message.empty());
  EXPECT_THAT(fake_, Called("s3:ListObjectsV2").Times(0));
}

class SlowExportTest : public ForecastExporterTest {
 protected:
  static fakeaws::Options TwoHourExport() {
    fakeaws::Options options;
    options.lifecycle.create_in_progress = std::chrono::hours(2);
    return options;
  }
  SlowExportTest() : ForecastExporterTest(TwoHourExport()) {}
};

TEST_F(SlowExportTest, GivesUpAfterAnHourOfPolling) {
  const demo::ExportResult result = Export("weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "TIMED_OUT");
  EXPECT_THAT(fake_, Called(kDescribe).Times(120));
}

}  // namespace
