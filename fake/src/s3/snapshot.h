// The S3 store's part of a snapshot (pipeline's snapshot.cc holds the
// whole document).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/spec_json.h"
#include "fakeaws/error.h"
#include "s3/store.h"

namespace fakeaws::s3 {

// Kept to the store's public methods
// so the store stays free to change inside. It covers buckets and objects
// (bytes, attributes and tags, checksum, MD5 and part count, so ETag,
// Last-Modified), the buckets' tags, versioning and every version and
// delete marker under its id, and the count of ids made, so the ids made
// after a load are those the saved fake would have made;
// uploads in progress are not saved: the store shows no part's bytes.
class Snapshot {
 public:
  struct Object {
    std::string key;
    NewObject object;
    Timestamp last_modified;
  };
  // One version of a versioned bucket: an object, or a delete marker.
  struct Version {
    std::string key;
    std::string version_id;
    std::optional<NewObject> object;  // nullopt: a delete marker
    Timestamp last_modified;
  };
  struct Bucket {
    std::string name;
    Timestamp creation_date;
    TagSet tags;
    Versioning versioning = Versioning::kNever;
    std::vector<Object> objects;    // a bucket never versioned
    std::vector<Version> versions;  // a versioned one: oldest first, so a replay stacks them
  };
  struct Contents {
    std::vector<Bucket> buckets;
    uint64_t version_ids_made = 0;
  };

  static base::Json Save(const Store& store);
  // Replays the contents into a scratch store, so whatever the store would
  // refuse is refused here, before the real store is touched.
  static Outcome<Contents> Decode(const base::Json& json, const std::string& region);
  static void Apply(Store& store, const Contents& contents);
};

}  // namespace fakeaws::s3
