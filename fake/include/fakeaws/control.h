// The control API: what a test outside C++ needs besides the AWS APIs, as
// HTTP + JSON on the listener's port (fakeaws::Listener and fakeaws-server
// serve it), under a prefix no AWS API uses: S3 bucket names cannot start
// with '_', so no path-style S3 request reaches /_fakeaws/.
//
//   GET  /_fakeaws/health     {"status":"ok","account_id":"...","region":"..."}
//   POST /_fakeaws/reset      back to a new fake's state
//   GET  /_fakeaws/clock      {"now":"2026-01-01T00:00:07Z","mode":"step","step_ms":1000}
//   POST /_fakeaws/clock      {"advance_ms":60000} | {"set":"2026-01-02T00:00:00Z"} |
//                             {"mode":"manual"} (frozen) | {"mode":"step","step_ms":1000} | {"mode":"real"}
//   POST /_fakeaws/forecasts  a forecast to seed, as ForecastSpec in JSON
//                             ({"name":"demand","series":["item_1"],"horizon":14}) -> {"arn":"..."}
//   POST /_fakeaws/buckets    {"name":"exports"}
//   GET  /_fakeaws/state      the whole state (Fake::Snapshot)
//   PUT  /_fakeaws/state      replace it with a document GET returned (Fake::Restore)
//   faults and the journal    src/control/faults_journal.cc
//   read-only views           src/control/state_views.cc (resources, forecast
//                             series and values, buckets, objects, an object)
//   GET  /_fakeaws/ui         a page that shows all of it (src/control/ui/)
//
// Answers are JSON with Content-Type application/json; a refusal is a 4xx
// with {"error":"<type>","message":"..."} (an AWS error's type when the fake
// refused, as ResourceAlreadyExistsException for a second forecast of a name).
// Control requests are not AWS requests: they take no request number, do not
// step the clock and are neither journaled nor subject to faults.
//
// In process the same API is one call: ControlApi(fake).Handle(request).
#pragma once

#include "fakeaws/http.h"

namespace fakeaws {

class Fake;

class ControlApi {
 public:
  explicit ControlApi(Fake& fake) : fake_(fake) {}

  // True for a request to the control API: a path under /_fakeaws/ on a
  // path-style host (not "<bucket>.localhost", where the path is an S3 key).
  static bool Accepts(const HttpRequest& request);
  HttpResponse Handle(const HttpRequest& request);

 private:
  Fake& fake_;
};

}  // namespace fakeaws
