#include "core/snapshot.h"

#include "core/core.h"
#include "core/json_fields.h"
#include "fakeaws/fake.h"

namespace fakeaws {

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
