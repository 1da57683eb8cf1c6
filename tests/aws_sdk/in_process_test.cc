// What only the in-process transport has to get right: which fake answers
// which client, many threads, lifetimes, the SDK's process-wide factory, and
// the aws-chunked uploads an http:// listener never sees from this SDK.
#include <aws/core/Aws.h>
#include <aws/core/client/CoreErrors.h>
#include <aws/core/http/HttpClientFactory.h>
#include <aws/core/http/curl/CurlHttpClient.h>
#include <aws/core/http/standard/StandardHttpResponse.h>
#include <aws/core/utils/HashingUtils.h>
#include <aws/forecast/ForecastServiceClient.h>
#include <aws/forecast/ForecastServiceErrors.h>
#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <aws/forecast/model/ListForecastsRequest.h>
#include <aws/s3/S3Client.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "fakeaws/aws_sdk.h"
#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

using Aws::ForecastService::ForecastServiceErrors;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Optional;
using ::testing::StartsWith;

constexpr char kList[] = "AmazonForecast.ListForecasts";

bool ListForecasts(const Aws::ForecastService::ForecastServiceClient& forecast) {
  return forecast.ListForecasts(Aws::ForecastService::Model::ListForecastsRequest()).IsSuccess();
}

TEST(AwsSdkTest, TheThreeLinesOfTheHeader) {
  fakeaws::Fake fake;
  fakeaws::AwsSdk sdk(fake);
  auto forecast = sdk.ForecastClient();
  auto outcome = forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  EXPECT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetMessage();
  EXPECT_THAT(fake, Called(kList).Times(1));
}

TEST(AwsSdkTest, EachAwsSdkHasAnEndpointOfItsOwn) {
  Fake fake;
  AwsSdk first(fake);
  AwsSdk second(fake);
  EXPECT_THAT(first.endpoint(), MatchesRegex("http://[0-9]+\\.fakeaws\\.invalid"));
  EXPECT_NE(first.endpoint(), second.endpoint());
  EXPECT_EQ(first.ClientConfiguration().endpointOverride, first.endpoint());
}

TEST(AwsSdkTest, ClientConfigurationIsTheFakesRegionWithoutImds) {
  Options options;
  options.region = "eu-west-1";
  Fake fake(options);
  AwsSdk sdk(fake);
  const Aws::Client::ClientConfiguration config = sdk.ClientConfiguration();
  EXPECT_EQ(config.region, "eu-west-1");
  EXPECT_TRUE(config.disableIMDS);
  EXPECT_FALSE(sdk.S3ClientConfiguration().useVirtualAddressing);
  EXPECT_EQ(sdk.Credentials().GetAWSAccessKeyId(), "fakeaws");
}

TEST(AwsSdkTest, TwoFakesDoNotSeeEachOthersRequests) {
  Fake one;
  Fake other;
  AwsSdk sdk_one(one);
  AwsSdk sdk_other(other);
  ASSERT_TRUE(ListForecasts(*sdk_one.ForecastClient()));
  ASSERT_TRUE(ListForecasts(*sdk_one.ForecastClient()));
  ASSERT_TRUE(ListForecasts(*sdk_other.ForecastClient()));
  EXPECT_THAT(one, Called(kList).Times(2));
  EXPECT_THAT(other, Called(kList).Times(1));
}

TEST(AwsSdkTest, ClientsOnManyThreadsShareOneFake) {
  Fake fake;
  AwsSdk sdk(fake);
  auto shared = sdk.ForecastClient();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      auto own = sdk.ForecastClient();
      for (int i = 0; i < 25; ++i) {
        if (!ListForecasts(t % 2 == 0 ? *shared : *own)) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_THAT(fake, Called(kList).Times(200));
}

TEST(AwsSdkTest, AClientOutlivingItsAwsSdkFailsAsANetworkError) {
  Fake fake;
  auto sdk = std::make_unique<AwsSdk>(fake);
  auto forecast = sdk->ForecastClient();
  sdk.reset();
  const auto outcome = forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_EQ(outcome.GetError().GetErrorType(), ForecastServiceErrors::NETWORK_CONNECTION);
  EXPECT_THAT(outcome.GetError().GetMessage(), HasSubstr("no Fake answers"));
  EXPECT_EQ(fake.journal().size(), 0u);
}

TEST(AwsSdkTest, AClientMadeForAGoneEndpointNeverReachesTheNetwork) {
  Fake fake;
  auto sdk = std::make_unique<AwsSdk>(fake);
  const Aws::Client::ClientConfiguration config = sdk->ClientConfiguration();
  sdk.reset();
  Aws::ForecastService::ForecastServiceClient forecast(Aws::Auth::AWSCredentials("fakeaws", "fakeaws"), nullptr,
                                                       Aws::ForecastService::ForecastServiceClientConfiguration(config));
  const auto outcome = forecast.ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
  ASSERT_FALSE(outcome.IsSuccess());
  EXPECT_THAT(outcome.GetError().GetMessage(), HasSubstr("no Fake answers"));
}

TEST(AwsSdkTest, ClientsOfOtherEndpointsGetTheSdksCurlClient) {
  Fake fake;
  AwsSdk sdk(fake);
  Aws::Client::ClientConfiguration config = sdk.ClientConfiguration();
  config.endpointOverride = "http://127.0.0.1:9";
  EXPECT_NE(dynamic_cast<Aws::Http::CurlHttpClient*>(Aws::Http::CreateHttpClient(config).get()), nullptr);
  EXPECT_EQ(dynamic_cast<Aws::Http::CurlHttpClient*>(Aws::Http::CreateHttpClient(sdk.ClientConfiguration()).get()),
            nullptr);
}

// AwsSdk's clients resend as the SDK's default strategy does, minus its
// back-off sleeps (25.55 s for these ten resends).
TEST(AwsSdkTest, ClientsRetryAsTheSdkDefaultWithoutWaiting) {
  Options options;
  options.quotas.concurrent_forecast_export_jobs = 1;
  options.lifecycle = LifecycleDurations::Observable();
  Fake fake(options);
  AwsSdk sdk(fake);
  ForecastSpec spec;
  spec.name = "demand";
  const std::string forecast_arn = fake.forecast().PutForecast(spec).value();
  auto forecast = sdk.ForecastClient();
  auto create = [&](const std::string& job) {
    Aws::ForecastService::Model::S3Config s3;
    s3.SetPath("s3://exports/" + job);
    s3.SetRoleArn(fake.forecast().RoleArn("ForecastExportRole"));
    Aws::ForecastService::Model::DataDestination destination;
    destination.SetS3Config(s3);
    Aws::ForecastService::Model::CreateForecastExportJobRequest request;
    request.SetForecastExportJobName(job);
    request.SetForecastArn(forecast_arn);
    request.SetDestination(destination);
    return forecast->CreateForecastExportJob(request);
  };
  ASSERT_TRUE(create("first").IsSuccess());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(create("second").IsSuccess());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_THAT(fake, Called("AmazonForecast.CreateForecastExportJob")
                        .Returning(IsAwsError("LimitExceededException"))
                        .Times(11));
}

// aws-sdk-cpp 1.11.332 sends aws-chunked only over https, with an unsigned
// payload and a checksum (reference item 11): in process the scheme is a
// name, so a fake endpoint may be https.
TEST(AwsSdkTest, AnAwsChunkedUploadArrivesFramedAndVerified) {
  Fake fake;
  AwsSdk sdk(fake);
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  Aws::S3::S3ClientConfiguration config = sdk.S3ClientConfiguration();
  config.endpointOverride = "https" + sdk.endpoint().substr(4);
  config.scheme = Aws::Http::Scheme::HTTPS;
  config.payloadSigningPolicy = Aws::Client::AWSAuthV4Signer::PayloadSigningPolicy::Never;
  Aws::S3::S3Client s3(sdk.Credentials(), nullptr, config);

  Aws::S3::Model::PutObjectRequest put;
  put.SetBucket("exports");
  put.SetKey("a.csv");
  put.SetChecksumAlgorithm(Aws::S3::Model::ChecksumAlgorithm::CRC32);
  put.SetBody(std::make_shared<std::stringstream>("item_id,p50\nitem_1,3\n"));
  const auto outcome = s3.PutObject(put);
  ASSERT_TRUE(outcome.IsSuccess()) << outcome.GetError().GetExceptionName() << ": " << outcome.GetError().GetMessage();

  const auto puts = fake.journal().Entries("s3:PutObject");
  ASSERT_EQ(puts.size(), 1u);
  const HttpRequest& sent = puts[0].request;
  EXPECT_THAT(sent.headers.Get("content-encoding"), Optional(std::string_view("aws-chunked")));
  EXPECT_THAT(sent.headers.Get("x-amz-content-sha256"),
              Optional(std::string_view("STREAMING-UNSIGNED-PAYLOAD-TRAILER")));
  const std::string crc = Aws::Utils::HashingUtils::Base64Encode(
      Aws::Utils::HashingUtils::CalculateCRC32(Aws::String("item_id,p50\nitem_1,3\n")));
  EXPECT_EQ(sent.body, "15\r\nitem_id,p50\nitem_1,3\n\r\n0\r\nx-amz-checksum-crc32:" + crc + "\r\n\r\n");
  const auto stored = fake.s3().GetObject("exports", "a.csv");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored.value().body, "item_id,p50\nitem_1,3\n");
  EXPECT_EQ(outcome.GetResult().GetChecksumCRC32(), crc);
}

// ---- The SDK's process-wide factory ----------------------------------------

// A factory that is neither the SDK's default nor fakeaws's: its clients
// refuse every request.
class RefusingHttpClient : public Aws::Http::HttpClient {
 public:
  std::shared_ptr<Aws::Http::HttpResponse> MakeRequest(const std::shared_ptr<Aws::Http::HttpRequest>& request,
                                                       Aws::Utils::RateLimits::RateLimiterInterface*,
                                                       Aws::Utils::RateLimits::RateLimiterInterface*) const override {
    auto response = std::make_shared<Aws::Http::Standard::StandardHttpResponse>(request);
    response->SetClientErrorType(Aws::Client::CoreErrors::NETWORK_CONNECTION);
    return response;
  }
};

class OwnFactory : public Aws::Http::HttpClientFactory {
 public:
  std::shared_ptr<Aws::Http::HttpClient> CreateHttpClient(const Aws::Client::ClientConfiguration&) const override {
    return std::make_shared<RefusingHttpClient>();
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::String& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& f) const override {
    return fakeaws_factory_->CreateHttpRequest(uri, method, f);
  }
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(const Aws::Http::URI& uri, Aws::Http::HttpMethod method,
                                                            const Aws::IOStreamFactory& f) const override {
    return fakeaws_factory_->CreateHttpRequest(uri, method, f);
  }

 private:
  std::shared_ptr<Aws::Http::HttpClientFactory> fakeaws_factory_ = AwsSdk::HttpClientFactory();
};

void ReinstallFakeawsFactory() {
  auto factory = AwsSdk::HttpClientFactory();
  Aws::Http::SetHttpClientFactory(factory);
  factory->InitStaticState();
}

TEST(AwsSdkFactoryTest, TheSdksDefaultFactoryIsSwappedForFakeaws) {
  Fake fake;
  { AwsSdk first(fake); }  // the SDK initialised
  Aws::Http::CleanupHttp();
  Aws::Http::InitHttp();   // the SDK's default factory back, as after a plain Aws::InitAPI
  AwsSdk sdk(fake);
  EXPECT_TRUE(ListForecasts(*sdk.ForecastClient()));
  EXPECT_THAT(fake, Called(kList).Times(1));
}

TEST(AwsSdkFactoryTest, AFactoryOfYourOwnIsNotReplaced) {
  Fake fake;
  { AwsSdk first(fake); }
  Aws::Http::SetHttpClientFactory(std::make_shared<OwnFactory>());
  EXPECT_THROW(AwsSdk sdk(fake), std::logic_error);
  ReinstallFakeawsFactory();
}

TEST(AwsSdkFactoryTest, InitApiWithFakeawsFactoryInSdkOptions) {
  Aws::SDKOptions options;
  options.httpOptions.httpClientFactory_create_fn = AwsSdk::HttpClientFactory;
  Aws::InitAPI(options);
  {
    Fake fake;
    AwsSdk sdk(fake);
    EXPECT_TRUE(ListForecasts(*sdk.ForecastClient()));
  }
  Aws::ShutdownAPI(options);
}

}  // namespace
}  // namespace fakeaws
