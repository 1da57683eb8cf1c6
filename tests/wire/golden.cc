#include "golden.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fakeaws::testing {
namespace {

std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::runtime_error(std::string("bad hex digit in @escaped body: ") + c);
}

// "@fill <count> <char>" and "@escaped" bodies (golden.h).
std::string ExpandBody(const std::string& body) {
  if (body.rfind("@fill ", 0) == 0) {
    const auto words = Words(body);
    return std::string(std::stoull(words.at(1)), words.at(2).at(0));
  }
  if (body.rfind("@escaped\n", 0) == 0) {
    std::string out;
    for (size_t i = 9; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '\n') continue;
      if (c != '\\' || i + 1 >= body.size()) {
        out += c;
        continue;
      }
      const char e = body[++i];
      if (e == 'r') out += '\r';
      else if (e == 'n') out += '\n';
      else if (e == 't') out += '\t';
      else if (e == '\\') out += '\\';
      else if (e == 'x' && i + 2 < body.size()) {
        out += static_cast<char>(HexDigit(body[i + 1]) * 16 + HexDigit(body[i + 2]));
        i += 2;
      } else {
        throw std::runtime_error("bad escape in @escaped body");
      }
    }
    return out;
  }
  return body;
}

// A block is the text between two markers without the newline that ends its
// last line: "head\n\nbody" or "head\n" (no body). A body that ends in a
// newline is followed by one empty line in the file.
std::pair<std::string, std::string> SplitBlock(const std::string& text) {
  const size_t split = text.find("\n\n");
  if (split != std::string::npos) return {text.substr(0, split), text.substr(split + 2)};
  std::string head = text;
  if (!head.empty() && head.back() == '\n') head.pop_back();
  return {head, ""};
}

HttpRequest ParseRequest(const std::string& text) {
  auto [head_text, body] = SplitBlock(text);
  HttpRequest r;
  std::istringstream head(head_text);
  std::string line;
  std::getline(head, line);
  auto words = Words(line);
  r.method = words.at(0);
  r.target = words.at(1);
  while (std::getline(head, line)) {
    // "Name: value"; "Name:" is a header with an empty value.
    const size_t colon = line.find(':');
    const size_t value = std::min(line.size(), colon + (colon + 1 < line.size() && line[colon + 1] == ' ' ? 2 : 1));
    r.headers.Add(line.substr(0, colon), line.substr(value));
  }
  r.body = ExpandBody(body);
  return r;
}

// The expected response as wire bytes: the head's line ends become CRLF.
std::string ToWire(const std::string& text) {
  auto [head, body] = SplitBlock(text);
  std::string out;
  for (char c : head) {
    if (c == '\n') out += "\r\n";
    else out += c;
  }
  return out + "\r\n\r\n" + ExpandBody(body);
}

}  // namespace

GoldenCase LoadGoldenCase(const std::string& path) {
  std::ifstream in(path);
  GoldenCase c;
  c.name = std::filesystem::path(path).stem().string();
  std::string line;
  int number = 0;
  enum { kTop, kRequest, kResponse } mode = kTop;
  std::string buffer;
  int exchange_line = 0;
  HttpRequest pending;
  auto flush = [&] {
    if (!buffer.empty()) buffer.pop_back();  // the last line's own newline
    if (mode == kRequest) {
      pending = ParseRequest(buffer);
    } else if (mode == kResponse) {
      GoldenStep step{GoldenStep::kExchange, {}, pending, ToWire(buffer), exchange_line};
      c.steps.push_back(std::move(step));
    }
    buffer.clear();
  };
  while (std::getline(in, line)) {
    ++number;
    if (line == ">>>" || line == "<<<") {
      flush();
      mode = line == ">>>" ? kRequest : kResponse;
      if (mode == kRequest) exchange_line = number;
      continue;
    }
    // In a response, "@escaped" right after the blank line starts its body.
    const bool escaped_body = mode == kResponse && line == "@escaped" && buffer.size() >= 2 &&
                              buffer.compare(buffer.size() - 2, 2, "\n\n") == 0;
    if (mode == kTop || (mode == kResponse && line.rfind("@", 0) == 0 && !escaped_body)) {
      if (mode == kResponse) {
        flush();
        mode = kTop;
      }
      if (line.rfind("# source:", 0) == 0) c.source = line.substr(9);
      if (line.rfind("@option", 0) == 0) c.options.push_back(Words(line.substr(7)));
      else if (line.rfind("@", 0) == 0) c.steps.push_back({GoldenStep::kSetup, Words(line.substr(1)), {}, "", number});
      continue;
    }
    buffer += line + "\n";
  }
  flush();
  return c;
}

std::vector<std::string> GoldenFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".http") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Options OptionsFor(const GoldenCase& c) {
  Options o;
  for (const auto& w : c.options) {
    const std::string& name = w.at(0);
    if (name == "lifecycle" && w.at(1) == "observable") o.lifecycle = LifecycleDurations::Observable();
    else if (name == "roles_must_exist") o.roles_must_exist = w.at(1) == "true";
    else if (name == "region") o.region = w.at(1);
    else if (name == "concurrent_forecast_export_jobs") o.quotas.concurrent_forecast_export_jobs = std::stoi(w.at(1));
    else if (name == "forecast_export_jobs") o.quotas.forecast_export_jobs = std::stoi(w.at(1));
    else if (name == "concurrent_stop_resource_per_type") o.quotas.concurrent_stop_resource_per_type = std::stoi(w.at(1));
    else if (name == "dataset_groups") o.quotas.dataset_groups = std::stoi(w.at(1));
    else if (name == "datasets") o.quotas.datasets = std::stoi(w.at(1));
    else if (name == "concurrent_dataset_import_jobs") o.quotas.concurrent_dataset_import_jobs = std::stoi(w.at(1));
    else if (name == "dataset_import_jobs") o.quotas.dataset_import_jobs = std::stoi(w.at(1));
    else if (name == "concurrent_predictors") o.quotas.concurrent_predictors = std::stoi(w.at(1));
    else if (name == "predictors") o.quotas.predictors = std::stoi(w.at(1));
    else if (name == "concurrent_forecasts") o.quotas.concurrent_forecasts = std::stoi(w.at(1));
    else if (name == "forecasts") o.quotas.forecasts = std::stoi(w.at(1));
    else if (name == "export_parts") o.export_layout.parts = std::stoi(w.at(1));
    else if (name == "max_object_bytes") o.limits.max_object_bytes = std::stoull(w.at(1));
    else if (name == "max_user_metadata_bytes") o.limits.max_user_metadata_bytes = std::stoull(w.at(1));
    else if (name == "max_header_section_bytes") o.limits.max_header_section_bytes = std::stoull(w.at(1));
    else if (name == "max_json_body_bytes") o.limits.max_json_body_bytes = std::stoull(w.at(1));
    else if (name == "auth") {
      o.auth.verify_signatures = true;
      o.auth.credentials[w.at(1)] = w.at(2);
    }
    else if (name == "server_time") {
      // The "now" signatures are dated against (AuthOptions::server_time),
      // so cases signed at a fixed instant pass whenever they run.
      Timestamp t;
      if (!ParseTimestamp(w.at(1), &t)) throw std::runtime_error("bad @option server_time " + w.at(1));
      o.auth.server_time = [t] { return t; };
    }
    else throw std::runtime_error("unknown @option " + name);
  }
  return o;
}

std::string ApplySetup(Fake& fake, const std::vector<std::string>& w) {
  const std::string& what = w.at(0);
  if (what == "forecast") {
    ForecastSpec spec;
    spec.name = w.at(1);
    if (w.size() > 2) spec.status = w.at(2);
    spec.series = {ForecastSeries("item_1"), ForecastSeries("item_2")};
    spec.horizon = 3;
    auto r = fake.forecast().PutForecast(spec);
    return r.ok() ? "" : r.error().message;
  }
  if (what == "bucket") {
    auto r = fake.s3().CreateBucket(w.at(1));
    return r.ok() ? "" : r.error().message;
  }
  if (what == "object") {
    // The rest of the line, words joined by one space; "\n" is a line break.
    std::string body;
    for (size_t i = 3; i < w.size(); ++i) body += (i > 3 ? " " : "") + w[i];
    for (size_t at = body.find("\\n"); at != std::string::npos; at = body.find("\\n", at + 1)) {
      body.replace(at, 2, "\n");
    }
    auto r = fake.s3().PutObject(w.at(1), w.at(2), body);
    return r.ok() ? "" : r.error().message;
  }
  if (what == "advance") {
    fake.clock().Advance(std::chrono::milliseconds(std::stoll(w.at(1))));
    return "";
  }
  if (what == "forecast-status") {
    auto r = fake.forecast().SetForecastStatus(fake.forecast().ForecastArn(w.at(1)), w.at(2));
    return r.ok() ? "" : r.error().message;
  }
  if (what == "role") {
    fake.forecast().AddRole(fake.forecast().RoleArn(w.at(1)));
    return "";
  }
  return "unknown setup directive " + what;
}

std::string CompareWire(const std::string& expected, const std::string& actual) {
  // <uuid> in an expected header stands for the lower-case UUID AWS sends
  // as a request id (random at AWS, seeded here).
  static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::string normalized = actual;
  const size_t marker = expected.find("<uuid>");
  std::smatch m;
  if (marker != std::string::npos && std::regex_search(actual, m, kUuid) &&
      static_cast<size_t>(m.position(0)) == marker) {
    normalized.replace(marker, m.length(0), "<uuid>");
  }
  // An opaque NextToken: its value is AWS's business, its presence is not.
  const std::string token = ExtractToken(normalized);
  if (!token.empty() && expected.find("\"NextToken\":\"<token>\"") != std::string::npos) {
    const size_t at = normalized.find("\"NextToken\":\"" + token);
    normalized.replace(at + 13, token.size(), "<token>");
    // The body got shorter; so must the Content-Length it is compared with.
    const size_t delta = token.size() - 7;
    static const std::regex kLength("Content-Length: (\\d+)");
    if (std::regex_search(normalized, m, kLength)) {
      const std::string fixed = "Content-Length: " + std::to_string(std::stoul(m[1]) - delta);
      normalized.replace(m.position(0), m.length(0), fixed);
    }
  }
  if (expected == normalized) return "";
  return "expected:\n" + expected + "\n--- actual:\n" + actual;
}

std::string ExtractToken(const std::string& response) {
  const std::string key = "\"NextToken\":\"";
  const size_t at = response.find(key);
  if (at == std::string::npos) return "";
  const size_t end = response.find('"', at + key.size());
  return response.substr(at + key.size(), end - at - key.size());
}

}  // namespace fakeaws::testing

namespace fakeaws::testing {
namespace {

std::string HeaderValue(const std::string& wire, const std::string& name) {
  const std::string marker = "\r\n" + name + ": ";
  const size_t at = wire.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return wire.substr(start, wire.find("\r\n", start) - start);
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

std::string UploadPlaceholder(size_t i) { return i == 0 ? "<upload-id>" : "<upload-id:" + std::to_string(i + 1) + ">"; }
std::string VersionPlaceholder(size_t i) {
  return i == 0 ? "<version-id>" : "<version-id:" + std::to_string(i + 1) + ">";
}

// Learns each new match of `pattern`'s first group, in order.
void Learn(const std::string& actual, const std::regex& pattern, std::vector<std::string>* learned) {
  for (auto it = std::sregex_iterator(actual.begin(), actual.end(), pattern); it != std::sregex_iterator(); ++it) {
    const std::string id = (*it)[1];
    if (std::find(learned->begin(), learned->end(), id) == learned->end()) learned->push_back(id);
  }
}

}  // namespace

std::string CompareWire(const std::string& expected, const std::string& actual, GoldenVars* vars) {
  static const std::regex kRequestId("[A-Z0-9]{16}");
  static const std::regex kHostId("[A-Za-z0-9+/]{75}=");
  static const std::regex kUploadTag("<UploadId>([A-Za-z0-9._-]{88})</UploadId>");
  static const std::regex kVersionId("(?:version-id: |VersionId>)([A-Za-z0-9._]{32})[\r<]");
  Learn(actual, kUploadTag, &vars->upload_ids);
  // An error may echo an id the request made up: only answers teach ids.
  if (actual.compare(0, 10, "HTTP/1.1 2") == 0) Learn(actual, kVersionId, &vars->version_ids);
  std::string normalized = actual;
  const std::string request_id = HeaderValue(actual, "x-amz-request-id");
  const std::string host_id = HeaderValue(actual, "x-amz-id-2");
  if (expected.find("<request-id>") != std::string::npos && std::regex_match(request_id, kRequestId)) {
    ReplaceAll(&normalized, request_id, "<request-id>");
  }
  if (expected.find("<host-id>") != std::string::npos && std::regex_match(host_id, kHostId)) {
    ReplaceAll(&normalized, host_id, "<host-id>");
  }
  for (size_t i = 0; i < vars->upload_ids.size(); ++i) ReplaceAll(&normalized, vars->upload_ids[i], UploadPlaceholder(i));
  for (size_t i = 0; i < vars->version_ids.size(); ++i) {
    ReplaceAll(&normalized, vars->version_ids[i], VersionPlaceholder(i));
  }
  if (expected == normalized) return "";
  return "expected:\n" + expected + "\n--- actual:\n" + normalized;
}

HttpRequest ExpandVars(HttpRequest request, const GoldenVars& vars) {
  for (size_t i = 0; i < vars.upload_ids.size(); ++i) {
    ReplaceAll(&request.target, UploadPlaceholder(i), vars.upload_ids[i]);
    ReplaceAll(&request.body, UploadPlaceholder(i), vars.upload_ids[i]);
  }
  Headers headers;
  for (const Headers::Field& field : request.headers) {
    std::string value = field.value;
    for (size_t i = 0; i < vars.version_ids.size(); ++i) ReplaceAll(&value, VersionPlaceholder(i), vars.version_ids[i]);
    headers.Add(field.name, std::move(value));
  }
  request.headers = std::move(headers);
  for (size_t i = 0; i < vars.version_ids.size(); ++i) {
    ReplaceAll(&request.target, VersionPlaceholder(i), vars.version_ids[i]);
    ReplaceAll(&request.body, VersionPlaceholder(i), vars.version_ids[i]);
  }
  return request;
}

}  // namespace fakeaws::testing
