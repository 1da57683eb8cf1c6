#include "protocol/s3_wire.h"

#include "core/core.h"
#include "core/seeded.h"
#include "protocol/awsjson.h"

namespace fakeaws::protocol {
namespace {

void AppendXmlEscaped(std::string* out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      default: out->push_back(c);
    }
  }
}

void Element(std::string* out, std::string_view name, std::string_view value) {
  out->append("<").append(name).append(">");
  AppendXmlEscaped(out, value);
  out->append("</").append(name).append(">");
}

}  // namespace

HttpResponse S3ErrorResponse(const AwsError& error, const std::string& request_id,
                             const std::string& host_id, const std::string& date, bool head) {
  HttpResponse r;
  r.status = error.http_status;
  r.headers.Add("x-amz-request-id", request_id);
  r.headers.Add("x-amz-id-2", host_id);
  r.headers.Add("Content-Type", "application/xml");
  if (!head) {
    r.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>";
    Element(&r.body, "Code", error.type);
    Element(&r.body, "Message", error.message);
    for (const auto& [name, value] : error.details) Element(&r.body, name, value);
    Element(&r.body, "RequestId", request_id);
    Element(&r.body, "HostId", host_id);
    r.body += "</Error>";
  }
  r.headers.Add("Content-Length", std::to_string(r.body.size()));
  r.headers.Add("Date", date);
  r.headers.Add("Server", "AmazonS3");
  return r;
}

HttpResponse HandleS3(internal::Core& core, HttpRequest request, uint64_t n) {
  const uint64_t seed = core.options.seed;
  const std::string request_id = internal::SeededUpperAlnum(seed, internal::kS3RequestIdStream, n, 16);
  const std::string host_id = internal::SeededBase64(seed, internal::kS3HostIdStream, n, 56);
  const std::string date = ImfFixdate(core.clock.Now().time_since_epoch().count());
  // The S3 REST wire is issue #3's work; until then every S3 request gets
  // S3's own NotImplemented answer rather than a silent success.
  AwsError error{"NotImplemented", "A header you provided implies functionality that is not implemented", 501, {}};
  return S3ErrorResponse(error, request_id, host_id, date, request.method == "HEAD");
}

}  // namespace fakeaws::protocol
