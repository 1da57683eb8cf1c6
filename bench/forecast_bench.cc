// Forecast in-process speed: Handle(Describe), Handle(Create), a fresh Fake,
// and an export of 1,000,000 rows (rows/s and peak memory over bytes written).
// Targets (issue #2): Describe <= 2 us, construct+destroy <= 20 us,
// export >= 2M rows/s with peak memory <= 1.5x the bytes written; the same
// export as Parquet >= 1M rows/s (issue 14).
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "fakeaws/fake.h"

namespace {

using fakeaws::Fake;
using fakeaws::HttpRequest;

HttpRequest JsonRequest(const std::string& op, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + op);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = std::move(body);
  return r;
}

std::string CreateBody(const std::string& job, const std::string& forecast_arn, const std::string& format = "CSV") {
  return R"({"ForecastExportJobName":")" + job + R"(","ForecastArn":")" + forecast_arn +
         R"(","Destination":{"S3Config":{"Path":"s3://exports/out","RoleArn":"arn:aws:iam::123456789012:role/R"}},"Format":")" +
         format + R"("})";
}

std::string SeedForecast(Fake& fake, int series, int horizon) {
  fake.s3().CreateBucket("exports");
  fakeaws::ForecastSpec spec;
  spec.name = "demand";
  spec.series.clear();
  for (int i = 0; i < series; ++i) spec.series.emplace_back("item_" + std::to_string(i));
  spec.horizon = horizon;
  return fake.forecast().PutForecast(spec).value();
}

// Arg 1: with the journal on (the default); 0: journal_capacity = 0.
void BM_HandleDescribeForecastExportJob(benchmark::State& state) {
  fakeaws::Options options;
  if (state.range(0) == 0) options.journal_capacity = 0;
  Fake fake(options);
  const std::string forecast = SeedForecast(fake, 1, 1);
  fake.Handle(JsonRequest("CreateForecastExportJob", CreateBody("job", forecast)));
  const HttpRequest describe = JsonRequest(
      "DescribeForecastExportJob",
      R"({"ForecastExportJobArn":")" + fake.forecast().ForecastExportJobArn("demand", "job") + R"("})");
  for (auto _ : state) {
    auto response = fake.Handle(describe);
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_HandleDescribeForecastExportJob)->ArgName("journal")->Arg(1)->Arg(0);

void BM_HandleCreateForecastExportJob(benchmark::State& state) {
  fakeaws::Options options;
  options.quotas.forecast_export_jobs = 1 << 30;
  // A job per iteration; each writes a one-row export.
  Fake fake(options);
  const std::string forecast = SeedForecast(fake, 1, 1);
  int64_t n = 0;
  for (auto _ : state) {
    auto response = fake.Handle(JsonRequest("CreateForecastExportJob", CreateBody("job_" + std::to_string(n++), forecast)));
    benchmark::DoNotOptimize(response);
  }
}
BENCHMARK(BM_HandleCreateForecastExportJob)->Iterations(20000);

void BM_ConstructAndDestroyFake(benchmark::State& state) {
  for (auto _ : state) {
    Fake fake;
    benchmark::DoNotOptimize(&fake);
  }
}
BENCHMARK(BM_ConstructAndDestroyFake);

int64_t ProcStatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) return std::stoll(line.substr(std::string(field).size()));
  }
  return -1;
}

// 10,000 series x 100 days = 1,000,000 rows in one export job, as CSV
// (state.range(0) == 0) or Parquet (1; issue 14: >= 1M rows/s).
void BM_Export1MRows(benchmark::State& state) {
  const std::string format = state.range(0) == 0 ? "CSV" : "PARQUET";
  for (auto _ : state) {
    state.PauseTiming();
    auto fake = std::make_unique<Fake>();
    const std::string forecast = SeedForecast(*fake, 10'000, 100);
    std::ofstream("/proc/self/clear_refs") << "5";  // resets VmHWM to the current RSS
    const int64_t rss_before = ProcStatusKb("VmRSS:");
    state.ResumeTiming();

    fake->Handle(JsonRequest("CreateForecastExportJob", CreateBody("big", forecast, format)));

    state.PauseTiming();
    const int64_t peak = ProcStatusKb("VmHWM:");
    size_t bytes = 0;
    for (const auto& key : fake->s3().ListKeys("exports")) bytes += fake->s3().GetObject("exports", key).value().body.size();
    state.counters["bytes_written"] = static_cast<double>(bytes);
    state.counters["peak_over_written"] = static_cast<double>(peak - rss_before) * 1024.0 / static_cast<double>(bytes);
    fake.reset();
    state.ResumeTiming();
  }
  state.counters["rows/s"] = benchmark::Counter(1e6 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Export1MRows)->ArgName("parquet")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
