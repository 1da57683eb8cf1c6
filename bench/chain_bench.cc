// The resource chain in process: how long an import of N rows takes to read
// (CSV parse + field statistics), a predictor to train on it, and a forecast
// to be made from it, each through Fake::Handle with zero lifecycle
// durations (the work happens inside the Create call).
#include <benchmark/benchmark.h>
#include <stdexcept>
#include <string>

#include "fakeaws/fake.h"

namespace {

using fakeaws::Fake;
using fakeaws::HttpRequest;

const std::string kArn = "arn:aws:forecast:us-east-1:123456789012:";
const char* kRole = R"("RoleArn":"arn:aws:iam::123456789012:role/R")";

void Send(Fake& fake, const std::string& op, const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + op);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body;
  auto response = fake.Handle(r);
  if (response.status != 200) throw std::runtime_error(op + ": " + response.body);
}

// `items` series of `days` daily values each.
std::string Csv(int items, int days) {
  std::string csv;
  for (int i = 0; i < items; ++i) {
    for (int d = 0; d < days; ++d) {
      const int y = 2023 + d / 365, doy = d % 365;
      char line[64];
      std::snprintf(line, sizeof line, "item_%d,%d-%02d-%02d,%d\n", i, y, doy / 28 % 12 + 1, doy % 28 + 1, (i + d) % 17);
      csv += line;
    }
  }
  return csv;
}

void Setup(Fake& fake, int items, int days) {
  fake.s3().CreateBucket("data");
  fake.s3().PutObject("data", "tts.csv", Csv(items, days));
  Send(fake, "CreateDataset",
       R"({"DatasetName":"tts","Domain":"CUSTOM","DatasetType":"TARGET_TIME_SERIES","DataFrequency":"D","Schema":{"Attributes":[{"AttributeName":"item_id","AttributeType":"string"},{"AttributeName":"timestamp","AttributeType":"timestamp"},{"AttributeName":"target_value","AttributeType":"float"}]}})");
  Send(fake, "CreateDatasetGroup", R"({"DatasetGroupName":"dsg","Domain":"CUSTOM","DatasetArns":[")" + kArn + R"(dataset/tts"]})");
}

void Import(Fake& fake, const std::string& name) {
  Send(fake, "CreateDatasetImportJob", R"({"DatasetImportJobName":")" + name + R"(","DatasetArn":")" + kArn +
                                           R"(dataset/tts","TimestampFormat":"yyyy-MM-dd","DataSource":{"S3Config":{"Path":"s3://data/tts.csv",)" +
                                           kRole + "}}}");
}

void Train(Fake& fake, const std::string& name) {
  Send(fake, "CreatePredictor", R"({"PredictorName":")" + name +
                                    R"(","AlgorithmArn":"arn:aws:forecast:::algorithm/ETS","ForecastHorizon":14,"InputDataConfig":{"DatasetGroupArn":")" +
                                    kArn + R"(dataset-group/dsg"},"FeaturizationConfig":{"ForecastFrequency":"D"}})");
}

// args: items, days per item.
void BM_ImportRows(benchmark::State& state) {
  Fake fake;
  Setup(fake, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  int n = 0;
  for (auto _ : state) Import(fake, "i" + std::to_string(n++));
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1));
}
BENCHMARK(BM_ImportRows)->Args({100, 365})->Args({1000, 365})->Unit(benchmark::kMillisecond);

void BM_TrainPredictor(benchmark::State& state) {
  Fake fake;
  Setup(fake, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  Import(fake, "i");
  int n = 0;
  for (auto _ : state) Train(fake, "p" + std::to_string(n++));
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(1));
}
BENCHMARK(BM_TrainPredictor)->Args({100, 365})->Args({1000, 365})->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_CreateForecast(benchmark::State& state) {
  fakeaws::Options options;
  options.quotas.forecasts = 1 << 30;
  Fake fake(options);
  Setup(fake, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  Import(fake, "i");
  Train(fake, "p");
  int n = 0;
  for (auto _ : state) {
    Send(fake, "CreateForecast", R"({"ForecastName":"f)" + std::to_string(n++) + R"(","PredictorArn":")" + kArn + R"(predictor/p"})");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 14);  // forecast rows
}
BENCHMARK(BM_CreateForecast)->Args({100, 365})->Args({1000, 365})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
