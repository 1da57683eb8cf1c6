// Signature checking on (Options::auth) against aws-sdk-cpp's own SigV4
// signer: AwsSdk's credentials are the fake's key, so what the SDK signs,
// the fake verifies, in process as over the listener.
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/ListForecastsRequest.h>
#include <aws/s3/model/GetObjectRequest.h>
#include <aws/s3/model/ListObjectsV2Request.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <gmock/gmock.h>

#include <sstream>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastService::ForecastServiceErrors;
using ::testing::HasSubstr;

Options VerifiedSignatures() {
  Options options;
  options.auth.verify_signatures = true;
  options.auth.credentials = {{"AKIDFAKEAWSEXAMPLE", "fakeaws-secret"}};
  return options;
}

class AuthTest : public SdkTest {
 protected:
  AuthTest() : SdkTest(VerifiedSignatures()) {}
};

TEST_P(AuthTest, CredentialsAreTheFakesKey) {
  EXPECT_EQ(sdk_.Credentials().GetAWSAccessKeyId(), "AKIDFAKEAWSEXAMPLE");
  EXPECT_EQ(sdk_.Credentials().GetAWSSecretKey(), "fakeaws-secret");
}

TEST_P(AuthTest, ForecastCallsSignedByTheSdkAreVerified) {
  const auto outcome = Forecast()->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetExceptionName() << ": " << outcome.GetError().GetMessage();
  const auto calls = fake_.journal().Entries("AmazonForecast.ListForecasts");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_THAT(std::string(calls[0].request.headers.Get("authorization").value_or("")),
              HasSubstr("Credential=AKIDFAKEAWSEXAMPLE/"));
}

TEST_P(AuthTest, S3UploadsAndReadsSignedByTheSdkAreVerified) {
  ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
  auto s3 = S3();
  Aws::S3::Model::PutObjectRequest put;
  put.SetBucket("exports");
  put.SetKey("dir/a b.csv");  // a key that needs escaping in the canonical request
  put.SetBody(std::make_shared<std::stringstream>("item_id\nitem_1\n"));
  const auto stored = s3->PutObject(put);
  ASSERT_TRUE(stored.IsSuccess()) << stored.GetError().GetExceptionName() << ": " << stored.GetError().GetMessage();

  Aws::S3::Model::ListObjectsV2Request list;
  list.SetBucket("exports");
  list.SetPrefix("dir/");
  const auto listed = s3->ListObjectsV2(list);
  ASSERT_TRUE(listed.IsSuccess()) << listed.GetError().GetExceptionName() << ": " << listed.GetError().GetMessage();
  ASSERT_EQ(listed.GetResult().GetContents().size(), 1u);

  Aws::S3::Model::GetObjectRequest get;
  get.SetBucket("exports");
  get.SetKey("dir/a b.csv");
  auto got = s3->GetObject(get);
  ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetExceptionName() << ": " << got.GetError().GetMessage();
  std::ostringstream body;
  body << got.GetResult().GetBody().rdbuf();
  EXPECT_EQ(body.str(), "item_id\nitem_1\n");
}

// The first refusal's text, and a key the fake does not know, are checked
// in clock_skew_test.cc: today the SDK resends a refused call once with a
// shifted clock and reports the second refusal ("Signature expired").
TEST_P(AuthTest, AWrongSecretIsRefused) {
  auto forger = std::make_shared<Aws::ForecastService::ForecastServiceClient>(
      Aws::Auth::AWSCredentials("AKIDFAKEAWSEXAMPLE", "not-the-secret"), nullptr,
      Aws::ForecastService::ForecastServiceClientConfiguration(Config()));
  const auto outcome = forger->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::INVALID_SIGNATURE);
  EXPECT_EQ(outcome.GetError().GetExceptionName(), "InvalidSignatureException");
}

FAKEAWS_BOTH_TRANSPORTS(AuthTest);

}  // namespace
}  // namespace fakeaws::sdk_test
