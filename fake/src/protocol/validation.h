// The checks Coral runs on a JSON request before the service sees it
// (wire-format.md §2.1): member types (SerializationException), then the
// model's constraints (ValidationException, every violation in one message).
#pragma once

#include <optional>

#include "fakeaws/error.h"
#include "protocol/json_value.h"
#include "protocol/model.h"

namespace fakeaws::protocol {

// A SerializationException for the first member, in model order, whose JSON
// type the shape cannot take. Members the model does not know are ignored,
// and null counts as absent, as in Coral.
std::optional<AwsError> CheckMemberTypes(const Shape& input, const JsonValue& body);

// A ValidationException naming up to 10 violations of required, length,
// pattern, enum and range constraints, in Coral's words (wire-format.md §2.2).
std::optional<AwsError> CheckConstraints(const Shape& input, const JsonValue& body);

}  // namespace fakeaws::protocol
