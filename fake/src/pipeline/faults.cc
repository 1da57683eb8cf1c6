#include "fakeaws/faults.h"

#include <algorithm>

#include "base/seeded.h"
#include "forecast/errors.h"
#include "pipeline/core.h"
#include "protocol/call.h"
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

namespace {

// '*' matches any run (also empty), '?' one character.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

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

bool FaultRule::Matches(const internal::Call& call) const {
  if (!operation_.empty() && call.operation != operation_) return false;
  if (!s3_only_) return true;
  return call.service == "s3" && (s3_method_ == "*" || s3_method_ == call.method) &&
         GlobMatch(bucket_pattern_, call.bucket) && GlobMatch(key_pattern_, call.key);
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

Faults::RuleId Faults::Arm(FaultRule rule) {
  std::lock_guard<std::mutex> lock(mu_);
  const RuleId id = next_id_++;
  rules_.push_back(Armed{id, std::move(rule)});
  return id;
}

void Faults::Disarm(RuleId id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& a : rules_) {
    if (a.id == id) a.armed = false;
  }
}

void Faults::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& a : rules_) a.armed = false;
}

int Faults::Fired(RuleId id) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& a : rules_) {
    if (a.id == id) return a.fired;
  }
  return 0;
}

int Faults::Matched(RuleId id) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& a : rules_) {
    if (a.id == id) return a.matched;
  }
  return 0;
}

std::optional<FaultRule> Faults::Decide(const internal::Call& call) {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<FaultRule> winner;
  for (auto& a : rules_) {
    if (!a.armed || !a.rule.Matches(call)) continue;
    ++a.matched;
    if (winner || a.matched < a.rule.from_call_) continue;
    if (a.rule.times_ >= 0 && a.fired >= a.rule.times_) continue;
    // The draw depends only on the seed, the rule and its call count, so
    // other rules and other threads' requests cannot shift it.
    if (a.rule.probability_ < 1.0) {
      const uint64_t bits = base::SeededValue(seed_ ^ base::Mix64(static_cast<uint64_t>(a.id)),
                                                  internal::kFaultStream, a.matched);
      if (base::UnitInterval(bits) >= a.rule.probability_) continue;
    }
    ++a.fired;
    winner = a.rule;
  }
  return winner;
}

}  // namespace fakeaws
