#include "forecast/service.h"

#include <algorithm>
#include <cctype>

#include "forecast/errors.h"
#include "forecast/export_writer.h"
#include "forecast/series.h"

namespace fakeaws::forecast {
namespace {

bool HasAwsPrefix(const std::string& key) {
  return key.size() >= 4 && std::tolower(static_cast<unsigned char>(key[0])) == 'a' &&
         std::tolower(static_cast<unsigned char>(key[1])) == 'w' &&
         std::tolower(static_cast<unsigned char>(key[2])) == 's' && key[3] == ':';
}

bool IsAccountId(const std::string& s) {
  return s.size() == 12 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool CanDelete(Status s) {
  return s == Status::kActive || s == Status::kCreateFailed || s == Status::kCreateStopped;
}

}  // namespace

std::string ForecastExportJobResource::Complete(Service& service, Timestamp at) {
  if (!service.RoleAssumable(destination.role_arn)) {
    return ExportRoleUnassumableMessage(destination.role_arn);
  }
  if (format == "PARQUET") return ExportFormatNotWrittenMessage(format);
  auto* forecast = service.Find<ForecastResource>(forecast_arn);
  if (forecast == nullptr) return ExportBucketMissingMessage(destination.path);
  ExportWriter writer(service.store_, service.options_.export_layout, service.options_.seed);
  // Files carry the job's creation time: "<job>_<ExportTimestamp>_part<N>".
  auto written =
      writer.Write(forecast->data, name, ParseS3Path(destination.path), life.creation_time, at);
  if (!written.ok()) return ExportBucketMissingMessage(destination.path);
  exported_objects = std::move(written).value();
  return "";
}

Service::Service(const Options& options, Clock& clock, s3::Store& store)
    : options_(options),
      clock_(clock),
      store_(store),
      arns_(options.region, options.account_id),
      tokens_(options.seed) {}

template <typename T>
T* Service::Find(const std::string& arn) {
  auto it = resources_.find(arn);
  return it == resources_.end() ? nullptr : dynamic_cast<T*>(it->second.get());
}

template <typename T>
std::vector<T*> Service::All() {
  std::vector<T*> out;
  for (auto& [arn, r] : resources_) {
    if (auto* t = dynamic_cast<T*>(r.get())) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->seq > b->seq; });
  return out;
}

Service::KindCounts& Service::CountsOf(const Resource& r) { return counts_[std::type_index(typeid(r))]; }

void Service::SetStatus(Resource& r, Status s, Timestamp at) {
  KindCounts& c = CountsOf(r);
  const Status old = r.life.status;
  c.creating += (IsCreating(s) ? 1 : 0) - (IsCreating(old) ? 1 : 0);
  c.stopping += (s == Status::kCreateStopping ? 1 : 0) - (old == Status::kCreateStopping ? 1 : 0);
  r.life.Enter(s, at);
}

void Service::Insert(std::unique_ptr<Resource> r, Status initial, Timestamp now) {
  r->seq = next_seq_++;
  r->life.creation_time = now;
  r->life.status = Status::kActive;  // counted as not creating until SetStatus
  CountsOf(*r).total += 1;
  SetStatus(*r, initial, now);
  const std::string arn = r->arn;
  resources_[arn] = std::move(r);
}

void Service::Erase(Resource& r) {
  KindCounts& c = CountsOf(r);
  c.total -= 1;
  c.creating -= IsCreating(r.life.status) ? 1 : 0;
  c.stopping -= r.life.status == Status::kCreateStopping ? 1 : 0;
  Unschedule(r);
  resources_.erase(r.arn);  // `r` is gone from here on
}

void Service::Settle() {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
}

void Service::SettleLocked(Timestamp now) {
  while (!timeline_.empty() && std::get<0>(*timeline_.begin()) <= now) {
    auto [at, seq, arn] = *timeline_.begin();
    timeline_.erase(timeline_.begin());
    auto it = resources_.find(arn);
    if (it == resources_.end()) continue;
    it->second->due.reset();
    Step(*it->second, at);
  }
}

void Service::Schedule(Resource& r, Timestamp at) {
  Unschedule(r);
  r.due = at;
  timeline_.emplace(at, r.seq, r.arn);
}

void Service::Unschedule(Resource& r) {
  if (r.due) timeline_.erase({*r.due, r.seq, r.arn});
  r.due.reset();
}

void Service::Step(Resource& r, Timestamp at) {
  const LifecycleDurations& d = options_.lifecycle;
  switch (r.life.status) {
    case Status::kCreatePending:
      SetStatus(r, Status::kCreateInProgress, at);
      Schedule(r, at + d.create_in_progress);
      break;
    case Status::kCreateInProgress: {
      std::string failure = r.Complete(*this, at);
      r.life.message = failure;
      SetStatus(r, failure.empty() ? Status::kActive : Status::kCreateFailed, at);
      break;
    }
    case Status::kCreateStopping:
      SetStatus(r, Status::kCreateStopped, at);
      break;
    case Status::kDeletePending:
      SetStatus(r, Status::kDeleteInProgress, at);
      Schedule(r, at + d.delete_in_progress);
      break;
    case Status::kDeleteInProgress:
      Erase(r);
      break;
    default:
      break;
  }
}

void Service::Admit(std::unique_ptr<Resource> r, Timestamp now) {
  Resource& ref = *r;
  Insert(std::move(r), Status::kCreatePending, now);
  Schedule(ref, now + options_.lifecycle.create_pending);
  SettleLocked(now);
}

void Service::BeginDelete(Resource& r, Timestamp now) {
  r.life.frozen = false;
  SetStatus(r, Status::kDeletePending, now);
  Schedule(r, now + options_.lifecycle.delete_pending);
  SettleLocked(now);
}

Outcome<Done> Service::CheckNewTags(const std::vector<Tag>& tags) const {
  int user_tags = 0;
  std::set<std::string> keys;
  for (const auto& t : tags) {
    if (HasAwsPrefix(t.key)) return ReservedTagKey(t.key);
    if (!keys.insert(t.key).second) return DuplicateTagKey(t.key);
    ++user_tags;
  }
  if (user_tags > options_.quotas.tags_per_resource) return TooManyTags(options_.quotas.tags_per_resource);
  return Done{};
}

Outcome<Done> Service::CheckRole(const std::string& role_arn) const {
  auto parts = ParseArn(role_arn);
  if (!parts || parts->service != "iam" || !parts->region.empty() || !IsAccountId(parts->account) ||
      parts->resource.rfind("role/", 0) != 0 || parts->resource.size() <= 5) {
    return MalformedRoleArn(role_arn);
  }
  // "If you pass a role that isn't in your account, you get an
  // InvalidInputException error" (S3Config.RoleArn, wire-format.md §2.2).
  if (parts->account != options_.account_id) return RoleInOtherAccount(role_arn);
  return Done{};
}

Outcome<Done> Service::CheckKmsKey(const std::string& kms_key_arn) const {
  if (kms_key_arn.empty()) return Done{};
  auto parts = ParseArn(kms_key_arn);
  if (!parts || parts->service != "kms" || parts->region != options_.region ||
      !IsAccountId(parts->account) || parts->resource.rfind("key/", 0) != 0 ||
      parts->resource.size() <= 4) {
    return UnusableKmsKey(kms_key_arn);
  }
  return Done{};
}

bool Service::RoleAssumable(const std::string& role_arn) const {
  return !options_.roles_must_exist || roles_.count(role_arn) > 0;
}

void Service::AddRole(const std::string& role_arn) {
  std::lock_guard<std::mutex> lock(mu_);
  roles_.insert(role_arn);
}

ForecastExportJobInfo Service::InfoOf(const ForecastExportJobResource& job, Timestamp now,
                                      bool with_details) const {
  ForecastExportJobInfo info;
  info.arn = job.arn;
  info.name = job.name;
  info.forecast_arn = job.forecast_arn;
  info.destination_path = job.destination.path;
  info.role_arn = job.destination.role_arn;
  info.kms_key_arn = job.destination.kms_key_arn;
  info.format = job.format;
  info.status = std::string(StatusName(job.life.status));
  info.message = job.life.message;
  info.creation_time = job.life.creation_time;
  info.last_modification_time = job.life.LastModificationTime(now);
  if (with_details) {
    info.exported_objects = job.exported_objects;
    info.tags = job.tags;
  }
  return info;
}

ForecastInfo Service::InfoOf(const ForecastResource& f, Timestamp now) const {
  ForecastInfo info;
  info.arn = f.arn;
  info.name = f.name;
  info.status = std::string(StatusName(f.life.status));
  info.message = f.life.message;
  info.forecast_types = f.data.forecast_types;
  info.predictor_arn = f.predictor_arn;
  info.dataset_group_arn = f.dataset_group_arn;
  info.created_using_auto_predictor = f.created_using_auto_predictor;
  info.creation_time = f.life.creation_time;
  info.last_modification_time = f.life.LastModificationTime(now);
  return info;
}

// ---- Forecast export jobs ----

Outcome<std::string> Service::CreateForecastExportJob(const CreateForecastExportJobInput& in) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);

  if (auto ok = CheckNewTags(in.tags); !ok) return ok.error();
  if (auto ok = CheckRole(in.destination.role_arn); !ok) return ok.error();
  if (auto ok = CheckKmsKey(in.destination.kms_key_arn); !ok) return ok.error();

  auto* forecast = Find<ForecastResource>(in.forecast_arn);
  if (forecast == nullptr) return ResourceNotFound(in.forecast_arn);
  if (forecast->life.status != Status::kActive) {
    return ResourceNotActive("forecast", forecast->arn, StatusName(forecast->life.status));
  }
  const std::string arn = arns_.ForecastExportJob(forecast->name, in.name);
  if (resources_.count(arn)) return ResourceAlreadyExists("forecast export job", arn);

  const auto& q = options_.quotas;
  const KindCounts& jobs = counts_[std::type_index(typeid(ForecastExportJobResource))];
  if (jobs.creating >= q.concurrent_forecast_export_jobs) {
    return ConcurrentQuotaReached(q.concurrent_forecast_export_jobs, "forecast exports");
  }
  if (jobs.total >= q.forecast_export_jobs) {
    return TotalQuotaReached(q.forecast_export_jobs, "forecast exports");
  }

  auto job = std::make_unique<ForecastExportJobResource>();
  job->arn = arn;
  job->name = in.name;
  job->forecast_arn = forecast->arn;
  job->destination = in.destination;
  job->format = in.format.empty() ? "CSV" : in.format;
  job->tags = in.tags;
  Admit(std::move(job), now);
  return arn;
}

Outcome<ForecastExportJobInfo> Service::DescribeForecastExportJob(const std::string& arn,
                                                                  bool with_details) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* job = Find<ForecastExportJobResource>(arn);
  if (job == nullptr) return ResourceNotFound(arn);
  return InfoOf(*job, now, with_details);
}

std::vector<ForecastExportJobInfo> Service::AllForecastExportJobs() {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  std::vector<ForecastExportJobInfo> out;
  for (auto* job : All<ForecastExportJobResource>()) out.push_back(InfoOf(*job, now, true));
  return out;
}

template <typename T, typename Info, typename Field>
Outcome<Page<Info>> Service::List(const std::string& list_name, const ListQuery& query,
                                  std::initializer_list<std::string_view> keys, Field field) {
  const Timestamp now = Now();
  SettleLocked(now);
  std::optional<uint64_t> after;
  if (!query.next_token.empty()) {
    after = tokens_.Redeem(list_name, query.next_token, now);
    if (!after) return InvalidNextToken();
  }
  for (const auto& f : query.filters) {
    if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) {
      std::string valid = "[";
      for (auto k : keys) valid += (valid.size() > 1 ? ", " : "") + std::string(k);
      return InvalidFilterKey(f.key, valid + "]");
    }
  }
  Page<Info> page;
  const size_t limit = static_cast<size_t>(std::max(1, query.max_results));
  uint64_t last_seq = 0;
  for (T* r : All<T>()) {
    if (after && r->seq >= *after) continue;
    const bool keep = std::all_of(query.filters.begin(), query.filters.end(), [&](const Filter& f) {
      return (field(*r, f.key) == f.value) == f.is;
    });
    if (!keep) continue;
    if (page.items.size() == limit) {
      page.next_token = tokens_.Issue(list_name, last_seq, now);
      break;
    }
    page.items.push_back(InfoOf(*r, now));
    last_seq = r->seq;
  }
  return page;
}

Outcome<Page<ForecastExportJobInfo>> Service::ListForecastExportJobs(const ListQuery& query) {
  std::lock_guard<std::mutex> lock(mu_);
  return List<ForecastExportJobResource, ForecastExportJobInfo>(
      "ListForecastExportJobs", query, {"ForecastArn", "Status"},
      [](const ForecastExportJobResource& job, const std::string& key) {
        return key == "ForecastArn" ? job.forecast_arn : std::string(StatusName(job.life.status));
      });
}

Outcome<Done> Service::DeleteForecastExportJob(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* job = Find<ForecastExportJobResource>(arn);
  if (job == nullptr) return ResourceNotFound(arn);
  // "You can delete only export jobs that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteForecastExportJob); a stopped job is as final.
  if (!CanDelete(job->life.status)) {
    return CannotDeleteInStatus(job->Words(), arn, StatusName(job->life.status));
  }
  BeginDelete(*job, now);
  return Done{};
}

// ---- Forecasts ----

Outcome<std::string> Service::PutForecast(const ForecastSpec& spec) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  if (!IsValidFrequency(spec.frequency)) {
    return InvalidInput("The frequency " + spec.frequency + " is not one of Y, M, W, D, H, 30min, 15min, 10min, 5min, 1min");
  }
  if (spec.horizon < 0) return InvalidInput("The horizon must not be negative");
  for (const auto& row : spec.rows) {
    if (row.values.size() != spec.forecast_types.size()) {
      return InvalidInput("Row for item " + row.item_id + " has " + std::to_string(row.values.size()) +
                          " values for " + std::to_string(spec.forecast_types.size()) + " forecast types");
    }
  }
  auto status = ParseStatus(spec.status);
  if (!status) return InvalidInput("Unknown status " + spec.status);
  if (auto ok = CheckNewTags(spec.tags); !ok) return ok.error();

  const std::string arn = arns_.Forecast(spec.name);
  if (resources_.count(arn)) return ResourceAlreadyExists("forecast", arn);

  auto f = std::make_unique<ForecastResource>();
  f->arn = arn;
  f->name = spec.name;
  f->data = spec;
  f->tags = spec.tags;
  f->predictor_arn = spec.predictor_arn.empty() ? arns_.Make("predictor", spec.name + "_predictor")
                                                : spec.predictor_arn;
  f->dataset_group_arn = spec.dataset_group_arn.empty()
                             ? arns_.Make("dataset-group", spec.name + "_dsg")
                             : spec.dataset_group_arn;
  f->life.frozen = true;
  Insert(std::move(f), *status, now);
  return arn;
}

Outcome<Done> Service::SetForecastStatus(const std::string& arn, Status status) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  Unschedule(*f);
  f->life.frozen = true;
  SetStatus(*f, status, now);
  return Done{};
}

Outcome<ForecastInfo> Service::DescribeForecast(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  return InfoOf(*f, now);
}

Outcome<Page<ForecastInfo>> Service::ListForecasts(const ListQuery& query) {
  std::lock_guard<std::mutex> lock(mu_);
  return List<ForecastResource, ForecastInfo>(
      "ListForecasts", query, {"DatasetGroupArn", "PredictorArn", "Status"},
      [](const ForecastResource& f, const std::string& key) {
        if (key == "DatasetGroupArn") return f.dataset_group_arn;
        if (key == "PredictorArn") return f.predictor_arn;
        return std::string(StatusName(f.life.status));
      });
}

Outcome<Done> Service::DeleteForecast(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto* f = Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  // "You can delete only forecasts that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteForecast).
  if (f->life.status != Status::kActive && f->life.status != Status::kCreateFailed) {
    return CannotDeleteInStatus(f->Words(), arn, StatusName(f->life.status));
  }
  // A forecast with export jobs is a resource tree: DeleteResourceTree
  // removes it (wire-format.md §3.4).
  for (auto* job : All<ForecastExportJobResource>()) {
    if (job->forecast_arn == arn) return ResourceHasChildren(f->Words(), arn, "forecast export jobs");
  }
  BeginDelete(*f, now);
  return Done{};
}

// ---- Any resource ----

Outcome<Done> Service::StopResource(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  const Timestamp now = Now();
  SettleLocked(now);
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  Resource& r = *it->second;
  if (!IsCreating(r.life.status)) return NotStoppable(arn, StatusName(r.life.status));
  // "Maximum parallel running StopResource tasks per resource type: 3"
  // (limits.md); text INFERRED.
  if (CountsOf(r).stopping >= options_.quotas.concurrent_stop_resource_per_type) {
    return StopQuotaReached(options_.quotas.concurrent_stop_resource_per_type);
  }
  r.life.frozen = false;
  SetStatus(r, Status::kCreateStopping, now);
  Schedule(r, now + options_.lifecycle.stopping);
  SettleLocked(now);
  return Done{};
}

Outcome<Done> Service::TagResource(const std::string& arn, const std::vector<Tag>& tags) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  std::vector<Tag> merged = it->second->tags;
  for (const auto& t : tags) {
    if (HasAwsPrefix(t.key)) return ReservedTagKey(t.key);
  }
  if (auto ok = CheckNewTags(tags); !ok) return ok.error();
  for (const auto& t : tags) {
    auto same = std::find_if(merged.begin(), merged.end(), [&](const Tag& m) { return m.key == t.key; });
    if (same != merged.end()) {
      same->value = t.value;
    } else {
      merged.push_back(t);
    }
  }
  const auto user = std::count_if(merged.begin(), merged.end(), [](const Tag& t) { return !HasAwsPrefix(t.key); });
  if (user > options_.quotas.tags_per_resource) return TooManyTags(options_.quotas.tags_per_resource);
  it->second->tags = std::move(merged);
  return Done{};
}

Outcome<Done> Service::UntagResource(const std::string& arn, const std::vector<std::string>& keys) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  // "You cannot edit or delete tag keys with this prefix" (Tag documentation).
  for (const auto& k : keys) {
    if (HasAwsPrefix(k)) return ReservedTagKey(k);
  }
  auto& tags = it->second->tags;
  tags.erase(std::remove_if(tags.begin(), tags.end(),
                            [&](const Tag& t) { return std::find(keys.begin(), keys.end(), t.key) != keys.end(); }),
             tags.end());
  return Done{};
}

Outcome<std::vector<Tag>> Service::ListTagsForResource(const std::string& arn) {
  std::lock_guard<std::mutex> lock(mu_);
  SettleLocked(Now());
  auto it = resources_.find(arn);
  if (it == resources_.end()) return ResourceNotFound(arn);
  return it->second->tags;
}

}  // namespace fakeaws::forecast
