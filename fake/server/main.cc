// fakeaws-server: the fake behind a localhost endpoint, for clients in any
// language. Prints the endpoint and the environment lines to export, serves
// until SIGTERM or SIGINT, then exits 0.
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

int Usage(const char* error) {
  if (error) std::cerr << "fakeaws-server: " << error << "\n";
  std::cerr << "usage: fakeaws-server [--host H] [--port P] [--account A] [--region R] [--seed N]\n"
               "                      [--clock virtual|real]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fakeaws::Options options;
  // A black-box client cannot move a virtual clock: by default the clock
  // steps one second per request and jobs take a few seconds, so polling
  // Describe reaches ACTIVE (DESIGN.md, Determinism).
  options.clock_mode = fakeaws::ClockMode::kStepPerRequest;
  options.clock_step = std::chrono::milliseconds(1000);
  options.lifecycle.create_pending = std::chrono::milliseconds(2000);
  options.lifecycle.create_in_progress = std::chrono::milliseconds(3000);
  options.lifecycle.stopping = std::chrono::milliseconds(2000);
  options.lifecycle.delete_pending = std::chrono::milliseconds(1000);
  options.lifecycle.delete_in_progress = std::chrono::milliseconds(1000);
  fakeaws::ListenerOptions listen;

  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") return Usage(nullptr), 0;
    if (i + 1 >= argc) return Usage(("missing value for " + flag).c_str());
    const std::string value = argv[++i];
    try {
      if (flag == "--host") {
        listen.host = value;
        listen.allow_non_loopback = true;  // asking for a host is asking explicitly
      } else if (flag == "--port") {
        listen.port = std::stoi(value);
      } else if (flag == "--account") {
        options.account_id = value;
      } else if (flag == "--region") {
        options.region = value;
      } else if (flag == "--seed") {
        options.seed = std::stoull(value);
      } else if (flag == "--clock") {
        if (value == "real") options.clock_mode = fakeaws::ClockMode::kReal;
        else if (value != "virtual") return Usage("--clock is virtual or real");
      } else {
        return Usage(("unknown flag " + flag).c_str());
      }
    } catch (const std::exception&) {
      return Usage(("bad value for " + flag).c_str());
    }
  }

  fakeaws::Fake fake(options);
  fakeaws::Listener listener(fake, listen);
  std::string endpoint;
  try {
    endpoint = listener.Start();
  } catch (const std::exception& e) {
    std::cerr << "fakeaws-server: " << e.what() << "\n";
    return 1;
  }
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);

  std::cout << "fakeaws-server listening on " << endpoint << "\n"
            << "export AWS_ENDPOINT_URL=" << endpoint << "\n"
            << "export AWS_ACCESS_KEY_ID=fakeaws\n"
            << "export AWS_SECRET_ACCESS_KEY=fakeaws\n"
            << "export AWS_DEFAULT_REGION=" << options.region << "\n"
            << std::flush;
  while (!g_stop) {
    struct timespec ts{0, 50'000'000};
    nanosleep(&ts, nullptr);
  }
  listener.Stop();
  return 0;
}
