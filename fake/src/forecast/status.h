// Resource statuses, as the Forecast model documents them
// (wire-format.md §3.4).
#pragma once

#include <optional>
#include <string_view>

namespace fakeaws::forecast {

enum class Status {
  kActive,
  kCreatePending,
  kCreateInProgress,
  kCreateFailed,
  kCreateStopping,
  kCreateStopped,
  kDeletePending,
  kDeleteInProgress,
  kDeleteFailed,
  kUpdatePending,
  kUpdateInProgress,
  kUpdateFailed,
  // Monitors only: StopResource and ResumeResource (DescribeMonitor.Status).
  kActiveStopping,
  kActiveStopped,
};

std::string_view StatusName(Status s);
std::optional<Status> ParseStatus(std::string_view name);

inline bool IsCreating(Status s) {
  return s == Status::kCreatePending || s == Status::kCreateInProgress;
}
inline bool IsStopping(Status s) { return s == Status::kCreateStopping || s == Status::kActiveStopping; }
inline bool IsDeleting(Status s) {
  return s == Status::kDeletePending || s == Status::kDeleteInProgress;
}

}  // namespace fakeaws::forecast
