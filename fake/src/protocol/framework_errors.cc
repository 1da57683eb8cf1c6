#include "protocol/framework_errors.h"

namespace fakeaws::protocol {

namespace {

HttpResponse BareRefusal(int status) {
  HttpResponse r;
  r.status = status;
  r.headers.Add("Transfer-Encoding", "chunked");
  r.body = "0\r\n\r\n";
  return r;
}

}  // namespace

HttpResponse RequestEntityTooLarge() { return BareRefusal(413); }

HttpResponse RequestHeaderFieldsTooLarge() { return BareRefusal(431); }

size_t HeaderSectionBytes(const HttpRequest& request) {
  size_t n = request.method.size() + 1 + request.target.size() + 11;  // " HTTP/1.1\r\n"
  for (const auto& field : request.headers) n += field.name.size() + 2 + field.value.size() + 2;
  return n;
}

std::optional<uint64_t> DecimalHeader(const Headers& headers, std::string_view name) {
  const auto text = headers.Get(name);
  // 19 digits always fit in 64 bits.
  if (!text || text->empty() || text->size() > 19) return std::nullopt;
  uint64_t n = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

AwsError SerializationError(std::string message) {
  return {"SerializationException", std::move(message), 400, {}};
}

AwsError UnknownOperationError() { return {"UnknownOperationException", "", 400, {}}; }

AwsError ValidationError(std::string message) {
  return {"ValidationException", std::move(message), 400, {}};
}

AwsError ThrottlingError() { return {"ThrottlingException", "Rate exceeded", 400, {}}; }

AwsError MissingAuthenticationTokenError() {
  return {"MissingAuthenticationTokenException", "Missing Authentication Token", 400, {}};
}

AwsError IncompleteSignatureError(std::string message) {
  return {"IncompleteSignatureException", std::move(message), 400, {}};
}

AwsError InvalidSignatureError(std::string message) {
  return {"InvalidSignatureException", std::move(message), 400, {}};
}

AwsError UnrecognizedClientError() {
  return {"UnrecognizedClientException", "The security token included in the request is invalid.", 400, {}};
}

AwsError SignatureExpiredError(const std::string& request_date, const std::string& earliest,
                               const std::string& now) {
  return InvalidSignatureError("Signature expired: " + request_date + " is now earlier than " + earliest + " (" +
                               now + " - 15 min.)");
}

AwsError SignatureNotYetCurrentError(const std::string& request_date, const std::string& latest,
                                     const std::string& now) {
  return InvalidSignatureError("Signature not yet current: " + request_date + " is still later than " + latest +
                               " (" + now + " + 15 min.)");
}

AwsError BadRequestDateError(const std::string& date) {
  return IncompleteSignatureError("Date must be in ISO-8601 'basic format'. Got '" + date +
                                  "'. See http://en.wikipedia.org/wiki/ISO_8601");
}

AwsError CredentialScopeError(const std::string& wrong_region, const std::string& expected_service) {
  std::string message;
  if (!wrong_region.empty()) message += "Credential should be scoped to a valid region, not '" + wrong_region + "'. ";
  if (!expected_service.empty()) {
    message += "Credential should be scoped to correct service: '" + expected_service + "'. ";
  }
  return InvalidSignatureError(std::move(message));
}

AwsError SignatureMismatchError(const std::string& canonical_request, const std::string& string_to_sign) {
  return InvalidSignatureError(
      "The request signature we calculated does not match the signature you provided. Check your AWS "
      "Secret Access Key and signing method. Consult the service documentation for details.\n\nThe "
      "Canonical String for this request should have been\n'" +
      canonical_request + "'\n\nThe String-to-Sign should have been\n'" + string_to_sign + "'\n");
}

std::string_view JsonMessageKey(std::string_view type) {
  if (type == "ValidationException" || type == "ThrottlingException" ||
      type == "MissingAuthenticationTokenException" || type == "IncompleteSignatureException" ||
      type == "InvalidSignatureException" || type == "UnrecognizedClientException" ||
      type == "AccessDeniedException" || type == "NotImplemented") {
    return "message";
  }
  return "Message";
}

AwsError NotImplementedError(std::string_view target) {
  return {"NotImplemented",
          "fakeaws does not implement " + std::string(target) +
              " yet; see the support table in fakeaws's README.md",
          501,
          {}};
}

}  // namespace fakeaws::protocol
