// CreateMonitor, DescribeMonitor, ListMonitors, DeleteMonitor, ListMonitorEvaluations.
#include "protocol/forecast_codec.h"

namespace fakeaws::protocol::forecast_codec {
namespace {

Outcome<std::string> CreateMonitor(const json& in, Service& s) {
  return Encode(s.CreateMonitor(Str(in, "MonitorName"), Str(in, "ResourceArn"), TagsOf(in)),
                [](JsonWriter& w, const std::string& arn) { w.Key("MonitorArn").String(arn); });
}

Outcome<std::string> DescribeMonitor(const json& in, Service& s) {
  return Encode(s.DescribeMonitor(Str(in, "MonitorArn")), [](JsonWriter& w, const forecast::MonitorView& m) {
    w.Key("MonitorName").String(m.name);
    w.Key("MonitorArn").String(m.arn);
    w.Key("ResourceArn").String(m.resource_arn);
    w.Key("Status").String(m.status);
    if (!m.baseline.empty()) {
      w.Key("Baseline").BeginObject().Key("PredictorBaseline").BeginObject().Key("BaselineMetrics").BeginArray();
      for (const auto& [name, value] : m.baseline) w.BeginObject().Key("Name").String(name).Key("Value").Double(value).EndObject();
      w.EndArray().EndObject().EndObject();
    }
    w.OptionalString("Message", m.message);
    w.Key("CreationTime").Time(m.creation_time);
    w.Key("LastModificationTime").Time(m.last_modification_time);
  });
}

Outcome<std::string> ListMonitors(const json& in, Service& s) {
  return Encode(s.ListMonitors(ListQueryOf(in)), [](JsonWriter& w, const forecast::Page<forecast::MonitorView>& page) {
    w.Key("Monitors").BeginArray();
    for (const auto& m : page.items) {
      w.BeginObject();
      w.Key("MonitorArn").String(m.arn);
      w.Key("MonitorName").String(m.name);
      w.Key("ResourceArn").String(m.resource_arn);
      w.Key("Status").String(m.status);
      w.Key("CreationTime").Time(m.creation_time);
      w.Key("LastModificationTime").Time(m.last_modification_time);
      w.EndObject();
    }
    w.EndArray();
    w.OptionalString("NextToken", page.next_token);
  });
}

Outcome<std::string> DeleteMonitor(const json& in, Service& s) { return Empty(s.DeleteMonitor(Str(in, "MonitorArn"))); }

Outcome<std::string> ListMonitorEvaluations(const json& in, Service& s) {
  return Encode(s.ListMonitorEvaluations(Str(in, "MonitorArn"), ListQueryOf(in)),
                [](JsonWriter& w, const forecast::Page<forecast::MonitorEvaluation>& page) {
                  w.OptionalString("NextToken", page.next_token);
                  w.Key("PredictorMonitorEvaluations").BeginArray();
                  for (const auto& e : page.items) {
                    w.BeginObject();
                    w.Key("ResourceArn").String(e.resource_arn);
                    w.Key("MonitorArn").String(e.monitor_arn);
                    w.Key("EvaluationTime").Time(e.evaluation_time);
                    w.Key("EvaluationState").String(e.evaluation_state);
                    w.EndObject();
                  }
                  w.EndArray();
                });
}

}  // namespace

void AddMonitorOperations(HandlerTable& table) {
  table.emplace("CreateMonitor", CreateMonitor);
  table.emplace("DescribeMonitor", DescribeMonitor);
  table.emplace("ListMonitors", ListMonitors);
  table.emplace("DeleteMonitor", DeleteMonitor);
  table.emplace("ListMonitorEvaluations", ListMonitorEvaluations);
}

}  // namespace fakeaws::protocol::forecast_codec
