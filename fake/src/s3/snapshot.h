// The S3 store's part of a snapshot (pipeline's snapshot.cc holds the
// whole document).
#pragma once

#include <string>
#include <vector>

#include "base/spec_json.h"
#include "fakeaws/error.h"
#include "s3/store.h"

namespace fakeaws::s3 {

// Kept to the store's public methods
// so the store stays free to change inside. It covers buckets and objects
// (bytes, attributes and tags, checksum, MD5 and part count, so ETag,
// Last-Modified) and the buckets' tags;
// uploads in progress are not saved: the store shows no part's bytes.
class Snapshot {
 public:
  struct Object {
    std::string key;
    NewObject object;
    Timestamp last_modified;
  };
  struct Bucket {
    std::string name;
    Timestamp creation_date;
    TagSet tags;
    std::vector<Object> objects;
  };
  using Contents = std::vector<Bucket>;

  static base::Json Save(const Store& store);
  // Replays the contents into a scratch store, so whatever the store would
  // refuse is refused here, before the real store is touched.
  static Outcome<Contents> Decode(const base::Json& json, const std::string& region);
  static void Apply(Store& store, const Contents& contents);
};

}  // namespace fakeaws::s3
