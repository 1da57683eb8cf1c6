// Reading an AWS error back out of a response, the way clients do.

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "protocol/awsjson.h"
#include "protocol/json_value.h"

namespace fakeaws {
namespace {

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

std::optional<AwsError> JsonError(const protocol::JsonValue& body, int status) {
  const protocol::JsonValue* object = &body;
  // Coral's legacy envelope for application/json clients (§1.2).
  if (const auto* output = body.Find("Output"); output && output->is_object()) object = output;
  const auto* type = object->Find("__type");
  if (type == nullptr || !type->is_string()) return std::nullopt;
  AwsError error;
  error.type = protocol::BareErrorType(type->str());
  error.http_status = status;
  // botocore reads `message`, then `Message` (§1.4).
  for (const char* key : {"message", "Message"}) {
    if (const auto* m = object->Find(key); m && m->is_string()) {
      error.message = m->str();
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
  // (Searched from the rare `_`: a search led by `"` stops at every member.)
  if (response.status < 300 && body.find("__type\"") == std::string::npos) return std::nullopt;
  const size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && body[first] == '{') {
    if (auto json = protocol::ParseJson(body); json && json->root().is_object()) {
      if (auto error = JsonError(json->root(), response.status)) return error;
    }
  }
  if (response.status < 300) return std::nullopt;
  if (first != std::string::npos && body[first] == '<') {
    if (auto error = XmlError(body, response.status)) return error;
  }
  return AwsError{"", "", response.status, {}};
}

}  // namespace fakeaws
