// One client connection of the listener, as the httplib::Stream that
// cpp-httplib parses requests from. The listener drives the keep-alive loop
// itself (cpp-httplib 0.11.4's own loop cannot be woken: an idle keep-alive
// connection held Server::stop() for the whole keep-alive timeout), and
// writes each answer's bytes itself, so what a client reads is exactly
// HttpResponse::ToWire() of what Fake::Handle returned. Whatever cpp-httplib
// writes after the handler has answered is discarded.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <httplib.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/http.h"
#include "pipeline/front_door.h"
#include "protocol/call.h"

namespace fakeaws::listener {

// Raised once, when the listener stops: `raised` for a cheap check on the
// hot path, `fd` (an eventfd that stays readable) to wake whoever waits.
struct StopSignal {
  int fd = -1;
  std::atomic<bool> raised{false};
};

class Connection final : public httplib::Stream {
 public:
  Connection(int sock, const StopSignal& stop, std::chrono::milliseconds read_timeout);

  // Waits for the next request's first byte. False when the client closed,
  // the connection sat idle for `idle`, or the listener is stopping.
  bool AwaitRequest(std::chrono::milliseconds idle);
  // Called before each request is parsed.
  void BeginRequest();

  // Writes `response` as Fake::Handle's bytes (no body for HEAD); what
  // cpp-httplib writes for this request afterwards is dropped.
  bool Answer(const HttpResponse& response, bool head);
  // Answers nothing: the connection closes once the handler returns.
  void Drop();
  // Waits a fault's delay (cut short when the listener stops), then drops
  // or answers as `delivery` says.
  void Deliver(const internal::Delivery& delivery, bool head);

  // The request's description, read once from its head by whoever needs it
  // first (screening or serving) and kept until the next request.
  const protocol::Call& Identify(const HttpRequest& head, const internal::FrontDoor& door);
  bool dropped() const { return dropped_; }
  // The connection closes after this request's answer (its body may be
  // unread, so no further request can be found on it).
  void CloseAfterAnswer() { closing_ = true; }
  // Opened while the listener held its maximum of connections: its first
  // request is refused with the service's throttling error.
  void MarkOverCapacity() { over_capacity_ = true; }
  bool over_capacity() const { return over_capacity_; }
  bool closing() const { return closing_ || dropped_; }

  // Past `max_bytes` of this request's body (as framed on the wire), the
  // connection answers refuse(max_bytes + 1), stops reading and closes: for
  // bodies whose size no header declared (Transfer-Encoding: chunked).
  void LimitBody(uint64_t max_bytes, std::function<internal::Delivery(uint64_t)> refuse);

  // A request head (request line and header lines) longer than this is
  // not read on: the connection closes without an answer. Heads under it
  // reach the fake, which answers S3's and Coral's header-size errors.
  static constexpr size_t kMaxHeadBytes = 64 * 1024;

  // The request's header fields as the client sent them: in its order,
  // values byte for byte, empty ones too. cpp-httplib 0.11.4 drops a field
  // whose value is empty (so "Content-MD5:" and "x-amz-meta-a:" vanished)
  // and percent-decodes every value (so "x-amz-meta-a: %41" became "A"),
  // so the adapter takes the fields from here, not from httplib::Request.
  const Headers& head_fields() const { return head_fields_; }
  // What a Range header line is renamed to on its way to cpp-httplib (see
  // Vet in connection.cc).
  static constexpr std::string_view kRangeStandIn = "R~nge";

  // httplib::Stream
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  enum class Phase { kRequestLine, kLineStart, kInLine, kBody };

  // Polls the socket and the stop signal; true when the socket is ready for
  // `events` (and, with stop_first, the listener is not stopping).
  bool Wait(short events, std::chrono::milliseconds timeout, bool stop_first) const;
  // Reads what has already arrived without waiting: 1 bytes read, 0 the
  // client closed, -1 nothing there yet (or an error: `errno` tells).
  int ReadAvailable();
  // Reads more bytes into the buffer; false on EOF, error, timeout or stop.
  bool Fill();
  // Advances vetted_ over the buffered bytes (header rewriting), counting
  // the head's bytes.
  void Vet();
  bool VetStep();
  // MSG_MORE when `more` follows at once.
  bool SendAll(const char* data, size_t size, bool more);
  // The header line in line_ is complete: adds its field to head_fields_.
  void EndHeaderLine();

  static constexpr size_t kBufferSize = 64 * 1024;

  int sock_;
  const StopSignal& stop_;
  std::chrono::milliseconds read_timeout_;
  std::vector<char> buf_;
  size_t begin_ = 0;   // next byte to hand to cpp-httplib
  size_t vetted_ = 0;  // bytes before this may be handed out
  size_t end_ = 0;     // bytes received
  Phase phase_ = Phase::kRequestLine;
  bool line_renamed_ = false;  // the header line in line_ is a Range line, renamed
  std::string line_;           // the header line being vetted, as received
  Headers head_fields_;
  bool answered_ = false;
  bool dropped_ = false;
  bool closing_ = false;
  bool over_capacity_ = false;
  uint64_t head_bytes_ = 0;     // of this request, vetted
  uint64_t handed_bytes_ = 0;   // of this request, handed to cpp-httplib
  uint64_t body_limit_ = UINT64_MAX;
  std::function<internal::Delivery(uint64_t)> refuse_body_;
  std::optional<protocol::Call> call_;
  mutable std::string remote_ip_, local_ip_;
  mutable int remote_port_ = -1, local_port_ = -1;
};

}  // namespace fakeaws::listener
