#include "forecast_http_client.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace demo {

ForecastHttpClient::Reply ForecastHttpClient::Call(const std::string& operation,
                                                   const std::string& json) const {
  constexpr const char* kContentType = "application/x-amz-json-1.1";
  const std::string host = endpoint_.substr(endpoint_.find("://") + 3);

  sigv4::Request request;
  request.headers = {{"Content-Type", kContentType},
                     {"Host", host},
                     {"X-Amz-Target", "AmazonForecast." + operation}};
  request.body = json;
  sigv4::Sign(request, credentials_, region_, "forecast", now_());

  httplib::Headers headers;
  for (const auto& [name, value] : request.headers) {
    if (name != "Content-Type") headers.emplace(name, value);  // httplib sets it from the argument
  }
  httplib::Client http(endpoint_);
  auto result = http.Post("/", headers, request.body, kContentType);

  Reply reply;
  if (!result) {
    reply.message = httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.body = result->body;
  if (reply.status != 200) {
    const auto body = nlohmann::json::parse(reply.body, nullptr, false);
    if (body.is_object()) {
      std::string type = body.value("__type", "");
      reply.error_type = type.substr(type.find('#') == std::string::npos ? 0 : type.find('#') + 1);
      reply.message = body.value("Message", body.value("message", ""));
    }
  }
  return reply;
}

}  // namespace demo
