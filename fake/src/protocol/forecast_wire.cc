#include "protocol/forecast_wire.h"

#include <algorithm>
#include <variant>

#include "protocol/awsjson.h"
#include "protocol/forecast_operations.h"
#include "protocol/forecastquery_operations.h"
#include "protocol/framework_errors.h"
#include "protocol/model.h"

namespace fakeaws::protocol {
namespace {

Reply Bare(HttpResponse response) {
  const int status = response.status;
  return {std::move(response), AwsError{"", "", status, {}}};
}

// The body size a JSON request declares or has, whichever is larger.
uint64_t JsonBodyBytes(const HttpRequest& request) {
  const uint64_t declared = DecimalHeader(request.headers, "Content-Length").value_or(0);
  return std::max<uint64_t>(declared, request.body.size());
}

}  // namespace

Reply BodyTooLargeReply() { return Bare(RequestEntityTooLarge()); }

Reply HandleForecast(forecast::Service& service, const Options& options, const Call& call,
                     const HttpRequest& request, const ReplyContext& context) {
  // Coral's HTTP layer refuses sizes before anything else is read.
  const RequestLimits& limits = options.limits;
  if (HeaderSectionBytes(request) > limits.max_header_section_bytes) return Bare(RequestHeaderFieldsTooLarge());
  if (JsonBodyBytes(request) > limits.max_json_body_bytes) return BodyTooLargeReply();
  const auto& model = ServiceModel::Get(ServiceName(call.service));
  const ResponseMeta meta{JsonRequestId(context), context.date};
  AwsJsonProtocol wire(model, options.auth, options.region);
  auto decoded = wire.Decode(request, meta);
  if (auto* refusal = std::get_if<Reply>(&decoded)) return std::move(*refusal);
  const auto& json = std::get<JsonCall>(decoded);
  Outcome<std::string> result = call.service == Service::kForecast ? InvokeForecast(json, service)
                                                                   : InvokeForecastQuery(json, service);
  if (!result.ok()) return AwsJsonProtocol::Error(result.error(), meta);
  return AwsJsonProtocol::Success(std::move(result).value(), meta);
}

}  // namespace fakeaws::protocol
