#include "fakeaws/aws_sdk.h"

#include <aws/core/Aws.h>
#include <aws/core/client/DefaultRetryStrategy.h>
#include <aws/core/http/HttpClientFactory.h>
#include <aws/core/http/curl/CurlHttpClient.h>
#include <aws/forecast/ForecastServiceClient.h>
#include <aws/forecastquery/ForecastQueryServiceClient.h>
#include <aws/crt/io/TlsOptions.h>
#include <aws/s3/S3Client.h>

#include <mutex>
#include <stdexcept>
#include <utility>

#include "aws_sdk/fake_http_client.h"
#include "aws_sdk/http_client_factory.h"
#include "aws_sdk/routes.h"
#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

constexpr char kTag[] = "fakeaws::AwsSdk";

// One reference on the SDK for the whole process: Aws::InitAPI with fakeaws's
// factory on first use (a no-op but for the count when the SDK is already
// initialised), Aws::ShutdownAPI at exit, after every test has ended.
class SdkReference {
 public:
  SdkReference() {
    options_.httpOptions.httpClientFactory_create_fn = &AwsSdk::HttpClientFactory;
    // No CRT TLS context: loading the system's CA certificates for it is two
    // thirds of InitAPI's 150 ms, paid by every test process, and only the
    // CRT's own HTTP stacks use it (curl does its own TLS; neither reaches a
    // fake).
    options_.ioOptions.tlsConnectionOptions_create_fn = [] {
      return std::shared_ptr<Aws::Crt::Io::TlsConnectionOptions>();
    };
    Aws::InitAPI(options_);
  }
  ~SdkReference() { Aws::ShutdownAPI(options_); }

 private:
  Aws::SDKOptions options_;
};

// Which factory the SDK has: the one way to ask is to have it make a client.
enum class InstalledFactory { kFakeaws, kSdkDefault, kOther };

InstalledFactory Installed() {
  Aws::Client::ClientConfigurationInitValues init;
  init.shouldDisableIMDS = true;
  Aws::Client::ClientConfiguration probe(init);
  probe.endpointOverride = "http://probe." + std::string(aws_sdk::kFakeDomain);
  const std::shared_ptr<Aws::Http::HttpClient> client = Aws::Http::CreateHttpClient(probe);
  if (dynamic_cast<aws_sdk::FakeHttpClient*>(client.get()) != nullptr) return InstalledFactory::kFakeaws;
  if (dynamic_cast<Aws::Http::CurlHttpClient*>(client.get()) != nullptr) return InstalledFactory::kSdkDefault;
  return InstalledFactory::kOther;
}

// The SDK initialised with fakeaws's factory in place (AwsSdk's class comment
// says when it is swapped in and when refused).
void PrepareSdk() {
  static std::mutex mu;
  std::lock_guard lock(mu);
  static SdkReference reference;
  switch (Installed()) {
    case InstalledFactory::kFakeaws:
      return;
    case InstalledFactory::kSdkDefault: {
      // SetHttpClientFactory cleans up the old factory's curl state and does
      // not initialise the new one's.
      std::shared_ptr<Aws::Http::HttpClientFactory> factory = AwsSdk::HttpClientFactory();
      Aws::Http::SetHttpClientFactory(factory);
      factory->InitStaticState();
      return;
    }
    case InstalledFactory::kOther:
      throw std::logic_error(
          "fakeaws::AwsSdk: aws-sdk-cpp was initialised with an HTTP client factory of your own, which "
          "fakeaws will not replace. Pass fakeaws::AwsSdk::HttpClientFactory as "
          "SDKOptions::httpOptions.httpClientFactory_create_fn instead (it gives every endpoint but a "
          "fake's the SDK's curl client).");
  }
}

}  // namespace

AwsSdk::AwsSdk(Fake& fake, AwsSdkOptions options) : fake_(fake), options_(std::move(options)) {
  PrepareSdk();
  route_ = aws_sdk::OpenRoute(fake_);
  endpoint_ = "http://" + route_->host();
}

AwsSdk::~AwsSdk() { aws_sdk::CloseRoute(route_); }

std::shared_ptr<Aws::Http::HttpClientFactory> AwsSdk::HttpClientFactory() {
  return Aws::MakeShared<aws_sdk::FakeawsHttpClientFactory>(kTag);
}

Aws::Client::ClientConfiguration AwsSdk::ClientConfiguration() const {
  Aws::Client::ClientConfigurationInitValues init;
  init.shouldDisableIMDS = true;
  Aws::Client::ClientConfiguration config(init);
  config.region = fake_.options().region;
  config.endpointOverride = endpoint_;
  config.scheme = Aws::Http::Scheme::HTTP;
  config.retryStrategy = options_.retry_strategy
                             ? options_.retry_strategy
                             : Aws::MakeShared<Aws::Client::DefaultRetryStrategy>(kTag, /*maxRetries=*/10,
                                                                                  /*scaleFactor=*/0);
  return config;
}

Aws::S3::S3ClientConfiguration AwsSdk::S3ClientConfiguration() const {
  return Aws::S3::S3ClientConfiguration(ClientConfiguration(),
                                        Aws::Client::AWSAuthV4Signer::PayloadSigningPolicy::RequestDependent,
                                        /*iUseVirtualAddressing=*/false);
}

Aws::Auth::AWSCredentials AwsSdk::Credentials() const {
  const auto& keys = fake_.options().auth.credentials;
  if (!keys.empty()) return Aws::Auth::AWSCredentials(keys.begin()->first, keys.begin()->second);
  return Aws::Auth::AWSCredentials("fakeaws", "fakeaws");
}

std::shared_ptr<Aws::ForecastService::ForecastServiceClient> AwsSdk::ForecastClient() const {
  return Aws::MakeShared<Aws::ForecastService::ForecastServiceClient>(
      kTag, Credentials(), nullptr, Aws::ForecastService::ForecastServiceClientConfiguration(ClientConfiguration()));
}

std::shared_ptr<Aws::ForecastQueryService::ForecastQueryServiceClient> AwsSdk::ForecastQueryClient() const {
  return Aws::MakeShared<Aws::ForecastQueryService::ForecastQueryServiceClient>(
      kTag, Credentials(), nullptr,
      Aws::ForecastQueryService::ForecastQueryServiceClientConfiguration(ClientConfiguration()));
}

std::shared_ptr<Aws::S3::S3Client> AwsSdk::S3Client() const {
  return Aws::MakeShared<Aws::S3::S3Client>(kTag, Credentials(), nullptr, S3ClientConfiguration());
}

}  // namespace fakeaws
