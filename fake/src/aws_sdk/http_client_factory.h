// fakeaws's Aws::Http::HttpClientFactory: a FakeHttpClient for a client whose
// endpointOverride is in kFakeDomain, the SDK's own CurlHttpClient for any
// other, and the SDK's standard requests for both, as its default factory.
#pragma once

#include <aws/core/http/HttpClientFactory.h>

#include <memory>

namespace fakeaws::aws_sdk {

class FakeawsHttpClientFactory : public Aws::Http::HttpClientFactory {
 public:
  std::shared_ptr<Aws::Http::HttpClient> CreateHttpClient(
      const Aws::Client::ClientConfiguration& config) const override;
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(
      const Aws::String& uri, Aws::Http::HttpMethod method, const Aws::IOStreamFactory& streamFactory) const override;
  std::shared_ptr<Aws::Http::HttpRequest> CreateHttpRequest(
      const Aws::Http::URI& uri, Aws::Http::HttpMethod method,
      const Aws::IOStreamFactory& streamFactory) const override;

  // curl's process-wide state, as the SDK's default factory keeps it (with
  // SDKOptions::httpOptions.initAndCleanupCurl, the default).
  void InitStaticState() override;
  void CleanupStaticState() override;
};

// The host an endpointOverride names ("http://1.fakeaws.invalid:80/x" -> "1.fakeaws.invalid").
std::string EndpointHost(const std::string& endpoint_override);

}  // namespace fakeaws::aws_sdk
