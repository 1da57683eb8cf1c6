// Sample 2: the fake behind a real socket. fakeaws::Listener serves it on
// 127.0.0.1; the production client only gets a different endpoint, signs
// its requests as it would for AWS, and the test still reads the journal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/fake.h"
#include "fakeaws/faults.h"
#include "fakeaws/listener.h"
#include "fakeaws/matchers.h"
#include "forecast_http_client.h"

namespace {

using ::fakeaws::Called;
using ::fakeaws::HasJsonMember;
using ::fakeaws::HasObject;
using ::fakeaws::IsExportFileName;
using ::fakeaws::IsOk;
using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Optional;
using ::testing::StartsWith;

// The AWS documentation's example keys: never real ones in tests.
const demo::sigv4::Credentials kCredentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};

std::chrono::system_clock::time_point At2026() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1767225600));  // 2026-01-01T00:00:00Z
}

class EndpointOverrideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fakeaws::ForecastSpec spec;
    spec.name = "demand";
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    endpoint_ = listener_.Start();  // "http://127.0.0.1:<free port>"
  }

  fakeaws::Fake fake_;
  fakeaws::Listener listener_{fake_};
  std::string endpoint_;
  std::string forecast_arn_;
};

TEST_F(EndpointOverrideTest, TheClientTalksToTheFakeThroughItsEndpoint) {
  demo::ForecastHttpClient client(endpoint_, kCredentials, "us-east-1", At2026);
  const auto listed = client.Call("ListForecasts", "{}");
  ASSERT_EQ(listed.status, 200) << listed.message;
  EXPECT_THAT(listed.body, HasJsonMember("/Forecasts/0/ForecastName", "demand"));

  // The request reached the fake signed, as it would reach AWS.
  const auto calls = fake_.journal().Entries("AmazonForecast.ListForecasts");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_THAT(calls[0].request.headers.Get("Authorization"),
              Optional(StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/forecast/aws4_request, "
                                  "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=")));
  EXPECT_THAT(calls[0].request.headers.Get("X-Amz-Date"), Optional(std::string_view("20260101T000000Z")));
}

TEST_F(EndpointOverrideTest, ExportsLandInTheFakesS3) {
  demo::ForecastHttpClient client(endpoint_, kCredentials, "us-east-1", At2026);
  const auto created = client.Call(
      "CreateForecastExportJob",
      R"({"ForecastExportJobName":"weekly","ForecastArn":")" + forecast_arn_ +
          R"(","Destination":{"S3Config":{"Path":"s3://exports/weekly","RoleArn":")" +
          fake_.forecast().RoleArn("ForecastExportRole") + R"("}}})");
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_THAT(fake_, HasObject("exports", IsExportFileName("weekly", _, 0)));
  EXPECT_THAT(fake_, Called("AmazonForecast.CreateForecastExportJob")
                         .With(HasJsonMember("/ForecastExportJobName", "weekly")));
}

TEST_F(EndpointOverrideTest, ErrorsArriveAsAwsSendsThem) {
  demo::ForecastHttpClient client(endpoint_, kCredentials, "us-east-1", At2026);
  const auto missing = client.Call("DescribeForecastExportJob",
                                   R"({"ForecastExportJobArn":")" +
                                       fake_.forecast().ForecastExportJobArn("demand", "nope") + R"("})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.error_type, "ResourceNotFoundException");
  EXPECT_THAT(missing.message, HasSubstr("forecast-export-job/demand/nope"));
}

// With Options::auth the fake checks every signature as AWS would, so a
// signing bug fails here and not in production.
TEST(EndpointOverrideAuthTest, TheFakeAcceptsOnlyAValidSignature) {
  fakeaws::Options options;
  options.auth.verify_signatures = true;
  options.auth.credentials = {{kCredentials.access_key_id, kCredentials.secret_access_key}};
  // The client signs at a fixed instant; the fake checks the date against
  // that instant rather than the wall clock.
  options.auth.server_time = [] { return std::chrono::time_point_cast<std::chrono::milliseconds>(At2026()); };
  fakeaws::Fake fake(options);
  fakeaws::Listener listener(fake);
  const std::string endpoint = listener.Start();

  demo::ForecastHttpClient client(endpoint, kCredentials, "us-east-1", At2026);
  EXPECT_EQ(client.Call("ListForecasts", "{}").status, 200);

  demo::sigv4::Credentials wrong = kCredentials;
  wrong.secret_access_key = "not-the-secret";
  const auto refused = demo::ForecastHttpClient(endpoint, wrong, "us-east-1", At2026).Call("ListForecasts", "{}");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.error_type, "InvalidSignatureException");
}

TEST_F(EndpointOverrideTest, AFaultCanDropTheConnection) {
  fake_.faults().Arm(fakeaws::FaultRule::DropConnection().On("AmazonForecast.ListForecasts"));
  demo::ForecastHttpClient client(endpoint_, kCredentials, "us-east-1", At2026);
  const auto dropped = client.Call("ListForecasts", "{}");
  EXPECT_EQ(dropped.status, 0);
  EXPECT_FALSE(dropped.message.empty());
  EXPECT_EQ(client.Call("ListForecasts", "{}").status, 200);  // the fault fired once
}

// The signer against two vectors whose signatures botocore 1.43.11 computes
// for the same input (SigV4Auth): the AWS SigV4 test suite's "get-vanilla"
// and an awsJson1_1 POST like the client's.
TEST(SigV4, MatchesBotocoresSignatures) {
  demo::sigv4::Request vanilla;
  vanilla.method = "GET";
  vanilla.headers = {{"Host", "example.amazonaws.com"}};
  demo::sigv4::Sign(vanilla, kCredentials, "us-east-1", "service",
                    std::chrono::system_clock::time_point(std::chrono::seconds(1440938160)));  // 2015-08-30T12:36:00Z
  EXPECT_EQ(vanilla.headers.back().second,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, "
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

  demo::sigv4::Request post;
  post.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                  {"Host", "127.0.0.1:8080"},
                  {"X-Amz-Target", "AmazonForecast.ListForecasts"}};
  post.body = "{}";
  demo::sigv4::Sign(post, kCredentials, "us-east-1", "forecast", At2026());
  EXPECT_EQ(post.headers.back().second,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/forecast/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
            "Signature=81dd38f1709841200f6a7896e769e764ff381578699cdec3922f5180e8173330");
}

TEST(SigV4, Sha256MatchesFips180Vectors) {
  EXPECT_EQ(demo::sigv4::Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(demo::sigv4::Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(demo::sigv4::Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

}  // namespace
