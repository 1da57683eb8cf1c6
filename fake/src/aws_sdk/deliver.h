// The one place where the aws-sdk-cpp front end calls into the fake.
#pragma once

#include <chrono>

#include "fakeaws/http.h"

namespace fakeaws {
class Fake;
}

namespace fakeaws::aws_sdk {

// What a client would receive for a request, had it come over a socket: the
// response, how long it would wait for it, or no response at all.
struct Delivery {
  HttpResponse response;
  std::chrono::milliseconds delay{0};
  bool drop_connection = false;
};

// Serves `request` as the listener serves one: numbered, faulted, journaled.
// (Today through Fake::Handle and the response's fault fields; the pipeline's
// front door replaces both when it lands.)
Delivery Deliver(Fake& fake, HttpRequest request);

}  // namespace fakeaws::aws_sdk
