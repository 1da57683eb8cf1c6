// The S3 domain: buckets and objects in memory. No HTTP, no XML. The
// Forecast export writer and the S3 wire both write through this store.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"

namespace fakeaws::s3 {

struct Object {
  std::string body;
  std::string etag;  // hex, without quotes
  std::string content_type = "binary/octet-stream";
  Timestamp last_modified;
  std::map<std::string, std::string> metadata;
};

struct Bucket {
  std::string region;
  Timestamp creation_date;
  std::map<std::string, Object> objects;  // std::map: S3 lists keys in byte order
};

// Thread-safe: every method takes the store's lock.
class Store {
 public:
  explicit Store(std::string default_region) : default_region_(std::move(default_region)) {}

  Outcome<Done> CreateBucket(const std::string& name, Timestamp now);
  bool BucketExists(const std::string& name) const;
  Outcome<Done> DeleteBucket(const std::string& name);
  // Stores `object`, computing its ETag (MD5) and setting its Last-Modified.
  Outcome<Done> PutObject(const std::string& bucket, const std::string& key, Object object,
                          Timestamp now);
  Outcome<Object> GetObject(const std::string& bucket, const std::string& key) const;
  Outcome<Done> DeleteObject(const std::string& bucket, const std::string& key);
  Outcome<std::vector<std::string>> ListKeys(const std::string& bucket,
                                             const std::string& prefix) const;

 private:
  mutable std::mutex mu_;
  std::string default_region_;
  std::map<std::string, Bucket> buckets_;
};

// S3's bucket naming rules (3-63 characters of a-z 0-9 . -, starting and
// ending with a letter or digit, not an IP address).
bool IsValidBucketName(const std::string& name);

}  // namespace fakeaws::s3
