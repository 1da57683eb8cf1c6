#include "protocol/framework_errors.h"

namespace fakeaws::protocol {

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
