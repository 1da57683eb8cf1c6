// How fakeaws values print in GoogleTest failure messages.
#include <ostream>

#include "fakeaws/error.h"
#include "fakeaws/fake.h"
#include "fakeaws/http.h"
#include "fakeaws/journal.h"
#include "fakeaws/s3.h"

namespace fakeaws {
namespace {

void PrintBody(const std::string& body, std::ostream* os) {
  constexpr size_t kShown = 400;
  if (body.empty()) {
    *os << "an empty body";
    return;
  }
  *os << "body " << body.substr(0, kShown);
  if (body.size() > kShown) *os << "... (" << body.size() << " bytes)";
}

void PrintHeaders(const Headers& headers, std::ostream* os) {
  *os << "[";
  bool first = true;
  for (const auto& f : headers) {
    *os << (first ? "" : ", ") << f.name << ": " << f.value;
    first = false;
  }
  *os << "]";
}

}  // namespace

void PrintTo(const AwsError& error, std::ostream* os) {
  *os << (error.type.empty() ? std::string("(no error type)") : error.type) << " (HTTP "
      << error.http_status << ")";
  if (!error.message.empty()) *os << ": \"" << error.message << "\"";
}

namespace internal {
void PrintOkOutcome(std::ostream* os) { *os << "a successful Outcome"; }
}  // namespace internal

void PrintTo(const HttpRequest& request, std::ostream* os) {
  *os << request.method << " " << request.target << " ";
  PrintHeaders(request.headers, os);
  *os << " with ";
  PrintBody(request.body, os);
}

void PrintTo(const HttpResponse& response, std::ostream* os) {
  if (response.status == 0) {
    *os << "a dropped connection (no response)";
    return;
  }
  *os << response.status << " " << ReasonPhrase(response.status) << " ";
  PrintHeaders(response.headers, os);
  *os << " with ";
  PrintBody(response.body, os);
}

void PrintTo(const JournalEntry& e, std::ostream* os) {
  *os << "#" << e.sequence << " " << e.operation;
  if (e.service == "s3" && !e.bucket.empty()) {
    *os << " (" << e.request.method << " " << e.bucket << (e.key.empty() ? "" : "/") << e.key << ")";
  }
  *os << " -> ";
  if (e.status == 0) {
    *os << "no answer";
  } else {
    *os << e.status;
    if (!e.error_type.empty()) *os << " " << e.error_type;
  }
  if (e.connection_dropped) *os << ", connection dropped";
  if (!e.fault.empty()) *os << " [fault: " << e.fault << "]";
}

void PrintTo(const Journal& journal, std::ostream* os) {
  const size_t n = journal.size();
  *os << "a journal of " << n << (n == 1 ? " request" : " requests");
}

void PrintTo(const Fake& fake, std::ostream* os) {
  const size_t n = fake.journal().size();
  *os << "a fakeaws::Fake with " << n << (n == 1 ? " request" : " requests") << " in its journal";
}

void PrintTo(const S3Api&, std::ostream* os) { *os << "a fakeaws::Fake's S3"; }

}  // namespace fakeaws
