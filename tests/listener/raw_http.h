// A client that speaks raw bytes over a plain POSIX socket, so a test sees
// exactly what the listener writes (no client library in between to
// normalize headers or hide a second Content-Length).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "fakeaws/http.h"
#include "fakeaws/options.h"

namespace fakeaws::testing {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port; ok() says whether that worked.
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool ok() const { return fd_ >= 0; }
  bool Send(std::string_view bytes);
  // One response: its head and, unless it is a 1xx or answers a HEAD, the
  // Content-Length bytes of body (or a chunked body up to its empty chunk). "" when nothing complete arrived in time.
  std::string ReadResponse(bool head_request = false,
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // True when the server closes the connection within `timeout` without
  // sending anything more.
  bool ClosedByServer(std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  // Appends whatever arrives within `timeout`; false on timeout or EOF.
  bool Receive(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string pending_;  // bytes read past the last response
  bool eof_ = false;
};

// The request as a client writes it: request line, headers, blank line, body.
std::string RequestBytes(const HttpRequest& request);
// The port of "http://127.0.0.1:40123".
int PortOf(const std::string& endpoint);

// Options whose server time (AuthOptions::server_time, the Date a front end
// shows) stands still at the clock's start: a fake behind a listener and a
// twin answering in process with Fake::Handle then write the same Date, as
// long as neither clock moves.
Options Twinned(Options options = {});

}  // namespace fakeaws::testing
