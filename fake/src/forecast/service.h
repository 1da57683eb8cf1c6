// The Amazon Forecast domain: resources, their rules and lifecycles, and
// the export writer. Plain C++: no HTTP, no JSON. The wire (protocol/) and
// the typed C++ API both call this, and both get the same AwsErrors.
//
// Thread-safe: every public method holds the service's one mutex.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "fakeaws/forecast.h"
#include "fakeaws/options.h"
#include "forecast/arn.h"
#include "forecast/import_reader.h"
#include "forecast/input_checks.h"
#include "forecast/inputs.h"
#include "forecast/pagination.h"
#include "forecast/resources.h"
#include "forecast/views.h"
#include "s3/store.h"

namespace fakeaws::forecast {

class Service {
 public:
  Service(const Options& options, Clock& clock, s3::Store& store);

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
                                     const std::vector<Tag>& tags);
  Outcome<MonitorView> DescribeMonitor(const std::string& arn);
  Outcome<Page<MonitorView>> ListMonitors(const ListQuery& query);
  Outcome<Done> DeleteMonitor(const std::string& arn);
  // Evaluations happen when new data reaches a monitored predictor; the fake
  // has none to show yet.
  Outcome<Page<MonitorEvaluation>> ListMonitorEvaluations(const std::string& monitor_arn, const ListQuery& query);

  // What-if analyses, forecasts and exports.
  Outcome<std::string> CreateWhatIfAnalysis(const std::string& name, const std::string& forecast_arn,
                                            const std::optional<TimeSeriesSelector>& selector,
                                            const std::vector<Tag>& tags);
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
  Outcome<Done> TagResource(const std::string& arn, const std::vector<Tag>& tags);
  Outcome<Done> UntagResource(const std::string& arn, const std::vector<std::string>& keys);
  Outcome<std::vector<Tag>> ListTagsForResource(const std::string& arn);

  void AddRole(const std::string& role_arn);
  const ArnFactory& arns() const { return arns_; }
  // Every forecast export job, newest first (the typed API's list).
  std::vector<ForecastExportJobView> AllForecastExportJobs();

 private:
  friend class Snapshot;  // forecast/snapshot.h: saves and restores the resources
  // What Step hands a resource as it completes (service.cc).
  class Completion;

  Timestamp Now() const { return clock_.Now(); }
  void SettleLocked(Timestamp now);
  void Step(Resource& r, Timestamp at);
  void Schedule(Resource& r, Timestamp at);
  void Unschedule(Resource& r);
  // Every status change goes through SetStatus, which keeps the counts the
  // quotas read; Insert and Erase keep the totals.
  struct KindCounts {
    int total = 0;
    int creating = 0;  // CREATE_PENDING or CREATE_IN_PROGRESS
    int stopping = 0;  // CREATE_STOPPING
  };
  KindCounts& CountsOf(const Resource& r);
  void SetStatus(Resource& r, Status s, Timestamp at);
  void Insert(std::unique_ptr<Resource> r, Status initial, Timestamp now);
  void Erase(Resource& r);
  // Adds a resource in CREATE_PENDING and runs what is due at once.
  void Admit(std::unique_ptr<Resource> r, Timestamp now);
  void BeginDelete(Resource& r, Timestamp now);

  template <typename T>
  T* Find(const std::string& arn);
  template <typename T>
  std::vector<T*> All();

  bool RoleAssumable(const std::string& role_arn) const;

  ForecastExportJobView InfoOf(const ForecastExportJobResource& job, Timestamp now) const;
  ForecastView InfoOf(const ForecastResource& f, Timestamp now) const;
  DatasetGroupView InfoOf(const DatasetGroupResource& g, Timestamp now) const;
  DatasetView InfoOf(const DatasetResource& d, Timestamp now);
  DatasetImportJobView InfoOf(const DatasetImportJobResource& j, Timestamp now) const;
  PredictorView InfoOf(const PredictorResource& p, Timestamp now) const;
  ExportJobView InfoOf(const S3ExportResource& job, Timestamp now) const;
  ExplainabilityView InfoOf(const ExplainabilityResource& e, Timestamp now) const;
  MonitorView InfoOf(const MonitorResource& m, Timestamp now) const;
  WhatIfAnalysisView InfoOf(const WhatIfAnalysisResource& a, Timestamp now) const;
  WhatIfForecastView InfoOf(const WhatIfForecastResource& f, Timestamp now) const;
  // A generic Describe, List and Delete for resource types that need nothing
  // more.
  template <typename T, typename View>
  Outcome<View> DescribeAs(const std::string& arn);
  template <typename T>
  Outcome<Done> DeleteAs(const std::string& arn, std::initializer_list<Status> deletable);
  // QueryForecast's answer from a forecast's data: the one series the
  // filters choose, between the dates.
  Outcome<QueriedForecast> QuerySpec(const ForecastData& spec, const std::string& id_field, const std::string& arn,
                                     const KeyValues& filters, std::optional<Timestamp> start,
                                     std::optional<Timestamp> end) const;
  // The members every view shares.
  void FillView(const Resource& r, Timestamp now, ResourceView* view) const;

  // Resource trees (delete-resource.md): the live resources whose parent is
  // `arn`, and the whole tree under it, parents before children.
  std::vector<Resource*> ChildrenOf(const std::string& arn);
  std::vector<Resource*> TreeOf(Resource& root);
  // ResourceInUseException when `r` cannot be deleted alone: it is not in one
  // of `deletable` statuses, or it has children.
  Outcome<Done> CheckDeletable(Resource& r, std::initializer_list<Status> deletable);
  // The import job whose data a dataset holds now: its newest ACTIVE one.
  DatasetImportJobResource* LatestImport(const std::string& dataset_arn);
  // ResourceNotFound, or ResourceInUse unless `r` is ACTIVE.
  template <typename T>
  Outcome<T*> FindActive(const std::string& arn);
  // LimitExceededException when `T` has `concurrent` resources being created
  // or `total` in all.
  template <typename T>
  std::optional<AwsError> CheckQuotas(int concurrent, std::string_view concurrent_words, int total,
                                      std::string_view total_words, bool short_total = false);

  // One page of resources of type T, newest first, that pass every filter;
  // filter keys must be among `keys`.
  template <typename T, typename Info, typename Field>
  Outcome<Page<Info>> List(const std::string& list_name, const ListQuery& query,
                           std::initializer_list<std::string_view> keys, Field field);

  std::mutex mu_;
  const Options& options_;
  Clock& clock_;
  s3::Store& store_;
  ArnFactory arns_;
  InputChecks checks_;
  PageTokens tokens_;
  uint64_t next_seq_ = 1;
  std::map<std::string, std::unique_ptr<Resource>> resources_;
  std::set<std::tuple<Timestamp, uint64_t, std::string>> timeline_;
  std::set<std::string> roles_;
  std::unordered_map<std::type_index, KindCounts> counts_;
};

}  // namespace fakeaws::forecast
