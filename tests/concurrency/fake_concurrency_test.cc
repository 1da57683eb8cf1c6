// One Fake, many threads: the promise that a Fake is safe for concurrent use
// (fake.h). Run under TSan by scripts/sanitize.sh.
#include <atomic>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

HttpRequest Json(const std::string& op, const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + op);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body;
  return r;
}

TEST(FakeConcurrencyTest, ThreadsCreateDescribeListAndDeleteWithoutLosingAnything) {
  Options options;
  options.quotas.concurrent_forecast_export_jobs = 1 << 20;
  options.quotas.forecast_export_jobs = 1 << 20;
  options.lifecycle = LifecycleDurations::Observable();
  Fake fake(options);
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  ForecastSpec spec;
  spec.name = "demand";
  const std::string forecast = fake.forecast().PutForecast(spec).value();

  constexpr int kThreads = 8;
  constexpr int kJobsPerThread = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kJobsPerThread; ++i) {
        const std::string job = "job_" + std::to_string(t) + "_" + std::to_string(i);
        auto created = fake.Handle(Json(
            "CreateForecastExportJob", R"({"ForecastExportJobName":")" + job + R"(","ForecastArn":")" + forecast +
                                           R"(","Destination":{"S3Config":{"Path":"s3://exports/)" + job +
                                           R"(","RoleArn":"arn:aws:iam::123456789012:role/R"}}})"));
        if (created.status != 200) ++failures;
        const std::string arn = fake.forecast().ForecastExportJobArn("demand", job);
        if (fake.Handle(Json("DescribeForecastExportJob", R"({"ForecastExportJobArn":")" + arn + R"("})")).status != 200) {
          ++failures;
        }
        if (fake.Handle(Json("ListForecastExportJobs", R"({"MaxResults":5})")).status != 200) ++failures;
        if (!fake.s3().PutObject("exports", "side/" + job, std::string(100 + i, 'x')).ok()) ++failures;
        if (i % 10 == 0) fake.clock().Advance(std::chrono::minutes(1));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);

  fake.clock().Advance(std::chrono::hours(1));  // every job finishes
  const auto jobs = fake.forecast().ListForecastExportJobs();
  ASSERT_EQ(jobs.size(), static_cast<size_t>(kThreads * kJobsPerThread));
  for (const auto& job : jobs) {
    EXPECT_EQ(job.status, "ACTIVE") << job.arn;
    EXPECT_EQ(job.exported_objects.size(), 4u) << job.arn;  // four parts per export
  }
  EXPECT_EQ(fake.s3().ListKeys("exports", "side/").size(), static_cast<size_t>(kThreads * kJobsPerThread));
}

TEST(FakeConcurrencyTest, TwoFakesShareNothing) {
  Fake a, b;
  ASSERT_THAT(a.s3().CreateBucket("only-in-a"), IsOk());
  EXPECT_FALSE(b.s3().HasBucket("only-in-a"));
  std::thread ta([&] { for (int i = 0; i < 200; ++i) a.clock().Advance(std::chrono::seconds(1)); });
  std::thread tb([&] { for (int i = 0; i < 200; ++i) b.s3().PutObject("x", "k", "v"); });
  ta.join();
  tb.join();
  EXPECT_EQ(b.clock().Now(), Options().clock_start);
}

}  // namespace
}  // namespace fakeaws
