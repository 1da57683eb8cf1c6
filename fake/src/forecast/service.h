// The Amazon Forecast domain: resources, their rules and lifecycles, and
// the export writer. Plain C++: no HTTP, no JSON. The wire (protocol/) and
// the typed C++ API both call this, and both get the same AwsErrors.
//
// Thread-safe: every public method holds the service's one mutex.
#pragma once

#include <map>
#include <memory>
#include <mutex>
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
#include "forecast/pagination.h"
#include "forecast/resources.h"
#include "s3/store.h"

namespace fakeaws::internal {
class ForecastSnapshot;  // core/snapshot.cc: saves and restores the resources
}

namespace fakeaws::forecast {

struct Filter {
  std::string key;
  std::string value;
  bool is = true;  // IS or IS_NOT
};

struct ListQuery {
  std::vector<Filter> filters;
  int max_results = kDefaultMaxResults;
  std::string next_token;
};

struct CreateForecastExportJobInput {
  std::string name;
  std::string forecast_arn;
  S3Config destination;
  std::vector<Tag> tags;
  std::string format;  // empty: CSV
};

class Service {
 public:
  Service(const Options& options, Clock& clock, s3::Store& store);

  // Runs every transition due by the clock's current time.
  void Settle();

  // Forecast export jobs.
  Outcome<std::string> CreateForecastExportJob(const CreateForecastExportJobInput& input);
  // Describe leaves out exported_objects and tags (the wire does not send
  // them); the typed API asks for them.
  Outcome<ForecastExportJobInfo> DescribeForecastExportJob(const std::string& arn,
                                                           bool with_details = false);
  Outcome<Page<ForecastExportJobInfo>> ListForecastExportJobs(const ListQuery& query);
  Outcome<Done> DeleteForecastExportJob(const std::string& arn);

  // Forecasts.
  Outcome<std::string> PutForecast(const ForecastSpec& spec);
  Outcome<Done> SetForecastStatus(const std::string& arn, Status status);
  Outcome<ForecastInfo> DescribeForecast(const std::string& arn);
  Outcome<Page<ForecastInfo>> ListForecasts(const ListQuery& query);
  Outcome<Done> DeleteForecast(const std::string& arn);

  // Any resource.
  Outcome<Done> StopResource(const std::string& arn);
  Outcome<Done> TagResource(const std::string& arn, const std::vector<Tag>& tags);
  Outcome<Done> UntagResource(const std::string& arn, const std::vector<std::string>& keys);
  Outcome<std::vector<Tag>> ListTagsForResource(const std::string& arn);

  void AddRole(const std::string& role_arn);
  const ArnFactory& arns() const { return arns_; }
  std::vector<ForecastExportJobInfo> AllForecastExportJobs();

 private:
  friend struct ForecastExportJobResource;
  friend class internal::ForecastSnapshot;

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

  Outcome<Done> CheckNewTags(const std::vector<Tag>& tags) const;
  Outcome<Done> CheckRole(const std::string& role_arn) const;
  Outcome<Done> CheckKmsKey(const std::string& kms_key_arn) const;
  bool RoleAssumable(const std::string& role_arn) const;

  ForecastExportJobInfo InfoOf(const ForecastExportJobResource& job, Timestamp now,
                               bool with_details = false) const;
  ForecastInfo InfoOf(const ForecastResource& f, Timestamp now) const;

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
  PageTokens tokens_;
  uint64_t next_seq_ = 1;
  std::map<std::string, std::unique_ptr<Resource>> resources_;
  std::set<std::tuple<Timestamp, uint64_t, std::string>> timeline_;
  std::set<std::string> roles_;
  std::unordered_map<std::type_index, KindCounts> counts_;
};

}  // namespace fakeaws::forecast
