// A localhost HTTP endpoint in front of a Fake, so an unmodified AWS client
// (aws-sdk-cpp, boto3, the AWS CLI) can set its endpoint to it:
//
//   fakeaws::Fake fake;
//   fakeaws::Listener listener(fake);
//   std::string endpoint = listener.Start();   // "http://127.0.0.1:40123"
//
// Forecast and S3 share the one port. Requests go to Fake::Handle and its
// response is written byte for byte as Fake::Handle returned it (status line,
// headers in their order, body): a client over the socket sees exactly what
// an in-process test sees. Paths under /_fakeaws/ reach the control API
// (fakeaws/control.h) instead, unless switched off.
//
// Start() takes about a millisecond; Stop() (or the destructor) returns as
// soon as the requests being answered are done, however many idle
// keep-alive connections clients hold. The Fake must outlive the Listener.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace fakeaws {

class Fake;

struct ListenerOptions {
  // Loopback by default; any other address needs allow_non_loopback.
  std::string host = "127.0.0.1";
  bool allow_non_loopback = false;
  // 0 picks a free ephemeral port (parallel tests never collide).
  int port = 0;
  // Worker threads started with the listener; 0 sizes them for the host.
  // Each connection holds a worker while it is open, so the pool grows by
  // one whenever a connection arrives and every worker is busy.
  size_t threads = 0;
  // Request bodies above this are not read: the request gets the error its
  // service gives a body too large (S3's EntityTooLarge with this as
  // <MaxSizeAllowed>, Coral's bare 413) and the connection closes. A
  // declared size is refused before the body is read, as are sizes over
  // the Fake's own Options::limits; a chunked body once this many bytes of
  // it (framing included) have arrived.
  size_t max_body_bytes = size_t{1} << 30;
  // Connections open at once. One more gets its first request answered with
  // the service's throttling error (S3's 503 SlowDown, Forecast's
  // ThrottlingException "Rate exceeded") and is closed, instead of another
  // worker thread.
  size_t max_connections = 1024;
  // An idle keep-alive connection is closed after this long.
  std::chrono::seconds idle_timeout{60};
  // Serve the control API (reset, clock, seeding, state) under /_fakeaws/.
  bool control_api = true;
};

class Listener {
 public:
  explicit Listener(Fake& fake, ListenerOptions options = {});
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds, starts serving and returns the endpoint ("http://host:port"). The
  // port accepts connections when Start returns. Throws
  // std::invalid_argument for a non-loopback host without
  // allow_non_loopback, std::system_error when the address cannot be bound.
  // Start after Stop serves again (on a new port when options.port is 0).
  std::string Start();
  // Stops accepting, lets the requests being answered finish, closes every
  // connection and joins the threads. Idempotent.
  void Stop();

  // -1 and "" when not serving.
  int port() const;
  std::string endpoint() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakeaws
