#include "protocol/call.h"

#include "protocol/framework_errors.h"
#include "protocol/s3_payload.h"

namespace fakeaws::protocol {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string_view ServiceName(Service service) {
  switch (service) {
    case Service::kForecast: return "forecast";
    case Service::kForecastQuery: return "forecastquery";
    case Service::kS3: break;
  }
  return "s3";
}

Call IdentifyCall(const HttpRequest& request) {
  Call call;
  call.method = request.method;
  const std::string_view target = request.headers.Get("X-Amz-Target").value_or("");
  if (StartsWith(target, "AmazonForecastRuntime.")) {
    call.service = Service::kForecastQuery;
    call.operation = std::string(target);
  } else if (StartsWith(target, "AmazonForecast.")) {
    call.service = Service::kForecast;
    call.operation = std::string(target);
  } else {
    call.s3 = RouteS3(request);
    call.operation = "s3:";
    call.operation += call.s3.operation ? call.s3.operation->name : "Unknown";
  }
  return call;
}

bool HasMalformedContentLength(const Headers& headers) {
  return headers.Has("Content-Length") && !DecimalHeader(headers, "Content-Length");
}

bool AnsweredByHead(const Call& call, const HttpRequest& head, const RequestLimits& limits) {
  if (HasMalformedContentLength(head.headers)) return true;
  if (!call.is_s3()) {
    const auto length = DecimalHeader(head.headers, "Content-Length");
    return length && *length > limits.max_json_body_bytes;
  }
  if (call.operation == "s3:PutObject" || call.operation == "s3:UploadPart") {
    const auto declared = DeclaredUploadSize(head.headers);
    return declared && *declared > limits.max_object_bytes;
  }
  return false;
}

}  // namespace fakeaws::protocol
