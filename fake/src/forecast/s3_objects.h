// The objects an S3 path names, as Forecast reads a DataSource
// (dataset-import-guidelines-troubleshooting.md): one object
// ("s3://bucket/file.csv"), or every object under a folder
// ("s3://bucket/prefix/") or in the bucket ("s3://bucket").
#pragma once

#include <string>
#include <vector>

#include "forecast/import_reader.h"
#include "s3/store.h"

namespace fakeaws::forecast {

// The keys `path` names, and in `bucket` the bucket it names; none when the
// bucket is missing.
std::vector<std::string> ObjectKeysAt(const s3::Store& store, const std::string& path, std::string* bucket);
// Those objects with their bodies, each named "s3://bucket/key".
std::vector<ImportObject> ReadObjectsAt(const s3::Store& store, const std::string& path);

}  // namespace fakeaws::forecast
