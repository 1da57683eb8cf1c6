// The listener in process: time from nothing to the first answered request
// (a Fake built, a Listener started, a client connected, a Describe
// answered), and the time Stop() takes while 16 clients hold idle
// keep-alive connections. Each is the median of 20 runs, in microseconds,
// printed as JSON for bench/listener_vs_moto.py.
// Target (issue #4): start <= 5 ms in process.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::string kDescribe =
    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonForecast.ListForecasts\r\n"
    "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}";

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
  return fd;
}

// Sends the request and reads until the (small) answer is complete.
bool RoundTrip(int fd) {
  if (::send(fd, kDescribe.data(), kDescribe.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(kDescribe.size())) {
    return false;
  }
  std::string got;
  char buf[4096];
  while (got.find("}") == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    got.append(buf, static_cast<size_t>(n));
  }
  return got.compare(0, 12, "HTTP/1.1 200") == 0;
}

int64_t Micros(Clock::duration d) { return std::chrono::duration_cast<std::chrono::microseconds>(d).count(); }

int64_t Median(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main() {
  constexpr int kRuns = 20;
  std::vector<int64_t> start_only, first_answer, stop_idle;
  for (int run = 0; run < kRuns; ++run) {
    const auto t0 = Clock::now();
    fakeaws::Fake fake;
    fakeaws::Listener listener(fake);
    const std::string endpoint = listener.Start();
    const auto t1 = Clock::now();
    const int fd = Connect(listener.port());
    if (fd < 0 || !RoundTrip(fd)) return 1;
    const auto t2 = Clock::now();
    start_only.push_back(Micros(t1 - t0));
    first_answer.push_back(Micros(t2 - t0));
    ::close(fd);
  }
  for (int run = 0; run < kRuns; ++run) {
    fakeaws::Fake fake;
    fakeaws::Listener listener(fake);
    listener.Start();
    std::vector<int> clients;
    for (int c = 0; c < 16; ++c) {
      clients.push_back(Connect(listener.port()));
      if (clients.back() < 0 || !RoundTrip(clients.back())) return 1;
    }
    const auto t0 = Clock::now();
    listener.Stop();
    stop_idle.push_back(Micros(Clock::now() - t0));
    for (int fd : clients) ::close(fd);
  }
  std::printf("{\"runs\":%d,\"start_us\":%lld,\"start_to_first_answer_us\":%lld,\"stop_with_16_idle_us\":%lld}\n",
              kRuns, static_cast<long long>(Median(start_only)), static_cast<long long>(Median(first_answer)),
              static_cast<long long>(Median(stop_idle)));
  return 0;
}
