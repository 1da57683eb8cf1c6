// "Production" code for the endpoint-override sample: a minimal Amazon
// Forecast client over plain HTTP that signs its requests with SigV4, the
// way any AWS client does. Its only knob for tests is the endpoint, exactly
// like aws-sdk-cpp's ClientConfiguration::endpointOverride:
//
//   Aws::Client::ClientConfiguration config;
//   config.endpointOverride = endpoint;        // "http://127.0.0.1:40123"
//   config.scheme = Aws::Http::Scheme::HTTP;
//   config.region = "us-east-1";
//   Aws::ForecastService::ForecastServiceClient forecast(credentials, nullptr, config);
//
// (For S3, also set useVirtualAddressing = false or use an IP endpoint:
// wire-format.md §4.3.)
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "sigv4.h"

namespace demo {

class ForecastHttpClient {
 public:
  struct Reply {
    int status = 0;  // 0: no HTTP answer (connection refused or dropped)
    std::string body;
    std::string error_type;  // the JSON error's __type, namespace dropped
    std::string message;
  };
  using Now = std::function<std::chrono::system_clock::time_point()>;

  // `endpoint` is "http://host:port"; in production "https://forecast.<region>.amazonaws.com".
  ForecastHttpClient(std::string endpoint, sigv4::Credentials credentials, std::string region,
                     Now now = std::chrono::system_clock::now)
      : endpoint_(std::move(endpoint)),
        credentials_(std::move(credentials)),
        region_(std::move(region)),
        now_(std::move(now)) {}

  // One awsJson1_1 call: POST / with X-Amz-Target: AmazonForecast.<operation>.
  Reply Call(const std::string& operation, const std::string& json) const;

 private:
  std::string endpoint_;
  sigv4::Credentials credentials_;
  std::string region_;
  Now now_;
};

}  // namespace demo
