// The Forecast service's part of a snapshot (pipeline's snapshot.cc holds
// the whole document): its resources as JSON and back. Save runs under the
// service's lock; Decode builds the new contents without touching the
// service, and Apply swaps them in, so a snapshot that fails to decode
// changes nothing.
#pragma once

#include "base/spec_json.h"
#include "fakeaws/error.h"
#include "forecast/registry.h"
#include "forecast/service.h"

namespace fakeaws::forecast {

// Reads the registry's contents and replaces them through the service's
// snapshot door (Service::ReadRegistry, Service::Restore), which holds the
// lock; the registry rebuilds the schedule and quota counts.
class Snapshot {
 public:
  using Contents = Registry::Contents;

  // Fails for a resource type the snapshot does not cover yet (one added
  // to resources.h and not to forecast/snapshot.cc's kinds).
  static Outcome<base::Json> Save(Service& service);
  static Outcome<Contents> Decode(const base::Json& json);
  static void Apply(Service& service, Contents contents);

 private:
  static Outcome<base::Json> Save(const Contents& contents);
};

}  // namespace fakeaws::forecast
