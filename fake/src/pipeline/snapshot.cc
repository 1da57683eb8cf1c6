// Snapshots: a Fake's whole state as one JSON document, and back
// (Fake::Snapshot, Fake::Restore, Fake::Reset; fakeaws-server --state; the
// control API's /_fakeaws/state). This file holds the whole document; each
// domain writes its own part (forecast/snapshot.h, s3/snapshot.h). Each
// part has a Save (under that service's lock), a Decode that builds the new
// contents without touching the fake, and an Apply that swaps them in, so a
// snapshot that fails to decode changes nothing.
//
// The document:
//   {"fakeaws_snapshot":2,"account_id":"123456789012","region":"us-east-1","seed":0,
//    "clock":{"now":"2026-01-01T00:00:07Z","mode":"step","step_ms":1000},
//    "requests":7,
//    "forecast":{"next_seq":3,"roles":[],"data":[...],"resources":[{"kind":"forecast",...},...]},
//    "s3":{"buckets":[{"name":"exports","region":"us-east-1","creation_date":"...",
//                      "objects":[{"key":"...","body_base64":"...",...}]}]}}
#include "base/json_fields.h"
#include "fakeaws/fake.h"
#include "forecast/snapshot.h"
#include "pipeline/core.h"
#include "s3/snapshot.h"

namespace fakeaws {
namespace {

// 2: every Forecast resource, imported data, multipart part counts.
constexpr int kSnapshotVersion = 2;

}  // namespace

// ---- The whole fake ----

Outcome<std::string> Fake::Snapshot() {
  internal::Core& core = *core_;
  core.Settle();
  auto forecast = forecast::Snapshot::Save(core.forecast);
  if (!forecast.ok()) return forecast.error();
  base::Json doc = {
      {"fakeaws_snapshot", kSnapshotVersion},
      {"account_id", core.options.account_id},
      {"region", core.options.region},
      {"seed", core.options.seed},
      {"clock",
       {{"now", FormatTimestamp(core.clock.Now())},
        {"mode", base::ClockModeName(core.clock.mode())},
        {"step_ms", core.clock.step().count()}}},
      {"requests", core.requests.load()},
      {"forecast", std::move(forecast).value()},
      {"s3", s3::Snapshot::Save(core.s3.store())},
  };
  return doc.dump(1);
}

Outcome<Done> Fake::Restore(const std::string& snapshot) {
  using base::InvalidRequest;
  internal::Core& core = *core_;
  const base::Json doc = base::Json::parse(snapshot, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return InvalidRequest("snapshot: not a JSON object");
  base::JsonFields top(doc, "snapshot");
  const uint64_t version = top.Unsigned("fakeaws_snapshot");
  if (top.ok() && version != kSnapshotVersion) {
    top.Fail("version " + std::to_string(version) + " is not " + std::to_string(kSnapshotVersion));
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
  base::JsonFields clock(top.Member("clock"), "clock");
  const Timestamp now = clock.Time("now");
  const base::Json& mode_name = clock.Member("mode");
  const std::optional<ClockMode> mode =
      mode_name.is_string() ? base::ClockModeFromName(mode_name.get<std::string>()) : std::nullopt;
  if (clock.ok() && !mode) clock.Fail("mode must be manual, step or real");
  const uint64_t step_ms = clock.Unsigned("step_ms");
  if (!clock.ok()) top.Fail(clock.error().message);
  const uint64_t requests = top.Unsigned("requests");
  if (!top.ok()) return top.error();

  auto forecast = forecast::Snapshot::Decode(doc["forecast"]);
  if (!forecast.ok()) return forecast.error();
  if (!doc.contains("s3")) return InvalidRequest("snapshot: s3 is missing");
  auto s3 = s3::Snapshot::Decode(doc["s3"], core.options.region);
  if (!s3.ok()) return s3.error();

  core.clock.Reset(now);
  core.clock.set_mode(*mode, std::chrono::milliseconds(step_ms));
  core.requests.store(requests);
  s3::Snapshot::Apply(core.s3.store(), s3.value());
  forecast::Snapshot::Apply(core.forecast, std::move(forecast).value());
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
