// Faults: a layer in front of the fake's handlers that makes a request fail
// the way AWS fails, armed in one line:
//
//   fake.faults().Arm(fakeaws::FaultRule::Error(fakeaws::errors::ThrottlingException())
//                         .On("AmazonForecast.CreateForecastExportJob")
//                         .Times(2));
//
// A rule says what to answer (an AWS error, byte for byte as the service
// sends it; an added latency; a dropped connection), which requests it
// applies to (an operation, or an S3 method with bucket/key patterns), from
// which matching call, how many times, and with what probability. Chance is
// drawn from Options::seed, the rule's number and the call's number, so a
// replay with the same seed fails the same way. Every fault that fires is
// in the journal (JournalEntry::fault).
//
// The retry trap (wire-format.md §1.4): aws-sdk-cpp retries
// LimitExceededException and ThrottlingException by default (Forecast marks
// LimitExceeded retryable), botocore's default "legacy" mode retries
// throttling and 5xx but not LimitExceededException. The same fault
// therefore shows up as one call from boto3 and several from C++; count
// calls with the journal (samples/errors_and_retries shows how).
//
// Safe for concurrent use. Matchers and journal reads never use up a fault.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/error.h"

namespace fakeaws {

namespace internal {
class FaultTable;
}

// Errors worth injecting, as the services send them. Each names its evidence
// (wire-format.md); the rest of the catalog comes back from the fake itself
// (any AwsError works as a reply).
namespace errors {
// Coral's throttling answer: 400 {"__type":"ThrottlingException","message":"Rate exceeded"}
// (§2.1; REAL-ish, other Coral services).
AwsError ThrottlingException();
// Forecast's quota answer, 400 (§2.3, AWS-SAMPLE text):
// "Quota limit of 3 concurrently creating forecast exports has been reached".
AwsError LimitExceededException(int quota = 3, std::string_view resources = "forecast exports");
// Coral's 500 and 503 (§2.1, DOC CommonErrors.md: names and statuses; the
// message texts are INFERRED from the same page's descriptions).
AwsError InternalFailure();
AwsError ServiceUnavailable();
// S3's 503 SlowDown "Please reduce your request rate." and 500 InternalError
// "We encountered an internal error. Please try again." (not in
// wire-format.md: INFERRED from S3's published error-code table, as quoted
// in real client logs).
AwsError S3SlowDown();
AwsError S3InternalError();
// S3's 403 AccessDenied "Access Denied" (§4.1, REAL).
AwsError S3AccessDenied();
}  // namespace errors

class FaultRule {
 public:
  // What the rule does when it fires.
  enum class Action {
    kError,                        // answer with the error; the service never sees the request
    kLatency,                      // the service answers, the response waits `latency` first
    kDropConnection,               // close the connection; the service never sees the request
    kDropConnectionAfterHandling,  // the service acts, then the connection closes unanswered
  };

  static FaultRule Error(AwsError error);
  static FaultRule Latency(std::chrono::milliseconds latency);
  static FaultRule DropConnection();
  static FaultRule DropConnectionAfterHandling();

  // Which requests count (default: every request).
  // `operation` as the journal names it: "AmazonForecast.CreateForecastExportJob", "s3:PutObject".
  FaultRule& On(std::string operation);
  // S3 requests by HTTP method ("" or "*": any) and glob patterns over the
  // bucket and the decoded key ('*' any run, '?' one character).
  FaultRule& OnS3(std::string method, std::string bucket_pattern, std::string key_pattern = "*");

  // When it fires: from the `n`th matching call (1-based; default 1) ...
  FaultRule& FromCall(int n);
  // ... at most `n` times (default 1) ...
  FaultRule& Times(int n);
  FaultRule& Always();
  // ... each eligible call with probability `p` in [0, 1] (default 1).
  FaultRule& WithProbability(double p);
  // An error reply can also be slow.
  FaultRule& WithLatency(std::chrono::milliseconds latency);

  // "ThrottlingException on AmazonForecast.CreateForecastExportJob, from call 1, 2 times"
  std::string Describe() const;

  Action action() const { return action_; }
  const std::optional<AwsError>& error() const { return error_; }
  std::chrono::milliseconds latency() const { return latency_; }
  const std::string& operation() const { return operation_; }  // "" = any
  bool s3_only() const { return s3_only_; }
  const std::string& s3_method() const { return s3_method_; }
  const std::string& bucket_pattern() const { return bucket_pattern_; }
  const std::string& key_pattern() const { return key_pattern_; }
  int from_call() const { return from_call_; }
  int times() const { return times_; }  // < 0: forever
  double probability() const { return probability_; }

 private:
  explicit FaultRule(Action action) : action_(action) {}

  Action action_;
  std::optional<AwsError> error_;
  std::chrono::milliseconds latency_{0};
  std::string operation_;  // "" = any
  bool s3_only_ = false;
  std::string s3_method_ = "*";
  std::string bucket_pattern_ = "*";
  std::string key_pattern_ = "*";
  int from_call_ = 1;
  int times_ = 1;  // < 0: forever
  double probability_ = 1.0;
};

class Faults {
 public:
  using RuleId = int;

  RuleId Arm(FaultRule rule);
  void Disarm(RuleId id);
  // Disarms every rule.
  void Clear();
  // How often rule `id` fired, and how many requests it matched while armed
  // (both stay readable after Disarm/Clear).
  int Fired(RuleId id) const;
  int Matched(RuleId id) const;

  Faults(const Faults&) = delete;
  Faults& operator=(const Faults&) = delete;

 private:
  friend class Fake;
  explicit Faults(internal::FaultTable* table) : table_(table) {}
  internal::FaultTable* table_;
};

}  // namespace fakeaws
