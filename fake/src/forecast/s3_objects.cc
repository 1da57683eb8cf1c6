#include "forecast/s3_objects.h"

#include <algorithm>

namespace fakeaws::forecast {

std::vector<std::string> ObjectKeysAt(const s3::Store& store, const std::string& path, std::string* bucket) {
  const std::string rest = path.substr(std::min<size_t>(path.size(), 5));  // after "s3://"
  const size_t slash = rest.find('/');
  *bucket = rest.substr(0, slash);
  const std::string key = slash == std::string::npos ? "" : rest.substr(slash + 1);
  auto listed = store.ListKeys(*bucket, key);
  if (!listed.ok()) return {};
  std::vector<std::string> keys;
  for (const auto& k : listed.value()) {
    if (k == key) return {k};
    const bool inside = key.empty() || key.back() == '/' || k.compare(key.size(), 1, "/") == 0;
    // "Folders" of the S3 console are zero-length keys ending in "/".
    if (inside && k.back() != '/') keys.push_back(k);
  }
  return keys;
}

std::vector<ImportObject> ReadObjectsAt(const s3::Store& store, const std::string& path) {
  std::string bucket;
  std::vector<ImportObject> objects;
  for (const auto& key : ObjectKeysAt(store, path, &bucket)) {
    auto object = store.GetObject(bucket, key);
    if (object.ok()) objects.push_back({"s3://" + bucket + "/" + key, std::string(object.value().body.view())});
  }
  return objects;
}

}  // namespace fakeaws::forecast
