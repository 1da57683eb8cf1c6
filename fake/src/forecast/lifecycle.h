// A resource's status over time. Transitions happen when the fake's clock
// passes the durations in Options::lifecycle (wire-format.md §3.4):
//   CREATE_PENDING -> CREATE_IN_PROGRESS -> ACTIVE | CREATE_FAILED
//   CREATE_STOPPING -> CREATE_STOPPED
//   DELETE_PENDING -> DELETE_IN_PROGRESS -> gone
#pragma once

#include <string>

#include "fakeaws/clock.h"
#include "forecast/status.h"

namespace fakeaws::forecast {

struct Lifecycle {
  Status status = Status::kCreatePending;
  Timestamp creation_time;
  // When the status last changed.
  Timestamp changed_at;
  // Set on CREATE_FAILED (and kept through later states).
  std::string message;
  // Seeded through the typed API: create statuses stay as the test set them.
  bool frozen = false;

  // LastModificationTime as the model documents it: the creation time while
  // CREATE_PENDING, the current time while CREATE_IN_PROGRESS or
  // CREATE_STOPPING, otherwise when the status last changed.
  Timestamp LastModificationTime(Timestamp now) const {
    if (status == Status::kCreatePending) return creation_time;
    if (status == Status::kCreateInProgress || status == Status::kCreateStopping) return now;
    return changed_at;
  }
  void Enter(Status s, Timestamp at) {
    status = s;
    changed_at = at;
  }
};

}  // namespace fakeaws::forecast
