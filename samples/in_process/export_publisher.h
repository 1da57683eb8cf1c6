// "Production" code for the in-process sample: publishes a forecast to S3 by
// starting an Amazon Forecast export job and waiting until it has finished.
// It knows nothing of fakeaws; its one seam to AWS is ForecastTransport.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace demo {

// One awsJson1_1 call to Amazon Forecast. Production implements it with
// aws-sdk-cpp or an HTTP client; the test implements it with
// fakeaws::Fake::Handle (export_publisher_test.cc).
class ForecastTransport {
 public:
  struct Reply {
    int status = 0;
    std::string body;
  };
  virtual ~ForecastTransport() = default;
  // POST / with X-Amz-Target: AmazonForecast.<operation> and a JSON body.
  virtual Reply Call(const std::string& operation, const std::string& json) = 0;
};

struct PublishResult {
  bool ok = false;
  std::string job_arn;
  // On failure: the AWS error type ("ResourceInUseException"), or the job's
  // final status ("CREATE_FAILED", "TIMED_OUT").
  std::string error;
  std::string message;
};

class ExportPublisher {
 public:
  // How the publisher waits between polls; production passes a real sleep.
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  ExportPublisher(ForecastTransport& transport, std::string role_arn, Sleep sleep)
      : transport_(transport), role_arn_(std::move(role_arn)), sleep_(std::move(sleep)) {}

  // Exports `forecast_arn` to `s3_path` as job `job_name` and polls
  // DescribeForecastExportJob until the job is ACTIVE or has failed.
  PublishResult Publish(const std::string& forecast_arn, const std::string& job_name,
                        const std::string& s3_path);

 private:
  ForecastTransport& transport_;
  std::string role_arn_;
  Sleep sleep_;
  std::chrono::milliseconds poll_interval_{std::chrono::seconds(30)};
  int max_polls_ = 120;
};

}  // namespace demo
