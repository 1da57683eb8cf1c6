#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>

namespace fakeaws::testing {
namespace {

// The Content-Length of a response head, or 0.
size_t ContentLength(std::string_view head) {
  size_t pos = 0;
  while ((pos = head.find("\r\n", pos)) != std::string_view::npos) {
    pos += 2;
    constexpr std::string_view kName = "content-length:";
    if (head.size() - pos < kName.size()) break;
    bool match = true;
    for (size_t i = 0; i < kName.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(head[pos + i])) == kName[i];
    }
    if (match) return std::stoul(std::string(head.substr(pos + kName.size(), 20)));
  }
  return 0;
}

}  // namespace

RawConnection::RawConnection(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawConnection::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool RawConnection::Receive(std::chrono::steady_clock::time_point deadline) {
  if (eof_) return false;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buf[65536];
  const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  pending_.append(buf, static_cast<size_t>(n));
  return true;
}

std::string RawConnection::ReadResponse(bool head_request, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!Receive(deadline)) return "";
  }
  const size_t head_size = end + 4;
  const bool informational = pending_.compare(0, 10, "HTTP/1.1 1") == 0;
  size_t body = head_request || informational ? 0 : ContentLength(std::string_view(pending_).substr(0, end + 2));
  // A chunked answer (Coral's bare refusals send only the last chunk):
  // read to the empty chunk that ends it.
  if (!head_request && pending_.substr(0, head_size).find("\r\nTransfer-Encoding: chunked\r\n") != std::string::npos) {
    size_t last;
    while ((last = pending_.find("0\r\n\r\n", head_size)) == std::string::npos) {
      if (!Receive(deadline)) return "";
    }
    body = last + 5 - head_size;
  }
  while (pending_.size() < head_size + body) {
    if (!Receive(deadline)) return "";
  }
  std::string response = pending_.substr(0, head_size + body);
  pending_.erase(0, head_size + body);
  return response;
}

bool RawConnection::ClosedByServer(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Receive(deadline)) {
  }
  return eof_ && pending_.empty();
}

std::string RequestBytes(const HttpRequest& request) {
  std::string out = request.method + " " + request.target + " HTTP/1.1\r\n";
  for (const auto& f : request.headers) out += f.name + ": " + f.value + "\r\n";
  return out + "\r\n" + request.body;
}

int PortOf(const std::string& endpoint) { return std::stoi(endpoint.substr(endpoint.rfind(':') + 1)); }

Options Twinned(Options options) {
  options.auth.server_time = [t = options.clock_start] { return t; };
  return options;
}

}  // namespace fakeaws::testing
