// The typed C++ door to the fake's S3: create buckets, put and read objects,
// the store Forecast exports land in.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"

namespace fakeaws {

namespace internal {
struct Core;
}

struct S3Object {
  std::string bucket;
  std::string key;
  std::string body;
  std::string content_type;
  // The quoted ETag as S3 sends it: "\"<md5 hex>\"" (or "\"<hex>-N\"" for
  // multipart uploads).
  std::string etag;
  Timestamp last_modified;
  std::map<std::string, std::string> metadata;  // x-amz-meta-* without the prefix
};

struct PutObjectOptions {
  std::string content_type = "binary/octet-stream";
  std::map<std::string, std::string> metadata;
};

class S3Api {
 public:
  Outcome<Done> CreateBucket(const std::string& bucket);
  bool HasBucket(const std::string& bucket) const;
  Outcome<Done> PutObject(const std::string& bucket, const std::string& key,
                          std::string body, const PutObjectOptions& options = {});
  Outcome<S3Object> GetObject(const std::string& bucket, const std::string& key) const;
  Outcome<Done> DeleteObject(const std::string& bucket, const std::string& key);
  // Keys under `prefix`, in S3's order (ascending UTF-8 bytes).
  std::vector<std::string> ListKeys(const std::string& bucket,
                                    const std::string& prefix = "") const;

 private:
  friend class Fake;
  explicit S3Api(internal::Core* core) : core_(core) {}
  internal::Core* core_;
};

// For GoogleTest's failure messages.
void PrintTo(const S3Api& s3, std::ostream* os);

}  // namespace fakeaws
