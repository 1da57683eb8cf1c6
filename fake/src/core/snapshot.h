// Snapshots: a Fake's whole state as one JSON document, and back
// (Fake::Snapshot, Fake::Restore, Fake::Reset; fakeaws-server --state; the
// control API's /_fakeaws/state). The encoding lives here, outside the
// domain classes, which stay free of JSON: snapshot.cc holds the whole
// document, snapshot_forecast.cc the Forecast resources (each type's members
// listed once, for both directions, through snapshot_codec.h) and
// snapshot_s3.cc the buckets. Each service's part has a Save
// (under that service's lock), a Decode that builds the new contents without
// touching the fake, and an Apply that swaps them in, so a snapshot that
// fails to decode changes nothing.
//
// The document (version 1):
//   {"fakeaws_snapshot":2,"account_id":"123456789012","region":"us-east-1","seed":0,
//    "clock":{"now":"2026-01-01T00:00:07Z","mode":"step","step_ms":1000},
//    "requests":7,
//    "forecast":{"next_seq":3,"roles":[],"data":[...],"resources":[{"kind":"forecast",...},...]},
//    "s3":{"buckets":[{"name":"exports","region":"us-east-1","creation_date":"...",
//                      "objects":[{"key":"...","body_base64":"...",...}]}]}}
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/spec_json.h"
#include "fakeaws/error.h"
#include "forecast/resources.h"
#include "forecast/service.h"
#include "s3/store.h"

namespace fakeaws::internal {

// 2: every Forecast resource, imported data, multipart part counts.
inline constexpr int kSnapshotVersion = 2;

// The Forecast service's part (snapshot_forecast.cc). A friend of
// forecast::Service: it reads and replaces the resources, and rebuilds the
// schedule and quota counts.
class ForecastSnapshot {
 public:
  struct Contents {
    uint64_t next_seq = 1;
    std::map<std::string, std::unique_ptr<forecast::Resource>> resources;
    std::set<std::string> roles;
  };

  // Fails for a resource type the snapshot does not cover yet (one added
  // to resources.h and not to snapshot_forecast.cc's kinds).
  static Outcome<Json> Save(forecast::Service& service);
  static Outcome<Contents> Decode(const Json& json);
  static void Apply(forecast::Service& service, Contents contents);
};

// The S3 store's part (snapshot_s3.cc), kept to the store's public methods
// so the store stays free to change inside. It covers buckets and objects
// (bytes, attributes, checksum, MD5 and part count, so ETag, Last-Modified);
// uploads in progress are not saved: the store shows no part's bytes.
class S3Snapshot {
 public:
  struct Object {
    std::string key;
    s3::NewObject object;
    Timestamp last_modified;
  };
  struct Bucket {
    std::string name;
    Timestamp creation_date;
    std::vector<Object> objects;
  };
  using Contents = std::vector<Bucket>;

  static Json Save(const s3::Store& store);
  // Replays the contents into a scratch store, so whatever the store would
  // refuse is refused here, before the real store is touched.
  static Outcome<Contents> Decode(const Json& json, const std::string& region);
  static void Apply(s3::Store& store, const Contents& contents);
};

}  // namespace fakeaws::internal
