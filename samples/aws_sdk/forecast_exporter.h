// "Production" code for the aws-sdk-cpp sample: exports a forecast to S3 with
// Amazon Forecast, waits for the export job to be ACTIVE, then reads the
// exported CSV parts back. It is written against aws-sdk-cpp's clients and
// knows nothing of fakeaws: production hands it clients made from its own
// ClientConfiguration, the test hands it fakeaws::AwsSdk's.
#pragma once

#include <aws/forecast/ForecastServiceClient.h>
#include <aws/s3/S3Client.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace demo {

struct ExportedPart {
  std::string key;
  std::string csv;
};

struct ExportResult {
  bool ok = false;
  std::string job_arn;
  std::vector<ExportedPart> parts;  // in key order
  // On failure: the AWS exception name ("ResourceInUseException"), the
  // job's final status ("CREATE_FAILED"), or "TIMED_OUT".
  std::string error;
  std::string message;
};

class ForecastExporter {
 public:
  // How the exporter waits between polls; production passes a real sleep.
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  ForecastExporter(const Aws::ForecastService::ForecastServiceClient& forecast, const Aws::S3::S3Client& s3,
                   std::string role_arn, Sleep sleep)
      : forecast_(forecast), s3_(s3), role_arn_(std::move(role_arn)), sleep_(std::move(sleep)) {}

  // Exports `forecast_arn` as job `job_name` to s3://<bucket>/<prefix>, polls
  // DescribeForecastExportJob every 30 s (at most 120 times) until the job
  // is ACTIVE, then lists and reads every part under the prefix.
  ExportResult Export(const std::string& forecast_arn, const std::string& job_name, const std::string& bucket,
                      const std::string& prefix);

 private:
  bool WaitUntilActive(ExportResult& result);
  bool ReadParts(const std::string& bucket, const std::string& prefix, ExportResult& result);

  const Aws::ForecastService::ForecastServiceClient& forecast_;
  const Aws::S3::S3Client& s3_;
  std::string role_arn_;
  Sleep sleep_;
  std::chrono::milliseconds poll_interval_{std::chrono::seconds(30)};
  int max_polls_ = 120;
};

}  // namespace demo
