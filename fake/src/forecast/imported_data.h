// What a dataset holds once an import job has read its CSV objects: the
// rows, typed by the dataset's schema, and the statistics Describe shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"

namespace fakeaws::forecast {

// One schema attribute: a name and one of string, integer, float,
// timestamp, geolocation (the model's AttributeType).
struct SchemaAttribute {
  std::string name;
  std::string type;
};

// DescribeDatasetImportJob's FieldStatistics entry for one attribute
// (API_Statistics.md); absent members stay unset.
struct FieldStatistics {
  std::string attribute;
  int64_t count = 0;           // non-null values
  int64_t count_distinct = 0;  // distinct non-null values
  int64_t count_null = 0;
  std::optional<int64_t> count_nan;  // numeric attributes
  std::string min, max;              // numeric and timestamp attributes; "" when absent
  std::optional<double> avg, stddev;  // numeric attributes
};

struct ImportedData {
  std::vector<SchemaAttribute> schema;
  // One entry per row, one field per attribute, as written in the file;
  // an empty field is a null.
  std::vector<std::vector<std::string>> rows;
  // The parsed value of each row's timestamp attribute (when there is one).
  std::vector<Timestamp> timestamps;
  int timestamp_column = -1;

  int ColumnOf(const std::string& attribute) const {
    for (size_t i = 0; i < schema.size(); ++i) {
      if (schema[i].name == attribute) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace fakeaws::forecast
