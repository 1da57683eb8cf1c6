// The S3 domain: buckets, objects and multipart uploads in memory. No HTTP,
// no XML. The S3 wire (protocol/s3_*), the typed C++ API and the Forecast
// export writer all go through this store.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "s3/object.h"

namespace fakeaws::s3 {

// DOC (CompleteMultipartUpload): every part but the last is at least 5 MiB.
inline constexpr uint64_t kMinPartSize = 5 * 1024 * 1024;
// DOC (UploadPart): part numbers run from 1 to 10,000.
inline constexpr int kMaxPartNumber = 10000;

struct BucketInfo {
  std::string name;
  std::string region;
  Timestamp creation_date;
};

// Conditional writes (PutObject / CompleteMultipartUpload If-Match and
// If-None-Match). A failed condition is PreconditionFailed.
struct WriteConditions {
  std::optional<std::string> if_match;
  std::optional<std::string> if_none_match;
};

// Listing in S3's order (ascending UTF-8 bytes). Entries at or before
// `after` are skipped, common prefixes included: a listing resumes after the
// last key or common prefix it returned.
struct ListQuery {
  std::string prefix;
  std::string delimiter;
  std::string after;
  size_t max_keys = 1000;
};

struct ListedObject {
  std::string key;
  uint64_t size = 0;
  std::string etag;  // quoted
  Timestamp last_modified;
  ChecksumAlgorithm checksum_algorithm = ChecksumAlgorithm::kNone;
  ChecksumType checksum_type = ChecksumType::kFullObject;
};

struct Listing {
  std::vector<ListedObject> objects;
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string last;  // the last key or common prefix returned
};

struct UploadSpec {
  ObjectAttributes attributes;
  ChecksumAlgorithm checksum_algorithm = ChecksumAlgorithm::kNone;
  ChecksumType checksum_type = ChecksumType::kComposite;
};

struct UploadInfo {
  std::string upload_id;
  std::string key;
  Timestamp initiated;
  ChecksumAlgorithm checksum_algorithm = ChecksumAlgorithm::kNone;
  ChecksumType checksum_type = ChecksumType::kComposite;
};

struct PartInfo {
  int number = 0;
  uint64_t size = 0;
  std::array<uint8_t, 16> md5{};
  Timestamp last_modified;
  Checksum checksum;
  std::string ETag() const;  // quoted
};

// One <Part> of a CompleteMultipartUpload request.
struct CompletedPart {
  int number = 0;
  std::string etag;  // as the client sent it (quotes optional)
  // Raw digests the client sent for the part, by algorithm (one that is not
  // base64 is kept as sent, and so never matches).
  std::map<ChecksumAlgorithm, std::string> checksums;
};

struct PartListing {
  UploadInfo upload;
  std::vector<PartInfo> parts;
  bool truncated = false;
  int next_marker = 0;
};

struct UploadListQuery {
  std::string prefix;
  std::string delimiter;
  std::string key_marker;
  std::string upload_id_marker;
  size_t max_uploads = 1000;
};

struct UploadListing {
  std::vector<UploadInfo> uploads;
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string next_key_marker;
  std::string next_upload_id_marker;
};

// Thread-safe: one lock guards the store; hashing and copying of bytes
// happen outside it.
class Store {
 public:
  // DOC (object metadata): user metadata keys and values, at most 2 KB together.
  static constexpr size_t kDefaultMaxUserMetadataBytes = 2048;

  explicit Store(std::string default_region, size_t max_user_metadata_bytes = kDefaultMaxUserMetadataBytes)
      : default_region_(std::move(default_region)), max_user_metadata_bytes_(max_user_metadata_bytes) {}

  // In the store's own region (the typed API and test setup).
  Outcome<Done> CreateBucket(const std::string& name, Timestamp now);
  // As CreateBucket on the wire: `location_constraint` is the body's
  // LocationConstraint, checked against the endpoint's region.
  Outcome<Done> CreateBucket(const std::string& name, const std::optional<std::string>& location_constraint,
                             Timestamp now);
  bool BucketExists(const std::string& name) const;
  Outcome<BucketInfo> GetBucket(const std::string& name) const;
  std::vector<BucketInfo> ListBuckets() const;  // by name
  Outcome<Done> DeleteBucket(const std::string& name);

  Outcome<ObjectInfo> PutObject(const std::string& bucket, const std::string& key, NewObject object,
                                Timestamp now, const WriteConditions& conditions = {});
  Outcome<ObjectInfo> GetObject(const std::string& bucket, const std::string& key) const;
  Outcome<Done> DeleteObject(const std::string& bucket, const std::string& key);
  Outcome<Listing> ListObjects(const std::string& bucket, const ListQuery& query) const;
  // An object's tags, replaced or removed: the object is otherwise as it was
  // (its ETag and Last-Modified too: DOC "Object tagging").
  Outcome<Done> PutObjectTagging(const std::string& bucket, const std::string& key, TagSet tags);
  // A bucket's tags: nullopt when it has none (GetBucketTagging's
  // NoSuchTagSet). Putting an empty set removes them (INFERRED).
  Outcome<std::optional<TagSet>> GetBucketTagging(const std::string& bucket) const;
  Outcome<Done> PutBucketTagging(const std::string& bucket, TagSet tags);
  // Keys under `prefix`, in S3's order.
  Outcome<std::vector<std::string>> ListKeys(const std::string& bucket, const std::string& prefix) const;

  Outcome<UploadInfo> CreateMultipartUpload(const std::string& bucket, const std::string& key,
                                            const std::string& upload_id, const UploadSpec& spec,
                                            Timestamp now);
  // `body` and `checksum` are already verified against what the client sent.
  Outcome<PartInfo> UploadPart(const std::string& bucket, const std::string& key,
                               const std::string& upload_id, int part_number, Body body,
                               const std::array<uint8_t, 16>& md5, const Checksum& checksum, Timestamp now);
  Outcome<ObjectInfo> CompleteMultipartUpload(const std::string& bucket, const std::string& key,
                                              const std::string& upload_id,
                                              const std::vector<CompletedPart>& parts, Timestamp now,
                                              const WriteConditions& conditions = {},
                                              const Checksum& expected = {});
  Outcome<Done> AbortMultipartUpload(const std::string& bucket, const std::string& key,
                                     const std::string& upload_id);
  Outcome<PartListing> ListParts(const std::string& bucket, const std::string& key,
                                 const std::string& upload_id, int part_number_marker, size_t max_parts) const;
  Outcome<UploadListing> ListMultipartUploads(const std::string& bucket, const UploadListQuery& query) const;

 private:
  struct Part {
    Body body;
    PartInfo info;
  };
  struct Upload {
    UploadInfo info;
    ObjectAttributes attributes;
    std::map<int, Part> parts;
  };
  // What a completed upload answered, for a client that completes it again.
  struct Completion {
    std::string key;
    std::vector<std::pair<int, std::string>> parts;  // number, unquoted ETag, as completed
    ObjectInfo object;                               // without the body
  };
  struct Bucket {
    std::string region;
    Timestamp creation_date;
    std::map<std::string, StoredObject> objects;  // std::map: S3 lists keys in byte order
    std::map<std::string, Upload> uploads;        // by upload id
    std::map<std::string, Completion> completed;  // by upload id
    TagSet tags;
  };

  Outcome<Done> CreateBucketLocked(const std::string& name, const std::string& region, Timestamp now);
  StoredObject Compact(NewObject&& object, Timestamp now);
  const Upload* FindUpload(const Bucket& b, const std::string& key, const std::string& upload_id) const;

  mutable std::mutex mu_;
  std::string default_region_;
  const size_t max_user_metadata_bytes_;
  std::map<std::string, Bucket> buckets_;
  // Content types, interned: objects share one copy of each.
  std::set<std::string, std::less<>> content_types_;
};

// S3's bucket naming rules (DOC: "Bucket naming rules").
bool IsValidBucketName(const std::string& name);

// The precondition checks of a write against the current object (null when
// absent); empty when they hold, else the error.
std::optional<AwsError> CheckWriteConditions(const WriteConditions& conditions, const ObjectInfo* current,
                                              const std::string& key);

}  // namespace fakeaws::s3
