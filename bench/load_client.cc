// fakeaws_load: a small closed-loop HTTP/1.1 load client for the listener
// benchmarks (bench/listener_vs_moto.py). N keep-alive connections, one
// thread each, send the same raw request again and again for a while and
// count complete answers. Prints one JSON line.
//
//   fakeaws_load --port 4566 --connections 4 --seconds 3 --request request.bin [--expect-status 200]
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Result {
  uint64_t answers = 0;
  uint64_t errors = 0;
  std::vector<uint32_t> latencies_us;
};

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  // A server that stops answering fails the run instead of hanging it.
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  return fd;
}

// Reads one response into `buf` (keeping bytes past it); returns its status,
// or -1 when the connection failed. `close` says the server ends the
// connection after it (moto_server answers every request so).
int ReadResponse(int fd, std::string& buf, bool* close) {
  size_t head_end;
  char chunk[65536];
  while ((head_end = buf.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return -1;
    buf.append(chunk, static_cast<size_t>(n));
  }
  size_t length = 0;
  std::string head = buf.substr(0, head_end);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (const size_t at = head.find("\r\ncontent-length:"); at != std::string::npos) {
    length = std::stoul(head.substr(at + 17, 20));
  }
  *close = head.find("\r\nconnection: close") != std::string::npos;
  const size_t total = head_end + 4 + length;
  while (buf.size() < total) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return -1;
    buf.append(chunk, static_cast<size_t>(n));
  }
  const int status = std::atoi(buf.c_str() + 9);
  buf.erase(0, total);
  return status;
}

void Run(int port, const std::string& request, int expect_status, Clock::time_point start, Clock::time_point end,
         Result* out) {
  int fd = Connect(port);
  std::string buf;
  while (Clock::now() < end) {
    if (fd < 0) {
      ++out->errors;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      fd = Connect(port);
      continue;
    }
    const auto sent = Clock::now();
    size_t off = 0;
    bool ok = true;
    while (off < request.size()) {
      const ssize_t n = ::send(fd, request.data() + off, request.size() - off, MSG_NOSIGNAL);
      if (n <= 0) {
        ok = false;
        break;
      }
      off += static_cast<size_t>(n);
    }
    bool close = false;
    const int status = ok ? ReadResponse(fd, buf, &close) : -1;
    if (close && status >= 0) {
      ::close(fd);
      fd = Connect(port);
      buf.clear();
    }
    if (status < 0) {
      ::close(fd);
      fd = -1;
      buf.clear();
      ++out->errors;
      continue;
    }
    if (sent < start) continue;  // warm-up
    if (status != expect_status) ++out->errors;
    ++out->answers;
    out->latencies_us.push_back(static_cast<uint32_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent).count()));
  }
  if (fd >= 0) ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  int port = 0, connections = 1, expect_status = 200;
  double seconds = 3, warmup = 0.5;
  std::string request_file;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--port") port = std::stoi(value);
    else if (flag == "--connections") connections = std::stoi(value);
    else if (flag == "--seconds") seconds = std::stod(value);
    else if (flag == "--warmup") warmup = std::stod(value);
    else if (flag == "--request") request_file = value;
    else if (flag == "--expect-status") expect_status = std::stoi(value);
  }
  std::ifstream in(request_file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string request = ss.str();
  if (port <= 0 || request.empty()) {
    std::cerr << "usage: fakeaws_load --port P --connections N --seconds S --request FILE [--expect-status 200]\n";
    return 2;
  }
  const auto start = Clock::now() + std::chrono::microseconds(static_cast<int64_t>(warmup * 1e6));
  const auto end = start + std::chrono::microseconds(static_cast<int64_t>(seconds * 1e6));
  std::vector<Result> results(static_cast<size_t>(connections));
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back(Run, port, std::cref(request), expect_status, start, end, &results[static_cast<size_t>(c)]);
  }
  for (auto& t : threads) t.join();
  uint64_t answers = 0, errors = 0;
  std::vector<uint32_t> all;
  for (auto& r : results) {
    answers += r.answers;
    errors += r.errors;
    all.insert(all.end(), r.latencies_us.begin(), r.latencies_us.end());
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0u : all[static_cast<size_t>(p * (all.size() - 1))]; };
  std::printf("{\"connections\":%d,\"seconds\":%.3f,\"answers\":%llu,\"errors\":%llu,\"rps\":%.1f,"
              "\"p50_us\":%u,\"p99_us\":%u,\"max_us\":%u}\n",
              connections, seconds, static_cast<unsigned long long>(answers), static_cast<unsigned long long>(errors),
              static_cast<double>(answers) / seconds, pct(0.5), pct(0.99), all.empty() ? 0u : all.back());
  return 0;
}
