// The journal: every request a Fake answered, in arrival order, with what it
// asked and what it got. Tests read it (directly or through the matchers in
// fakeaws/matchers.h) to check what their code sent:
//
//   auto calls = fake.journal().Entries("AmazonForecast.CreateForecastExportJob");
//   EXPECT_EQ(calls.size(), 3);                 // two throttled, one accepted
//
// Operations are named as clients name them: the X-Amz-Target for JSON
// services ("AmazonForecast.DescribeForecastExportJob") and "s3:" plus the S3
// API operation for S3 ("s3:PutObject", "s3:ListObjectsV2").
//
// Bounded: once Options::journal_capacity entries are kept, the oldest is
// dropped for each new one. Safe for concurrent use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/http.h"

namespace fakeaws {

namespace internal {
class JournalLog;
}

struct JournalEntry {
  // The request's number: 0 for the fake's first request, then in arrival order.
  uint64_t sequence = 0;
  // The fake's clock when the request arrived.
  Timestamp time{};
  // "forecast", "forecastquery" or "s3".
  std::string service;
  // "AmazonForecast.CreateForecastExportJob" or "s3:PutObject" (see above).
  std::string operation;
  // S3 only: the bucket and the (percent-decoded) key the request names.
  std::string bucket;
  std::string key;
  // The request as it arrived. S3 bodies longer than kBodyLimit are cut there.
  HttpRequest request;
  bool request_body_truncated = false;

  // The answer the fake (or a fault) produced. 0 when a fault dropped the
  // connection before any answer existed.
  int status = 0;
  // That answer as the client received it: status, headers and body, the
  // body cut at kBodyLimit (a GetObject's can be gigabytes). Status 0 and
  // nothing else when the connection was dropped.
  HttpResponse response{0, {}, {}};
  bool response_body_truncated = false;
  // The AWS error the answer carries ("" on success), as clients read it.
  std::string error_type;
  std::string error_message;
  // The client never got the answer: a fault closed the connection.
  bool connection_dropped = false;
  // The fault rule that fired on this request (FaultRule::Describe()), or "".
  std::string fault;

  // The operation's input: for JSON operations, the JSON request body.
  const std::string& input() const { return request.body; }

  static constexpr size_t kBodyLimit = 64 * 1024;
};

// Told of each request as it completes, for tests that prefer expectations to
// reading the journal (fakeaws::MockObserver in fakeaws/matchers.h).
class RequestObserver {
 public:
  virtual ~RequestObserver() = default;
  // Called on the thread that handled the request, after the journal has
  // recorded it, with no lock of the fake held. `response` is what the
  // client receives (status 0 when a fault dropped the connection).
  virtual void OnRequest(const std::string& operation, const HttpRequest& request,
                         const HttpResponse& response) = 0;
};

class Journal {
 public:
  // Oldest first.
  std::vector<JournalEntry> Entries() const;
  // Only the entries for `operation`, oldest first.
  std::vector<JournalEntry> Entries(std::string_view operation) const;
  size_t size() const;
  size_t capacity() const;
  // Entries dropped to stay within capacity since the last Clear().
  uint64_t dropped() const;
  void Clear();

  // `observer` must stay alive until removed (or until the fake is gone),
  // and be removed while no request is in flight: a request already being
  // answered on another thread may still call it.
  void AddObserver(RequestObserver* observer);
  void RemoveObserver(RequestObserver* observer);

  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

 private:
  friend class Fake;
  explicit Journal(internal::JournalLog* log) : log_(log) {}
  internal::JournalLog* log_;
};

// "#3 AmazonForecast.CreateForecastExportJob -> 400 LimitExceededException".
void PrintTo(const JournalEntry& entry, std::ostream* os);
void PrintTo(const Journal& journal, std::ostream* os);

}  // namespace fakeaws
