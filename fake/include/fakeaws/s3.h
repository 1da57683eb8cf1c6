// The typed C++ door to the fake's S3: create buckets, put, read, list and
// delete objects, see multipart uploads in progress. It reaches the same
// store as the wire (Fake::Handle) and the Forecast export writer.
#pragma once

#include <iosfwd>
#include <map>
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
  std::string content_encoding;
  std::string cache_control;
  // The quoted ETag as S3 sends it: "\"<md5 hex>\"" (or "\"<hex>-N\"" for
  // multipart uploads).
  std::string etag;
  Timestamp last_modified;
  std::map<std::string, std::string> metadata;  // x-amz-meta-* without the prefix
  std::map<std::string, std::string> tags;      // GetObjectTagging's TagSet
  // The checksum stored with the object, as S3 shows it: algorithm "CRC32",
  // "CRC32C", "CRC64NVME", "SHA1" or "SHA256" and the base64 value (with
  // "-<parts>" for a composite multipart checksum); both empty when none.
  std::string checksum_algorithm;
  std::string checksum;
};

struct PutObjectOptions {
  std::string content_type = "binary/octet-stream";
  std::string content_encoding;
  std::string cache_control;
  std::map<std::string, std::string> metadata;
  // Held to S3's rules (at most 10, keys of 1-128 characters, ...): a set
  // S3 would refuse gets the error S3 sends.
  std::map<std::string, std::string> tags;
};

struct S3Bucket {
  std::string name;
  std::string region;
  Timestamp creation_date;
};

// One page-free listing: keys under a prefix, and with a delimiter the
// common prefixes they roll up into, both in S3's order.
struct S3Listing {
  std::vector<std::string> keys;
  std::vector<std::string> common_prefixes;
};

struct S3Upload {
  std::string key;
  std::string upload_id;
  Timestamp initiated;
};

class S3Api {
 public:
  // In the fake's region (Options::region).
  Outcome<Done> CreateBucket(const std::string& bucket);
  bool HasBucket(const std::string& bucket) const;
  std::vector<S3Bucket> ListBuckets() const;
  Outcome<Done> DeleteBucket(const std::string& bucket);

  Outcome<Done> PutObject(const std::string& bucket, const std::string& key,
                          std::string body, const PutObjectOptions& options = {});
  Outcome<S3Object> GetObject(const std::string& bucket, const std::string& key) const;
  Outcome<Done> DeleteObject(const std::string& bucket, const std::string& key);
  // Keys under `prefix`, in S3's order (ascending UTF-8 bytes).
  std::vector<std::string> ListKeys(const std::string& bucket,
                                    const std::string& prefix = "") const;
  Outcome<S3Listing> ListObjects(const std::string& bucket, const std::string& prefix,
                                 const std::string& delimiter) const;
  // Multipart uploads begun and neither completed nor aborted.
  std::vector<S3Upload> MultipartUploads(const std::string& bucket) const;

 private:
  friend class Fake;
  explicit S3Api(internal::Core* core) : core_(core) {}
  internal::Core* core_;
};

// For GoogleTest's failure messages.
void PrintTo(const S3Api& s3, std::ostream* os);

}  // namespace fakeaws
