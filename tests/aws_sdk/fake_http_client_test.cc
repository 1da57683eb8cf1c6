// The in-process HTTP client's pieces (fake/src/aws_sdk/): the request a
// socket would carry, the one call into the fake, curl's timeouts.
#include "aws_sdk/fake_http_client.h"

#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/http/URI.h>
#include <aws/core/http/standard/StandardHttpRequest.h>
#include <aws/core/utils/HashingUtils.h>
#include <aws/core/utils/crypto/CRC32.h>
#include <aws/core/utils/memory/stl/AWSStringStream.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "aws_sdk/routes.h"
#include "fakeaws/aws_sdk.h"
#include "fakeaws/fake.h"
#include "fakeaws/faults.h"

namespace fakeaws::aws_sdk {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::Optional;

class FakeHttpClientTest : public ::testing::Test {
 protected:
  static std::shared_ptr<Aws::Http::Standard::StandardHttpRequest> SdkRequest(const char* uri,
                                                                               Aws::Http::HttpMethod method) {
    return std::make_shared<Aws::Http::Standard::StandardHttpRequest>(Aws::Http::URI(uri), method);
  }

  Fake fake_;
  AwsSdk sdk_{fake_};  // initialises the SDK
};

// The SDK builds URIs from raw segments and escapes them itself.
TEST_F(FakeHttpClientTest, TargetIsThePathAndQueryOfTheSdksUrl) {
  Aws::Http::URI uri("http://1.fakeaws.invalid");
  uri.AddPathSegments("/exports/dir/a b.csv");
  uri.AddQueryStringParameter("list-type", "2");
  uri.AddQueryStringParameter("prefix", "dir/");
  auto request = std::make_shared<Aws::Http::Standard::StandardHttpRequest>(uri, Aws::Http::HttpMethod::HTTP_GET);
  EXPECT_EQ(ToFakeRequest(*request).target, "/exports/dir/a%20b.csv?list-type=2&prefix=dir%2F");
  EXPECT_EQ(ToFakeRequest(*request).method, "GET");
}

TEST_F(FakeHttpClientTest, TargetOfAUrlWithoutPathIsTheRoot) {
  EXPECT_EQ(ToFakeRequest(*SdkRequest("http://1.fakeaws.invalid", Aws::Http::HttpMethod::HTTP_POST)).target, "/");
  EXPECT_EQ(ToFakeRequest(*SdkRequest("http://1.fakeaws.invalid?uploads", Aws::Http::HttpMethod::HTTP_POST)).target,
            "/?uploads");
}

TEST_F(FakeHttpClientTest, HeadersAreTheSdksWithHostAsItComputesIt) {
  auto request = SdkRequest("http://1.fakeaws.invalid:8080/", Aws::Http::HttpMethod::HTTP_POST);
  request->SetHeaderValue("X-Amz-Target", "AmazonForecast.ListForecasts");
  request->SetHeaderValue("Expect", "100-continue");  // curl's handshake, never needed in process
  const HttpRequest out = ToFakeRequest(*request);
  EXPECT_THAT(out.headers.fields(),
              ElementsAre(Field(&Headers::Field::name, "host"), Field(&Headers::Field::name, "x-amz-target")));
  EXPECT_THAT(out.headers.Get("host"), Optional(std::string_view("1.fakeaws.invalid:8080")));
}

TEST_F(FakeHttpClientTest, BodyIsReadFromTheStreamsPosition) {
  auto request = SdkRequest("http://1.fakeaws.invalid/", Aws::Http::HttpMethod::HTTP_POST);
  auto body = std::make_shared<Aws::StringStream>("{\n}\n");
  request->AddContentBody(body);
  EXPECT_EQ(ToFakeRequest(*request).body, "{\n}\n");
}

// The SDK leaves aws-chunked framing and its trailer to the HTTP client
// (CurlHttpClient.cpp, ReadBody).
TEST_F(FakeHttpClientTest, AwsChunkedBodyIsFramedWithTheChecksumTrailer) {
  auto request = SdkRequest("https://1.fakeaws.invalid/exports/a.csv", Aws::Http::HttpMethod::HTTP_PUT);
  request->SetHeaderValue("content-encoding", "aws-chunked");
  request->AddContentBody(std::make_shared<Aws::StringStream>("hello world"));
  request->SetRequestHash("crc32", std::make_shared<Aws::Utils::Crypto::CRC32>());
  const std::string crc = Aws::Utils::HashingUtils::Base64Encode(
      Aws::Utils::HashingUtils::CalculateCRC32(Aws::String("hello world")));
  // Upper-case hex, as curl's client writes it (StringUtils::ToHexString).
  EXPECT_EQ(ToFakeRequest(*request).body, "B\r\nhello world\r\n0\r\nx-amz-checksum-crc32:" + crc + "\r\n\r\n");
}

TEST_F(FakeHttpClientTest, AwsChunkedEmptyBodyIsTheLastChunkAlone) {
  auto request = SdkRequest("https://1.fakeaws.invalid/exports/a.csv", Aws::Http::HttpMethod::HTTP_PUT);
  request->SetHeaderValue("content-encoding", "aws-chunked");
  request->AddContentBody(std::make_shared<Aws::StringStream>(""));
  EXPECT_EQ(ToFakeRequest(*request).body, "0\r\n\r\n");
}

TEST_F(FakeHttpClientTest, HeadSendsNoBody) {
  auto request = SdkRequest("http://1.fakeaws.invalid/exports/a.csv", Aws::Http::HttpMethod::HTTP_HEAD);
  request->AddContentBody(std::make_shared<Aws::StringStream>("ignored"));
  EXPECT_EQ(ToFakeRequest(*request).body, "");
}

TEST_F(FakeHttpClientTest, ARouteReportsAFaultsLatency) {
  fake_.faults().Arm(FaultRule::Latency(std::chrono::milliseconds(250)));
  HttpRequest request;
  request.target = "/";
  const auto route = OpenRoute(fake_);
  const std::optional<internal::Delivery> delivery = route->Serve(request);
  ASSERT_TRUE(delivery);
  EXPECT_EQ(delivery->delay, std::chrono::milliseconds(250));
  EXPECT_FALSE(delivery->drop_connection);
  EXPECT_EQ(delivery->response.status, 200);
  CloseRoute(route);
}

TEST_F(FakeHttpClientTest, ARouteReportsADroppedConnection) {
  fake_.faults().Arm(FaultRule::DropConnection());
  HttpRequest request;
  request.target = "/";
  const auto route = OpenRoute(fake_);
  EXPECT_THAT(route->Serve(request), Optional(Field(&internal::Delivery::drop_connection, true)));
  fake_.faults().Arm(FaultRule::DropConnectionAfterHandling());
  EXPECT_THAT(route->Serve(request), Optional(Field(&internal::Delivery::drop_connection, true)));
  CloseRoute(route);
}

TEST_F(FakeHttpClientTest, AClosedRouteServesNothing) {
  HttpRequest request;
  request.target = "/";
  const auto route = OpenRoute(fake_);
  CloseRoute(route);
  EXPECT_EQ(route->Serve(request), std::nullopt);
  EXPECT_TRUE(fake_.journal().Entries().empty());
}

Aws::Client::ClientConfiguration Timeouts(long request_timeout_ms, long http_request_timeout_ms) {
  Aws::Client::ClientConfigurationInitValues init;
  init.shouldDisableIMDS = true;
  Aws::Client::ClientConfiguration config(init);
  config.requestTimeoutMs = request_timeout_ms;
  config.httpRequestTimeoutMs = http_request_timeout_ms;
  return config;
}

// Measured against fakeaws::Listener with curl 7.88.1 (fake_http_client.cc).
TEST_F(FakeHttpClientTest, CurlTimeoutIsItsLowSpeedCheckOrTheTotalLimit) {
  using std::chrono::milliseconds;
  EXPECT_THAT(CurlTimeout(Timeouts(3000, 0)), Optional(milliseconds(7000)));  // the SDK's defaults
  EXPECT_THAT(CurlTimeout(Timeouts(1000, 0)), Optional(milliseconds(5000)));
  EXPECT_THAT(CurlTimeout(Timeouts(1000, 1500)), Optional(milliseconds(1500)));
  EXPECT_EQ(CurlTimeout(Timeouts(0, 0)), std::nullopt);
  Aws::Client::ClientConfiguration no_low_speed = Timeouts(3000, 0);
  no_low_speed.lowSpeedLimit = 0;
  EXPECT_EQ(CurlTimeout(no_low_speed), std::nullopt);
}

}  // namespace
}  // namespace fakeaws::aws_sdk
