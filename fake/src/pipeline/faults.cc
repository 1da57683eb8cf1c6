#include "fakeaws/faults.h"

#include <algorithm>

#include "forecast/errors.h"
#include "pipeline/fault_table.h"
#include "protocol/framework_errors.h"

namespace fakeaws {

namespace errors {

AwsError ThrottlingException() { return protocol::ThrottlingError(); }

AwsError LimitExceededException(int quota, std::string_view resources) {
  return forecast::ConcurrentQuotaReached(quota, resources);
}

// Statuses: wire-format.md §2.1 (DOC CommonErrors.md). Messages INFERRED
// from the same page's descriptions; Coral's own shapes use `message` (§1.3).
AwsError InternalFailure() {
  return {"InternalFailure",
          "The request processing has failed because of an unknown error, exception or failure.",
          500,
          {}};
}

AwsError ServiceUnavailable() {
  return {"ServiceUnavailable", "The request has failed due to a temporary failure of the server.",
          503, {}};
}

// INFERRED: not in wire-format.md; S3's published error-code table, whose
// texts real client logs quote ("An error occurred (SlowDown) when calling
// the PutObject operation (reached max retries: 4): Please reduce your
// request rate.").
AwsError S3SlowDown() { return {"SlowDown", "Please reduce your request rate.", 503, {}}; }

AwsError S3InternalError() {
  return {"InternalError", "We encountered an internal error. Please try again.", 500, {}};
}

// wire-format.md §4.1, REAL.
AwsError S3AccessDenied() { return {"AccessDenied", "Access Denied", 403, {}}; }

}  // namespace errors


FaultRule FaultRule::Error(AwsError error) {
  FaultRule r(Action::kError);
  r.error_ = std::move(error);
  return r;
}

FaultRule FaultRule::Latency(std::chrono::milliseconds latency) {
  FaultRule r(Action::kLatency);
  r.latency_ = latency;
  return r;
}

FaultRule FaultRule::DropConnection() { return FaultRule(Action::kDropConnection); }

FaultRule FaultRule::DropConnectionAfterHandling() {
  return FaultRule(Action::kDropConnectionAfterHandling);
}

FaultRule& FaultRule::On(std::string operation) {
  operation_ = std::move(operation);
  return *this;
}

FaultRule& FaultRule::OnS3(std::string method, std::string bucket_pattern, std::string key_pattern) {
  s3_only_ = true;
  s3_method_ = method.empty() ? "*" : std::move(method);
  bucket_pattern_ = std::move(bucket_pattern);
  key_pattern_ = std::move(key_pattern);
  return *this;
}

FaultRule& FaultRule::FromCall(int n) {
  from_call_ = std::max(1, n);
  return *this;
}

FaultRule& FaultRule::Times(int n) {
  times_ = std::max(0, n);
  return *this;
}

FaultRule& FaultRule::Always() {
  times_ = -1;
  return *this;
}

FaultRule& FaultRule::WithProbability(double p) {
  probability_ = std::clamp(p, 0.0, 1.0);
  return *this;
}

FaultRule& FaultRule::WithLatency(std::chrono::milliseconds latency) {
  latency_ = latency;
  return *this;
}

std::string FaultRule::Describe() const {
  std::string d;
  switch (action_) {
    case Action::kError:
      d = error_->type + " (HTTP " + std::to_string(error_->http_status) + ")";
      break;
    case Action::kLatency:
      d = "latency";
      break;
    case Action::kDropConnection:
      d = "dropped connection";
      break;
    case Action::kDropConnectionAfterHandling:
      d = "dropped connection after handling";
      break;
  }
  if (latency_.count() > 0) d += " +" + std::to_string(latency_.count()) + " ms";
  d += " on ";
  if (!operation_.empty()) {
    d += operation_;
    if (s3_only_) d += " ";
  }
  if (s3_only_) {
    d += "S3 " + s3_method_ + " " + bucket_pattern_ + "/" + key_pattern_;
  } else if (operation_.empty()) {
    d += "any request";
  }
  d += ", from call " + std::to_string(from_call_) + ", ";
  d += times_ < 0 ? "always" : std::to_string(times_) + (times_ == 1 ? " time" : " times");
  if (probability_ < 1.0) {
    std::string p = std::to_string(probability_);
    p.erase(p.find_last_not_of('0') + 1);
    if (!p.empty() && p.back() == '.') p.pop_back();
    d += ", with probability " + p;
  }
  return d;
}

Faults::RuleId Faults::Arm(FaultRule rule) { return table_->Arm(std::move(rule)); }
void Faults::Disarm(RuleId id) { table_->Disarm(id); }
void Faults::Clear() { table_->Clear(); }
int Faults::Fired(RuleId id) const { return table_->Fired(id); }
int Faults::Matched(RuleId id) const { return table_->Matched(id); }

}  // namespace fakeaws
