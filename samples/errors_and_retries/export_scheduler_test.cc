// Sample 3: each of the five Amazon Forecast errors reproduced the way a
// real account runs into it, and retries seen from the test: the journal
// counts the calls, so the aws-sdk-cpp / botocore retry trap
// (wire-format.md §1.4) becomes an assertion.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export_scheduler.h"
#include "fakeaws/fake.h"
#include "fakeaws/faults.h"
#include "fakeaws/matchers.h"

namespace {

using ::fakeaws::Called;
using ::fakeaws::CalledInOrder;
using ::fakeaws::FaultRule;
using ::fakeaws::HasHttpStatus;
using ::fakeaws::IsAwsError;
using ::fakeaws::IsOk;
using ::testing::_;
using ::testing::HasSubstr;

constexpr const char* kCreate = "AmazonForecast.CreateForecastExportJob";

class FakeTransport : public demo::ForecastTransport {
 public:
  explicit FakeTransport(fakeaws::Fake& fake) : fake_(fake) {}
  Reply Call(const Request& r) override {
    fakeaws::HttpRequest request;
    request.method = "POST";
    request.headers.Add("X-Amz-Target", "AmazonForecast." + r.operation);
    request.headers.Add("Content-Type", "application/x-amz-json-1.1");
    for (const auto& [name, value] : r.headers) request.headers.Add(name, value);
    request.body = r.json;
    fakeaws::HttpResponse response = fake_.Handle(std::move(request));
    return {response.status, std::move(response.body)};
  }

 private:
  fakeaws::Fake& fake_;
};

class SchedulerTest : public ::testing::Test {
 protected:
  explicit SchedulerTest(fakeaws::Options options = {}) : fake_(std::move(options)), transport_(fake_) {}

  void SetUp() override {
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    fakeaws::ForecastSpec spec;
    spec.name = "demand";
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
    role_arn_ = fake_.forecast().RoleArn("ForecastExportRole");
  }

  // Backoff moves the fake's virtual clock: retries take no real time.
  demo::ExportScheduler Scheduler(demo::RetryPolicy policy) {
    return demo::ExportScheduler(transport_, policy,
                                 [this](std::chrono::milliseconds d) { fake_.clock().Advance(d); });
  }
  demo::CallResult Start(demo::ExportScheduler& s, const std::string& job) {
    return s.Start(forecast_arn_, job, "s3://exports/" + job, role_arn_);
  }

  fakeaws::Fake fake_;
  FakeTransport transport_;
  std::string forecast_arn_;
  std::string role_arn_;
};

// ---- The five errors --------------------------------------------------------

TEST_F(SchedulerTest, InvalidInputForARoleInAnotherAccount) {
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  const auto r = s.Start(forecast_arn_, "weekly", "s3://exports/weekly", "arn:aws:iam::999999999999:role/Other");
  EXPECT_EQ(r.error_type, "InvalidInputException");
  EXPECT_THAT(r.message, HasSubstr("another account"));
  EXPECT_EQ(r.attempts, 1);  // not retryable in either SDK
}

TEST_F(SchedulerTest, ResourceNotFoundForAForecastThatDoesNotExist) {
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  const auto r = s.Start(fake_.forecast().ForecastArn("nope"), "weekly", "s3://exports/weekly", role_arn_);
  EXPECT_EQ(r.error_type, "ResourceNotFoundException");
  EXPECT_THAT(fake_, Called(kCreate).Returning(IsAwsError("ResourceNotFoundException", HasSubstr("forecast/nope"))));
  EXPECT_EQ(s.Status(fake_.forecast().ForecastExportJobArn("demand", "nope")).error_type,
            "ResourceNotFoundException");
}

TEST_F(SchedulerTest, ResourceAlreadyExistsForASecondJobWithTheSameName) {
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  ASSERT_TRUE(Start(s, "weekly").ok);
  const auto again = Start(s, "weekly");
  EXPECT_EQ(again.error_type, "ResourceAlreadyExistsException");
  EXPECT_EQ(again.message, "A forecast export job already exists with the arn: " +
                               fake_.forecast().ForecastExportJobArn("demand", "weekly"));
}

TEST_F(SchedulerTest, ResourceInUseForAForecastStillBeingCreated) {
  ASSERT_THAT(fake_.forecast().SetForecastStatus(forecast_arn_, "CREATE_IN_PROGRESS"), IsOk());
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  const auto r = Start(s, "weekly");
  EXPECT_EQ(r.error_type, "ResourceInUseException");
  EXPECT_EQ(r.attempts, 1);
}

// ---- LimitExceeded and the retry trap --------------------------------------

fakeaws::Options OneConcurrentExport(fakeaws::LifecycleDurations lifecycle) {
  fakeaws::Options options;
  options.quotas.concurrent_forecast_export_jobs = 1;
  options.lifecycle = lifecycle;
  return options;
}

class LimitExceededTest : public SchedulerTest {
 protected:
  // A first export stays in progress for 6 minutes.
  LimitExceededTest() : SchedulerTest(OneConcurrentExport(fakeaws::LifecycleDurations::Observable())) {}
};

TEST_F(LimitExceededTest, BotocoreLegacyModeFailsAtOnce) {
  auto s = Scheduler(demo::RetryPolicy::BotocoreLegacy());
  ASSERT_TRUE(Start(s, "first").ok);
  const auto r = Start(s, "second");
  EXPECT_EQ(r.error_type, "LimitExceededException");
  EXPECT_EQ(r.message, "Quota limit of 1 concurrently creating forecast exports has been reached");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_THAT(fake_, Called(kCreate).Times(2));
}

TEST_F(LimitExceededTest, AwsSdkCppRetriesTenTimesBeforeTheErrorSurfaces) {
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  ASSERT_TRUE(Start(s, "first").ok);
  const fakeaws::Timestamp before = fake_.clock().Now();
  const auto r = Start(s, "second");
  EXPECT_EQ(r.error_type, "LimitExceededException");
  EXPECT_EQ(r.attempts, 11);
  // What the test sees: 11 calls for one Start, each refused, numbered by the SDK header.
  EXPECT_THAT(fake_, Called(kCreate).Returning(IsAwsError("LimitExceededException")).Times(11));
  const auto calls = fake_.journal().Entries(kCreate);
  ASSERT_EQ(calls.size(), 12u);
  EXPECT_EQ(calls[1].request.headers.Get("amz-sdk-request"), "attempt=1; max=11");
  EXPECT_EQ(calls[11].request.headers.Get("amz-sdk-request"), "attempt=11; max=11");
  // 25 ms * (1 + 2 + ... + 512) of backoff, on the virtual clock.
  EXPECT_EQ(fake_.clock().Now() - before, std::chrono::milliseconds(25 * 1023));
}

class ShortExportTest : public SchedulerTest {
 protected:
  ShortExportTest() : SchedulerTest(OneConcurrentExport([] {
                        fakeaws::LifecycleDurations d;
                        d.create_in_progress = std::chrono::seconds(10);
                        return d;
                      }())) {}
};

// The same quota error hides from a C++ caller when a retry outlasts the
// running export: only the journal shows it happened.
TEST_F(ShortExportTest, AwsSdkCppRetriesUntilTheFirstExportFinishes) {
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  ASSERT_TRUE(Start(s, "first").ok);
  const auto r = Start(s, "second");
  EXPECT_TRUE(r.ok) << r.error_type;
  EXPECT_EQ(r.attempts, 10);  // 12.775 s of backoff passes the 10 s export
  EXPECT_THAT(fake_, Called(kCreate).Returning(IsAwsError("LimitExceededException")).Times(9));
}

// ---- Throttling, injected --------------------------------------------------

TEST_F(SchedulerTest, BothSdksRetryThrottling) {
  fake_.faults().Arm(FaultRule::Error(fakeaws::errors::ThrottlingException()).On(kCreate).Times(2));
  auto s = Scheduler(demo::RetryPolicy::BotocoreLegacy());
  const auto r = Start(s, "weekly");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_THAT(fake_, CalledInOrder(Called(kCreate).Returning(IsAwsError("ThrottlingException", "Rate exceeded")),
                                   Called(kCreate).Returning(IsAwsError("ThrottlingException")),
                                   Called(kCreate).Returning(HasHttpStatus(200))));
  // The faults are in the journal too.
  EXPECT_THAT(fake_.journal().Entries(kCreate)[0].fault, HasSubstr("ThrottlingException"));
}

// An injected LimitExceeded shows the trap without any lifecycle set-up.
TEST_F(SchedulerTest, AnInjectedLimitExceededSeparatesTheSdks) {
  fake_.faults().Arm(FaultRule::Error(fakeaws::errors::LimitExceededException()).On(kCreate).Times(2));
  auto python_like = Scheduler(demo::RetryPolicy::BotocoreLegacy());
  EXPECT_EQ(Start(python_like, "weekly").error_type, "LimitExceededException");
  auto cpp_like = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  const auto r = Start(cpp_like, "weekly");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.attempts, 2);  // the second fault went to its first attempt
}

// For those who prefer expectations: the same retries through MockObserver.
TEST_F(SchedulerTest, ExpectationsOnEachAttempt) {
  fake_.faults().Arm(FaultRule::Error(fakeaws::errors::ThrottlingException()).On(kCreate).Times(2));
  fakeaws::MockObserver observer(fake_);
  {
    ::testing::InSequence in_order;
    EXPECT_CALL(observer, OnRequest(kCreate, _, IsAwsError("ThrottlingException"))).Times(2);
    EXPECT_CALL(observer, OnRequest(kCreate, _, HasHttpStatus(200)));
  }
  auto s = Scheduler(demo::RetryPolicy::AwsSdkCppDefault());
  EXPECT_TRUE(Start(s, "weekly").ok);
}

}  // namespace
