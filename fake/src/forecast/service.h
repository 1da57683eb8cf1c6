// The Amazon Forecast domain: resources, their rules and lifecycles, and
// the export writer. Plain C++: no HTTP, no JSON. The wire (protocol/) and
// the typed C++ API both call this, and both get the same AwsErrors.
//
// Service holds the operations, one file per family of resources
// (dataset_groups.cc, predictors.cc, ...; the operations on any resource in
// service.cc). They check a request against the inputs' rules
// (input_checks.h) and act through the Registry (registry.h), which keeps
// the resources, their lifecycles and the quota counts.
//
// Thread-safe: every public method holds the service's one mutex.
#pragma once

#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/virtual_clock.h"
#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "fakeaws/forecast.h"
#include "fakeaws/options.h"
#include "forecast/arn.h"
#include "forecast/input_checks.h"
#include "forecast/inputs.h"
#include "forecast/pagination.h"
#include "forecast/registry.h"
#include "forecast/resources.h"
#include "forecast/views.h"
#include "s3/store.h"

namespace fakeaws::forecast {

class Service {
 public:
  Service(const Options& options, const base::VirtualClock& clock, s3::Store& store);

  // Runs every transition due by the clock's current time.
  void Settle();

  // Dataset groups.
  Outcome<std::string> CreateDatasetGroup(const CreateDatasetGroupInput& input);
  Outcome<DatasetGroupView> DescribeDatasetGroup(const std::string& arn);
  Outcome<Page<DatasetGroupView>> ListDatasetGroups(const ListQuery& query);
  Outcome<Done> UpdateDatasetGroup(const std::string& arn, const std::vector<std::string>& dataset_arns);
  Outcome<Done> DeleteDatasetGroup(const std::string& arn);

  // Datasets.
  Outcome<std::string> CreateDataset(const CreateDatasetInput& input);
  Outcome<DatasetView> DescribeDataset(const std::string& arn);
  Outcome<Page<DatasetView>> ListDatasets(const ListQuery& query);
  Outcome<Done> DeleteDataset(const std::string& arn);

  // Dataset import jobs.
  Outcome<std::string> CreateDatasetImportJob(const CreateDatasetImportJobInput& input);
  Outcome<DatasetImportJobView> DescribeDatasetImportJob(const std::string& arn);
  Outcome<Page<DatasetImportJobView>> ListDatasetImportJobs(const ListQuery& query);
  Outcome<Done> DeleteDatasetImportJob(const std::string& arn);

  // Predictors, legacy (CreatePredictor) and AutoPredictor.
  Outcome<std::string> CreatePredictor(const CreatePredictorInput& input);
  // `auto_predictor`: DescribeAutoPredictor (true) or DescribePredictor.
  Outcome<PredictorView> DescribePredictor(const std::string& arn, bool auto_predictor);
  Outcome<Page<PredictorView>> ListPredictors(const ListQuery& query);
  Outcome<Done> DeletePredictor(const std::string& arn);
  Outcome<PredictorView> GetAccuracyMetrics(const std::string& arn);

  // Predictor backtest export jobs.
  Outcome<std::string> CreatePredictorBacktestExportJob(const CreateExportInput& input);
  Outcome<ExportJobView> DescribePredictorBacktestExportJob(const std::string& arn);
  Outcome<Page<ExportJobView>> ListPredictorBacktestExportJobs(const ListQuery& query);
  Outcome<Done> DeletePredictorBacktestExportJob(const std::string& arn);

  // Explainabilities and their exports.
  Outcome<std::string> CreateExplainability(const CreateExplainabilityInput& input);
  Outcome<ExplainabilityView> DescribeExplainability(const std::string& arn);
  Outcome<Page<ExplainabilityView>> ListExplainabilities(const ListQuery& query);
  Outcome<Done> DeleteExplainability(const std::string& arn);
  Outcome<std::string> CreateExplainabilityExport(const CreateExportInput& input);
  Outcome<ExportJobView> DescribeExplainabilityExport(const std::string& arn);
  Outcome<Page<ExportJobView>> ListExplainabilityExports(const ListQuery& query);
  Outcome<Done> DeleteExplainabilityExport(const std::string& arn);

  // Monitors.
  Outcome<std::string> CreateMonitor(const std::string& name, const std::string& resource_arn,
                                     const std::vector<ResourceTag>& tags);
  Outcome<MonitorView> DescribeMonitor(const std::string& arn);
  Outcome<Page<MonitorView>> ListMonitors(const ListQuery& query);
  Outcome<Done> DeleteMonitor(const std::string& arn);
  // Evaluations happen when new data reaches a monitored predictor; the fake
  // has none to show yet.
  Outcome<Page<MonitorEvaluation>> ListMonitorEvaluations(const std::string& monitor_arn, const ListQuery& query);

  // What-if analyses, forecasts and exports.
  Outcome<std::string> CreateWhatIfAnalysis(const std::string& name, const std::string& forecast_arn,
                                            const std::optional<TimeSeriesSelector>& selector,
                                            const std::vector<ResourceTag>& tags);
  Outcome<WhatIfAnalysisView> DescribeWhatIfAnalysis(const std::string& arn);
  Outcome<Page<WhatIfAnalysisView>> ListWhatIfAnalyses(const ListQuery& query);
  Outcome<Done> DeleteWhatIfAnalysis(const std::string& arn);
  Outcome<std::string> CreateWhatIfForecast(const CreateWhatIfForecastInput& input);
  Outcome<WhatIfForecastView> DescribeWhatIfForecast(const std::string& arn);
  Outcome<Page<WhatIfForecastView>> ListWhatIfForecasts(const ListQuery& query);
  Outcome<Done> DeleteWhatIfForecast(const std::string& arn);
  Outcome<std::string> CreateWhatIfForecastExport(const CreateExportInput& input);
  Outcome<ExportJobView> DescribeWhatIfForecastExport(const std::string& arn);
  Outcome<Page<ExportJobView>> ListWhatIfForecastExports(const ListQuery& query);
  Outcome<Done> DeleteWhatIfForecastExport(const std::string& arn);

  // Forecast export jobs.
  Outcome<std::string> CreateForecastExportJob(const CreateForecastExportJobInput& input);
  Outcome<ForecastExportJobView> DescribeForecastExportJob(const std::string& arn);
  Outcome<Page<ForecastExportJobView>> ListForecastExportJobs(const ListQuery& query);
  Outcome<Done> DeleteForecastExportJob(const std::string& arn);

  // Forecasts.
  Outcome<std::string> PutForecast(const ForecastSpec& spec);
  Outcome<Done> SetForecastStatus(const std::string& arn, Status status);
  Outcome<std::string> CreateForecast(const CreateForecastInput& input);
  Outcome<ForecastView> DescribeForecast(const std::string& arn);
  Outcome<Page<ForecastView>> ListForecasts(const ListQuery& query);
  Outcome<Done> DeleteForecast(const std::string& arn);
  // forecastquery's QueryForecast: one series, between two optional dates.
  Outcome<QueriedForecast> QueryForecast(const std::string& arn, const KeyValues& filters,
                                         std::optional<Timestamp> start, std::optional<Timestamp> end,
                                         const std::string& next_token);
  Outcome<QueriedForecast> QueryWhatIfForecast(const std::string& arn, const KeyValues& filters,
                                               std::optional<Timestamp> start, std::optional<Timestamp> end,
                                               const std::string& next_token);

  // Any resource.
  Outcome<Done> StopResource(const std::string& arn);
  Outcome<Done> ResumeResource(const std::string& arn);
  Outcome<Done> DeleteResourceTree(const std::string& arn);
  Outcome<Done> TagResource(const std::string& arn, const std::vector<ResourceTag>& tags);
  Outcome<Done> UntagResource(const std::string& arn, const std::vector<std::string>& keys);
  Outcome<std::vector<ResourceTag>> ListTagsForResource(const std::string& arn);

  void AddRole(const std::string& role_arn);
  const ArnFactory& arns() const { return arns_; }
  // Every forecast export job, newest first (the typed API's list).
  std::vector<ForecastExportJobView> AllForecastExportJobs();
  // Every resource of every type, newest first.
  std::vector<ResourceSummary> AllResources();
  // An ACTIVE forecast's series, and the values of one item's series (one,
  // or one per combination of dimension values); QueryForecast's errors
  // when the forecast is missing or not ACTIVE, or holds no such item.
  Outcome<SeriesListing> ForecastSeriesOf(const std::string& arn);
  Outcome<ItemValues> ForecastValuesOf(const std::string& arn, const std::string& item_id);

  // What a snapshot saves and restores (forecast/snapshot.h): `read` sees the
  // registry under the service's lock, and Restore replaces its contents.
  template <typename Read>
  auto ReadRegistry(Read read) {
    std::lock_guard<std::mutex> lock(mu_);
    return read(static_cast<const Registry&>(registry_));
  }
  void Restore(Registry::Contents contents);

 private:
  // One operation's hold on the service: the lock, kept until the operation
  // returns, and the time it acts at, with every transition due by then run.
  struct Turn {
    std::unique_lock<std::mutex> lock;
    Timestamp now;
  };
  Turn Begin() {
    Turn turn{std::unique_lock<std::mutex>(mu_), clock_.Now()};
    registry_.Settle(turn.now);
    return turn;
  }

  // A Describe and a Delete for resource types that need nothing more, and
  // one page of resources of type T, newest first, that pass every filter
  // (filter keys must be among `keys`). In service_impl.h.
  template <typename T, typename View>
  Outcome<View> DescribeAs(const std::string& arn);
  template <typename T>
  Outcome<Done> DeleteAs(const std::string& arn, std::initializer_list<Status> deletable);
  template <typename T, typename View, typename Field>
  Outcome<Page<View>> List(const std::string& list_name, const ListQuery& query,
                           std::initializer_list<std::string_view> keys, Field field);

  std::mutex mu_;
  const Options& options_;
  const base::VirtualClock& clock_;
  s3::Store& store_;  // where Creates look for the objects a request names
  ArnFactory arns_;
  InputChecks checks_;
  PageTokens tokens_;
  Registry registry_;
};

}  // namespace fakeaws::forecast
