// The awsJson1_1 protocol as Coral serves it: from request bytes to a
// validated call, and from a result or AwsError back to response bytes.
// Knows the wire, nothing of Forecast's business rules.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "fakeaws/options.h"
#include "protocol/json_value.h"
#include "protocol/model.h"
#include "protocol/reply.h"

namespace fakeaws::protocol {

// Headers every response carries; computed once per request by the fake.
struct ResponseMeta {
  std::string request_id;  // x-amzn-RequestId
  std::string date;        // IMF-fixdate, from the fake's clock
};

struct JsonCall {
  const Operation* operation = nullptr;
  // The request body, type-checked and validated against the model. Its
  // strings may view the request's body, which must outlive the call.
  std::unique_ptr<JsonDocument> body;
  const JsonValue& input() const { return body->root(); }
};

class AwsJsonProtocol {
 public:
  // `region`: the region a credential scope must name.
  AwsJsonProtocol(const ServiceModel& model, const AuthOptions& auth, std::string_view region)
      : model_(model), auth_(auth), region_(region) {}

  // Runs Coral's checks in Coral's order (wire-format.md §2.1): method and
  // content type, JSON parse, target, signature (when verifying), member
  // types, model constraints.
  // Returns the call, or the reply that refuses it.
  std::variant<JsonCall, Reply> Decode(const HttpRequest& request, const ResponseMeta& meta) const;

  // 200 with `body` (a JSON document, or empty for operations without output:
  // wire-format.md §1.2).
  static Reply Success(std::string body, const ResponseMeta& meta);
  // 4xx/5xx with {"__type":..., "Message"|"message":...}.
  static Reply Error(const AwsError& error, const ResponseMeta& meta);

 private:
  const ServiceModel& model_;
  const AuthOptions& auth_;
  std::string_view region_;
};

// An error type as clients read `__type` (botocore's sanitizing,
// wire-format.md §1.4): the text before ':', then after '#'.
std::string BareErrorType(std::string type);

}  // namespace fakeaws::protocol
