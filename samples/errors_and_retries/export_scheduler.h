// "Production" code for the errors-and-retries sample: starts Amazon
// Forecast export jobs with a retry policy modelled on the two SDKs a team
// is likely to run, because they disagree on one error (wire-format.md §1.4):
//
//   aws-sdk-cpp (DefaultRetryStrategy) retries ThrottlingException, 5xx AND
//   LimitExceededException, which Forecast's error map marks retryable;
//   botocore's default "legacy" mode retries throttling and 5xx but NOT
//   LimitExceededException.
//
// So the same quota error is one call from Python and eleven from C++, and a
// test that counts calls sees the difference.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace demo {

// One awsJson1_1 call; production implements it with an HTTP client or
// aws-sdk-cpp, the test with fakeaws::Fake::Handle.
class ForecastTransport {
 public:
  struct Request {
    std::string operation;  // "CreateForecastExportJob"
    std::string json;
    std::vector<std::pair<std::string, std::string>> headers;
  };
  struct Reply {
    int status = 0;
    std::string body;
  };
  virtual ~ForecastTransport() = default;
  virtual Reply Call(const Request& request) = 0;
};

struct RetryPolicy {
  int max_attempts = 1;
  std::chrono::milliseconds base_delay{0};
  bool retries_limit_exceeded = false;

  // aws-sdk-cpp's DefaultRetryStrategy: 10 retries, delay 25 ms * 2^retry,
  // LimitExceededException retryable (ForecastServiceErrors.cpp). The counts
  // are INFERRED in wire-format.md §1.4, not verified against a live SDK.
  static RetryPolicy AwsSdkCppDefault() { return {11, std::chrono::milliseconds(25), true}; }
  // botocore legacy mode: 5 attempts in all (_retry.json), LimitExceeded not
  // retried. botocore's delay is randomised; this sample keeps a fixed base
  // so a test's clock moves the same way every run.
  static RetryPolicy BotocoreLegacy() { return {5, std::chrono::milliseconds(100), false}; }
};

struct CallResult {
  bool ok = false;
  std::string value;       // Start: the job's ARN; Status: its Status
  std::string error_type;  // "LimitExceededException", ...
  std::string message;
  int attempts = 0;
};

class ExportScheduler {
 public:
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  ExportScheduler(ForecastTransport& transport, RetryPolicy policy, Sleep sleep)
      : transport_(transport), policy_(policy), sleep_(std::move(sleep)) {}

  CallResult Start(const std::string& forecast_arn, const std::string& job_name,
                   const std::string& s3_path, const std::string& role_arn);
  // DescribeForecastExportJob's Status, or the error.
  CallResult Status(const std::string& job_arn);

 private:
  CallResult CallWithRetries(const std::string& operation, const std::string& json,
                             const char* result_member);
  bool Retryable(int status, const std::string& error_type) const;

  ForecastTransport& transport_;
  RetryPolicy policy_;
  Sleep sleep_;
};

}  // namespace demo
