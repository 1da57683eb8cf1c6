// Fuzzes the JSON 1.1 request path: arbitrary X-Amz-Target, Content-Type,
// method and body through Fake::Handle. Any crash, hang, leak or sanitizer
// report is a bug; so is a 5xx other than 501 (nothing here is injected).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fakeaws/fake.h"
#include "protocol/model.h"

namespace {

// Input layout: byte 0 picks the operation (or a garbage target), byte 1 the
// content type and method, the rest is the body.
const std::vector<std::string>& Targets() {
  static const auto* const kTargets = [] {
    auto* t = new std::vector<std::string>;
    for (const char* service : {"forecast", "forecastquery"}) {
      const auto& model = fakeaws::protocol::ServiceModel::Get(service);
      for (const auto& [name, op] : model.operations()) t->push_back(model.target_prefix() + "." + name);
    }
    t->push_back("AmazonForecast.");
    t->push_back("AmazonForecast.NoSuchOperation");
    t->push_back("AmazonForecast");
    return t;
  }();
  return *kTargets;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static const char* const kTypes[] = {"application/x-amz-json-1.1", "application/json", "text/plain",
                                       "application/x-amz-json-1.1; charset=utf-8", ""};
  fakeaws::Options options;
  options.lifecycle = fakeaws::LifecycleDurations::Observable();
  fakeaws::Fake fake(options);
  fake.s3().CreateBucket("exports");
  fakeaws::ForecastSpec spec;
  spec.name = "demand";
  fake.forecast().PutForecast(spec);

  fakeaws::HttpRequest request;
  request.method = (data[1] & 0x80) ? "GET" : "POST";
  request.headers.Add("X-Amz-Target", Targets()[data[0] % Targets().size()]);
  const char* type = kTypes[(data[1] & 0x7F) % 5];
  if (*type) request.headers.Add("Content-Type", type);
  request.body.assign(reinterpret_cast<const char*>(data + 2), size - 2);
  // Twice: the second call sees whatever state the first one left.
  for (int i = 0; i < 2; ++i) {
    const fakeaws::HttpResponse response = fake.Handle(request);
    if (response.status >= 500 && response.status != 501) std::abort();
    fake.clock().Advance(std::chrono::minutes(3));
  }
  return 0;
}
