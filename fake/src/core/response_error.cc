// Reading an AWS error back out of a response, the way clients do.
#include <nlohmann/json.hpp>

#include "fakeaws/error.h"
#include "fakeaws/http.h"

namespace fakeaws {
namespace {

// botocore's sanitizing (wire-format.md §1.4): text before ':' then after '#'.
std::string BareErrorType(std::string type) {
  type = type.substr(0, type.find(':'));
  const size_t hash = type.rfind('#');
  return hash == std::string::npos ? type : type.substr(hash + 1);
}

std::string XmlUnescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    const size_t semi = s.find(';', i);
    const std::string_view entity =
        semi == std::string_view::npos ? std::string_view() : s.substr(i + 1, semi - i - 1);
    if (entity == "amp") out.push_back('&');
    else if (entity == "lt") out.push_back('<');
    else if (entity == "gt") out.push_back('>');
    else if (entity == "quot") out.push_back('"');
    else if (entity == "apos") out.push_back('\'');
    else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

// The text of the first <name>...</name> in `xml`, or nullopt.
std::optional<std::string> XmlElement(std::string_view xml, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  const size_t b = xml.find(open);
  if (b == std::string_view::npos) return std::nullopt;
  const size_t e = xml.find(close, b + open.size());
  if (e == std::string_view::npos) return std::nullopt;
  return XmlUnescape(xml.substr(b + open.size(), e - b - open.size()));
}

std::optional<AwsError> JsonError(const nlohmann::json& body, int status) {
  const nlohmann::json* object = &body;
  // Coral's legacy envelope for application/json clients (§1.2).
  if (body.contains("Output") && body["Output"].is_object()) object = &body["Output"];
  auto type = object->find("__type");
  if (type == object->end() || !type->is_string()) return std::nullopt;
  AwsError error;
  error.type = BareErrorType(type->get<std::string>());
  error.http_status = status;
  // botocore reads `message`, then `Message` (§1.4).
  for (const char* key : {"message", "Message"}) {
    auto m = object->find(key);
    if (m != object->end() && m->is_string()) {
      error.message = m->get<std::string>();
      break;
    }
  }
  return error;
}

std::optional<AwsError> XmlError(std::string_view body, int status) {
  AwsError error;
  error.http_status = status;
  if (auto code = XmlElement(body, "Code"); code && body.find("<Error>") != std::string_view::npos) {
    error.type = *code;
  } else {
    // Coral's refusals name the error by the root element:
    // <AccessDeniedException>\n  <Message>...</Message>, <UnknownOperationException/>.
    size_t root = body.find('<');
    while (root != std::string_view::npos && root + 1 < body.size() && body[root + 1] == '?') {
      root = body.find('<', root + 1);
    }
    if (root == std::string_view::npos) return std::nullopt;
    const size_t end = body.find_first_of(" />", root + 1);
    if (end == std::string_view::npos) return std::nullopt;
    error.type = std::string(body.substr(root + 1, end - root - 1));
  }
  error.message = XmlElement(body, "Message").value_or("");
  return error;
}

}  // namespace

std::optional<AwsError> ErrorInResponse(const HttpResponse& response) {
  const std::string& body = response.body;
  // A success carries an error only in Coral's legacy envelope; skip the
  // parse for every other success (the journal reads each response).
  if (response.status < 300 && body.find("\"__type\"") == std::string::npos) return std::nullopt;
  const size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && body[first] == '{') {
    nlohmann::json json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (!json.is_discarded() && json.is_object()) {
      if (auto error = JsonError(json, response.status)) return error;
    }
  }
  if (response.status < 300) return std::nullopt;
  if (first != std::string::npos && body[first] == '<') {
    if (auto error = XmlError(body, response.status)) return error;
  }
  return AwsError{"", "", response.status, {}};
}

}  // namespace fakeaws
