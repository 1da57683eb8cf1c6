// A localhost HTTP endpoint in front of a Fake, so an unmodified AWS client
// (aws-sdk-cpp, boto3, the AWS CLI) can set its endpoint to it:
//
//   fakeaws::Fake fake;
//   fakeaws::Listener listener(fake);
//   std::string endpoint = listener.Start();   // "http://127.0.0.1:40123"
//
// Forecast and S3 share the one port. Requests go to Fake::Handle, so a
// client sees the bytes an in-process test sees (over the socket the header
// order is cpp-httplib's, and it adds Keep-Alive). Stop() or the destructor
// ends serving; the Fake must outlive the Listener.
#pragma once

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
  // Worker threads; 0 sizes the pool for the host (at least 8).
  size_t threads = 0;
  // Request bodies above this get 413 before they reach the fake.
  size_t max_body_bytes = size_t{1} << 30;
};

class Listener {
 public:
  explicit Listener(Fake& fake, ListenerOptions options = {});
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Binds, starts serving on a worker thread and returns the endpoint
  // ("http://host:port"). The port accepts connections when Start returns.
  // Throws std::invalid_argument for a non-loopback host without
  // allow_non_loopback, std::system_error when the address cannot be bound.
  std::string Start();
  // Stops accepting, finishes the requests in flight, joins the threads.
  void Stop();

  int port() const;
  std::string endpoint() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakeaws
