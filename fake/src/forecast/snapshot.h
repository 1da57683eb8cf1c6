// The Forecast service's part of a snapshot (pipeline's snapshot.cc holds
// the whole document): its resources as JSON and back. Save runs under the
// service's lock; Decode builds the new contents without touching the
// service, and Apply swaps them in, so a snapshot that fails to decode
// changes nothing.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "base/spec_json.h"
#include "fakeaws/error.h"
#include "forecast/resources.h"
#include "forecast/service.h"

namespace fakeaws::forecast {

// A friend of Service: it reads and replaces the resources, and rebuilds the
// schedule and quota counts.
class Snapshot {
 public:
  struct Contents {
    uint64_t next_seq = 1;
    std::map<std::string, std::unique_ptr<Resource>> resources;
    std::set<std::string> roles;
  };

  // Fails for a resource type the snapshot does not cover yet (one added
  // to resources.h and not to forecast/snapshot.cc's kinds).
  static Outcome<base::Json> Save(Service& service);
  static Outcome<Contents> Decode(const base::Json& json);
  static void Apply(Service& service, Contents contents);
};

}  // namespace fakeaws::forecast
