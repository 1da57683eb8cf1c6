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

// A bucket's versioning state (DOC "Using versioning in S3 buckets"): once
// set, a bucket is never unversioned again, only Suspended.
enum class Versioning : uint8_t { kNever, kEnabled, kSuspended };

// The id of the version S3 keeps for an object written while versioning was
// off or suspended (DOC: "the version ID ... is null").
inline constexpr std::string_view kNullVersionId = "null";

// True for "null" and for ids of S3's shape: any other id is InvalidArgument
// before anything is looked up (s3::InvalidVersionId's captures). The shape
// is 32 characters of [A-Za-z0-9._]: the DOC samples of DeleteObjects
// ("NeQt5xeFTfgPJD8B4CGWnkSLtluMr11s", "OYcLXagmS.WaD..oyH4KRguB95_YhLs7")
// and the id AWS answered 404 in Seagate/cortx-s3server#1724.
bool IsWellFormedVersionId(std::string_view id);

// One version, as GetVersion finds it: an object, or a delete marker.
struct FoundVersion {
  std::optional<ObjectInfo> object;  // nullopt: a delete marker
  std::string version_id;
  Timestamp last_modified;
};

// What DeleteObject did, which S3 tells the deleter: whether a delete
// marker was involved and which version; in a bucket never versioned,
// nothing.
struct DeletedVersion {
  bool delete_marker = false;  // a marker was made, or the version removed was one
  std::string version_id;      // empty in a bucket never versioned
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

// ListObjectVersions: keys in S3's order, each key's versions newest first.
// A page resumes after (key_marker, version_id_marker), or after every
// version of key_marker when no version is named.
struct VersionListQuery {
  std::string prefix;
  std::string delimiter;
  std::string key_marker;
  std::string version_id_marker;
  size_t max_keys = 1000;
};

struct ListedVersion {
  ListedObject object;  // key, last_modified; the rest empty for a marker
  std::string version_id;
  bool is_latest = false;
  bool delete_marker = false;
};

struct VersionListing {
  std::vector<ListedVersion> versions;  // versions and delete markers, in order
  std::vector<std::string> common_prefixes;
  bool truncated = false;
  std::string next_key_marker;
  std::string next_version_id_marker;  // empty when the page ends on a common prefix
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

  // `seed` makes the version ids: the same seed and calls, the same ids.
  explicit Store(std::string default_region, size_t max_user_metadata_bytes = kDefaultMaxUserMetadataBytes,
                 uint64_t seed = 0)
      : default_region_(std::move(default_region)), max_user_metadata_bytes_(max_user_metadata_bytes),
        seed_(seed) {}

  // In the store's own region (the typed API and test setup).
  Outcome<Done> CreateBucket(const std::string& name, Timestamp now);
  // As CreateBucket on the wire: `location_constraint` is the body's
  // LocationConstraint, checked against the endpoint's region.
  Outcome<Done> CreateBucket(const std::string& name, const std::optional<std::string>& location_constraint,
                             Timestamp now);
  bool BucketExists(const std::string& name) const;
  Outcome<BucketInfo> GetBucket(const std::string& name) const;
  std::vector<BucketInfo> ListBuckets() const;  // by name
  // A bucket holding any version, a delete marker too, is BucketNotEmpty.
  Outcome<Done> DeleteBucket(const std::string& name);

  // PutBucketVersioning: Enabled or Suspended (kNever is refused: a bucket
  // cannot go back). The first call makes each object the key's "null"
  // version.
  Outcome<Done> SetVersioning(const std::string& bucket, Versioning state);
  Outcome<Versioning> GetVersioning(const std::string& bucket) const;

  Outcome<ObjectInfo> PutObject(const std::string& bucket, const std::string& key, NewObject object,
                                Timestamp now, const WriteConditions& conditions = {});
  // The current version; NoSuchKey when there is none or it is a delete marker.
  Outcome<ObjectInfo> GetObject(const std::string& bucket, const std::string& key) const;
  // A version by id, or the current one when `version_id` is null. Unlike
  // GetObject, a delete marker is found (object nullopt): S3 answers a read
  // of one unlike a missing key. NoSuchKey when the key has no version at all,
  // NoSuchVersion for an id the key does not have, InvalidArgument for one
  // S3 could not have made.
  Outcome<FoundVersion> GetVersion(const std::string& bucket, const std::string& key,
                                   const std::optional<std::string>& version_id) const;
  // Without a version id: removes the object, or in a versioned bucket puts
  // a delete marker on top (DOC "Deleting object versions"). With one:
  // removes that version for good; an id the key does not have deletes
  // nothing and is not an error (MOTO; INFERRED for S3).
  // `now` dates a delete marker.
  Outcome<DeletedVersion> DeleteObject(const std::string& bucket, const std::string& key,
                                       const std::optional<std::string>& version_id, Timestamp now);
  Outcome<Listing> ListObjects(const std::string& bucket, const ListQuery& query) const;
  // Every version and delete marker (in a bucket never versioned, each
  // object is its one version, "null").
  Outcome<VersionListing> ListObjectVersions(const std::string& bucket, const VersionListQuery& query) const;
  // An object's tags, replaced or removed: the object is otherwise as it was
  // (its ETag and Last-Modified too: DOC "Object tagging"). A version id
  // names the version; a delete marker has no tags (MethodNotAllowed).
  Outcome<Done> PutObjectTagging(const std::string& bucket, const std::string& key, TagSet tags,
                                 const std::optional<std::string>& version_id = std::nullopt);
  // A bucket's tags: nullopt when it has none (GetBucketTagging's
  // NoSuchTagSet). Putting an empty set removes them (INFERRED).
  Outcome<std::optional<TagSet>> GetBucketTagging(const std::string& bucket) const;
  Outcome<Done> PutBucketTagging(const std::string& bucket, TagSet tags);
  // Snapshots: the count of version ids made so far (the next id follows
  // from it), and a version put back under its own id, on top of the
  // key's stack (nullopt object: a delete marker).
  uint64_t VersionIdsMade() const;
  void SetVersionIdsMade(uint64_t n);
  Outcome<Done> RestoreVersion(const std::string& bucket, const std::string& key, const std::string& version_id,
                               std::optional<NewObject> object, Timestamp last_modified);
  // Every bucket, object, version and upload gone, as a new store.
  void Clear();
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
  // One version of a key in a versioned bucket.
  struct Version {
    std::string id;
    bool delete_marker = false;
    StoredObject object;  // a marker's holds only its last_modified
  };
  struct Bucket {
    std::string region;
    Timestamp creation_date;
    Versioning versioning = Versioning::kNever;
    // The current version of each key that is not a delete marker: what
    // GETs and listings read, versioned or not.
    std::map<std::string, StoredObject> objects;  // std::map: S3 lists keys in byte order
    // Once versioning is set: every version of every key, newest first
    // (the front is `objects`' entry, unless it is a delete marker).
    std::map<std::string, std::vector<Version>> versions;
    std::map<std::string, Upload> uploads;        // by upload id
    std::map<std::string, Completion> completed;  // by upload id
    TagSet tags;
  };

  Outcome<Done> CreateBucketLocked(const std::string& name, const std::string& region, Timestamp now);
  // Makes `stored` the key's current version, as the bucket's versioning
  // state says; returns what a read of it sees.
  ObjectInfo InstallLocked(Bucket& b, const std::string& key, StoredObject stored);
  // A new version id, or "null" while versioning is suspended.
  std::string NextVersionIdLocked(const Bucket& b);
  // Puts a version on top of the key's stack: a Suspended bucket's "null"
  // version replaces the one before (DOC "Adding objects to
  // versioning-suspended buckets").
  void PushVersionLocked(Bucket& b, const std::string& key, Version version);
  StoredObject Compact(NewObject&& object, Timestamp now);
  const Upload* FindUpload(const Bucket& b, const std::string& key, const std::string& upload_id) const;

  mutable std::mutex mu_;
  std::string default_region_;
  const size_t max_user_metadata_bytes_;
  const uint64_t seed_;
  uint64_t versions_made_ = 0;
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
