// A tiny JSON client for tests: sends one Forecast (or forecastquery) call
// through Fake::Handle, as an SDK would, and parses the answer.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "fakeaws/fake.h"

namespace fakeaws::testing {

struct Reply {
  int status = 0;
  nlohmann::ordered_json body;  // {} for an empty body
  std::string raw;
  std::string type() const { return body.value("__type", ""); }
  std::string message() const { return body.value("Message", body.value("message", "")); }
};

inline Reply Call(Fake& fake, const std::string& operation, const nlohmann::ordered_json& input,
                  const std::string& prefix = "AmazonForecast") {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers.Add("X-Amz-Target", prefix + "." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = input.dump();
  HttpResponse response = fake.Handle(r);
  Reply reply;
  reply.status = response.status;
  reply.raw = response.body;
  reply.body = response.body.empty() ? nlohmann::ordered_json::object() : nlohmann::ordered_json::parse(response.body);
  return reply;
}

inline Reply Query(Fake& fake, const nlohmann::ordered_json& input) {
  return Call(fake, "QueryForecast", input, "AmazonForecastRuntime");
}

}  // namespace fakeaws::testing
