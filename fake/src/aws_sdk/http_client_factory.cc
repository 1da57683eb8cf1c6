#include "aws_sdk/http_client_factory.h"

#include <aws/core/client/ClientConfiguration.h>
#include <aws/core/http/URI.h>
#include <aws/core/http/curl/CurlHttpClient.h>
#include <aws/core/http/standard/StandardHttpRequest.h>

#include "aws_sdk/fake_http_client.h"
#include "aws_sdk/routes.h"

namespace fakeaws::aws_sdk {
namespace {
constexpr char kTag[] = "fakeaws::AwsSdk";
}  // namespace

std::string EndpointHost(const std::string& endpoint_override) {
  size_t start = endpoint_override.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  const size_t end = endpoint_override.find_first_of(":/?#", start);
  return endpoint_override.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::shared_ptr<Aws::Http::HttpClient> FakeawsHttpClientFactory::CreateHttpClient(
    const Aws::Client::ClientConfiguration& config) const {
  const std::string host = EndpointHost(config.endpointOverride);
  if (IsFakeHost(host)) return Aws::MakeShared<FakeHttpClient>(kTag, FindRoute(host), host, config);
  return Aws::MakeShared<Aws::Http::CurlHttpClient>(kTag, config);
}

std::shared_ptr<Aws::Http::HttpRequest> FakeawsHttpClientFactory::CreateHttpRequest(
    const Aws::String& uri, Aws::Http::HttpMethod method, const Aws::IOStreamFactory& streamFactory) const {
  return CreateHttpRequest(Aws::Http::URI(uri), method, streamFactory);
}

std::shared_ptr<Aws::Http::HttpRequest> FakeawsHttpClientFactory::CreateHttpRequest(
    const Aws::Http::URI& uri, Aws::Http::HttpMethod method, const Aws::IOStreamFactory& streamFactory) const {
  auto request = Aws::MakeShared<Aws::Http::Standard::StandardHttpRequest>(kTag, uri, method);
  request->SetResponseStreamFactory(streamFactory);
  return request;
}

void FakeawsHttpClientFactory::InitStaticState() { Aws::Http::CurlHttpClient::InitGlobalState(); }

void FakeawsHttpClientFactory::CleanupStaticState() { Aws::Http::CurlHttpClient::CleanupGlobalState(); }

}  // namespace fakeaws::aws_sdk
