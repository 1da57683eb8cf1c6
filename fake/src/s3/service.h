// S3's rules beyond keeping bytes: what a request may ask for, and what S3
// decides on its own (upload ids, the checksum a multipart upload carries,
// what a copy keeps). The wire (protocol/s3_*) decodes requests into these
// calls and encodes their answers; the typed C++ API, snapshots and the
// Forecast export writer use the store beneath, through store().
//
// Thread-safe: the store holds the one lock.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "fakeaws/options.h"
#include "s3/checksum.h"
#include "s3/object.h"
#include "s3/preconditions.h"
#include "s3/store.h"

namespace fakeaws::s3 {

// CopyObject, decoded.
struct CopyObjectInput {
  std::string source_bucket, source_key;
  std::optional<std::string> source_version_id;  // the source version named, if any
  std::string bucket, key;
  // COPY keeps the source's metadata, REPLACE takes `attributes`.
  bool replace_metadata = false;
  ObjectAttributes attributes;
  // x-amz-tagging-directive REPLACE: these tags (the attributes' are not
  // used); nullopt (COPY) keeps the source's.
  std::optional<TagSet> replace_tags;
  // x-amz-checksum-algorithm: the copy gets a new checksum of this kind.
  std::optional<ChecksumAlgorithm> new_checksum;
  ReadConditions source_conditions;
  WriteConditions conditions;
};

// One page of ListBuckets.
struct BucketPage {
  std::vector<BucketInfo> buckets;
  bool truncated = false;
};

// One <Object> of DeleteObjects: a key, and maybe the version named.
struct ObjectToDelete {
  std::string key;
  std::optional<std::string> version_id;
};

// One key's fate in DeleteObjects: deleted, or the error it got.
struct DeletedKey {
  std::string key;
  std::optional<std::string> version_id;  // as the request named it
  std::optional<AwsError> error;
  // A delete marker made, or the version deleted was one (DOC
  // DeletedObject: DeleteMarker, DeleteMarkerVersionId).
  bool delete_marker = false;
  std::string delete_marker_version_id;
};

// What a copy made, and which version of the source it read.
struct CopiedObject {
  ObjectInfo object;
  std::string source_version_id;  // empty when the source bucket was never versioned
};

class Service {
 public:
  explicit Service(const Options& options);

  Store& store() { return store_; }
  const Store& store() const { return store_; }
  const std::string& region() const { return region_; }
  // EntityTooLarge above this: one PutObject or UploadPart body.
  uint64_t max_object_bytes() const { return max_object_bytes_; }
  // The canonical user id of the fake's account: 64 hex digits (INFERRED:
  // derived from Options::account_id). Worked out on first use: a fake per
  // test should cost next to nothing to make.
  const std::string& owner_id() const;

  // Buckets named after `after`, starting with `prefix`, at most `max`.
  BucketPage ListBuckets(const std::string& prefix, const std::string& after, size_t max) const;

  // CreateMultipartUpload: the checksum the upload will carry, by the rules
  // of DOC "Checking object integrity" (CRC64NVME is full-object only; the
  // others default to COMPOSITE; FULL_OBJECT needs a CRC), and a new upload
  // id, derived from the request's number.
  Outcome<UploadInfo> CreateMultipartUpload(const std::string& bucket, const std::string& key,
                                            ObjectAttributes attributes, std::optional<ChecksumAlgorithm> algorithm,
                                            std::optional<ChecksumType> type, uint64_t request_number, Timestamp now);

  Outcome<CopiedObject> CopyObject(const CopyObjectInput& input, Timestamp now);

  // Each key in order, as DeleteObject would; NoSuchBucket when the bucket
  // is not there.
  Outcome<std::vector<DeletedKey>> DeleteObjects(const std::string& bucket,
                                                 const std::vector<ObjectToDelete>& objects, Timestamp now);

 private:
  const std::string region_;
  const std::string account_id_;
  const uint64_t seed_;
  const uint64_t max_object_bytes_;
  mutable std::once_flag owner_once_;
  mutable std::string owner_id_;
  Store store_;
};

// "COMPOSITE" or "FULL_OBJECT".
std::string_view ChecksumTypeName(ChecksumType type);

}  // namespace fakeaws::s3
