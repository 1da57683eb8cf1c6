#include "protocol/forecast_operations.h"

#include "protocol/forecast_codec.h"
#include "protocol/framework_errors.h"

namespace fakeaws::protocol {
namespace {

const forecast_codec::HandlerTable& ForecastHandlers() {
  static const auto* const kHandlers = [] {
    auto* table = new forecast_codec::HandlerTable();
    forecast_codec::AddDatasetOperations(*table);
    forecast_codec::AddDatasetImportJobOperations(*table);
    forecast_codec::AddPredictorOperations(*table);
    forecast_codec::AddBacktestExportOperations(*table);
    forecast_codec::AddExplainabilityOperations(*table);
    forecast_codec::AddMonitorOperations(*table);
    forecast_codec::AddWhatIfOperations(*table);
    forecast_codec::AddExportJobOperations(*table);
    forecast_codec::AddForecastOperations(*table);
    forecast_codec::AddResourceOperations(*table);
    return table;
  }();
  return *kHandlers;
}

}  // namespace

Outcome<std::string> InvokeForecast(const JsonCall& call, forecast::Service& service) {
  auto it = ForecastHandlers().find(call.operation->name);
  if (it == ForecastHandlers().end()) return NotImplementedError("AmazonForecast." + call.operation->name);
  return it->second(call.input(), service);
}

bool ForecastImplements(const std::string& operation) { return ForecastHandlers().count(operation) > 0; }

}  // namespace fakeaws::protocol
