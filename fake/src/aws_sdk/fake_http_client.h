// aws-sdk-cpp's HTTP client seam (Aws::Http::HttpClient), answered by a Fake
// through a Route instead of a socket. Behaves as the SDK's CurlHttpClient
// does against fakeaws::Listener: the same request bytes reach the fake
// (bar curl's own `Accept` and `Expect` headers), the same failures reach the
// SDK (CurlHttpClient::MakeRequest is the model for each).
#pragma once

#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/http/HttpClient.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "aws_sdk/routes.h"

namespace fakeaws::aws_sdk {

class FakeHttpClient : public Aws::Http::HttpClient {
 public:
  // `route` may be null (its AwsSdk is gone): every request then fails as a
  // network error, as one to an unreachable host does.
  FakeHttpClient(std::shared_ptr<Route> route, std::string host,
                 const Aws::Client::ClientConfiguration& config);

  std::shared_ptr<Aws::Http::HttpResponse> MakeRequest(
      const std::shared_ptr<Aws::Http::HttpRequest>& request,
      Aws::Utils::RateLimits::RateLimiterInterface* readLimiter = nullptr,
      Aws::Utils::RateLimits::RateLimiterInterface* writeLimiter = nullptr) const override;

 private:
  // How long curl waits for an answer before giving up (CURLE_OPERATION_TIMEDOUT).
  std::optional<std::chrono::milliseconds> timeout_;
  std::shared_ptr<Route> route_;
  std::string host_;
};

// The request as a socket would carry it: method, request target, the
// SDK's headers, the body (aws-chunked framing added where the SDK asks its
// HTTP client for it). Reads the request's body stream to its end, as curl does.
HttpRequest ToFakeRequest(Aws::Http::HttpRequest& request);

// How long curl waits for a silent server with this configuration before
// CURLE_OPERATION_TIMEDOUT; nullopt: for ever.
std::optional<std::chrono::milliseconds> CurlTimeout(const Aws::Client::ClientConfiguration& config);

}  // namespace fakeaws::aws_sdk
