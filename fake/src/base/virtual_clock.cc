#include "base/virtual_clock.h"

#include <algorithm>

namespace fakeaws::base {
namespace {

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

VirtualClock::VirtualClock(Timestamp start, ClockMode mode, std::chrono::milliseconds step)
    : virtual_ms_(start.time_since_epoch().count()),
      mode_(mode),
      step_ms_(step.count()),
      real_offset_ms_(start.time_since_epoch().count() - WallMs()) {}

Timestamp VirtualClock::Now() const {
  int64_t now = virtual_ms_.load();
  if (mode_.load() == ClockMode::kReal) {
    // Real time, but never behind an explicit Advance.
    now = std::max(now, WallMs() + real_offset_ms_.load());
  }
  return Timestamp(std::chrono::milliseconds(now));
}

void VirtualClock::Advance(std::chrono::milliseconds by) {
  if (by.count() <= 0) return;
  if (mode_.load() == ClockMode::kReal) {
    virtual_ms_.store(Now().time_since_epoch().count());
  }
  virtual_ms_.fetch_add(by.count());
  Notify();
}

void VirtualClock::AdvanceTo(Timestamp t) {
  const int64_t target = t.time_since_epoch().count();
  int64_t current = virtual_ms_.load();
  while (current < target && !virtual_ms_.compare_exchange_weak(current, target)) {
  }
  Notify();
}

void VirtualClock::set_mode(ClockMode mode, std::chrono::milliseconds step) {
  virtual_ms_.store(Now().time_since_epoch().count());
  real_offset_ms_.store(virtual_ms_.load() - WallMs());
  step_ms_.store(step.count());
  mode_.store(mode);
}

void VirtualClock::Reset(Timestamp t) {
  virtual_ms_.store(t.time_since_epoch().count());
  real_offset_ms_.store(t.time_since_epoch().count() - WallMs());
}

void VirtualClock::StepForRequest() {
  if (mode_.load() == ClockMode::kStepPerRequest) virtual_ms_.fetch_add(step_ms_.load());
}

void VirtualClock::OnAdvance(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(listeners_mu_);
  listeners_.push_back(std::move(fn));
}

void VirtualClock::Notify() {
  std::vector<std::function<void()>> listeners;
  {
    std::lock_guard<std::mutex> lock(listeners_mu_);
    listeners = listeners_;
  }
  for (auto& fn : listeners) fn();
}

}  // namespace fakeaws::base
