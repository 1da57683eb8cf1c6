#include "protocol/forecast_operations.h"

#include "protocol/forecast_codec.h"
#include "protocol/framework_errors.h"

namespace fakeaws::protocol {
namespace {

const forecast_codec::HandlerTable& Handlers() {
  static const auto* const kHandlers = [] {
    auto* table = new forecast_codec::HandlerTable();
    forecast_codec::AddExportJobOperations(*table);
    forecast_codec::AddForecastOperations(*table);
    forecast_codec::AddResourceOperations(*table);
    return table;
  }();
  return *kHandlers;
}

}  // namespace

Outcome<std::string> InvokeForecast(const JsonCall& call, forecast::Service& service) {
  auto it = Handlers().find(call.operation->name);
  if (it == Handlers().end()) return NotImplementedError("AmazonForecast." + call.operation->name);
  return it->second(call.input(), service);
}

bool ForecastImplements(const std::string& operation) { return Handlers().count(operation) > 0; }

}  // namespace fakeaws::protocol
