// The control API's door to the fault layer and the journal
// (fakeaws/faults.h, fakeaws/journal.h):
//
//   POST   /_fakeaws/faults   {"action":"error","error":"ThrottlingException",
//                              "operation":"AmazonForecast.CreateForecastExportJob","times":2}
//                             -> {"id":1}
//     action:      "error" (default) | "latency" | "drop_connection" | "drop_connection_after_handling"
//     error:       a catalog name (ThrottlingException, LimitExceededException,
//                  InternalFailure, ServiceUnavailable, SlowDown, InternalError,
//                  AccessDenied) or {"type":"...","message":"...","http_status":400}
//     operation:   as the journal names it; or "s3":{"method":"PUT","bucket":"exports","key":"*"}
//     from_call, times (or "always":true), probability, latency_ms
//   GET    /_fakeaws/faults        {"faults":[{"id":1,"rule":"...","fired":2,"matched":3,...}]}
//   GET    /_fakeaws/faults/<id>   {"id":1,"fired":2,"matched":3}
//   DELETE /_fakeaws/faults/<id>   disarm one;  DELETE /_fakeaws/faults: disarm all
//   GET    /_fakeaws/journal[?operation=<op>&failed=true&after=<seq>&before=<seq>&limit=<n>
//                            &order=oldest|newest&view=full|summary]
//                             {"entries":[...],"dropped":0,"size":2,"capacity":10000}
//   GET    /_fakeaws/journal/<sequence>   one entry, request and response with bodies
//   DELETE /_fakeaws/journal
#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "base/url.h"
#include "control/answers.h"
#include "fakeaws/fake.h"
#include "pipeline/core.h"
#include "pipeline/front_door.h"

namespace fakeaws::control {
namespace {

AwsError Invalid(const std::string& message) { return base::InvalidRequest("faults: " + message); }

// The error an error fault answers with, or (in `refusal`) why there is none.
std::optional<AwsError> ErrorFromJson(const Json& json, AwsError* refusal) {
  static const std::map<std::string, std::function<AwsError()>> kCatalog = {
      {"ThrottlingException", [] { return errors::ThrottlingException(); }},
      {"LimitExceededException", [] { return errors::LimitExceededException(); }},
      {"InternalFailure", [] { return errors::InternalFailure(); }},
      {"ServiceUnavailable", [] { return errors::ServiceUnavailable(); }},
      {"SlowDown", [] { return errors::S3SlowDown(); }},
      {"InternalError", [] { return errors::S3InternalError(); }},
      {"AccessDenied", [] { return errors::S3AccessDenied(); }},
  };
  auto refuse = [&](const std::string& message) -> std::optional<AwsError> {
    *refusal = Invalid(message);
    return std::nullopt;
  };
  if (json.is_string()) {
    auto it = kCatalog.find(json.get<std::string>());
    if (it != kCatalog.end()) return it->second();
    std::string names;
    for (const auto& [name, make] : kCatalog) names += (names.empty() ? "" : ", ") + name;
    return refuse("unknown error " + json.get<std::string>() + "; name one of " + names +
                  " or give {\"type\",\"message\",\"http_status\"}");
  }
  if (!json.is_object() || !json.contains("type") || !json["type"].is_string()) {
    return refuse("error must be a name or {\"type\",\"message\",\"http_status\"}");
  }
  AwsError error{json["type"].get<std::string>(), "", 400, {}};
  if (json.contains("message")) {
    if (!json["message"].is_string()) return refuse("error.message must be a string");
    error.message = json["message"].get<std::string>();
  }
  if (json.contains("http_status")) {
    const Json& status = json["http_status"];
    if (!status.is_number_integer() || status.get<int64_t>() < 400 || status.get<int64_t>() > 599) {
      return refuse("error.http_status must be between 400 and 599");
    }
    error.http_status = status.get<int>();
  }
  return error;
}

// A whole number in [low, high] from member `key`, or the refusal.
std::optional<AwsError> IntMember(const Json& body, const char* key, int64_t low, int64_t high, int64_t* out) {
  if (!body.contains(key)) return std::nullopt;
  if (!body[key].is_number_integer() || body[key].get<int64_t>() < low || body[key].get<int64_t>() > high) {
    return Invalid(std::string(key) + " must be a whole number from " + std::to_string(low) + " to " +
                   std::to_string(high));
  }
  *out = body[key].get<int64_t>();
  return std::nullopt;
}

Outcome<FaultRule> RuleFromJson(const Json& body) {
  for (const auto& [key, value] : body.items()) {
    static const char* kKnown[] = {"action", "error",       "operation",  "s3",        "from_call",
                                   "times",  "always",      "probability", "latency_ms"};
    // clang before 16 cannot capture a structured binding in a lambda.
    const std::string& name = key;
    if (std::none_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return name == k; })) {
      return Invalid("unknown member '" + key + "'");
    }
  }
  const std::string action = body.value("action", Json("error")).is_string()
                                 ? body.value("action", Json("error")).get<std::string>()
                                 : "";
  int64_t latency_ms = 0, from_call = 1, times = 1;
  for (auto [key, low, high, out] : {std::tuple{"latency_ms", int64_t{0}, int64_t{600'000}, &latency_ms},
                                     std::tuple{"from_call", int64_t{1}, int64_t{1'000'000'000}, &from_call},
                                     std::tuple{"times", int64_t{1}, int64_t{1'000'000'000}, &times}}) {
    if (auto refused = IntMember(body, key, low, high, out)) return *refused;
  }
  std::optional<FaultRule> rule;
  if (action == "error") {
    if (!body.contains("error")) return Invalid("an error fault needs \"error\"");
    AwsError refusal;
    auto error = ErrorFromJson(body["error"], &refusal);
    if (!error) return refusal;
    rule = FaultRule::Error(*error);
    if (latency_ms > 0) rule->WithLatency(std::chrono::milliseconds(latency_ms));
  } else if (action == "latency") {
    if (latency_ms <= 0) return Invalid("a latency fault needs \"latency_ms\"");
    rule = FaultRule::Latency(std::chrono::milliseconds(latency_ms));
  } else if (action == "drop_connection") {
    rule = FaultRule::DropConnection();
  } else if (action == "drop_connection_after_handling") {
    rule = FaultRule::DropConnectionAfterHandling();
  } else {
    return Invalid("action must be error, latency, drop_connection or drop_connection_after_handling");
  }
  if (action != "error" && body.contains("error")) return Invalid("only an error fault takes \"error\"");
  if (body.contains("operation")) {
    if (!body["operation"].is_string()) return Invalid("operation must be a string");
    rule->On(body["operation"].get<std::string>());
  }
  if (body.contains("s3")) {
    const Json& s3 = body["s3"];
    if (!s3.is_object()) return Invalid("s3 must be {\"method\",\"bucket\",\"key\"}");
    std::string parts[3] = {"*", "*", "*"};
    const char* names[3] = {"method", "bucket", "key"};
    for (int i = 0; i < 3; ++i) {
      if (!s3.contains(names[i])) continue;
      if (!s3[names[i]].is_string()) return Invalid(std::string("s3.") + names[i] + " must be a string");
      parts[i] = s3[names[i]].get<std::string>();
    }
    rule->OnS3(parts[0], parts[1], parts[2]);
  }
  rule->FromCall(static_cast<int>(from_call));
  rule->Times(static_cast<int>(times));
  if (body.contains("always")) {
    if (!body["always"].is_boolean()) return Invalid("always must be true or false");
    if (body["always"].get<bool>()) rule->Always();
  }
  if (body.contains("probability")) {
    if (!body["probability"].is_number() || body["probability"].get<double>() < 0 ||
        body["probability"].get<double>() > 1) {
      return Invalid("probability must be a number from 0 to 1");
    }
    rule->WithProbability(body["probability"].get<double>());
  }
  return *rule;
}

std::optional<int> ParseId(std::string_view text) {
  int id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Json HeadersToJson(const Headers& headers) {
  Json out = Json::array();
  for (const auto& f : headers) out.push_back({f.name, f.value});
  return out;
}

// How much of an entry a listing shows: the outcome only (the page's rows),
// or the request and response too, with the bodies as the journal's own
// readers want them (JSON services' bodies are the operation's input; S3
// bodies may be binary, so a listing gives their size; the single-entry
// answer gives every body).
enum class Detail { kSummary, kListing, kWhole };

Json EntryToJson(const JournalEntry& e, Detail detail) {
  Json entry = {{"sequence", e.sequence},
                {"time", FormatTimestamp(e.time)},
                {"service", e.service},
                {"operation", e.operation}};
  if (e.service == "s3") {
    entry["bucket"] = e.bucket;
    entry["key"] = e.key;
  }
  if (detail != Detail::kSummary) {
    Json& request = entry["request"] = {{"method", e.request.method},
                                        {"target", e.request.target},
                                        {"headers", HeadersToJson(e.request.headers)}};
    Json response = {{"status", e.response.status}, {"headers", HeadersToJson(e.response.headers)}};
    if (detail == Detail::kWhole) {
      // A JSON request body is kept whole; it is shown up to the same limit.
      const bool cut = e.request_body_truncated || e.request.body.size() > JournalEntry::kBodyLimit;
      PutBody(&request, std::string_view(e.request.body).substr(0, JournalEntry::kBodyLimit), cut);
      PutBody(&response, e.response.body, e.response_body_truncated);
    } else if (e.service == "s3") {
      request["body_bytes"] = e.request.body.size();
      request["body_truncated"] = e.request_body_truncated;
      response["body_bytes"] = e.response.body.size();
      response["body_truncated"] = e.response_body_truncated;
    } else {
      request["body"] = e.request.body;
      response["body"] = e.response.body;
      response["body_truncated"] = e.response_body_truncated;
    }
    entry["response"] = std::move(response);
  }
  entry["status"] = e.status;
  entry["error_type"] = e.error_type;
  entry["error_message"] = e.error_message;
  entry["connection_dropped"] = e.connection_dropped;
  entry["fault"] = e.fault;
  return entry;
}

Json RuleToJson(const internal::ArmedRule& armed) {
  static constexpr const char* kActions[] = {"error", "latency", "drop_connection", "drop_connection_after_handling"};
  const FaultRule& rule = armed.rule;
  Json out = {{"id", armed.id},
              {"rule", rule.Describe()},
              {"action", kActions[static_cast<int>(rule.action())]}};
  if (rule.error()) {
    out["error"] = {{"type", rule.error()->type},
                    {"message", rule.error()->message},
                    {"http_status", rule.error()->http_status}};
  }
  out["operation"] = rule.operation();
  if (rule.s3_only()) {
    out["s3"] = {{"method", rule.s3_method()}, {"bucket", rule.bucket_pattern()}, {"key", rule.key_pattern()}};
  }
  out["from_call"] = rule.from_call();
  if (rule.times() < 0) {
    out["always"] = true;
  } else {
    out["times"] = rule.times();
  }
  out["probability"] = rule.probability();
  out["latency_ms"] = rule.latency().count();
  out["fired"] = armed.fired;
  out["matched"] = armed.matched;
  out["spent"] = armed.spent();
  return out;
}

}  // namespace

HttpResponse ArmFault(Fake& fake, const Json& body) {
  auto rule = RuleFromJson(body);
  if (!rule.ok()) return Refusal(rule.error());
  const int id = fake.faults().Arm(rule.value());
  return JsonAnswer(200, Json{{"id", id}, {"rule", rule.value().Describe()}});
}

HttpResponse FaultCounts(Fake& fake, std::string_view id_text) {
  const auto id = ParseId(id_text);
  if (!id) return Refusal(Invalid("no fault " + std::string(id_text)));
  return JsonAnswer(200, Json{{"id", *id}, {"fired", fake.faults().Fired(*id)}, {"matched", fake.faults().Matched(*id)}});
}

HttpResponse DisarmFault(Fake& fake, std::string_view id_text) {
  const auto id = ParseId(id_text);
  if (!id) return Refusal(Invalid("no fault " + std::string(id_text)));
  fake.faults().Disarm(*id);
  return JsonAnswer(200, Json::object());
}

HttpResponse ClearFaults(Fake& fake) {
  fake.faults().Clear();
  return JsonAnswer(200, Json::object());
}

HttpResponse ListFaults(Fake& fake) {
  Json list = Json::array();
  for (const auto& armed : internal::FrontDoor(fake).core().faults.ArmedRules()) list.push_back(RuleToJson(armed));
  return JsonAnswer(200, Json{{"faults", std::move(list)}});
}

HttpResponse ReadJournal(Fake& fake, std::string_view query_text) {
  auto params = ParseQuery(query_text, {"operation", "failed", "after", "before", "limit", "order", "view"},
                           "journal");
  if (!params.ok()) return Refusal(params.error());
  const auto& p = params.value();
  auto one_of = [&p](const std::string& name, std::initializer_list<const char*> values) -> std::optional<int> {
    auto it = p.find(name);
    if (it == p.end()) return 0;
    int i = 0;
    for (const char* v : values) {
      if (it->second == v) return i;
      ++i;
    }
    return std::nullopt;
  };
  internal::JournalQuery query;
  if (p.count("operation")) query.operation = p.at("operation");
  const auto failed = one_of("failed", {"false", "true"});
  const auto order = one_of("order", {"oldest", "newest"});
  const auto view = one_of("view", {"full", "summary"});
  if (!failed) return Refusal(base::InvalidRequest("journal: failed must be true or false"));
  if (!order) return Refusal(base::InvalidRequest("journal: order must be oldest or newest"));
  if (!view) return Refusal(base::InvalidRequest("journal: view must be full or summary"));
  query.failed_only = *failed == 1;
  query.newest_first = *order == 1;
  constexpr uint64_t kMax = std::numeric_limits<int64_t>::max();
  for (auto [name, bound] : {std::pair{"after", &query.after}, std::pair{"before", &query.before}}) {
    if (!p.count(name)) continue;
    auto n = CountParameter(p, name, 0, kMax, 0);
    if (!n.ok()) return Refusal(n.error());
    *bound = n.value();
  }
  auto limit = CountParameter(p, "limit", 1, kMax, kMax);
  if (!limit.ok()) return Refusal(limit.error());
  query.limit = static_cast<size_t>(limit.value());

  const std::vector<JournalEntry> entries = internal::FrontDoor(fake).core().journal.Select(query);
  Json list = Json::array();
  for (const auto& e : entries) list.push_back(EntryToJson(e, *view == 1 ? Detail::kSummary : Detail::kListing));
  return JsonAnswer(200, Json{{"entries", std::move(list)},
                              {"dropped", fake.journal().dropped()},
                              {"size", fake.journal().size()},
                              {"capacity", fake.journal().capacity()}});
}

HttpResponse ReadJournalEntry(Fake& fake, std::string_view sequence_text) {
  uint64_t sequence = 0;
  const char* end = sequence_text.data() + sequence_text.size();
  const auto [stop, ec] = std::from_chars(sequence_text.data(), end, sequence);
  if (ec != std::errc() || stop != end) {
    return Refusal(base::InvalidRequest("journal: " + std::string(sequence_text) + " is not a sequence number"));
  }
  const auto entry = internal::FrontDoor(fake).core().journal.Find(sequence);
  if (!entry) {
    return Refusal(404, "NotFound", "journal: no entry " + std::to_string(sequence) +
                                        " (never made, dropped to stay within capacity, or cleared)");
  }
  Json answer = EntryToJson(*entry, Detail::kWhole);
  answer["body_limit"] = JournalEntry::kBodyLimit;
  return JsonAnswer(200, answer);
}

HttpResponse ClearJournal(Fake& fake) {
  fake.journal().Clear();
  return JsonAnswer(200, Json::object());
}

}  // namespace fakeaws::control
