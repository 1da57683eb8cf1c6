// Monitors: Create (also through CreateAutoPredictor's MonitorConfig),
// Describe, List, Delete, ListMonitorEvaluations; StopResource and
// ResumeResource move them between ACTIVE and ACTIVE_STOPPED.
#include "forecast/errors.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {

MonitorView ViewOf(const MonitorResource& m, const Registry& registry, Timestamp now) {
  MonitorView view;
  registry.FillView(m, now, &view);
  view.resource_arn = m.resource_arn;
  // The baseline is the predictor's own accuracy (DescribeMonitor.Baseline).
  const auto* predictor = registry.Find<PredictorResource>(m.resource_arn);
  if (predictor != nullptr && predictor->accuracy) {
    const WindowMetrics& a = *predictor->accuracy;
    for (const auto& e : a.error_metrics) {
      if (e.forecast_type != "mean" && QuantileOf(e.forecast_type).value_or(-1) != 0.5) continue;
      if (e.wape) view.baseline.emplace_back("WAPE", *e.wape);
      if (e.mape) view.baseline.emplace_back("MAPE", *e.mape);
      if (e.mase) view.baseline.emplace_back("MASE", *e.mase);
      break;
    }
    if (a.rmse) view.baseline.emplace_back("RMSE", *a.rmse);
    if (a.average_weighted_quantile_loss) view.baseline.emplace_back("AverageWeightedQuantileLoss", *a.average_weighted_quantile_loss);
  }
  return view;
}

Outcome<std::string> Service::CreateMonitor(const std::string& name, const std::string& resource_arn,
                                            const std::vector<ResourceTag>& tags) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(tags); !ok) return ok.error();
  Resource* found = registry_.Find<Resource>(resource_arn);
  if (found == nullptr) return ResourceNotFound(resource_arn);
  auto* predictor = dynamic_cast<PredictorResource*>(found);
  // "Creates a predictor monitor resource for an existing auto predictor"
  // (CreateMonitor).
  if (predictor == nullptr || !predictor->is_auto) return MonitorNeedsAutoPredictor(resource_arn);
  if (predictor->life.status != Status::kActive) {
    return ResourceNotActive(predictor->Words(), resource_arn, StatusName(predictor->life.status));
  }
  const std::string arn = arns_.Make("monitor", name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("monitor", arn);
  for (auto* m : registry_.All<MonitorResource>()) {
    if (m->resource_arn == resource_arn) return ResourceAlreadyExists("monitor", m->arn);
  }
  auto m = std::make_unique<MonitorResource>();
  m->arn = arn;
  m->name = name;
  m->resource_arn = resource_arn;
  m->tags = tags;
  registry_.Admit(std::move(m), now);
  return arn;
}

Outcome<MonitorView> Service::DescribeMonitor(const std::string& arn) {
  return DescribeAs<MonitorResource, MonitorView>(arn);
}

Outcome<Page<MonitorView>> Service::ListMonitors(const ListQuery& query) {
  return List<MonitorResource, MonitorView>("ListMonitors", query, {"Status"},
                                            [](const MonitorResource& m, const std::string&) {
                                              return std::string(StatusName(m.life.status));
                                            });
}

Outcome<Done> Service::DeleteMonitor(const std::string& arn) {
  // "You can only delete a monitor resource with a status of ACTIVE,
  // ACTIVE_STOPPED, CREATE_FAILED, or CREATE_STOPPED" (DeleteMonitor).
  return DeleteAs<MonitorResource>(
      arn, {Status::kActive, Status::kActiveStopped, Status::kCreateFailed, Status::kCreateStopped});
}

Outcome<Page<MonitorEvaluation>> Service::ListMonitorEvaluations(const std::string& monitor_arn,
                                                                 const ListQuery& query) {
  auto [lock, now] = Begin();
  if (registry_.Find<MonitorResource>(monitor_arn) == nullptr) return ResourceNotFound(monitor_arn);
  if (!query.next_token.empty() && !tokens_.Redeem("ListMonitorEvaluations", query.next_token, now)) {
    return InvalidNextToken();
  }
  // "The only valid value is EvaluationState" (ListMonitorEvaluations.Filters).
  for (const auto& f : query.filters) {
    if (f.key != "EvaluationState") return InvalidFilterKey(f.key, "[EvaluationState]");
  }
  return Page<MonitorEvaluation>{};
}

}  // namespace fakeaws::forecast
