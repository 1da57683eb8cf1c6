#include "forecast_exporter.h"

#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <aws/forecast/model/DescribeForecastExportJobRequest.h>
#include <aws/s3/model/GetObjectRequest.h>
#include <aws/s3/model/ListObjectsV2Request.h>

#include <sstream>

namespace demo {
namespace {

template <typename Error>
void Fail(ExportResult& result, const Error& error) {
  result.ok = false;
  result.error = error.GetExceptionName();
  result.message = error.GetMessage();
}

}  // namespace

ExportResult ForecastExporter::Export(const std::string& forecast_arn, const std::string& job_name,
                                      const std::string& bucket, const std::string& prefix) {
  ExportResult result;
  Aws::ForecastService::Model::S3Config s3_config;
  s3_config.SetPath("s3://" + bucket + "/" + prefix);
  s3_config.SetRoleArn(role_arn_);
  Aws::ForecastService::Model::DataDestination destination;
  destination.SetS3Config(s3_config);
  Aws::ForecastService::Model::CreateForecastExportJobRequest create;
  create.SetForecastExportJobName(job_name);
  create.SetForecastArn(forecast_arn);
  create.SetDestination(destination);
  const auto created = forecast_.CreateForecastExportJob(create);
  if (!created.IsSuccess()) {
    Fail(result, created.GetError());
    return result;
  }
  result.job_arn = created.GetResult().GetForecastExportJobArn();
  if (!WaitUntilActive(result)) return result;
  result.ok = ReadParts(bucket, prefix, result);
  return result;
}

bool ForecastExporter::WaitUntilActive(ExportResult& result) {
  Aws::ForecastService::Model::DescribeForecastExportJobRequest describe;
  describe.SetForecastExportJobArn(result.job_arn);
  for (int poll = 0; poll < max_polls_; ++poll) {
    const auto described = forecast_.DescribeForecastExportJob(describe);
    if (!described.IsSuccess()) {
      Fail(result, described.GetError());
      return false;
    }
    const Aws::String& status = described.GetResult().GetStatus();
    if (status == "ACTIVE") return true;
    if (status == "CREATE_FAILED" || status == "CREATE_STOPPED") {
      result.error = status;
      result.message = described.GetResult().GetMessage();
      return false;
    }
    sleep_(poll_interval_);
  }
  result.error = "TIMED_OUT";
  return false;
}

bool ForecastExporter::ReadParts(const std::string& bucket, const std::string& prefix, ExportResult& result) {
  Aws::S3::Model::ListObjectsV2Request list;
  list.SetBucket(bucket);
  list.SetPrefix(prefix);
  for (;;) {
    const auto listed = s3_.ListObjectsV2(list);
    if (!listed.IsSuccess()) {
      Fail(result, listed.GetError());
      return false;
    }
    for (const auto& object : listed.GetResult().GetContents()) {
      Aws::S3::Model::GetObjectRequest get;
      get.SetBucket(bucket);
      get.SetKey(object.GetKey());
      auto got = s3_.GetObject(get);
      if (!got.IsSuccess()) {
        Fail(result, got.GetError());
        return false;
      }
      std::ostringstream csv;
      csv << got.GetResult().GetBody().rdbuf();
      result.parts.push_back({object.GetKey(), csv.str()});
    }
    if (!listed.GetResult().GetIsTruncated()) return true;
    list.SetContinuationToken(listed.GetResult().GetNextContinuationToken());
  }
}

}  // namespace demo
