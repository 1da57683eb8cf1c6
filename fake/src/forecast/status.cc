#include "forecast/status.h"

namespace fakeaws::forecast {
namespace {
constexpr std::pair<Status, std::string_view> kNames[] = {
    {Status::kActive, "ACTIVE"},
    {Status::kCreatePending, "CREATE_PENDING"},
    {Status::kCreateInProgress, "CREATE_IN_PROGRESS"},
    {Status::kCreateFailed, "CREATE_FAILED"},
    {Status::kCreateStopping, "CREATE_STOPPING"},
    {Status::kCreateStopped, "CREATE_STOPPED"},
    {Status::kDeletePending, "DELETE_PENDING"},
    {Status::kDeleteInProgress, "DELETE_IN_PROGRESS"},
    {Status::kDeleteFailed, "DELETE_FAILED"},
    {Status::kUpdatePending, "UPDATE_PENDING"},
    {Status::kUpdateInProgress, "UPDATE_IN_PROGRESS"},
    {Status::kUpdateFailed, "UPDATE_FAILED"},
    {Status::kActiveStopping, "ACTIVE_STOPPING"},
    {Status::kActiveStopped, "ACTIVE_STOPPED"},
};
}  // namespace

std::string_view StatusName(Status s) {
  for (const auto& [status, name] : kNames) {
    if (status == s) return name;
  }
  return "";
}

std::optional<Status> ParseStatus(std::string_view name) {
  for (const auto& [status, n] : kNames) {
    if (n == name) return status;
  }
  return std::nullopt;
}

}  // namespace fakeaws::forecast
