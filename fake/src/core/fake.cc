#include "fakeaws/fake.h"

#include <string_view>

#include "core/core.h"
#include "core/seeded.h"
#include "protocol/awsjson.h"
#include "protocol/forecast_operations.h"
#include "protocol/framework_errors.h"
#include "protocol/model.h"
#include "protocol/s3_wire.h"

namespace fakeaws {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

HttpResponse HandleJson(internal::Core& core, const HttpRequest& request, uint64_t n,
                        std::string_view service) {
  const auto& model = protocol::ServiceModel::Get(service);
  protocol::ResponseMeta meta{
      internal::SeededUuid(core.options.seed, internal::kJsonRequestIdStream, n),
      protocol::ImfFixdate(core.clock.Now().time_since_epoch().count())};
  protocol::AwsJsonProtocol wire(model, core.options.auth);
  auto decoded = wire.Decode(request, meta);
  if (auto* refusal = std::get_if<HttpResponse>(&decoded)) return std::move(*refusal);
  const auto& call = std::get<protocol::JsonCall>(decoded);
  Outcome<std::string> result =
      service == "forecast"
          ? protocol::InvokeForecast(call, core.forecast)
          : Outcome<std::string>(protocol::NotImplementedError(model.target_prefix() + "." + call.operation->name));
  if (!result.ok()) return protocol::AwsJsonProtocol::Error(result.error(), meta);
  return protocol::AwsJsonProtocol::Success(std::move(result).value(), meta);
}

}  // namespace

Fake::Fake(Options options)
    : core_(std::make_unique<internal::Core>(std::move(options))),
      forecast_(core_.get()),
      s3_(core_.get()) {
  internal::Core* core = core_.get();
  core_->clock.OnAdvance([core] { core->Settle(); });
}

Fake::~Fake() = default;

Clock& Fake::clock() { return core_->clock; }
const Options& Fake::options() const { return core_->options; }

HttpResponse Fake::Handle(HttpRequest request) {
  core_->clock.OnRequest();
  core_->Settle();
  const uint64_t n = core_->requests.fetch_add(1);
  const std::string_view target = request.headers.Get("X-Amz-Target").value_or("");
  // X-Amz-Target names the JSON services; everything else is S3 (DESIGN.md).
  if (StartsWith(target, "AmazonForecastRuntime.")) return HandleJson(*core_, request, n, "forecastquery");
  if (StartsWith(target, "AmazonForecast.")) return HandleJson(*core_, request, n, "forecast");
  return protocol::HandleS3(*core_, std::move(request), n);
}

}  // namespace fakeaws
