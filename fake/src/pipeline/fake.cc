#include "fakeaws/fake.h"

#include <optional>
#include <string_view>

#include "base/time_text.h"
#include "pipeline/core.h"
#include "pipeline/front_door.h"
#include "protocol/forecast_wire.h"
#include "protocol/framework_errors.h"
#include "protocol/reply.h"
#include "protocol/s3_wire.h"
#include "protocol/sigv4.h"
#include "s3/errors.h"

namespace fakeaws {
namespace internal {
namespace {

protocol::Reply RefusalReply(const protocol::Call& call, const Refusal& refusal,
                             const protocol::ReplyContext& context) {
  if (refusal.kind == Refusal::kTooManyConnections) {
    return protocol::ErrorReply(call, call.is_s3() ? errors::S3SlowDown() : errors::ThrottlingException(), context);
  }
  if (!call.is_s3()) return protocol::BodyTooLargeReply();
  return protocol::ErrorReply(call, s3::EntityTooLarge(refusal.body_bytes, refusal.max_body_bytes), context);
}

HttpResponse DroppedConnection() {
  HttpResponse r;
  r.status = 0;
  return r;
}

// The request as the journal keeps it: S3 bodies are cut at kBodyLimit.
HttpRequest JournalCopy(const HttpRequest& request, bool* truncated) {
  HttpRequest copy{request.method, request.target, request.headers, {}};
  *truncated = request.body.size() > JournalEntry::kBodyLimit;
  copy.body = request.body.substr(0, JournalEntry::kBodyLimit);
  return copy;
}

// The answer as the journal keeps it: bodies are cut at kBodyLimit (a
// GetObject's can be gigabytes).
HttpResponse JournalCopy(const HttpResponse& response, bool* truncated) {
  HttpResponse copy{response.status, response.headers, {}};
  *truncated = response.body.size() > JournalEntry::kBodyLimit;
  copy.body = response.body.substr(0, JournalEntry::kBodyLimit);
  return copy;
}

}  // namespace

Delivery Answer(Core& core, HttpRequest request, protocol::Call call, const Refusal* refusal, DateFrom date) {
  core.clock.StepForRequest();
  core.Settle();
  const uint64_t n = core.requests.fetch_add(1);
  // The fault layer sits in front of every handler (STYLE.md #4).
  const std::optional<FaultRule> fault = core.faults.Decide(call);
  using Action = FaultRule::Action;
  const bool journaled = core.journal.capacity() > 0;
  const bool observed = core.journal.HasObservers();

  protocol::ReplyContext context{core.options.seed, n, core.clock.Now(), ""};
  context.date = base::HttpDate(date == DateFrom::kFakeClock ? context.now : protocol::ServerNow(core.options.auth));

  JournalEntry entry;
  entry.sequence = n;
  entry.time = context.now;
  std::optional<HttpRequest> kept;  // the full request, for observers
  if (call.is_s3() && journaled) entry.request = JournalCopy(request, &entry.request_body_truncated);
  if (call.is_s3() && observed) kept = request;

  protocol::Reply reply;
  bool dropped = false;
  if (fault && fault->action() == Action::kError) {
    reply = protocol::ErrorReply(call, *fault->error(), context);
  } else if (fault && fault->action() == Action::kDropConnection) {
    reply.response = DroppedConnection();
    dropped = true;
  } else if (refusal != nullptr) {
    reply = RefusalReply(call, *refusal, context);
  } else if (call.is_s3()) {
    reply = protocol::HandleS3(core.s3, core.options, call, std::move(request), context);
  } else {
    reply = protocol::HandleForecast(core.forecast, core.options, call, request, context);
  }
  if (!call.is_s3()) {
    if (observed) kept = request;
    if (journaled) entry.request = std::move(request);
  }

  Delivery delivery;
  const int handled_status = reply.response.status;  // the journal's, before a drop replaces it
  if (fault && fault->action() == Action::kDropConnectionAfterHandling) {
    reply.response = DroppedConnection();
    dropped = true;
  }
  if (fault) delivery.delay = fault->latency();
  delivery.response = std::move(reply.response);
  delivery.drop_connection = dropped;
  // With the journal off (capacity 0), a request pays for no entry.
  if (journaled) {
    entry.status = handled_status;
    if (reply.error) {
      entry.error_type = std::move(reply.error->type);
      entry.error_message = std::move(reply.error->message);
    }
    if (fault) entry.fault = fault->Describe();
    if (!dropped) entry.response = JournalCopy(delivery.response, &entry.response_body_truncated);
    entry.connection_dropped = dropped;
    entry.service = std::string(protocol::ServiceName(call.service));
    entry.operation = call.operation;
    entry.bucket = call.bucket();
    entry.key = call.key();
    core.journal.Record(std::move(entry));
  }
  if (observed) core.journal.Notify(call.operation, *kept, delivery.response);
  return delivery;
}

FrontDoor::FrontDoor(Fake& fake) : core_(*fake.core_) {}

bool FrontDoor::AnsweredByHead(const protocol::Call& call, const HttpRequest& head) const {
  return protocol::AnsweredByHead(call, head, core_.options.limits);
}

Delivery FrontDoor::Serve(HttpRequest request, protocol::Call call) const {
  return Answer(core_, std::move(request), std::move(call), nullptr, DateFrom::kServerTime);
}

Delivery FrontDoor::Refuse(HttpRequest head, protocol::Call call, const Refusal& refusal) const {
  return Answer(core_, std::move(head), std::move(call), &refusal, DateFrom::kServerTime);
}

}  // namespace internal

Fake::Fake(Options options)
    : core_(std::make_unique<internal::Core>(std::move(options))),
      forecast_(core_.get()),
      s3_(core_.get()),
      clock_(&core_->clock),
      journal_(&core_->journal),
      faults_(&core_->faults) {
  internal::Core* core = core_.get();
  core_->clock.OnAdvance([core] { core->Settle(); });
}

Fake::~Fake() = default;

const Options& Fake::options() const { return core_->options; }

HttpResponse Fake::Handle(HttpRequest request) {
  protocol::Call call = protocol::IdentifyCall(request);
  return internal::Answer(*core_, std::move(request), std::move(call), nullptr, internal::DateFrom::kFakeClock)
      .response;
}

}  // namespace fakeaws
