#include "forecast/domains.h"

namespace fakeaws::forecast {

std::optional<DomainFields> FieldsOf(std::string_view domain) {
  if (domain == "RETAIL" || domain == "INVENTORY_PLANNING") return DomainFields{"item_id", "demand"};
  if (domain == "CUSTOM") return DomainFields{"item_id", "target_value"};
  if (domain == "EC2_CAPACITY") return DomainFields{"instance_type", "number_of_instances"};
  if (domain == "WORK_FORCE") return DomainFields{"workforce_type", "workforce_demand"};
  if (domain == "WEB_TRAFFIC") return DomainFields{"item_id", "value"};
  if (domain == "METRICS") return DomainFields{"metric_name", "metric_value"};
  return std::nullopt;
}

std::string MissingRequiredAttribute(std::string_view domain, std::string_view dataset_type,
                                     const std::vector<SchemaAttribute>& schema, std::string* expected_type) {
  const auto fields = FieldsOf(domain);
  if (!fields) return "";
  struct Need {
    std::string_view name;
    std::string_view type;  // "number" for integer or float
  };
  std::vector<Need> needs{{fields->id_field, "string"}};
  if (dataset_type != "ITEM_METADATA") needs.push_back({"timestamp", "timestamp"});
  if (dataset_type == "TARGET_TIME_SERIES") needs.push_back({fields->target_field, "number"});
  for (const Need& need : needs) {
    const SchemaAttribute* found = nullptr;
    for (const auto& a : schema) {
      if (a.name == need.name) found = &a;
    }
    const bool type_ok = found && (need.type == "number" ? (found->type == "integer" || found->type == "float")
                                                          : found->type == need.type);
    if (!type_ok) {
      *expected_type = need.type == "number" ? "integer or float" : std::string(need.type);
      return std::string(need.name);
    }
  }
  return "";
}

}  // namespace fakeaws::forecast
