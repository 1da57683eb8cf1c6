// 16 clients hammer one fake through the listener with a mix of Forecast and
// S3 calls for a bounded time (FAKEAWS_STRESS_SECONDS, default 4). Afterwards
// every object's bytes and every export job's state equal those of a
// single-threaded replay of the journal, and no request got a 5xx (nothing is
// injected here). Each client owns its keys and job names, so the order of
// requests across clients cannot change the outcome.
#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace fakeaws {
namespace {

constexpr int kClients = 16;

Options StressOptions() {
  Options o;
  o.journal_capacity = 10'000'000;
  o.quotas.forecast_export_jobs = 1 << 30;
  o.quotas.concurrent_forecast_export_jobs = 1 << 30;
  o.export_layout.parts = 2;
  return o;
}

std::string CreateJobBody(const std::string& job, const std::string& forecast_arn) {
  return R"({"ForecastExportJobName":")" + job + R"(","ForecastArn":")" + forecast_arn +
         R"(","Destination":{"S3Config":{"Path":"s3://exports/)" + job +
         R"(","RoleArn":"arn:aws:iam::123456789012:role/R"}}})";
}

struct Totals {
  std::atomic<uint64_t> requests{0};
  std::atomic<uint64_t> bytes{0};
  std::atomic<uint64_t> server_errors{0};
  std::atomic<uint64_t> transport_errors{0};
  std::atomic<uint64_t> wrong_bytes{0};
};

void RunClient(int id, const std::string& host, int port, const std::string& forecast_arn,
               std::chrono::steady_clock::time_point until, Totals* totals) {
  httplib::Client client(host, port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as the listener: no 40 ms delayed-ACK stalls
  std::mt19937_64 rng(static_cast<uint64_t>(id) * 7919);
  std::map<std::string, std::string> mine;  // the objects this client believes exist
  auto forecast = [&](const std::string& op, const std::string& body) {
    httplib::Headers h = {{"X-Amz-Target", "AmazonForecast." + op}};
    return client.Post("/", h, body, "application/x-amz-json-1.1");
  };
  int jobs = 0;
  while (std::chrono::steady_clock::now() < until) {
    const std::string key = "c" + std::to_string(id) + "/k" + std::to_string(rng() % 20);
    const int kind = static_cast<int>(rng() % 8);
    std::string put_body;
    httplib::Result r = [&]() -> httplib::Result {
      switch (kind) {
        case 0:
        case 1:  // PutObject of a random size, up to 64 KiB
          put_body.resize(rng() % 65536);
          for (auto& c : put_body) c = static_cast<char>('a' + rng() % 26);
          return client.Put(("/data/" + key).c_str(), put_body, "application/octet-stream");
        case 2:
          return client.Get(("/data/" + key).c_str());
        case 3:
          return client.Delete(("/data/" + key).c_str());
        case 4:
          return client.Get(("/data?list-type=2&prefix=c" + std::to_string(id) + "/").c_str());
        case 5: {
          const std::string job = "job_" + std::to_string(id) + "_" + std::to_string(jobs++);
          return forecast("CreateForecastExportJob", CreateJobBody(job, forecast_arn));
        }
        case 6:
          return forecast("ListForecastExportJobs", R"({"MaxResults":10})");
        default: {
          const std::string arn = "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/job_" +
                                  std::to_string(id) + "_" + std::to_string(jobs ? rng() % jobs : 0);
          return forecast(rng() % 2 ? "DescribeForecastExportJob" : "DeleteForecastExportJob",
                          R"({"ForecastExportJobArn":")" + arn + R"("})");
        }
      }
    }();
    if (!r) {
      ++totals->transport_errors;
      continue;
    }
    ++totals->requests;
    if (r->status >= 500) ++totals->server_errors;
    if (kind <= 1 && r->status == 200) {
      mine[key] = put_body;
      totals->bytes += put_body.size();
    } else if (kind == 2) {
      // GetObject answers the bytes this client put last, or NoSuchKey.
      const bool expected = mine.count(key) > 0;
      if ((r->status == 200) != expected || (expected && r->body != mine[key])) ++totals->wrong_bytes;
    } else if (kind == 3 && r->status == 204) {
      mine.erase(key);
    }
  }
}

// The state a test can observe: every object's bytes, every job's status and files.
std::map<std::string, std::string> Observe(Fake& fake) {
  std::map<std::string, std::string> state;
  for (const std::string bucket : {"data", "exports"}) {
    for (const auto& key : fake.s3().ListKeys(bucket)) {
      state["s3://" + bucket + "/" + key] = fake.s3().GetObject(bucket, key).value().body;
    }
  }
  for (const auto& job : fake.forecast().ListForecastExportJobs()) {
    std::string files;
    for (const auto& f : job.exported_objects) files += f + ";";
    state[job.arn] = job.status + " " + files;
  }
  return state;
}

void Seed(Fake& fake) {
  fake.s3().CreateBucket("data");
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "demand";
  spec.series = {{"a"}, {"b"}, {"c"}};
  fake.forecast().PutForecast(spec);
}

TEST(ListenerStressTest, SixteenClientsLoseNothingAndMatchASingleThreadedReplay) {
  const char* env = std::getenv("FAKEAWS_STRESS_SECONDS");
  const int seconds = env ? std::atoi(env) : 4;
  Fake fake(StressOptions());
  Seed(fake);
  ListenerOptions lo;
  lo.threads = kClients;
  Listener listener(fake, lo);
  listener.Start();

  Totals totals;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back(RunClient, i, "127.0.0.1", listener.port(), fake.forecast().ForecastArn("demand"), until,
                         &totals);
  }
  for (auto& c : clients) c.join();
  listener.Stop();

  EXPECT_EQ(totals.server_errors.load(), 0u);
  EXPECT_EQ(totals.transport_errors.load(), 0u);
  EXPECT_EQ(totals.wrong_bytes.load(), 0u);
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(fake.journal().dropped(), 0u);
  EXPECT_EQ(entries.size(), totals.requests.load());
  RecordProperty("requests", std::to_string(totals.requests.load()));
  RecordProperty("bytes_put", std::to_string(totals.bytes.load()));
  std::cout << "[ stress ] " << totals.requests.load() << " requests, " << totals.bytes.load()
            << " bytes put, 0 lost\n";

  // Replay in arrival order on a fresh fake with the same options.
  Fake replay(StressOptions());
  Seed(replay);
  for (const auto& e : entries) {
    HttpRequest request = e.request;
    ASSERT_FALSE(e.request_body_truncated) << "raise kBodyLimit for the replay";
    replay.Handle(std::move(request));
  }
  EXPECT_EQ(Observe(replay), Observe(fake));
}

}  // namespace
}  // namespace fakeaws
