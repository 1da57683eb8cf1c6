#include "protocol/awsjson.h"

#include "base/ascii.h"
#include "base/time_text.h"
#include "protocol/framework_errors.h"
#include "protocol/json_writer.h"
#include "protocol/sigv4.h"
#include "protocol/validation.h"

namespace fakeaws::protocol {
namespace {

constexpr std::string_view kJson11 = "application/x-amz-json-1.1";
constexpr std::string_view kPlainJson = "application/json";

HttpResponse Base(int status, const ResponseMeta& meta) {
  HttpResponse r;
  r.status = status;
  r.headers.Reserve(4);
  r.headers.Add("x-amzn-RequestId", meta.request_id);
  return r;
}

void Finish(HttpResponse* r, const ResponseMeta& meta) {
  r->headers.Add("Content-Length", std::to_string(r->body.size()));
  r->headers.Add("Date", meta.date);
}

// Coral's answer when it cannot tell which operation is meant: an XML-ish
// body and no content type (wire-format.md §2.1, last row; kinesalite),
// read by clients as the root element's name and its <Message>.
Reply XmlishRefusal(int status, std::string body, std::string type, std::string message,
                    const ResponseMeta& meta) {
  HttpResponse r = Base(status, meta);
  r.body = std::move(body);
  Finish(&r, meta);
  return {std::move(r), AwsError{std::move(type), std::move(message), status, {}}};
}

Reply AccessDeniedUnknownOperation(const ResponseMeta& meta) {
  static constexpr const char* kMessage = "Unable to determine service/operation name to be authorized";
  return XmlishRefusal(403,
                       std::string("<AccessDeniedException>\n  <Message>") + kMessage +
                           "</Message>\n</AccessDeniedException>\n",
                       "AccessDeniedException", kMessage, meta);
}

// A client speaking plain application/json gets Coral's legacy envelope
// with status 200 (wire-format.md §1.2, "Content-Type echo"): an error all
// the same, without a message.
Reply LegacyEnvelope(std::string_view type, std::string_view message_key, const ResponseMeta& meta) {
  HttpResponse r = Base(200, meta);
  r.headers.Add("Content-Type", std::string(kPlainJson));
  r.body = "{\"Output\":{\"__type\":\"com.amazon.coral.service#" + std::string(type) + "\",\"" +
           std::string(message_key) + "\":null},\"Version\":\"1.0\"}";
  Finish(&r, meta);
  return {std::move(r), AwsError{std::string(type), "", 200, {}}};
}

// Both Forecast and forecastquery sign as "forecast" (botocore 1.43.11
// models: forecastquery's metadata has endpointPrefix "forecastquery" but
// signingName "forecast").
constexpr std::string_view kSigningName = "forecast";

std::optional<AwsError> CheckSignature(const HttpRequest& request, const AuthOptions& auth,
                                       std::string_view region) {
  SigV4Request in{&request, /*s3=*/false, region, kSigningName, ServerNow(auth)};
  const SigV4Verdict v = VerifySigV4(in, auth.credentials);
  switch (v.kind) {
    case SigV4Verdict::kOk: return std::nullopt;
    case SigV4Verdict::kMissing: return MissingAuthenticationTokenError();
    case SigV4Verdict::kBothForms:
      return InvalidSignatureError(
          "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    case SigV4Verdict::kIncomplete: return IncompleteSignatureError(v.incomplete_message);
    case SigV4Verdict::kBadDate: return BadRequestDateError(v.request_date);
    // VerifySigV4 gives kPresignExpired for S3 only; were it to reach here,
    // a date too old is what it means.
    case SigV4Verdict::kPresignExpired:
    case SigV4Verdict::kExpired:
      return SignatureExpiredError(v.request_date, base::AmzDate(v.server_now - kMaxSkew), base::AmzDate(v.server_now));
    case SigV4Verdict::kNotYetCurrent:
      return SignatureNotYetCurrentError(v.request_date, base::AmzDate(v.server_now + kMaxSkew), base::AmzDate(v.server_now));
    case SigV4Verdict::kHostNotSigned:
      return InvalidSignatureError("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    case SigV4Verdict::kWrongScope:
      return CredentialScopeError(v.region_wrong ? v.scope_region : std::string(),
                                  v.service_wrong ? std::string(kSigningName) : std::string());
    case SigV4Verdict::kUnknownAccessKey: return UnrecognizedClientError();
    case SigV4Verdict::kMismatch: return SignatureMismatchError(v.canonical_request, v.string_to_sign);
  }
  return std::nullopt;
}

}  // namespace

std::variant<JsonCall, Reply> AwsJsonProtocol::Decode(const HttpRequest& request, const ResponseMeta& meta) const {
  // The order below is kinesalite's httpHandler, whose tests ran against a
  // live Coral service (wire-format.md §2.1).
  if (request.method != "POST") return AccessDeniedUnknownOperation(meta);

  const std::string_view raw_type = request.headers.Get("Content-Type").value_or("");
  const std::string content_type = base::TrimSpaces(raw_type.substr(0, raw_type.find(';')));
  const bool content_valid = content_type == kJson11 || content_type == kPlainJson;

  const std::string_view target = request.headers.Get("X-Amz-Target").value_or("");
  const size_t dot = target.find('.');
  const std::string_view service = target.substr(0, dot);
  const std::string_view operation_name = dot == std::string_view::npos ? "" : target.substr(dot + 1);
  const Operation* operation =
      service == model_.target_prefix() ? model_.FindOperation(operation_name) : nullptr;

  if (request.body.empty() && content_type == kJson11) {
    return Error(operation ? SerializationError() : UnknownOperationError(), meta);
  }
  if (!content_valid) {
    if (service.empty() || operation_name.empty()) return AccessDeniedUnknownOperation(meta);
    return XmlishRefusal(404, "<UnknownOperationException/>\n", "UnknownOperationException", "", meta);
  }

  std::unique_ptr<JsonDocument> body = ParseJson(request.body);
  if (body == nullptr || !body->root().is_object()) {
    if (content_type == kPlainJson) return LegacyEnvelope("SerializationException", "Message", meta);
    return Error(SerializationError(), meta);
  }
  if (content_type == kPlainJson) return LegacyEnvelope("UnknownOperationException", "message", meta);
  if (operation == nullptr) return Error(UnknownOperationError(), meta);
  if (auth_.verify_signatures) {
    if (auto error = CheckSignature(request, auth_, region_)) return Error(*error, meta);
  }

  if (operation->input != nullptr) {
    if (auto error = CheckMemberTypes(*operation->input, body->root())) return Error(*error, meta);
    if (auto error = CheckConstraints(*operation->input, body->root())) return Error(*error, meta);
  }
  return JsonCall{operation, std::move(body)};
}

Reply AwsJsonProtocol::Success(std::string body, const ResponseMeta& meta) {
  HttpResponse r = Base(200, meta);
  r.headers.Add("Content-Type", std::string(kJson11));
  r.body = std::move(body);
  Finish(&r, meta);
  return {std::move(r), std::nullopt};
}

std::string BareErrorType(std::string type) {
  type = type.substr(0, type.find(':'));
  const size_t hash = type.rfind('#');
  return hash == std::string::npos ? type : type.substr(hash + 1);
}

Reply AwsJsonProtocol::Error(const AwsError& error, const ResponseMeta& meta) {
  HttpResponse r = Base(error.http_status, meta);
  r.headers.Add("Content-Type", std::string(kJson11));
  // Bare shape name, `__type` first, then the message (wire-format.md §1.3).
  JsonWriter w;
  w.BeginObject().Key("__type").String(error.type);
  if (!error.message.empty()) w.Key(JsonMessageKey(error.type)).String(error.message);
  w.EndObject();
  r.body = w.Take();
  Finish(&r, meta);
  return {std::move(r), AwsError{BareErrorType(error.type), error.message, error.http_status, {}}};
}

}  // namespace fakeaws::protocol
