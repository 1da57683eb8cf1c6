// No resend caused by the fake's clock (DESIGN.md, Determinism): aws-sdk-cpp
// compares each error response's Date with its own clock and, past 4
// minutes, shifts its signing clock and resends the request once
// (AWSClient::AdjustClockSkew; reference/aws-sdk-cpp-client.md item 9). A
// fake must show clients the time it checks their signatures against: the
// front doors (fake/src/pipeline/front_door.h) date answers by
// AuthOptions::server_time or the wall clock, while the fake's own clock
// stays at 2026-01-01 here. With the virtual Date every test below failed.
#include <aws/core/utils/DateTime.h>
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/DescribeForecastExportJobRequest.h>
#include <aws/forecast/model/ListForecastsRequest.h>
#include <aws/s3/model/GetObjectRequest.h>
#include <aws/s3/model/HeadObjectRequest.h>
#include <gmock/gmock.h>

#include <chrono>
#include <cstdlib>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {


constexpr char kDescribe[] = "AmazonForecast.DescribeForecastExportJob";

using ::testing::Each;
using ::testing::Optional;

Aws::ForecastService::Model::DescribeForecastExportJobRequest DescribeMissingJob(const Fake& fake) {
  Aws::ForecastService::Model::DescribeForecastExportJobRequest describe;
  describe.SetForecastExportJobArn(fake.forecast().ForecastExportJobArn("demand", "nope"));
  return describe;
}

std::vector<std::string> AttemptHeaders(const std::vector<JournalEntry>& entries) {
  std::vector<std::string> attempts;
  for (const auto& e : entries) attempts.emplace_back(e.request.headers.Get("amz-sdk-request").value_or(""));
  return attempts;
}

class ClockSkewTest : public SdkTest {};

TEST_P(ClockSkewTest, AFailedCallIsSentOnce) {
  const auto outcome = Forecast()->DescribeForecastExportJob(DescribeMissingJob(fake_));
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetExceptionName(), "ResourceNotFoundException");
  EXPECT_THAT(AttemptHeaders(fake_.journal().Entries(kDescribe)), ::testing::ElementsAre("attempt=1"));
}

TEST_P(ClockSkewTest, AMissingObjectIsAskedForOnce) {
  ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
  Aws::S3::Model::HeadObjectRequest head;
  head.SetBucket("exports");
  head.SetKey("missing.csv");
  const auto outcome = S3()->HeadObject(head);
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_THAT(AttemptHeaders(fake_.journal().Entries("s3:HeadObject")), ::testing::ElementsAre("attempt=1"));
}

// After an error the client still signs with the wall clock...
TEST_P(ClockSkewTest, RequestsAfterAnErrorAreSignedWithTheWallClock) {
  auto forecast = Forecast();
  ASSERT_FALSE(forecast->DescribeForecastExportJob(DescribeMissingJob(fake_)).IsSuccess());
  ASSERT_TRUE(forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest()).IsSuccess());
  const auto list = fake_.journal().Entries("AmazonForecast.ListForecasts");
  ASSERT_EQ(list.size(), 1u);
  const Aws::Utils::DateTime signed_at(
      Aws::String(list[0].request.headers.Get("x-amz-date").value_or("")), Aws::Utils::DateFormat::ISO_8601_BASIC);
  ASSERT_TRUE(signed_at.WasParseSuccessful());
  EXPECT_LT(std::abs(Aws::Utils::DateTime::Diff(signed_at, Aws::Utils::DateTime::Now()).count()), 5 * 60 * 1000);
}

Options VerifiedSignatures() {
  Options options;
  options.auth.verify_signatures = true;
  options.auth.credentials = {{"AKIDFAKEAWSEXAMPLE", "fakeaws-secret"}};
  return options;
}

class VerifiedClockSkewTest : public SdkTest {
 protected:
  VerifiedClockSkewTest() : SdkTest(VerifiedSignatures()) {}
};

// ... so with signatures checked, an error does not spoil the next calls
// (issue 11: "Signature expired" and RequestTimeTooSkewed after the shift).
TEST_P(VerifiedClockSkewTest, SignaturesStillVerifyAfterAnError) {
  ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
  ASSERT_THAT(fake_.s3().PutObject("exports", "a.csv", "item_id\n"), IsOk());
  auto forecast = Forecast();
  auto s3 = S3();
  const auto missing = forecast->DescribeForecastExportJob(DescribeMissingJob(fake_));
  ASSERT_FALSE(missing.IsSuccess());
  EXPECT_EQ(missing.GetError().GetExceptionName(), "ResourceNotFoundException");
  Aws::S3::Model::HeadObjectRequest head;
  head.SetBucket("exports");
  head.SetKey("missing.csv");
  ASSERT_FALSE(s3->HeadObject(head).IsSuccess());

  const auto listed = forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  EXPECT_TRUE(listed.IsSuccess()) << listed.GetError().GetExceptionName() << ": " << listed.GetError().GetMessage();
  Aws::S3::Model::GetObjectRequest get;
  get.SetBucket("exports");
  get.SetKey("a.csv");
  const auto got = s3->GetObject(get);
  EXPECT_TRUE(got.IsSuccess()) << got.GetError().GetExceptionName() << ": " << got.GetError().GetMessage();
  // Every call once: no resend for skew, none for a refused signature.
  for (const auto& entry : fake_.journal().Entries()) {
    EXPECT_THAT(entry.request.headers.Get("amz-sdk-request"), Optional(std::string_view("attempt=1")))
        << entry.operation;
  }
}

// A refusal is reported as the fake made it, not as the refusal of a resend
// signed with a shifted clock ("Signature expired: 20260101T000000Z ...").
TEST_P(VerifiedClockSkewTest, AnUnknownKeyIsRefusedAsUnknown) {
  auto stranger = std::make_shared<Aws::ForecastService::ForecastServiceClient>(
      Aws::Auth::AWSCredentials("AKIDSTRANGER", "whatever"), nullptr,
      Aws::ForecastService::ForecastServiceClientConfiguration(Config()));
  const auto outcome = stranger->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), Aws::ForecastService::ForecastServiceErrors::UNRECOGNIZED_CLIENT);
  EXPECT_EQ(outcome.GetError().GetExceptionName(), "UnrecognizedClientException");
  EXPECT_EQ(outcome.GetError().GetMessage(), "The security token included in the request is invalid.");
  EXPECT_EQ(Calls("AmazonForecast.ListForecasts"), 1u);
}

TEST_P(VerifiedClockSkewTest, AWrongSecretIsRefusedForItsSignature) {
  auto forger = std::make_shared<Aws::ForecastService::ForecastServiceClient>(
      Aws::Auth::AWSCredentials("AKIDFAKEAWSEXAMPLE", "not-the-secret"), nullptr,
      Aws::ForecastService::ForecastServiceClientConfiguration(Config()));
  const auto outcome = forger->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetExceptionName(), "InvalidSignatureException");
  EXPECT_THAT(outcome.GetError().GetMessage(), ::testing::HasSubstr("signature we calculated does not match"));
  EXPECT_EQ(Calls("AmazonForecast.ListForecasts"), 1u);
}

FAKEAWS_BOTH_TRANSPORTS(ClockSkewTest);
FAKEAWS_BOTH_TRANSPORTS(VerifiedClockSkewTest);

}  // namespace
}  // namespace fakeaws::sdk_test
