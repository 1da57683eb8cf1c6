// What the journal and the fault layer cost per request, and what a journal
// matcher costs on a full journal. Run: build/bench/fakeaws_journal_faults_bench
#include <benchmark/benchmark.h>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace {

fakeaws::HttpRequest Describe() {
  fakeaws::HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast.DescribeForecast");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand"})";
  return r;
}

// Arg 0: journal capacity; arg 1: fault rules armed that never match.
void BM_HandleDescribeForecast(benchmark::State& state) {
  fakeaws::Options options;
  options.journal_capacity = static_cast<size_t>(state.range(0));
  fakeaws::Fake fake(options);
  fakeaws::ForecastSpec spec;
  spec.name = "demand";
  fake.forecast().PutForecast(spec);
  for (int i = 0; i < state.range(1); ++i) {
    fake.faults().Arm(fakeaws::FaultRule::Error(fakeaws::errors::ThrottlingException())
                          .On("AmazonForecast.Other" + std::to_string(i)));
  }
  const fakeaws::HttpRequest request = Describe();
  for (auto _ : state) benchmark::DoNotOptimize(fake.Handle(request));
}
BENCHMARK(BM_HandleDescribeForecast)->Args({0, 0})->Args({10'000, 0})->Args({10'000, 10});

void BM_FaultedRequest(benchmark::State& state) {
  fakeaws::Fake fake;
  fake.faults().Arm(fakeaws::FaultRule::Error(fakeaws::errors::ThrottlingException()).Always());
  const fakeaws::HttpRequest request = Describe();
  for (auto _ : state) benchmark::DoNotOptimize(fake.Handle(request));
}
BENCHMARK(BM_FaultedRequest);

// Called(...).Times(...) over a journal of `range(0)` entries.
void BM_CalledMatcher(benchmark::State& state) {
  fakeaws::Fake fake;
  const fakeaws::HttpRequest request = Describe();
  for (int i = 0; i < state.range(0); ++i) fake.Handle(request);
  const auto matcher = ::testing::Matcher<const fakeaws::Fake&>(
      fakeaws::Called("AmazonForecast.DescribeForecast").Times(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(matcher.Matches(fake));
}
BENCHMARK(BM_CalledMatcher)->Arg(100)->Arg(10'000);

}  // namespace

BENCHMARK_MAIN();
