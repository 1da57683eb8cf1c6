// Forecast's dataset domains and the fields each dataset type needs
// (custom-domain.md, retail-domain.md and the other *-domain.md pages).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forecast/imported_data.h"

namespace fakeaws::forecast {

struct DomainFields {
  std::string_view id_field;      // item_id, instance_type, workforce_type, metric_name
  std::string_view target_field;  // demand, target_value, number_of_instances, ...
};

// nullopt for a domain outside the model's enum.
std::optional<DomainFields> FieldsOf(std::string_view domain);

// The first attribute `schema` lacks, or has with the wrong type, among those
// a `dataset_type` dataset of `domain` requires: the identifier (string),
// timestamp (timestamp, time series only) and, for TARGET_TIME_SERIES, the
// target (integer or float). "" when the schema has them all.
//
// The domain pages also list fields such as `location`, `price` or
// `category` under "required" while describing them as optional; the fake
// requires only the fields without which nothing can be forecast (INFERRED,
// wire-format.md has no capture of this check).
std::string MissingRequiredAttribute(std::string_view domain, std::string_view dataset_type,
                                     const std::vector<SchemaAttribute>& schema, std::string* expected_type);

}  // namespace fakeaws::forecast
