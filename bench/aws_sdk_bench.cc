// DescribeForecastExportJob through aws-sdk-cpp, side by side in one run:
//   InProcess     ForecastServiceClient from fakeaws::AwsSdk (no socket)
//   OverListener  the same client, endpointOverride = fakeaws::Listener,
//                 through the SDK's curl client over loopback
//   FakeHandle    Fake::Handle alone on the request the SDK sends
// The SDK's own share of a call in process is InProcess - FakeHandle. Rates
// are per wall-clock second (UseRealTime): over the listener much of a
// call's CPU is spent on the server's threads.
// Target (issue 11): InProcess >= 5x the calls/s of OverListener.
#include <aws/forecast/ForecastServiceClient.h>
#include <aws/forecast/model/DescribeForecastExportJobRequest.h>
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "fakeaws/aws_sdk.h"
#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace {

constexpr char kDescribe[] = "AmazonForecast.DescribeForecastExportJob";

// A fake with one ACTIVE export job, and clients of it both ways.
struct Setup {
  Setup() : sdk(fake), listener(fake) {
    fakeaws::ForecastSpec spec;
    spec.name = "demand";
    const std::string forecast_arn = fake.forecast().PutForecast(spec).value();
    fake.s3().CreateBucket("exports");
    fakeaws::HttpRequest create;
    create.method = "POST";
    create.headers.Add("X-Amz-Target", "AmazonForecast.CreateForecastExportJob");
    create.headers.Add("Content-Type", "application/x-amz-json-1.1");
    create.body = R"({"ForecastExportJobName":"weekly","ForecastArn":")" + forecast_arn +
                  R"(","Destination":{"S3Config":{"Path":"s3://exports/weekly","RoleArn":")" +
                  fake.forecast().RoleArn("ForecastExportRole") + R"("}}})";
    if (fake.Handle(create).status != 200) throw std::runtime_error("CreateForecastExportJob failed");
    describe.SetForecastExportJobArn(fake.forecast().ForecastExportJobArn("demand", "weekly"));

    in_process = sdk.ForecastClient();
    Aws::Client::ClientConfiguration config = sdk.ClientConfiguration();
    config.endpointOverride = listener.Start();
    over_listener = std::make_shared<Aws::ForecastService::ForecastServiceClient>(
        sdk.Credentials(), nullptr, Aws::ForecastService::ForecastServiceClientConfiguration(config));
    // The request the SDK sends, as the fake received it, for FakeHandle.
    if (!in_process->DescribeForecastExportJob(describe).IsSuccess()) throw std::runtime_error("Describe failed");
    sdk_request = fake.journal().Entries(kDescribe).back().request;
  }

  fakeaws::Fake fake;
  fakeaws::AwsSdk sdk;
  fakeaws::Listener listener;
  Aws::ForecastService::Model::DescribeForecastExportJobRequest describe;
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> in_process;
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> over_listener;
  fakeaws::HttpRequest sdk_request;
};

std::unique_ptr<Setup> g_setup;

Setup& Shared() {
  if (!g_setup) g_setup = std::make_unique<Setup>();
  return *g_setup;
}

void Describe(benchmark::State& state, const Aws::ForecastService::ForecastServiceClient& client) {
  Setup& s = Shared();
  for (auto _ : state) {
    auto outcome = client.DescribeForecastExportJob(s.describe);
    if (!outcome.IsSuccess()) {
      state.SkipWithError(outcome.GetError().GetMessage().c_str());
      break;
    }
    benchmark::DoNotOptimize(outcome);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DescribeForecastExportJob_InProcess(benchmark::State& state) { Describe(state, *Shared().in_process); }
void BM_DescribeForecastExportJob_OverListener(benchmark::State& state) { Describe(state, *Shared().over_listener); }

void BM_DescribeForecastExportJob_FakeHandle(benchmark::State& state) {
  Setup& s = Shared();
  for (auto _ : state) {
    fakeaws::HttpResponse response = s.fake.Handle(s.sdk_request);
    benchmark::DoNotOptimize(response);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_DescribeForecastExportJob_InProcess)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_DescribeForecastExportJob_OverListener)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_DescribeForecastExportJob_FakeHandle)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_setup.reset();  // clients and listener gone before the SDK shuts down at exit
  return 0;
}
