// fakeaws-server: the fake behind a localhost endpoint, for clients in any
// language. Prints the endpoint and the environment lines to export, serves
// until SIGTERM or SIGINT (saving the state first with --state), then exits 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace {

constexpr const char* kUsage =
    "usage: fakeaws-server [--host H] [--port P] [--account A] [--region R] [--seed N]\n"
    "                      [--clock virtual|real] [--start TIME] [--state FILE] [--demo]\n"
    "                      [--verify-signatures KEY_ID:SECRET]...\n"
    "  --host H        address to bind (default 127.0.0.1; any other is served as asked)\n"
    "  --port P        port (default 0: a free one, printed at start)\n"
    "  --clock virtual the clock steps 1 s per request (default); real: wall time.\n"
    "                  Either way jobs take seconds, so polling Describe reaches ACTIVE.\n"
    "  --start TIME    where the clock starts, as 2026-01-01T00:00:00Z (default: now);\n"
    "                  pin it for runs that must repeat byte for byte. Answers' Date\n"
    "                  header tells the wall clock whatever the fake's clock says\n"
    "  --state FILE    load the state from FILE at start (when it exists) and save\n"
    "                  it there on SIGTERM/SIGINT\n"
    "  --demo          seed a forecast and a bucket, and print an example command\n"
    "  --verify-signatures KEY_ID:SECRET\n"
    "                  check SigV4 signatures (repeat for more keys); request dates\n"
    "                  are checked against the wall clock, whatever --clock says\n";

struct Flags {
  fakeaws::Options options;
  fakeaws::ListenerOptions listen;
  std::string state_file;
  bool demo = false;
};

int Usage(const std::string& error) {
  std::cerr << "fakeaws-server: " << error << "\n" << kUsage;
  return 2;
}

// Returns an exit code when the flags say to stop (help, bad flag), else -1.
int ParseFlags(int argc, char** argv, Flags* flags) {
  fakeaws::Options& o = flags->options;
  // A black-box client cannot move a virtual clock: by default it steps one
  // second per request and jobs take a few seconds, so polling Describe
  // reaches ACTIVE (DESIGN.md, Determinism).
  o.clock_mode = fakeaws::ClockMode::kStepPerRequest;
  o.clock_step = std::chrono::milliseconds(1000);
  o.lifecycle.create_pending = std::chrono::milliseconds(2000);
  o.lifecycle.create_in_progress = std::chrono::milliseconds(3000);
  o.lifecycle.stopping = std::chrono::milliseconds(2000);
  o.lifecycle.delete_pending = std::chrono::milliseconds(1000);
  o.lifecycle.delete_in_progress = std::chrono::milliseconds(1000);
  // A server someone runs by hand shows today's dates (a bucket's
  // CreationDate, a job's CreationTime), not the library's fixed start.
  o.clock_start = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (flag == "--demo") {
      flags->demo = true;
      continue;
    }
    if (i + 1 >= argc) return Usage("missing value for " + flag);
    const std::string value = argv[++i];
    try {
      size_t used = 0;
      if (flag == "--host") {
        flags->listen.host = value;
        flags->listen.allow_non_loopback = true;  // naming a host is asking explicitly
      } else if (flag == "--port") {
        flags->listen.port = std::stoi(value, &used);
        if (used != value.size() || flags->listen.port < 0 || flags->listen.port > 65535) throw 0;
      } else if (flag == "--account") {
        o.account_id = value;
      } else if (flag == "--region") {
        o.region = value;
      } else if (flag == "--seed") {
        o.seed = std::stoull(value, &used);
        if (used != value.size()) throw 0;
      } else if (flag == "--clock") {
        if (value == "real") {
          o.clock_mode = fakeaws::ClockMode::kReal;
        } else if (value != "virtual") {
          return Usage("--clock is virtual or real");
        }
      } else if (flag == "--start") {
        if (!fakeaws::ParseTimestamp(value, &o.clock_start)) throw 0;
      } else if (flag == "--verify-signatures") {
        const size_t colon = value.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
          return Usage("--verify-signatures is KEY_ID:SECRET");
        }
        o.auth.verify_signatures = true;
        o.auth.credentials[value.substr(0, colon)] = value.substr(colon + 1);
      } else if (flag == "--state") {
        flags->state_file = value;
      } else {
        return Usage("unknown flag " + flag);
      }
    } catch (...) {
      return Usage("bad value for " + flag + ": " + value);
    }
  }
  return -1;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// Written beside the target and renamed over it, so a crash mid-write never
// leaves half a state file.
bool WriteFile(const std::string& path, const std::string& data) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out.write(data.data(), static_cast<std::streamsize>(data.size())) || !out.flush()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

struct Demo {
  std::string forecast_arn;
  std::string bucket = "fakeaws-demo";
};

Demo SeedDemo(fakeaws::Fake& fake) {
  Demo demo;
  fakeaws::ForecastSpec spec;
  spec.name = "demo_forecast";
  spec.series = {{"item_1"}, {"item_2"}, {"item_3"}};
  spec.horizon = 14;
  spec.start_date = fake.options().clock_start;
  demo.forecast_arn = fake.forecast().ForecastArn(spec.name);
  if (!fake.forecast().GetForecast(demo.forecast_arn)) (void)fake.forecast().PutForecast(spec);
  if (!fake.s3().HasBucket(demo.bucket)) (void)fake.s3().CreateBucket(demo.bucket);
  return demo;
}

void PrintDemo(const fakeaws::Fake& fake, const Demo& demo, const std::string& endpoint) {
  const std::string role = "arn:aws:iam::" + fake.options().account_id + ":role/ForecastExportRole";
  const std::string job_arn = "arn:aws:forecast:" + fake.options().region + ":" + fake.options().account_id +
                              ":forecast-export-job/demo_forecast/demo_export";
  std::cout << "# demo: forecast " << demo.forecast_arn << " and bucket " << demo.bucket << ". Try:\n"
            << "aws forecast create-forecast-export-job --endpoint-url " << endpoint
            << " --forecast-export-job-name demo_export --forecast-arn " << demo.forecast_arn
            << " --destination 'S3Config={Path=s3://" << demo.bucket << "/exports/,RoleArn=" << role << "}'\n"
            << "aws forecast describe-forecast-export-job --endpoint-url " << endpoint
            << " --forecast-export-job-arn " << job_arn << "\n"
            << "# once Status is ACTIVE (each request moves the clock one second):\n"
            << "aws s3 ls --endpoint-url " << endpoint << " s3://" << demo.bucket << "/exports/\n"
            << "aws s3 cp --endpoint-url " << endpoint << " --recursive s3://" << demo.bucket
            << "/exports/ ./fakeaws-demo-exports/\n";
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (int code = ParseFlags(argc, argv, &flags); code >= 0) return code;

  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals wait for sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  fakeaws::Fake fake(flags.options);
  bool restored = false;
  if (!flags.state_file.empty()) {
    std::string saved;
    if (ReadFile(flags.state_file, &saved)) {
      auto loaded = fake.Restore(saved);
      if (!loaded.ok()) {
        std::cerr << "fakeaws-server: cannot load " << flags.state_file << ": " << loaded.error().message << "\n";
        return 1;
      }
      // The saved time stays; the clock runs as the flags say.
      fake.clock().set_mode(flags.options.clock_mode, flags.options.clock_step);
      restored = true;
    }
  }
  Demo demo;
  if (flags.demo) demo = SeedDemo(fake);

  fakeaws::Listener listener(fake, flags.listen);
  std::string endpoint;
  try {
    endpoint = listener.Start();
  } catch (const std::exception& e) {
    std::cerr << "fakeaws-server: " << e.what() << "\n";
    return 1;
  }
  std::cout << "fakeaws-server listening on " << endpoint << "\n";
  if (restored) std::cout << "# state loaded from " << flags.state_file << "\n";
  std::cout << "export AWS_ENDPOINT_URL=" << endpoint << "\n"
            << "export AWS_ACCESS_KEY_ID=fakeaws\n"
            << "export AWS_SECRET_ACCESS_KEY=fakeaws\n"
            << "export AWS_DEFAULT_REGION=" << flags.options.region << "\n";
  if (flags.demo) PrintDemo(fake, demo, endpoint);
  // Last, so readers of the lines above (scripts, tests) see them unchanged.
  std::cout << "# the page (journal, resources, S3, forecast plot, faults): " << endpoint << "/_fakeaws/ui\n"
            << std::flush;

  int signal = 0;
  sigwait(&stop_signals, &signal);
  listener.Stop();
  if (!flags.state_file.empty()) {
    auto snapshot = fake.Snapshot();
    if (!snapshot.ok()) {
      std::cerr << "fakeaws-server: cannot save the state: " << snapshot.error().message << "\n";
      return 1;
    }
    if (!WriteFile(flags.state_file, snapshot.value())) {
      std::cerr << "fakeaws-server: cannot write " << flags.state_file << "\n";
      return 1;
    }
  }
  return 0;
}
