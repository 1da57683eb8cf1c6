#include "listener/connection.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace fakeaws::listener {
namespace {

// Bodies up to this size go out in the same send as the head.
constexpr size_t kCoalesceLimit = 16 * 1024;

void AddressOf(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

}  // namespace

Connection::Connection(int sock, const StopSignal& stop, std::chrono::milliseconds read_timeout)
    : sock_(sock), stop_(stop), read_timeout_(read_timeout), buf_(kBufferSize) {}

bool Connection::Wait(short events, std::chrono::milliseconds timeout, bool stop_first) const {
  pollfd fds[2] = {{sock_, events, 0}, {stop_.fd, POLLIN, 0}};
  for (;;) {
    const int n = ::poll(fds, 2, static_cast<int>(timeout.count()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    const bool stopping = fds[1].revents != 0;
    const bool ready = fds[0].revents != 0;
    return stop_first ? !stopping && ready : ready;
  }
}

bool Connection::AwaitRequest(std::chrono::milliseconds idle) {
  // Once the listener stops, no new request starts, even one already sent.
  if (stop_.raised.load(std::memory_order_relaxed)) return false;
  if (begin_ < end_) return true;  // a pipelining client's next request
  // A busy client has usually sent its next request already: take it
  // without a poll. Only an idle connection waits (and wakes on Stop).
  const int got = ReadAvailable();
  if (got >= 0) return got > 0;
  if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
  return Wait(POLLIN, idle, /*stop_first=*/true);
}

int Connection::ReadAvailable() {
  if (end_ == buf_.size()) {
    if (begin_ == 0) {
      errno = ENOBUFS;  // a head line longer than the buffer
      return -1;
    }
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    vetted_ -= begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  for (;;) {
    const ssize_t n = ::recv(sock_, buf_.data() + end_, buf_.size() - end_, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    end_ += static_cast<size_t>(n);
    return n > 0 ? 1 : 0;
  }
}

void Connection::BeginRequest() {
  // Bytes already buffered but not handed out belong to this request (a
  // pipelining client): vet them again as its head.
  vetted_ = begin_;
  phase_ = Phase::kRequestLine;
  line_renamed_ = false;
  line_.clear();
  head_fields_ = Headers();
  answered_ = false;
  head_bytes_ = handed_bytes_ = 0;
  body_limit_ = UINT64_MAX;
  refuse_body_ = nullptr;
  call_.reset();
}

const protocol::Call& Connection::Identify(const HttpRequest& head, const internal::FrontDoor& door) {
  if (!call_) call_ = door.Identify(head);
  return *call_;
}

void Connection::LimitBody(uint64_t max_bytes, std::function<internal::Delivery(uint64_t)> refuse) {
  body_limit_ = max_bytes;
  refuse_body_ = std::move(refuse);
}

// cpp-httplib 0.11.4 parses a Range header before any handler runs and
// answers a range it cannot parse (bytes=5-2, bytes=x) with its own bare 416,
// where S3 ignores the header and sends the whole object. So a Range header
// line reaches cpp-httplib renamed to kRangeStandIn, same length, in place;
// the adapter restores the name and the fake decides. Only the head of each
// request is rewritten, never its body.
void Connection::Vet() {
  while (vetted_ < end_) {
    const bool head = phase_ != Phase::kBody;
    const size_t before = vetted_;
    const bool more = VetStep();
    if (head) head_bytes_ += vetted_ - before;
    if (!more) return;
  }
}

// One step of Vet: false when it needs more bytes (or reached the body).
bool Connection::VetStep() {
  constexpr std::string_view kRange = "range:";
  switch (phase_) {
    case Phase::kBody:
      vetted_ = end_;
      return false;
    case Phase::kRequestLine:
    case Phase::kInLine: {
      const size_t start = vetted_;
      const void* nl = std::memchr(&buf_[vetted_], '\n', end_ - vetted_);
      vetted_ = nl == nullptr ? end_ : static_cast<size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
      // A head past kMaxHeadBytes is dropped unanswered (read()), so no
      // more of a line than that is kept.
      if (phase_ == Phase::kInLine && line_.size() < kMaxHeadBytes) line_.append(&buf_[start], vetted_ - start);
      if (nl == nullptr) return false;
      if (phase_ == Phase::kInLine) EndHeaderLine();
      phase_ = Phase::kLineStart;
      return true;
    }
    case Phase::kLineStart: {
      const char c = buf_[vetted_];
      if (c == '\n' || c == '\r') {
        // The empty line that ends the head (CRLF, or a bare LF).
        if (c == '\r' && vetted_ + 1 >= end_) return false;  // need the LF to decide
        const bool crlf = c == '\r' && buf_[vetted_ + 1] == '\n';
        vetted_ += c == '\n' ? 1 : crlf ? 2 : 0;
        phase_ = (c == '\n' || crlf) ? Phase::kBody : Phase::kInLine;
        return true;
      }
      const size_t have = std::min(kRange.size(), end_ - vetted_);
      bool prefix = true;
      for (size_t i = 0; i < have && prefix; ++i) {
        prefix = std::tolower(static_cast<unsigned char>(buf_[vetted_ + i])) == kRange[i];
      }
      if (prefix && have < kRange.size()) return false;  // need more bytes to decide
      if (prefix) std::memcpy(&buf_[vetted_], kRangeStandIn.data(), kRangeStandIn.size());
      line_renamed_ = prefix;
      line_.clear();
      phase_ = Phase::kInLine;
      return true;
    }
  }
  return false;
}

// RFC 9110 §5.5: the value is what follows the colon, without the optional
// whitespace around it; everything else is kept as sent.
void Connection::EndHeaderLine() {
  std::string_view line = line_;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // cpp-httplib refuses the request
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  std::string name(line.substr(0, colon));
  if (line_renamed_) name = "Range";
  head_fields_.Add(std::move(name), std::string(value));
}

bool Connection::Fill() {
  const int got = ReadAvailable();
  if (got >= 0) return got > 0;
  if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
  // Bytes the client already sent are read even while stopping, so a
  // request in flight completes; a client that stalls does not hold Stop.
  if (!Wait(POLLIN, read_timeout_, /*stop_first=*/false)) return false;
  return ReadAvailable() > 0;
}

ssize_t Connection::read(char* ptr, size_t size) {
  if (closing_) return -1;
  for (;;) {
    Vet();
    if (begin_ < vetted_) break;
    if (!Fill()) return -1;
  }
  if (head_bytes_ > kMaxHeadBytes) {
    // No AWS answer is known for a head this long (S3 stops at 8 KiB and
    // the fake says so below this); cpp-httplib's own answer is dropped.
    Drop();
    return -1;
  }
  size_t n = std::min(size, vetted_ - begin_);
  if (phase_ == Phase::kBody && refuse_body_) {
    const uint64_t body_before = handed_bytes_ > head_bytes_ ? handed_bytes_ - head_bytes_ : 0;
    const uint64_t head_left = head_bytes_ > handed_bytes_ ? head_bytes_ - handed_bytes_ : 0;
    if (body_before + (n > head_left ? n - head_left : 0) > body_limit_) {
      // How much more arrived depends on the network; the answer does not.
      Deliver(refuse_body_(body_limit_ + 1), /*head=*/false);
      closing_ = true;
      return -1;
    }
  }
  handed_bytes_ += n;
  std::memcpy(ptr, buf_.data() + begin_, n);
  begin_ += n;
  if (begin_ == end_) begin_ = vetted_ = end_ = 0;
  return static_cast<ssize_t>(n);
}

bool Connection::is_readable() const {
  return begin_ < end_ || Wait(POLLIN, read_timeout_, /*stop_first=*/false);
}

bool Connection::is_writable() const { return Wait(POLLOUT, read_timeout_, /*stop_first=*/false); }

bool Connection::SendAll(const char* data, size_t size, bool more) {
  while (size > 0) {
    const ssize_t n = ::send(sock_, data, size, MSG_NOSIGNAL | (more ? MSG_MORE : 0));
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        if (!Wait(POLLOUT, read_timeout_, /*stop_first=*/false)) return false;
        continue;
      }
      return false;
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

ssize_t Connection::write(const char* ptr, size_t size) {
  // After our own answer (or a drop), cpp-httplib's copy of it goes nowhere.
  if (answered_ || dropped_) return static_cast<ssize_t>(size);
  return SendAll(ptr, size, false) ? static_cast<ssize_t>(size) : -1;
}

bool Connection::Answer(const HttpResponse& response, bool head) {
  answered_ = true;
  if (!head && response.body.size() <= kCoalesceLimit) {
    const std::string wire = response.ToWire();
    return SendAll(wire.data(), wire.size(), false);
  }
  // The head from the same ToWire, without copying a large body into it.
  HttpResponse head_only;
  head_only.status = response.status;
  head_only.headers = response.headers;
  const std::string wire = head_only.ToWire();
  if (head || response.body.empty()) return SendAll(wire.data(), wire.size(), false);
  return SendAll(wire.data(), wire.size(), true) &&
         SendAll(response.body.data(), response.body.size(), false);
}

void Connection::Drop() { dropped_ = true; }

void Connection::Deliver(const internal::Delivery& delivery, bool head) {
  if (delivery.delay.count() > 0) {
    pollfd fd{stop_.fd, POLLIN, 0};
    while (::poll(&fd, 1, static_cast<int>(delivery.delay.count())) < 0 && errno == EINTR) {
    }
  }
  if (delivery.drop_connection) {
    Drop();
    return;
  }
  Answer(delivery.response, head);
}

// cpp-httplib asks for both addresses on every request; a connection's
// addresses do not change, so each is looked up once.
void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
  if (remote_port_ < 0) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    AddressOf(addr, remote_ip_, remote_port_);
  }
  ip = remote_ip_;
  port = remote_port_;
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
  if (local_port_ < 0) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    AddressOf(addr, local_ip_, local_port_);
  }
  ip = local_ip_;
  port = local_port_;
}

}  // namespace fakeaws::listener
