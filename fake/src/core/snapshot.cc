#include "core/snapshot.h"

#include "core/json_fields.h"

#include <typeindex>

#include "core/core.h"
#include "fakeaws/fake.h"
#include "forecast/status.h"

namespace fakeaws {
namespace internal {
namespace {

using forecast::ForecastExportJobResource;
using forecast::ForecastResource;
using forecast::Resource;

Json TimeOrNull(const std::optional<Timestamp>& t) { return t ? Json(FormatTimestamp(*t)) : Json(); }

Json SaveCommon(const Resource& r, std::string_view kind) {
  return {{"kind", kind},
          {"arn", r.arn},
          {"name", r.name},
          {"seq", r.seq},
          {"status", forecast::StatusName(r.life.status)},
          {"creation_time", FormatTimestamp(r.life.creation_time)},
          {"changed_at", FormatTimestamp(r.life.changed_at)},
          {"message", r.life.message},
          {"frozen", r.life.frozen},
          {"due", TimeOrNull(r.due)},
          {"tags", TagsToJson(r.tags)}};
}

void DecodeCommon(JsonFields& f, const Json& json, Resource& r) {
  r.arn = f.String("arn");
  r.name = f.String("name");
  r.seq = f.Unsigned("seq");
  const std::string status = f.String("status");
  if (auto s = forecast::ParseStatus(status)) {
    r.life.status = *s;
  } else {
    f.Fail("unknown status " + status);
  }
  r.life.creation_time = f.Time("creation_time");
  r.life.changed_at = f.Time("changed_at");
  r.life.message = f.String("message");
  r.life.frozen = f.Bool("frozen");
  if (const Json& due = f.Member("due"); f.ok() && !due.is_null()) r.due = f.Time("due");
  if (f.ok()) {
    auto tags = TagsFromJson(json["tags"], "tags");
    if (tags.ok()) {
      r.tags = std::move(tags).value();
    } else {
      f.Fail(tags.error().message);
    }
  }
}

}  // namespace

// ---- Forecast ----

Outcome<Json> ForecastSnapshot::Save(forecast::Service& service) {
  std::lock_guard<std::mutex> lock(service.mu_);
  Json resources = Json::array();
  // By creation order, so equal states give equal documents.
  std::vector<const Resource*> ordered;
  for (const auto& [arn, r] : service.resources_) ordered.push_back(r.get());
  std::sort(ordered.begin(), ordered.end(), [](const Resource* a, const Resource* b) { return a->seq < b->seq; });
  for (const Resource* r : ordered) {
    if (const auto* f = dynamic_cast<const ForecastResource*>(r)) {
      Json j = SaveCommon(*f, "forecast");
      j["spec"] = ForecastSpecToJson(f->data);
      j["predictor_arn"] = f->predictor_arn;
      j["dataset_group_arn"] = f->dataset_group_arn;
      j["created_using_auto_predictor"] = f->created_using_auto_predictor;
      resources.push_back(std::move(j));
    } else if (const auto* job = dynamic_cast<const ForecastExportJobResource*>(r)) {
      Json j = SaveCommon(*job, "forecast_export_job");
      j["forecast_arn"] = job->forecast_arn;
      j["destination"] = {{"path", job->destination.path},
                          {"role_arn", job->destination.role_arn},
                          {"kms_key_arn", job->destination.kms_key_arn}};
      j["format"] = job->format;
      j["exported_objects"] = job->exported_objects;
      resources.push_back(std::move(j));
    } else {
      return InvalidRequest("snapshot: " + std::string(r->Words()) + " resources are not covered yet (" +
                            r->arn + ")");
    }
  }
  return Json{{"next_seq", service.next_seq_},
              {"roles", Json(std::vector<std::string>(service.roles_.begin(), service.roles_.end()))},
              {"resources", std::move(resources)}};
}

Outcome<ForecastSnapshot::Contents> ForecastSnapshot::Decode(const Json& json) {
  Contents out;
  JsonFields top(json, "forecast");
  out.next_seq = top.Unsigned("next_seq");
  for (auto& role : top.Strings("roles")) out.roles.insert(std::move(role));
  const Json& list = top.Member("resources");
  if (top.ok() && !list.is_array()) top.Fail("resources must be a list");
  if (!top.ok()) return top.error();
  std::set<uint64_t> seqs;
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& j = list[i];
    JsonFields f(j, "forecast.resources[" + std::to_string(i) + "]");
    const std::string kind = f.String("kind");
    std::unique_ptr<Resource> r;
    if (kind == "forecast") {
      auto forecast = std::make_unique<ForecastResource>();
      auto spec = ForecastSpecFromJson(f.Member("spec"));
      if (f.ok() && !spec.ok()) f.Fail(spec.error().message);
      if (f.ok()) forecast->data = std::move(spec).value();
      forecast->predictor_arn = f.String("predictor_arn");
      forecast->dataset_group_arn = f.String("dataset_group_arn");
      forecast->created_using_auto_predictor = f.Bool("created_using_auto_predictor");
      r = std::move(forecast);
    } else if (kind == "forecast_export_job") {
      auto job = std::make_unique<ForecastExportJobResource>();
      job->forecast_arn = f.String("forecast_arn");
      JsonFields d(f.Member("destination"), "destination");
      job->destination.path = d.String("path");
      job->destination.role_arn = d.String("role_arn");
      job->destination.kms_key_arn = d.String("kms_key_arn");
      if (!d.ok()) f.Fail(d.error().message);
      job->format = f.String("format");
      job->exported_objects = f.Strings("exported_objects");
      r = std::move(job);
    } else if (f.ok()) {
      f.Fail("unknown kind " + kind);
    }
    if (r) DecodeCommon(f, j, *r);
    if (f.ok() && (r->seq == 0 || r->seq >= out.next_seq || !seqs.insert(r->seq).second)) {
      f.Fail("seq must be unique and below next_seq");
    }
    if (f.ok() && out.resources.count(r->arn)) f.Fail("duplicate arn " + r->arn);
    if (!f.ok()) return f.error();
    const std::string arn = r->arn;
    out.resources.emplace(arn, std::move(r));
  }
  return out;
}

void ForecastSnapshot::Apply(forecast::Service& service, Contents contents) {
  std::lock_guard<std::mutex> lock(service.mu_);
  service.resources_ = std::move(contents.resources);
  service.roles_ = std::move(contents.roles);
  service.next_seq_ = contents.next_seq;
  service.timeline_.clear();
  service.counts_.clear();
  // The schedule and the quota counts follow from the resources, as
  // Schedule, Insert and SetStatus keep them.
  for (auto& [arn, r] : service.resources_) {
    if (r->due) service.timeline_.emplace(*r->due, r->seq, r->arn);
    auto& counts = service.CountsOf(*r);
    counts.total += 1;
    counts.creating += forecast::IsCreating(r->life.status) ? 1 : 0;
    counts.stopping += r->life.status == forecast::Status::kCreateStopping ? 1 : 0;
  }
}

}  // namespace internal

// ---- The whole fake ----

Outcome<std::string> Fake::Snapshot() {
  internal::Core& core = *core_;
  core.Settle();
  auto forecast = internal::ForecastSnapshot::Save(core.forecast);
  if (!forecast.ok()) return forecast.error();
  internal::Json doc = {
      {"fakeaws_snapshot", internal::kSnapshotVersion},
      {"account_id", core.options.account_id},
      {"region", core.options.region},
      {"seed", core.options.seed},
      {"clock",
       {{"now", FormatTimestamp(core.clock.Now())},
        {"mode", internal::ClockModeName(core.clock.mode())},
        {"step_ms", core.clock.step().count()}}},
      {"requests", core.requests.load()},
      {"forecast", std::move(forecast).value()},
      {"s3", internal::S3Snapshot::Save(core.s3)},
  };
  return doc.dump(1);
}

Outcome<Done> Fake::Restore(const std::string& snapshot) {
  using internal::InvalidRequest;
  internal::Core& core = *core_;
  const internal::Json doc = internal::Json::parse(snapshot, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return InvalidRequest("snapshot: not a JSON object");
  internal::JsonFields top(doc, "snapshot");
  const uint64_t version = top.Unsigned("fakeaws_snapshot");
  if (top.ok() && version != internal::kSnapshotVersion) {
    top.Fail("version " + std::to_string(version) + " is not " + std::to_string(internal::kSnapshotVersion));
  }
  // ARNs hold the account and region, and generated data the seed: a
  // snapshot only makes sense in a fake built like the one that took it.
  const std::string account = top.String("account_id");
  const std::string region = top.String("region");
  const uint64_t seed = top.Unsigned("seed");
  if (top.ok() && (account != core.options.account_id || region != core.options.region || seed != core.options.seed)) {
    top.Fail("taken with account " + account + ", region " + region + ", seed " + std::to_string(seed) +
             "; this fake has account " + core.options.account_id + ", region " + core.options.region +
             ", seed " + std::to_string(core.options.seed));
  }
  internal::JsonFields clock(top.Member("clock"), "clock");
  const Timestamp now = clock.Time("now");
  const internal::Json& mode_name = clock.Member("mode");
  const std::optional<ClockMode> mode =
      mode_name.is_string() ? internal::ClockModeFromName(mode_name.get<std::string>()) : std::nullopt;
  if (clock.ok() && !mode) clock.Fail("mode must be manual, step or real");
  const uint64_t step_ms = clock.Unsigned("step_ms");
  if (!clock.ok()) top.Fail(clock.error().message);
  const uint64_t requests = top.Unsigned("requests");
  if (!top.ok()) return top.error();

  auto forecast = internal::ForecastSnapshot::Decode(doc["forecast"]);
  if (!forecast.ok()) return forecast.error();
  if (!doc.contains("s3")) return InvalidRequest("snapshot: s3 is missing");
  auto s3 = internal::S3Snapshot::Decode(doc["s3"], core.options.region);
  if (!s3.ok()) return s3.error();

  core.clock.Reset(now);
  core.clock.set_mode(*mode, std::chrono::milliseconds(step_ms));
  core.requests.store(requests);
  internal::S3Snapshot::Apply(core.s3, s3.value());
  internal::ForecastSnapshot::Apply(core.forecast, std::move(forecast).value());
  return Done{};
}

void Fake::Reset() {
  Fake fresh(core_->options);
  auto snapshot = fresh.Snapshot();
  // A new fake holds nothing a snapshot could fail on.
  if (snapshot.ok()) (void)Restore(snapshot.value());
  core_->journal.Clear();
  core_->faults.Clear();
}

}  // namespace fakeaws
