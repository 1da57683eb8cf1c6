// Requests as clients send them, for tests that go through Fake::Handle.
#pragma once

#include <string>

#include "fakeaws/http.h"

namespace fakeaws::test_support {

inline HttpRequest ForecastRequest(const std::string& operation, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = std::move(body);
  return r;
}

inline HttpRequest CreateExportJob(const std::string& job, const std::string& forecast = "demand",
                                   const std::string& path = "s3://exports/weekly") {
  return ForecastRequest(
      "CreateForecastExportJob",
      R"({"ForecastExportJobName":")" + job +
          R"(","ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/)" + forecast +
          R"(","Destination":{"S3Config":{"Path":")" + path +
          R"(","RoleArn":"arn:aws:iam::123456789012:role/ForecastExportRole"}}})");
}

inline HttpRequest DescribeExportJob(const std::string& job, const std::string& forecast = "demand") {
  return ForecastRequest(
      "DescribeForecastExportJob",
      R"({"ForecastExportJobArn":"arn:aws:forecast:us-east-1:123456789012:forecast-export-job/)" +
          forecast + "/" + job + R"("})");
}

inline HttpRequest S3Request(const std::string& method, const std::string& target, std::string body = "") {
  HttpRequest r;
  r.method = method;
  r.target = target;
  r.headers.Add("Host", "127.0.0.1:9000");
  r.body = std::move(body);
  return r;
}

}  // namespace fakeaws::test_support
