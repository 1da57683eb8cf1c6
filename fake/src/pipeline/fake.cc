#include "fakeaws/fake.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "base/seeded.h"
#include "base/time_text.h"
#include "pipeline/core.h"
#include "protocol/awsjson.h"
#include "protocol/call.h"
#include "protocol/forecast_operations.h"
#include "protocol/forecastquery_operations.h"
#include "protocol/framework_errors.h"
#include "protocol/model.h"
#include "protocol/s3_wire.h"
#include "s3/errors.h"

namespace fakeaws {
namespace {

protocol::ResponseMeta JsonMeta(const internal::Core& core, uint64_t n) {
  return {base::SeededUuid(core.options.seed, internal::kJsonRequestIdStream, n),
          base::HttpDate(core.clock.Now())};
}

// The body size a JSON request declares or has, whichever is larger.
uint64_t JsonBodyBytes(const HttpRequest& request) {
  const uint64_t declared = protocol::DecimalHeader(request.headers, "Content-Length").value_or(0);
  return std::max<uint64_t>(declared, request.body.size());
}

HttpResponse HandleJson(internal::Core& core, const HttpRequest& request, uint64_t n,
                        std::string_view service) {
  // Coral's HTTP layer refuses sizes before anything else is read.
  const RequestLimits& limits = core.options.limits;
  if (protocol::HeaderSectionBytes(request) > limits.max_header_section_bytes) {
    return protocol::RequestHeaderFieldsTooLarge();
  }
  if (JsonBodyBytes(request) > limits.max_json_body_bytes) return protocol::RequestEntityTooLarge();
  const auto& model = protocol::ServiceModel::Get(service);
  const protocol::ResponseMeta meta = JsonMeta(core, n);
  protocol::AwsJsonProtocol wire(model, core.options.auth, core.options.region);
  auto decoded = wire.Decode(request, meta);
  if (auto* refusal = std::get_if<HttpResponse>(&decoded)) return std::move(*refusal);
  const auto& call = std::get<protocol::JsonCall>(decoded);
  Outcome<std::string> result = service == "forecast" ? protocol::InvokeForecast(call, core.forecast)
                                                      : protocol::InvokeForecastQuery(call, core.forecast);
  if (!result.ok()) return protocol::AwsJsonProtocol::Error(result.error(), meta);
  return protocol::AwsJsonProtocol::Success(std::move(result).value(), meta);
}

// A fault's error in the encoding of the service the request was for, with
// the ids that service would have given request `n`, so its bytes equal the
// real error's.
HttpResponse FaultErrorResponse(const internal::Core& core, const internal::Call& call,
                                const HttpRequest& request, uint64_t n, const AwsError& error) {
  if (call.service != "s3") return protocol::AwsJsonProtocol::Error(error, JsonMeta(core, n));
  // The same derivation as protocol::HandleS3's ids.
  const uint64_t seed = core.options.seed;
  return protocol::S3ErrorResponse(
      error, base::SeededUpperAlnum(seed, internal::kS3RequestIdStream, n, 16),
      base::SeededBase64(seed, internal::kS3HostIdStream, n, 56),
      base::HttpDate(core.clock.Now()), request.method == "HEAD");
}

HttpResponse RefusalResponse(const internal::Core& core, const internal::Call& call, const HttpRequest& request,
                             uint64_t n, const FrontEndRefusal& refusal) {
  const bool s3 = call.service == "s3";
  if (refusal.kind == FrontEndRefusal::kTooManyConnections) {
    return FaultErrorResponse(core, call, request, n, s3 ? errors::S3SlowDown() : errors::ThrottlingException());
  }
  if (!s3) return protocol::RequestEntityTooLarge();
  return FaultErrorResponse(core, call, request, n, s3::EntityTooLarge(refusal.body_bytes, refusal.max_body_bytes));
}

HttpResponse DroppedConnection() {
  HttpResponse r;
  r.status = 0;
  r.drop_connection = true;
  return r;
}

// The request as the journal keeps it: S3 bodies are cut at kBodyLimit.
HttpRequest JournalCopy(const HttpRequest& request, bool* truncated) {
  HttpRequest copy{request.method, request.target, request.headers, {}};
  *truncated = request.body.size() > JournalEntry::kBodyLimit;
  copy.body = request.body.substr(0, JournalEntry::kBodyLimit);
  return copy;
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
Journal& Fake::journal() { return core_->journal; }
const Journal& Fake::journal() const { return core_->journal; }
Faults& Fake::faults() { return core_->faults; }

HttpResponse Fake::Handle(HttpRequest request) { return Answer(std::move(request), nullptr); }

HttpResponse Fake::Refuse(HttpRequest head, const FrontEndRefusal& refusal) { return Answer(std::move(head), &refusal); }

HttpResponse Fake::Answer(HttpRequest request, const FrontEndRefusal* refusal) {
  internal::Core& core = *core_;
  core.clock.OnRequest();
  core.Settle();
  const uint64_t n = core.requests.fetch_add(1);
  internal::Call call = internal::IdentifyCall(request);
  // The fault layer sits in front of every handler (STYLE.md #4).
  const std::optional<FaultRule> fault = core.faults.Decide(call);
  using Action = FaultRule::Action;
  const bool journaled = core.journal.capacity() > 0;
  const bool observed = core.journal.HasObservers();

  JournalEntry entry;
  entry.sequence = n;
  entry.time = core.clock.Now();
  std::optional<HttpRequest> kept;  // the full request, for observers
  const bool is_s3 = call.service == "s3";
  if (is_s3 && journaled) entry.request = JournalCopy(request, &entry.request_body_truncated);
  if (is_s3 && observed) kept = request;

  HttpResponse response;
  if (fault && fault->action() == Action::kError) {
    response = FaultErrorResponse(core, call, request, n, *fault->error());
  } else if (fault && fault->action() == Action::kDropConnection) {
    response = DroppedConnection();
  } else if (refusal != nullptr) {
    response = RefusalResponse(core, call, request, n, *refusal);
  } else if (call.service == "forecastquery" || call.service == "forecast") {
    response = HandleJson(core, request, n, call.service);
  } else {
    response = protocol::HandleS3(core, std::move(request), n);
  }
  if (!is_s3) {
    if (observed) kept = request;
    if (journaled) entry.request = std::move(request);
  }

  entry.status = response.status;
  if (journaled && response.status != 0) {
    if (auto error = ErrorInResponse(response)) {
      entry.error_type = std::move(error->type);
      entry.error_message = std::move(error->message);
    }
  }
  if (fault) {
    entry.fault = fault->Describe();
    if (fault->action() == Action::kDropConnectionAfterHandling) response = DroppedConnection();
    response.delay += fault->latency();
  }
  entry.connection_dropped = response.drop_connection;
  entry.service = std::move(call.service);
  entry.operation = call.operation;
  entry.bucket = std::move(call.bucket);
  entry.key = std::move(call.key);
  if (journaled) core.journal.Record(std::move(entry));
  if (observed) core.journal.Notify(call.operation, *kept, response);
  return response;
}

}  // namespace fakeaws
