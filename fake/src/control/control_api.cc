#include "fakeaws/control.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <variant>

#include "base/spec_json.h"
#include "control/answers.h"
#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

using control::JsonAnswer;
using control::Refusal;
using base::Json;

constexpr std::string_view kPrefix = "/_fakeaws";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The body as a JSON object ({} when empty), or the refusal.
std::variant<Json, HttpResponse> BodyObject(const HttpRequest& request) {
  if (request.body.empty()) return Json::object();
  Json body = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    return Refusal(base::InvalidRequest("the body must be a JSON object"));
  }
  return body;
}

Json ClockState(Clock& clock) {
  return {{"now", FormatTimestamp(clock.Now())},
          {"mode", base::ClockModeName(clock.mode())},
          {"step_ms", clock.step().count()}};
}

HttpResponse ChangeClock(Fake& fake, const Json& body) {
  Clock& clock = fake.clock();
  for (const auto& [key, value] : body.items()) {
    if (key != "advance_ms" && key != "set" && key != "mode" && key != "step_ms") {
      return Refusal(base::InvalidRequest("unknown member '" + key + "'; use advance_ms, set, mode, step_ms"));
    }
  }
  std::optional<ClockMode> mode;
  if (body.contains("mode")) {
    if (body["mode"].is_string()) mode = base::ClockModeFromName(body["mode"].get<std::string>());
    if (!mode) return Refusal(base::InvalidRequest("mode must be \"manual\", \"step\" or \"real\""));
  }
  std::chrono::milliseconds step = clock.step();
  if (body.contains("step_ms")) {
    if (!body["step_ms"].is_number_unsigned()) {
      return Refusal(base::InvalidRequest("step_ms must be a non-negative integer"));
    }
    step = std::chrono::milliseconds(body["step_ms"].get<int64_t>());
  }
  std::optional<Timestamp> target;
  if (body.contains("set")) {
    auto t = base::TimestampFromJson(body["set"], "set");
    if (!t.ok()) return Refusal(t.error());
    if (*t < clock.Now()) {
      return Refusal(base::InvalidRequest("set: " + FormatTimestamp(*t) + " is before the clock's " +
                                              FormatTimestamp(clock.Now()) + "; time does not go back"));
    }
    target = *t;
  }
  std::optional<std::chrono::milliseconds> advance;
  if (body.contains("advance_ms")) {
    if (!body["advance_ms"].is_number_unsigned()) {
      return Refusal(base::InvalidRequest("advance_ms must be a non-negative integer"));
    }
    advance = std::chrono::milliseconds(body["advance_ms"].get<int64_t>());
  }
  // Checked in full above, so a refused request changes nothing.
  if (mode || body.contains("step_ms")) clock.set_mode(mode.value_or(clock.mode()), step);
  if (target) clock.AdvanceTo(*target);
  if (advance) clock.Advance(*advance);
  return JsonAnswer(200, ClockState(clock));
}

HttpResponse SeedForecast(Fake& fake, const Json& body) {
  auto spec = base::ForecastSpecFromJson(body);
  if (!spec.ok()) return Refusal(spec.error());
  auto arn = fake.forecast().PutForecast(spec.value());
  if (!arn.ok()) return Refusal(arn.error());
  return JsonAnswer(200, Json{{"arn", arn.value()}});
}

HttpResponse SeedBucket(Fake& fake, const Json& body) {
  if (body.size() != 1 || !body.contains("name") || !body["name"].is_string()) {
    return Refusal(base::InvalidRequest("the body must be {\"name\":\"<bucket>\"}"));
  }
  const std::string name = body["name"].get<std::string>();
  auto created = fake.s3().CreateBucket(name);
  if (!created.ok()) return Refusal(created.error());
  return JsonAnswer(200, Json{{"name", name}});
}

// A browser names the page that sent a request in Origin (and, lately,
// Sec-Fetch-Site). A page from anywhere else may not drive the fake: a
// form or a no-cors fetch to http://127.0.0.1:<port>/_fakeaws/reset needs
// no preflight, so without this any web page open beside a test run could
// reset the fake or arm faults. The control page itself is same-origin;
// clients that are not browsers send neither header.
bool FromAnotherSite(const HttpRequest& request) {
  if (auto site = request.headers.Get("Sec-Fetch-Site")) {
    if (*site == "cross-site" || *site == "same-site") return true;
  }
  auto origin = request.headers.Get("Origin");
  if (!origin) return false;
  const std::string host(request.headers.Get("Host").value_or(""));
  return *origin != "http://" + host && *origin != "https://" + host;
}

}  // namespace

bool ControlApi::Accepts(const HttpRequest& request) {
  const std::string_view target = request.target;
  if (target.substr(0, kPrefix.size()) != kPrefix) return false;
  if (target.size() > kPrefix.size() && target[kPrefix.size()] != '/' && target[kPrefix.size()] != '?') {
    return false;
  }
  // On a virtual-hosted S3 host the path is a key, and keys may start with
  // "_fakeaws/": those requests are S3's (the forms the S3 router knows).
  std::string host(request.headers.Get("Host").value_or(""));
  if (const size_t colon = host.rfind(':'); colon != std::string::npos && host.find(']') == std::string::npos) {
    host.resize(colon);
  }
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !EndsWith(host, ".localhost") && host.find(".amazonaws.com") == std::string::npos;
}

HttpResponse ControlApi::Handle(const HttpRequest& request) {
  std::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  if (path.size() > kPrefix.size() + 1 && path.back() == '/') path.remove_suffix(1);
  const std::string_view endpoint = path.substr(std::min(path.size(), kPrefix.size()));
  const std::string& method = request.method;
  const size_t q = request.target.find('?');
  const std::string_view query =
      q == std::string::npos ? std::string_view() : std::string_view(request.target).substr(q + 1);
  if (FromAnotherSite(request)) {
    return Refusal(403, "Forbidden", "the control API answers its own page and clients that are not browsers, "
                                     "not a page from another site");
  }
  auto body = BodyObject(request);

  auto wrong_method = [&](std::string_view allowed) {
    HttpResponse r = Refusal(405, "MethodNotAllowed",
                             method + " " + std::string(path) + " is not supported; use " + std::string(allowed));
    r.headers.Add("Allow", std::string(allowed));
    return r;
  };
  auto with_body = [&](auto&& handle) -> HttpResponse {
    if (auto* refusal = std::get_if<HttpResponse>(&body)) return std::move(*refusal);
    return handle(std::get<Json>(body));
  };

  if (endpoint == "/health") {
    if (method != "GET") return wrong_method("GET");
    return JsonAnswer(200, Json{{"status", "ok"},
                                {"account_id", fake_.options().account_id},
                                {"region", fake_.options().region}});
  }
  if (endpoint == "/reset") {
    if (method != "POST") return wrong_method("POST");
    fake_.Reset();
    return JsonAnswer(200, Json::object());
  }
  if (endpoint == "/clock") {
    if (method == "GET") return JsonAnswer(200, ClockState(fake_.clock()));
    if (method != "POST") return wrong_method("GET, POST");
    return with_body([&](const Json& b) { return ChangeClock(fake_, b); });
  }
  if (endpoint == "/forecasts") {
    if (method != "POST") return wrong_method("POST");
    return with_body([&](const Json& b) { return SeedForecast(fake_, b); });
  }
  if (endpoint == "/buckets") {
    if (method == "GET") return control::ListBuckets(fake_);
    if (method != "POST") return wrong_method("GET, POST");
    return with_body([&](const Json& b) { return SeedBucket(fake_, b); });
  }
  if (endpoint == "/state") {
    if (method == "GET") {
      auto snapshot = fake_.Snapshot();
      if (!snapshot.ok()) return Refusal(snapshot.error());
      HttpResponse r;
      r.body = std::move(snapshot).value();
      r.headers.Add("Content-Type", "application/json");
      r.headers.Add("Content-Length", std::to_string(r.body.size()));
      return r;
    }
    if (method != "PUT") return wrong_method("GET, PUT");
    auto restored = fake_.Restore(request.body);
    if (!restored.ok()) return Refusal(restored.error());
    return JsonAnswer(200, Json::object());
  }
  if (endpoint == "/faults") {
    if (method == "GET") return control::ListFaults(fake_);
    if (method == "DELETE") return control::ClearFaults(fake_);
    if (method != "POST") return wrong_method("GET, POST, DELETE");
    return with_body([&](const Json& b) { return control::ArmFault(fake_, b); });
  }
  if (endpoint.substr(0, 8) == "/faults/") {
    const std::string_view id = endpoint.substr(8);
    if (method == "GET") return control::FaultCounts(fake_, id);
    if (method != "DELETE") return wrong_method("GET, DELETE");
    return control::DisarmFault(fake_, id);
  }
  if (endpoint == "/journal") {
    if (method == "GET") return control::ReadJournal(fake_, query);
    if (method != "DELETE") return wrong_method("GET, DELETE");
    return control::ClearJournal(fake_);
  }
  if (endpoint.substr(0, 9) == "/journal/") {
    if (method != "GET") return wrong_method("GET");
    return control::ReadJournalEntry(fake_, endpoint.substr(9));
  }
  // Read-only views of the state, for the page and for scripts.
  using View = HttpResponse (*)(Fake&, std::string_view);
  static constexpr std::pair<std::string_view, View> kViews[] = {
      {"/resources", control::ListResources},       {"/forecasts/series", control::ListForecastSeries},
      {"/forecasts/values", control::ForecastValues}, {"/objects", control::ListObjects},
      {"/object", control::ReadObject},
  };
  for (const auto& [name, view] : kViews) {
    if (endpoint != name) continue;
    if (method != "GET") return wrong_method("GET");
    return view(fake_, query);
  }
  if (endpoint == "/ui") {
    if (method != "GET") return wrong_method("GET");
    return control::UiPage();
  }
  return Refusal(404, "NotFound",
                 "no control endpoint " + std::string(path) +
                     "; see README.md (health, reset, clock, forecasts, buckets, objects, object, resources, "
                     "state, faults, journal, ui)");
}

}  // namespace fakeaws
