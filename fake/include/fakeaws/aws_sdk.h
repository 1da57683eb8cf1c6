// aws-sdk-cpp clients answered by a Fake in process: no socket, no port, no
// credential chain. Link fakeaws::aws_sdk (built when aws-sdk-cpp is found).
//
//   fakeaws::Fake fake;
//   fakeaws::AwsSdk sdk(fake);
//   auto forecast = sdk.ForecastClient();   // a real Aws::ForecastService::ForecastServiceClient
//   auto outcome = forecast->ListForecasts(Aws::ForecastService::Model::ListForecastsRequest());
//
// Everything above the HTTP layer is the SDK's own, as in production:
// serialization, SigV4 signing (Options::auth can check it), retries, error
// and timestamp parsing. Only the HTTP client differs: it hands each request
// to the Fake and writes the answer into the response stream the SDK asked
// for (GetObject's goes into the caller's stream). It behaves as the SDK's
// curl client does over the wire, without the wire:
//   - a fault's dropped connection is a network error the SDK may retry
//     (CoreErrors::NETWORK_CONNECTION, "curlCode: 52, ..."); a fault's latency
//     is a real sleep, and one past the client's httpRequestTimeoutMs, or
//     past curl's low-speed limit (about 4 s + requestTimeoutMs, as
//     measured), is a timeout ("curlCode: 28, Timeout was reached");
//   - no `Expect: 100-continue` round trip, so no 1 s stall on uploads;
//   - aws-chunked uploads are framed, checksum trailer included, as curl's
//     client frames them (the SDK leaves that to its HTTP client).
//
// Routing. aws-sdk-cpp makes every HTTP client through one process-wide
// factory. Each AwsSdk gets its own endpoint, "http://<n>.fakeaws.invalid", and
// fakeaws's factory (HttpClientFactory()) gives a client whose endpointOverride
// names it an HTTP client bound to that Fake; any other client gets the SDK's
// own curl client, as it would without fakeaws. So fakes in parallel tests
// never see each other's requests, and clients of real endpoints still work.
//
// Initialising the SDK. The first AwsSdk in a process calls Aws::InitAPI with
// fakeaws's factory (and without the CRT's TLS context, which only CRT-based
// clients use); the SDK then stays initialised until the process exits
// (Aws::ShutdownAPI runs at exit). If your code calls Aws::InitAPI itself,
// call it before the first AwsSdk and either pass the factory
//   options.httpOptions.httpClientFactory_create_fn = fakeaws::AwsSdk::HttpClientFactory;
// or keep the SDK's default factory, which an AwsSdk swaps for fakeaws's (it
// gives other endpoints the same curl client). A factory of your own is not
// replaced: the AwsSdk constructor throws std::logic_error instead.
//
// Lifetimes: the Fake must outlive the AwsSdk. Clients may outlive both; their
// requests then fail as a network error. An AwsSdk and its clients are safe
// for concurrent use; its destructor waits for the requests being answered.
#pragma once

#include <memory>
#include <string>

#include <aws/core/auth/AWSCredentials.h>
#include <aws/core/client/ClientConfiguration.h>
#include <aws/s3/S3ClientConfiguration.h>

namespace Aws {
namespace Client {
class RetryStrategy;
}
namespace Http {
class HttpClientFactory;
}
namespace ForecastService {
class ForecastServiceClient;
}
namespace ForecastQueryService {
class ForecastQueryServiceClient;
}
namespace S3 {
class S3Client;
}
}  // namespace Aws

namespace fakeaws {

class Fake;

namespace aws_sdk {
class Route;
}

struct AwsSdkOptions {
  // The retry strategy of every client this AwsSdk makes. Empty (the
  // default): the SDK's DefaultRetryStrategy with its 10 retries and its own
  // choice of retryable errors, but no back-off sleep (scale factor 0), so a
  // test sees every call production would make without waiting 25 s.
  std::shared_ptr<Aws::Client::RetryStrategy> retry_strategy;
};

class AwsSdk {
 public:
  explicit AwsSdk(Fake& fake, AwsSdkOptions options = {});
  ~AwsSdk();
  AwsSdk(const AwsSdk&) = delete;
  AwsSdk& operator=(const AwsSdk&) = delete;

  // Clients bound to this fake, with Credentials() and ClientConfiguration();
  // S3 with path-style addressing.
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> ForecastClient() const;
  std::shared_ptr<Aws::ForecastQueryService::ForecastQueryServiceClient> ForecastQueryClient() const;
  std::shared_ptr<Aws::S3::S3Client> S3Client() const;

  // For clients you make yourself: this fake's endpoint and region, IMDS off,
  // the retry strategy above. Nothing is read from a profile that matters.
  Aws::Client::ClientConfiguration ClientConfiguration() const;
  // The same with useVirtualAddressing = false (the bucket in the path).
  Aws::S3::S3ClientConfiguration S3ClientConfiguration() const;
  // Fixed credentials: the first key of the fake's Options::auth when it has
  // one (so signature checks pass), else "fakeaws" / "fakeaws".
  Aws::Auth::AWSCredentials Credentials() const;
  // "http://1.fakeaws.invalid": the endpointOverride that reaches this fake.
  const std::string& endpoint() const { return endpoint_; }

  // fakeaws's HTTP client factory, for Aws::SDKOptions (see above).
  static std::shared_ptr<Aws::Http::HttpClientFactory> HttpClientFactory();

 private:
  Fake& fake_;
  AwsSdkOptions options_;
  std::shared_ptr<aws_sdk::Route> route_;
  std::string endpoint_;
};

}  // namespace fakeaws
