#include "fakeaws/forecast.h"
#include "forecast/errors.h"
#include "pipeline/core.h"
#include "protocol/json_writer.h"
#include "protocol/model.h"
#include "protocol/validation.h"

namespace fakeaws {

Outcome<std::string> ForecastApi::PutForecast(const ForecastSpec& spec) {
  // The name gets the ValidationException CreateForecast's model would give.
  const auto& model = protocol::ServiceModel::Get("forecast");
  if (const auto* op = model.FindOperation("CreateForecast")) {
    std::string body = R"({"PredictorArn":"arn:aws:forecast:::x","ForecastName":)";
    protocol::AppendJsonString(&body, spec.name);
    body += "}";
    auto doc = protocol::ParseJson(body);
    if (doc == nullptr) return forecast::InvalidInput("The forecast name is not valid UTF-8");
    if (auto error = protocol::CheckConstraints(*op->input, doc->root())) return *error;
  }
  return core_->forecast.PutForecast(spec);
}

Outcome<Done> ForecastApi::SetForecastStatus(const std::string& arn, const std::string& status) {
  auto parsed = forecast::ParseStatus(status);
  if (!parsed) return forecast::InvalidInput("Unknown status " + status);
  return core_->forecast.SetForecastStatus(arn, *parsed);
}

std::optional<ForecastInfo> ForecastApi::GetForecast(const std::string& arn) const {
  auto r = core_->forecast.DescribeForecast(arn);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value().info;
}

std::optional<ForecastExportJobInfo> ForecastApi::GetForecastExportJob(const std::string& arn) const {
  auto r = core_->forecast.DescribeForecastExportJob(arn, /*with_details=*/true);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value();
}

std::vector<ForecastExportJobInfo> ForecastApi::ListForecastExportJobs() const {
  return core_->forecast.AllForecastExportJobs();
}

std::string ForecastApi::ForecastArn(const std::string& name) const {
  return core_->forecast.arns().Forecast(name);
}

std::string ForecastApi::ForecastExportJobArn(const std::string& forecast_name,
                                              const std::string& job_name) const {
  return core_->forecast.arns().ForecastExportJob(forecast_name, job_name);
}

std::string ForecastApi::RoleArn(const std::string& role_name) const {
  return core_->forecast.arns().IamRole(role_name);
}

void ForecastApi::AddRole(const std::string& role_arn) { core_->forecast.AddRole(role_arn); }

}  // namespace fakeaws
