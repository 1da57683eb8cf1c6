// How front ends (fakeaws::Listener, the aws-sdk-cpp HTTP client,
// fakeaws-server) reach a Fake: the wire entry point with what a connection
// needs beyond the bytes, and the time their clients are told.
//
// Over a front end a real client sees the answer, and real clients correct
// their clocks by its Date (aws-sdk-cpp resends a request after a Date more
// than 4 minutes from its own; the JavaScript SDK shifts its
// systemClockOffset). So the Date a front end's client gets is the time its
// signature is checked against: AuthOptions::server_time, else the wall
// clock. Everything else (CreationTime, Last-Modified, export file names)
// stays on the fake's clock, and Fake::Handle in process keeps the fake's
// clock in Date too, so its bytes are deterministic.
#pragma once

#include <chrono>
#include <cstdint>

#include "fakeaws/fake.h"
#include "fakeaws/http.h"
#include "protocol/call.h"

namespace fakeaws::internal {

struct Core;

// Why a front end answers a request it did not read in full.
struct Refusal {
  enum Kind {
    kBodyTooLarge,        // the body is, or is declared to be, over the front end's limit
    kTooManyConnections,  // the front end holds as many connections as it may
  };
  Kind kind = kBodyTooLarge;
  uint64_t body_bytes = 0;      // kBodyTooLarge: the declared (or so far received) size
  uint64_t max_body_bytes = 0;  // kBodyTooLarge: the limit
};

// An answer and how a connection delivers it.
struct Delivery {
  HttpResponse response;  // status 0 when the connection drops unanswered
  // A latency fault: wait this long before answering (or dropping).
  std::chrono::milliseconds delay{0};
  // A fault closes the connection without an answer.
  bool drop_connection = false;
};

// Which time an answer's Date tells.
enum class DateFrom { kFakeClock, kServerTime };

class FrontDoor {
 public:
  explicit FrontDoor(Fake& fake);

  // Reads a request's head, once: Serve and Refuse take the result.
  protocol::Call Identify(const HttpRequest& head) const { return protocol::IdentifyCall(head); }
  // The fake refuses the request by its head alone (a size it declares, a
  // Content-Length that is no number): answer Serve(head) without reading
  // the body.
  bool AnsweredByHead(const protocol::Call& call, const HttpRequest& head) const;

  Delivery Serve(HttpRequest request, protocol::Call call) const;
  // Answers `head`, a request without its body, as the service it addresses
  // refuses it. A body too large is S3's EntityTooLarge (<ProposedSize>
  // body_bytes, <MaxSizeAllowed> max_body_bytes) or Coral's bare 413; too
  // many connections is S3's 503 SlowDown or Forecast's ThrottlingException
  // "Rate exceeded". Numbered, journaled and faulted like any request.
  Delivery Refuse(HttpRequest head, protocol::Call call, const Refusal& refusal) const;

  // The fake's insides, for the control API's views (the page under
  // /_fakeaws/ui): journal pages, armed rules, every Forecast resource and
  // S3 listings with sizes, none of which a test author needs in the public
  // headers.
  Core& core() const { return core_; }

 private:
  Core& core_;
};

// The pipeline behind every door: clock, request number, faults, the
// service, the journal. `refusal` (may be null) answers for a front end.
Delivery Answer(Core& core, HttpRequest request, protocol::Call call, const Refusal* refusal, DateFrom date);

}  // namespace fakeaws::internal
