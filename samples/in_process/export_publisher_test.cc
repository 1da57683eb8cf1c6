// Sample 1: the fake in process. The test seeds state with the typed API,
// runs the production class against Fake::Handle, and checks S3 and the
// journal with fakeaws's matchers. No socket, no sleeping: the publisher's
// waits move the fake's virtual clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export_publisher.h"
#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace {

using ::fakeaws::Called;
using ::fakeaws::CalledInOrder;
using ::fakeaws::HasJsonMember;
using ::fakeaws::HasObject;
using ::fakeaws::IsAwsError;
using ::fakeaws::IsExportFileName;
using ::fakeaws::IsOk;
using ::testing::_;
using ::testing::Each;
using ::testing::Ge;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr const char* kCreate = "AmazonForecast.CreateForecastExportJob";
constexpr const char* kDescribe = "AmazonForecast.DescribeForecastExportJob";

// The production seam, answered in process by the fake.
class FakeTransport : public demo::ForecastTransport {
 public:
  explicit FakeTransport(fakeaws::Fake& fake) : fake_(fake) {}
  Reply Call(const std::string& operation, const std::string& json) override {
    fakeaws::HttpRequest request;
    request.method = "POST";
    request.headers.Add("X-Amz-Target", "AmazonForecast." + operation);
    request.headers.Add("Content-Type", "application/x-amz-json-1.1");
    request.body = json;
    fakeaws::HttpResponse response = fake_.Handle(std::move(request));
    return {response.status, std::move(response.body)};
  }

 private:
  fakeaws::Fake& fake_;
};

fakeaws::Options ObservableLifecycle() {
  fakeaws::Options options;
  // CREATE_PENDING 1 min, CREATE_IN_PROGRESS 5 min: the publisher must poll.
  options.lifecycle = fakeaws::LifecycleDurations::Observable();
  return options;
}

class ExportPublisherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fakeaws::ForecastSpec spec;
    spec.name = "demand";
    spec.series = {{"item_1"}, {"item_2"}, {"item_3"}};
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
  }

  fakeaws::Fake fake_{ObservableLifecycle()};
  FakeTransport transport_{fake_};
  demo::ExportPublisher publisher_{transport_, fake_.forecast().RoleArn("ForecastExportRole"),
                                   [this](std::chrono::milliseconds d) { fake_.clock().Advance(d); }};
  std::string forecast_arn_;
};

TEST_F(ExportPublisherTest, PublishesEveryPartAndWaitsUntilActive) {
  ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
  const demo::PublishResult result = publisher_.Publish(forecast_arn_, "weekly", "s3://exports/weekly");

  ASSERT_TRUE(result.ok) << result.error << ": " << result.message;
  EXPECT_EQ(result.job_arn, fake_.forecast().ForecastExportJobArn("demand", "weekly"));
  // Files are stamped with when the export ran: the moment it became ACTIVE.
  const fakeaws::Timestamp ran = fake_.forecast().GetForecastExportJob(result.job_arn)->last_modification_time;
  // The parts are in S3, named as AWS names them, each with the CSV header.
  EXPECT_THAT(fake_, HasObject("exports", IsExportFileName("weekly", ran, 0))
                         .WithBody(StartsWith("item_id,date,p10,p50,p90\n")));
  EXPECT_THAT(fake_.s3().ListKeys("exports", "weekly/"), Each(IsExportFileName("weekly", ran, _)));
  // What the publisher sent: one create with the right input, then polls.
  EXPECT_THAT(fake_, Called(kCreate)
                         .With(HasJsonMember("/Destination/S3Config/Path", "s3://exports/weekly"))
                         .Times(1));
  EXPECT_THAT(fake_, Called(kDescribe).Times(Ge(2)));
  EXPECT_THAT(fake_, CalledInOrder(Called(kCreate), Called(kDescribe).With(HasJsonMember("/ForecastExportJobArn",
                                                                                          result.job_arn))));
}

TEST_F(ExportPublisherTest, ReportsAnExportThatFailedWithItsMessage) {
  // No bucket: the job is accepted, then ends CREATE_FAILED.
  const demo::PublishResult result = publisher_.Publish(forecast_arn_, "weekly", "s3://missing/weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "CREATE_FAILED");
  EXPECT_THAT(result.message, HasSubstr("s3://missing/weekly"));
  EXPECT_THAT(fake_, Not(HasObject("missing", _)));
}

TEST_F(ExportPublisherTest, StopsAtAForecastThatIsNotActive) {
  ASSERT_THAT(fake_.forecast().SetForecastStatus(forecast_arn_, "CREATE_IN_PROGRESS"), IsOk());
  const demo::PublishResult result = publisher_.Publish(forecast_arn_, "weekly", "s3://exports/weekly");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "ResourceInUseException");
  EXPECT_THAT(fake_, Called(kCreate).Returning(IsAwsError("ResourceInUseException")));
  EXPECT_THAT(fake_, Not(Called(kDescribe)));
}

}  // namespace
