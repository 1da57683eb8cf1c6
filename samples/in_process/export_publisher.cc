#include "export_publisher.h"

#include <nlohmann/json.hpp>

namespace demo {
namespace {

PublishResult Failure(const ForecastTransport::Reply& reply) {
  const auto body = nlohmann::json::parse(reply.body, nullptr, false);
  PublishResult r;
  r.error = body.is_object() ? body.value("__type", "HTTP " + std::to_string(reply.status))
                             : "HTTP " + std::to_string(reply.status);
  if (body.is_object()) r.message = body.value("Message", body.value("message", ""));
  return r;
}

}  // namespace

PublishResult ExportPublisher::Publish(const std::string& forecast_arn, const std::string& job_name,
                                       const std::string& s3_path) {
  const nlohmann::json create = {
      {"ForecastExportJobName", job_name},
      {"ForecastArn", forecast_arn},
      {"Destination", {{"S3Config", {{"Path", s3_path}, {"RoleArn", role_arn_}}}}},
  };
  const auto created = transport_.Call("CreateForecastExportJob", create.dump());
  if (created.status != 200) return Failure(created);
  const std::string job_arn = nlohmann::json::parse(created.body).at("ForecastExportJobArn");

  const nlohmann::json describe = {{"ForecastExportJobArn", job_arn}};
  for (int poll = 0; poll < max_polls_; ++poll) {
    const auto described = transport_.Call("DescribeForecastExportJob", describe.dump());
    if (described.status != 200) return Failure(described);
    const auto job = nlohmann::json::parse(described.body);
    const std::string status = job.at("Status");
    if (status == "ACTIVE") return {true, job_arn, "", ""};
    if (status == "CREATE_FAILED" || status == "CREATE_STOPPED") {
      return {false, job_arn, status, job.value("Message", "")};
    }
    sleep_(poll_interval_);
  }
  return {false, job_arn, "TIMED_OUT", "the export job did not finish in time"};
}

}  // namespace demo
