// Read-only views of the fake's state for the page (GET /_fakeaws/ui) and
// for scripts. They read the domains through the core (what a listing needs,
// sizes and ETags, every resource's type, a forecast's numbers, is no test
// author's business in the public headers), settled first as the typed API
// does, so a due export has landed:
//
//   GET /_fakeaws/resources[?type=forecast-export-job]
//       {"resources":[{"type","arn","name","status","message","parent_arn","creation_time",
//                      "last_modification_time","destination_path","exported_objects":[...]}]}
//   GET /_fakeaws/forecasts/series?arn=<forecast arn>[&limit=1000]
//       {"arn","forecast_types":["0.1",...],"dimensions":[...],"series":[{"item_id","dimension_values"}],
//        "total":n,"truncated":false}
//   GET /_fakeaws/forecasts/values?arn=<forecast arn>&item_id=<item>
//       {"arn","item_id","forecast_types":[...],"series":[{"dimension_values":[],"dates":[...],
//        "values":[[...one list per forecast type...]]}]}
//   GET /_fakeaws/buckets
//       {"buckets":[{"name","region","creation_date"}]}
//   GET /_fakeaws/objects?bucket=<b>[&prefix=&delimiter=&start_after=&max_keys=1000]
//       {"bucket","prefix","delimiter","objects":[{"key","size","etag","last_modified"}],
//        "common_prefixes":[...],"truncated":false[,"next_start_after":"..."]}
//   GET /_fakeaws/object?bucket=<b>&key=<k>[&max_bytes=1048576]
//       {"bucket","key","size","etag","content_type","last_modified","body"|"body_base64",
//        "body_bytes","body_truncated"}
#include <algorithm>
#include <iterator>

#include "control/answers.h"
#include "fakeaws/fake.h"
#include "pipeline/core.h"
#include "pipeline/front_door.h"

namespace fakeaws::control {
namespace {

// The types forecast::ResourceSummary::type names.
constexpr std::string_view kResourceTypes[] = {
    "dataset-group",  "dataset",         "dataset-import-job", "predictor",
    "forecast",       "forecast-export-job", "predictor-backtest-export-job", "explainability",
    "explainability-export", "monitor",  "what-if-analysis",   "what-if-forecast",
    "what-if-forecast-export"};

// A listing page holds at most this many keys, as ListObjectsV2's.
constexpr uint64_t kMaxKeys = 1000;
// What /object shows of a body unless asked: a CSV page's worth.
constexpr uint64_t kDefaultObjectBytes = 1024 * 1024;
constexpr uint64_t kMaxObjectBytes = 16 * 1024 * 1024;
constexpr uint64_t kDefaultSeries = 1000;
constexpr uint64_t kMaxSeries = 1'000'000;

// A required, non-empty parameter.
Outcome<std::string> Required(const std::map<std::string, std::string>& params, const std::string& name,
                              std::string_view where) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty()) {
    return base::InvalidRequest(std::string(where) + ": " + name + " is required");
  }
  return it->second;
}

std::string Optional(const std::map<std::string, std::string>& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

Json Strings(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const auto& v : values) out.push_back(v);
  return out;
}

internal::Core& CoreOf(Fake& fake) { return internal::FrontDoor(fake).core(); }

}  // namespace

HttpResponse ListResources(Fake& fake, std::string_view query) {
  auto params = ParseQuery(query, {"type"}, "resources");
  if (!params.ok()) return Refusal(params.error());
  const std::string type = Optional(params.value(), "type");
  if (!type.empty() && std::find(std::begin(kResourceTypes), std::end(kResourceTypes), type) == std::end(kResourceTypes)) {
    std::string names;
    for (auto t : kResourceTypes) names += (names.empty() ? "" : ", ") + std::string(t);
    return Refusal(base::InvalidRequest("resources: unknown type " + type + "; one of " + names));
  }
  Json list = Json::array();
  for (const forecast::ResourceSummary& r : CoreOf(fake).forecast.AllResources()) {
    if (!type.empty() && r.type != type) continue;
    list.push_back({{"type", r.type},
                    {"arn", r.arn},
                    {"name", r.name},
                    {"status", r.status},
                    {"message", r.message},
                    {"parent_arn", r.parent_arn},
                    {"creation_time", FormatTimestamp(r.creation_time)},
                    {"last_modification_time", FormatTimestamp(r.last_modification_time)},
                    {"destination_path", r.destination_path},
                    {"exported_objects", Strings(r.exported_objects)}});
  }
  return JsonAnswer(200, Json{{"resources", std::move(list)}});
}

HttpResponse ListForecastSeries(Fake& fake, std::string_view query) {
  auto params = ParseQuery(query, {"arn", "limit"}, "forecasts/series");
  if (!params.ok()) return Refusal(params.error());
  auto arn = Required(params.value(), "arn", "forecasts/series");
  if (!arn.ok()) return Refusal(arn.error());
  auto limit = CountParameter(params.value(), "limit", 1, kMaxSeries, kDefaultSeries);
  if (!limit.ok()) return Refusal(limit.error());
  auto listing = CoreOf(fake).forecast.ForecastSeriesOf(arn.value());
  if (!listing.ok()) return Refusal(listing.error());
  const forecast::SeriesListing& l = listing.value();
  Json list = Json::array();
  for (const forecast::SeriesId& s : l.series) {
    if (list.size() == limit.value()) break;
    list.push_back({{"item_id", s.item_id}, {"dimension_values", Strings(s.dimension_values)}});
  }
  return JsonAnswer(200, Json{{"arn", arn.value()},
                              {"forecast_types", Strings(l.forecast_types)},
                              {"dimensions", Strings(l.dimensions)},
                              {"series", std::move(list)},
                              {"total", l.series.size()},
                              {"truncated", l.series.size() > limit.value()}});
}

HttpResponse ForecastValues(Fake& fake, std::string_view query) {
  auto params = ParseQuery(query, {"arn", "item_id"}, "forecasts/values");
  if (!params.ok()) return Refusal(params.error());
  auto arn = Required(params.value(), "arn", "forecasts/values");
  if (!arn.ok()) return Refusal(arn.error());
  auto item = Required(params.value(), "item_id", "forecasts/values");
  if (!item.ok()) return Refusal(item.error());
  auto values = CoreOf(fake).forecast.ForecastValuesOf(arn.value(), item.value());
  if (!values.ok()) return Refusal(values.error());
  Json list = Json::array();
  for (const forecast::SeriesValues& v : values.value().series) {
    Json dates = Json::array();
    for (Timestamp t : v.dates) dates.push_back(FormatTimestamp(t));
    list.push_back({{"dimension_values", Strings(v.series.dimension_values)},
                    {"dates", std::move(dates)},
                    {"values", v.values}});
  }
  return JsonAnswer(200, Json{{"arn", arn.value()},
                              {"item_id", item.value()},
                              {"forecast_types", Strings(values.value().forecast_types)},
                              {"series", std::move(list)}});
}

HttpResponse ListBuckets(Fake& fake) {
  Json list = Json::array();
  for (const S3Bucket& b : fake.s3().ListBuckets()) {
    list.push_back({{"name", b.name}, {"region", b.region}, {"creation_date", FormatTimestamp(b.creation_date)}});
  }
  return JsonAnswer(200, Json{{"buckets", std::move(list)}});
}

HttpResponse ListObjects(Fake& fake, std::string_view query) {
  auto params = ParseQuery(query, {"bucket", "prefix", "delimiter", "start_after", "max_keys"}, "objects");
  if (!params.ok()) return Refusal(params.error());
  auto bucket = Required(params.value(), "bucket", "objects");
  if (!bucket.ok()) return Refusal(bucket.error());
  auto max_keys = CountParameter(params.value(), "max_keys", 1, kMaxKeys, kMaxKeys);
  if (!max_keys.ok()) return Refusal(max_keys.error());
  s3::ListQuery page_query;
  page_query.prefix = Optional(params.value(), "prefix");
  page_query.delimiter = Optional(params.value(), "delimiter");
  page_query.after = Optional(params.value(), "start_after");
  page_query.max_keys = static_cast<size_t>(max_keys.value());
  internal::Core& core = CoreOf(fake);
  core.Settle();
  auto page = core.s3.store().ListObjects(bucket.value(), page_query);
  if (!page.ok()) return Refusal(page.error());
  Json objects = Json::array();
  for (const s3::ListedObject& o : page.value().objects) {
    objects.push_back({{"key", o.key},
                       {"size", o.size},
                       {"etag", o.etag},
                       {"last_modified", FormatTimestamp(o.last_modified)}});
  }
  Json answer = {{"bucket", bucket.value()},
                 {"prefix", page_query.prefix},
                 {"delimiter", page_query.delimiter},
                 {"objects", std::move(objects)},
                 {"common_prefixes", Strings(page.value().common_prefixes)},
                 {"truncated", page.value().truncated}};
  if (page.value().truncated) answer["next_start_after"] = page.value().last;
  return JsonAnswer(200, answer);
}

HttpResponse ReadObject(Fake& fake, std::string_view query) {
  auto params = ParseQuery(query, {"bucket", "key", "max_bytes"}, "object");
  if (!params.ok()) return Refusal(params.error());
  auto bucket = Required(params.value(), "bucket", "object");
  if (!bucket.ok()) return Refusal(bucket.error());
  auto key = Required(params.value(), "key", "object");
  if (!key.ok()) return Refusal(key.error());
  auto max_bytes = CountParameter(params.value(), "max_bytes", 0, kMaxObjectBytes, kDefaultObjectBytes);
  if (!max_bytes.ok()) return Refusal(max_bytes.error());
  internal::Core& core = CoreOf(fake);
  core.Settle();
  auto object = core.s3.store().GetObject(bucket.value(), key.value());
  if (!object.ok()) return Refusal(object.error());
  const s3::ObjectInfo& o = object.value();
  Json answer = {{"bucket", bucket.value()},
                 {"key", key.value()},
                 {"size", o.size()},
                 {"etag", o.ETag()},
                 {"content_type", o.content_type()},
                 {"last_modified", FormatTimestamp(o.last_modified)}};
  const std::string_view body = o.body.view();
  PutBody(&answer, body.substr(0, static_cast<size_t>(max_bytes.value())), body.size() > max_bytes.value());
  return JsonAnswer(200, answer);
}

}  // namespace fakeaws::control
