#include "aws_sdk/fake_http_client.h"

#include <aws/core/client/CoreErrors.h>
#include <aws/core/http/HttpRequest.h>
#include <aws/core/http/HttpResponse.h>
#include <aws/core/http/HttpTypes.h>
#include <aws/core/http/standard/StandardHttpResponse.h>
#include <aws/core/utils/HashingUtils.h>
#include <aws/core/utils/Outcome.h>
#include <aws/core/utils/StringUtils.h>
#include <aws/core/utils/crypto/Hash.h>
#include <aws/core/utils/ratelimiter/RateLimiterInterface.h>

#include <algorithm>
#include <thread>
#include <utility>

namespace fakeaws::aws_sdk {
namespace {

constexpr char kTag[] = "fakeaws::AwsSdk";

// curl's texts for the failures a socket would show (curl_easy_strerror),
// in the form CurlHttpClient reports them: "curlCode: <n>, <text>".
constexpr char kNothingReceived[] = "curlCode: 52, Server returned nothing (no headers, no data)";
constexpr char kTimedOut[] = "curlCode: 28, Timeout was reached";
constexpr char kWriteFailed[] = "curlCode: 23, Failed writing received data to disk/application";

// CurlHttpClient reads a request body in pieces of its upload buffer; the
// size of aws-chunked chunks follows from it and means nothing to a server.
constexpr size_t kChunkBytes = 64 * 1024;

// The request target of the request line, as curl derives it from the URL
// the SDK built: everything after scheme and authority ("/" when empty).
std::string RequestTarget(const Aws::String& uri) {
  size_t start = uri.find("://");
  start = start == Aws::String::npos ? 0 : start + 3;
  const size_t path = uri.find_first_of("/?", start);
  if (path == Aws::String::npos) return "/";
  std::string target(uri.substr(path));
  if (target.front() == '?') target.insert(0, "/");
  return target;
}

// The body stream from where it stands to its end.
std::string ReadAll(std::iostream& stream, Aws::Http::HttpRequest& request) {
  std::string body;
  char buffer[kChunkBytes];
  while (stream.read(buffer, sizeof buffer), stream.gcount() > 0) {
    body.append(buffer, static_cast<size_t>(stream.gcount()));
  }
  if (const auto& sent = request.GetDataSentEventHandler(); sent && !body.empty()) {
    sent(&request, static_cast<long long>(body.size()));
  }
  return body;
}

// aws-chunked framing, which the SDK leaves to its HTTP client: each piece
// as "<hex size>\r\n<data>\r\n", then "0\r\n", the checksum trailer the SDK
// asked for (computed over the data as it goes), "\r\n"
// (CurlHttpClient.cpp, ReadBody).
std::string ReadAwsChunked(std::iostream& stream, Aws::Http::HttpRequest& request) {
  const auto& hash = request.GetRequestHash();
  std::string body;
  char buffer[kChunkBytes];
  long long sent_bytes = 0;
  while (stream.read(buffer, sizeof buffer), stream.gcount() > 0) {
    const size_t n = static_cast<size_t>(stream.gcount());
    if (hash.second) hash.second->Update(reinterpret_cast<unsigned char*>(buffer), n);
    body += Aws::Utils::StringUtils::ToHexString(n);
    body += "\r\n";
    body.append(buffer, n);
    body += "\r\n";
    sent_bytes += static_cast<long long>(n);
  }
  body += "0\r\n";
  if (hash.second) {
    body += "x-amz-checksum-" + hash.first + ":" +
            Aws::Utils::HashingUtils::Base64Encode(hash.second->GetHash().GetResult()) + "\r\n";
  }
  body += "\r\n";
  if (const auto& sent = request.GetDataSentEventHandler(); sent && sent_bytes > 0) sent(&request, sent_bytes);
  return body;
}

bool Continues(const Aws::Http::HttpClient& client, const Aws::Http::HttpRequest& request) {
  return client.ContinueRequest(request) && client.IsRequestProcessingEnabled();
}

std::shared_ptr<Aws::Http::HttpResponse> Failed(std::shared_ptr<Aws::Http::HttpResponse> response,
                                                Aws::Client::CoreErrors type, const std::string& message) {
  response->SetClientErrorType(type);
  response->SetClientErrorMessage(message);
  return response;
}

std::shared_ptr<Aws::Http::HttpResponse> Cancelled(std::shared_ptr<Aws::Http::HttpResponse> response) {
  return Failed(std::move(response), Aws::Client::CoreErrors::USER_CANCELLED,
                "Request cancelled by user's continuation handler");
}

}  // namespace

// curl gives up on a silent server after httpRequestTimeoutMs in all
// (CURLOPT_TIMEOUT_MS), or when its low-speed check trips: fewer than
// lowSpeedLimit bytes a second for requestTimeoutMs in whole seconds
// (CurlHandleContainer.cpp: CURLOPT_LOW_SPEED_TIME). curl averages the speed
// over its last samples, so the request's own bytes hold the check off for
// about 4 s first. Measured over fakeaws::Listener with curl 7.88.1, the
// server silent: 5.0 s for requestTimeoutMs 1000, 7.1 s for the default
// 3000, 1.5 s with httpRequestTimeoutMs 1500.
std::optional<std::chrono::milliseconds> CurlTimeout(const Aws::Client::ClientConfiguration& config) {
  std::optional<std::chrono::milliseconds> timeout;
  if (config.httpRequestTimeoutMs > 0) timeout = std::chrono::milliseconds(config.httpRequestTimeoutMs);
  if (config.lowSpeedLimit > 0 && config.requestTimeoutMs > 0) {
    const long low_speed_seconds = config.requestTimeoutMs < 1000 ? 1 : config.requestTimeoutMs / 1000;
    const std::chrono::milliseconds low_speed = std::chrono::seconds(4 + low_speed_seconds);
    timeout = timeout ? std::min(*timeout, low_speed) : low_speed;
  }
  return timeout;
}

HttpRequest ToFakeRequest(Aws::Http::HttpRequest& request) {
  HttpRequest out;
  out.method = Aws::Http::HttpMethodMapper::GetNameForHttpMethod(request.GetMethod());
  out.target = RequestTarget(request.GetURIString(true));
  const Aws::Http::HeaderValueCollection headers = request.GetHeaders();
  out.headers.Reserve(headers.size());
  bool aws_chunked = false;
  for (const auto& [name, value] : headers) {
    // curl's 100-continue handshake: in process there is nothing to wait for.
    if (name == "expect") continue;
    if (name == "content-encoding" && value == "aws-chunked") aws_chunked = true;
    out.headers.Add(name, value);
  }
  if (const auto& body = request.GetContentBody(); body && request.GetMethod() != Aws::Http::HttpMethod::HTTP_HEAD) {
    out.body = aws_chunked ? ReadAwsChunked(*body, request) : ReadAll(*body, request);
  }
  return out;
}

FakeHttpClient::FakeHttpClient(std::shared_ptr<Route> route, std::string host,
                               const Aws::Client::ClientConfiguration& config)
    : timeout_(CurlTimeout(config)), route_(std::move(route)), host_(std::move(host)) {}

std::shared_ptr<Aws::Http::HttpResponse> FakeHttpClient::MakeRequest(
    const std::shared_ptr<Aws::Http::HttpRequest>& request,
    Aws::Utils::RateLimits::RateLimiterInterface* readLimiter,
    Aws::Utils::RateLimits::RateLimiterInterface* writeLimiter) const {
  std::shared_ptr<Aws::Http::HttpResponse> response =
      Aws::MakeShared<Aws::Http::Standard::StandardHttpResponse>(kTag, request);
  if (!Continues(*this, *request)) return Cancelled(std::move(response));
  if (writeLimiter != nullptr) writeLimiter->ApplyAndPayForCost(request->GetSize());

  std::optional<internal::Delivery> delivery;
  if (route_) delivery = route_->Serve(ToFakeRequest(*request));
  if (!delivery) {
    return Failed(std::move(response), Aws::Client::CoreErrors::NETWORK_CONNECTION,
                  "fakeaws: no Fake answers " + host_ + " (its fakeaws::AwsSdk is gone)");
  }
  // A fault's latency, as the listener waits before answering; past curl's
  // timeout the client stops waiting (the fake has acted all the same).
  if (timeout_ && delivery->delay >= *timeout_) {
    std::this_thread::sleep_for(*timeout_);
    return Failed(std::move(response), Aws::Client::CoreErrors::NETWORK_CONNECTION, kTimedOut);
  }
  if (delivery->delay.count() > 0) std::this_thread::sleep_for(delivery->delay);
  if (delivery->drop_connection) {
    return Failed(std::move(response), Aws::Client::CoreErrors::NETWORK_CONNECTION, kNothingReceived);
  }
  if (!Continues(*this, *request)) return Cancelled(std::move(response));

  const HttpResponse& answer = delivery->response;
  for (const auto& field : answer.headers) response->AddHeader(field.name, field.value);

  // A HEAD answer has no body (curl: CURLOPT_NOBODY). Otherwise the body goes
  // where curl's write callback puts it: through the response checksums the
  // SDK validates, into the stream the request's factory made.
  if (request->GetMethod() != Aws::Http::HttpMethod::HTTP_HEAD && !answer.body.empty()) {
    if (readLimiter != nullptr) readLimiter->ApplyAndPayForCost(static_cast<int64_t>(answer.body.size()));
    for (const auto& hash : request->GetResponseValidationHashes()) {
      hash.second->Update(reinterpret_cast<unsigned char*>(const_cast<char*>(answer.body.data())), answer.body.size());
    }
    Aws::IOStream& out = response->GetResponseBody();
    out.write(answer.body.data(), static_cast<std::streamsize>(answer.body.size()));
    // As with curl, a failed transfer leaves the response without a status.
    if (out.fail()) return Failed(std::move(response), Aws::Client::CoreErrors::NETWORK_CONNECTION, kWriteFailed);
    if (const auto& received = request->GetDataReceivedEventHandler()) {
      received(request.get(), response.get(), static_cast<long long>(answer.body.size()));
    }
  }
  response->SetResponseCode(static_cast<Aws::Http::HttpResponseCode>(answer.status));
  response->GetResponseBody().flush();
  if (response->GetResponseBody().fail()) {
    return Failed(std::move(response), Aws::Client::CoreErrors::INTERNAL_FAILURE, "Failed to flush response stream");
  }
  return response;
}

}  // namespace fakeaws::aws_sdk
