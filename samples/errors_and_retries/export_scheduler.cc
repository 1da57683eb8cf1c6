#include "export_scheduler.h"

#include <nlohmann/json.hpp>

namespace demo {

bool ExportScheduler::Retryable(int status, const std::string& error_type) const {
  if (status >= 500) return true;
  if (error_type == "ThrottlingException" || error_type == "Throttling" ||
      error_type == "RequestThrottledException" || error_type == "TooManyRequestsException") {
    return true;
  }
  return error_type == "LimitExceededException" && policy_.retries_limit_exceeded;
}

CallResult ExportScheduler::CallWithRetries(const std::string& operation, const std::string& json,
                                             const char* result_member) {
  CallResult result;
  for (int attempt = 1; attempt <= policy_.max_attempts; ++attempt) {
    result.attempts = attempt;
    // Both SDKs number their attempts in this header (wire-format.md §1.1).
    ForecastTransport::Request request{
        operation, json,
        {{"amz-sdk-request", "attempt=" + std::to_string(attempt) + "; max=" +
                                 std::to_string(policy_.max_attempts)}}};
    const ForecastTransport::Reply reply = transport_.Call(request);
    const auto body = nlohmann::json::parse(reply.body, nullptr, false);
    if (reply.status == 200) {
      result.ok = true;
      if (body.is_object()) result.value = body.value(result_member, "");
      return result;
    }
    result.error_type = body.is_object() ? body.value("__type", "") : "";
    result.message = body.is_object() ? body.value("Message", body.value("message", "")) : reply.body;
    if (!Retryable(reply.status, result.error_type) || attempt == policy_.max_attempts) break;
    sleep_(policy_.base_delay * (1 << (attempt - 1)));
  }
  return result;
}

CallResult ExportScheduler::Start(const std::string& forecast_arn, const std::string& job_name,
                                   const std::string& s3_path, const std::string& role_arn) {
  const nlohmann::json create = {
      {"ForecastExportJobName", job_name},
      {"ForecastArn", forecast_arn},
      {"Destination", {{"S3Config", {{"Path", s3_path}, {"RoleArn", role_arn}}}}},
  };
  return CallWithRetries("CreateForecastExportJob", create.dump(), "ForecastExportJobArn");
}

CallResult ExportScheduler::Status(const std::string& job_arn) {
  const nlohmann::json describe = {{"ForecastExportJobArn", job_arn}};
  return CallWithRetries("DescribeForecastExportJob", describe.dump(), "Status");
}

}  // namespace demo
