// IsAwsError and HasHttpStatus: one reading of "which error is this" for
// responses of both protocols, AwsError, Outcome and journal entries.
#include "fakeaws/matchers.h"

namespace fakeaws::matchers_internal {
namespace {

std::string Excerpt(const std::string& s, size_t n = 200) {
  if (s.size() <= n) return s;
  return s.substr(0, n) + "... (" + std::to_string(s.size()) + " bytes)";
}

std::string StatusText(int status) {
  const std::string_view reason = ReasonPhrase(status);
  std::string s = std::to_string(status);
  if (reason != "Unknown") s += " (" + std::string(reason) + ")";
  return s;
}

}  // namespace

ErrorView ViewError(const HttpResponse& response) {
  ErrorView v;
  v.status = response.status;
  if (response.status == 0) {
    v.what = "a dropped connection";
    v.ok = true;
    return v;
  }
  v.what = "a " + std::to_string(response.status) + " response";
  if (auto error = ErrorInResponse(response)) {
    v.error = std::move(*error);
  } else {
    v.ok = true;
    v.ok_detail = response.body.empty() ? ", empty body" : ", body " + Excerpt(response.body);
  }
  return v;
}

ErrorView ViewError(const AwsError& error) {
  ErrorView v;
  v.what = "an AwsError (HTTP " + std::to_string(error.http_status) + ")";
  v.error = error;
  v.status = error.http_status;
  return v;
}

ErrorView ViewOutcomeError(const AwsError& error) {
  ErrorView v = ViewError(error);
  v.what = "a failed Outcome (HTTP " + std::to_string(error.http_status) + ")";
  return v;
}

void ExplainFailedOutcome(const AwsError& error, ::testing::MatchResultListener* listener) {
  *listener << "which is a failed Outcome: " << ::testing::PrintToString(error);
}

ErrorView ViewOkOutcome() {
  ErrorView v;
  v.what = "a successful Outcome";
  v.ok = true;
  return v;
}

ErrorView ViewError(const JournalEntry& e) {
  ErrorView v;
  v.status = e.status;
  const std::string request = "request #" + std::to_string(e.sequence) + " to " + e.operation;
  if (e.status == 0) {
    v.what = request + ", never answered (connection dropped)";
    v.ok = true;
    return v;
  }
  v.what = request + ", answered " + std::to_string(e.status);
  if (e.error_type.empty() && e.status < 300) {
    v.ok = true;
  } else {
    v.error = AwsError{e.error_type, e.error_message, e.status, {}};
  }
  return v;
}

void AwsErrorMatcher::DescribeTo(std::ostream* os) const {
  *os << "is an AWS error of type " << type_;
  if (message_) {
    *os << " whose message ";
    message_->DescribeTo(os);
  }
}

void AwsErrorMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "is not an AWS error of type " << type_;
  if (message_) {
    *os << " whose message ";
    message_->DescribeTo(os);
  }
}

bool AwsErrorMatcher::MatchView(const ErrorView& v, ::testing::MatchResultListener* listener) const {
  *listener << "which is " << v.what;
  if (v.ok) {
    *listener << " with no AWS error" << v.ok_detail;
    return false;
  }
  if (v.error.type.empty()) {
    *listener << " with no error code in its body (clients see only the status)";
    return false;
  }
  *listener << " with AWS error " << v.error.type;
  if (v.error.message.empty()) {
    *listener << " and no message";
  } else {
    *listener << " and message " << ::testing::PrintToString(v.error.message);
  }
  if (v.error.type != type_) {
    *listener << ", whose type differs";
    return false;
  }
  if (message_) {
    ::testing::StringMatchResultListener inner;
    if (!message_->MatchAndExplain(v.error.message, &inner)) {
      *listener << ", whose message doesn't match";
      if (!inner.str().empty()) *listener << " (" << inner.str() << ")";
      return false;
    }
  }
  return true;
}

void HttpStatusMatcher::DescribeTo(std::ostream* os) const {
  *os << "has HTTP status " << StatusText(status_);
}

void HttpStatusMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "doesn't have HTTP status " << StatusText(status_);
}

bool HttpStatusMatcher::MatchView(const ErrorView& v, ::testing::MatchResultListener* listener) const {
  if (v.status == 0) {
    *listener << "which is " << v.what << ", with no HTTP status";
    return false;
  }
  *listener << "which has HTTP status " << StatusText(v.status);
  if (!v.ok && !v.error.type.empty()) *listener << " and AWS error " << v.error.type;
  return v.status == status_;
}

}  // namespace fakeaws::matchers_internal
