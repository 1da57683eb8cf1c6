// The fake's clock (fakeaws::Clock is its public face): virtual time that
// moves when a test says, steps on each request, or follows the wall clock
// from a given start. Thread-safe. Time never moves backwards, except when a
// saved state is brought back (Reset).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <vector>

#include "fakeaws/clock.h"

namespace fakeaws::base {

class VirtualClock {
 public:
  VirtualClock(Timestamp start, ClockMode mode, std::chrono::milliseconds step);

  Timestamp Now() const;
  void Advance(std::chrono::milliseconds by);
  // Moves to `t`; a `t` in the past is ignored.
  void AdvanceTo(Timestamp t);
  ClockMode mode() const { return mode_.load(); }
  void set_mode(ClockMode mode, std::chrono::milliseconds step);
  std::chrono::milliseconds step() const { return std::chrono::milliseconds(step_ms_.load()); }

  // Puts the clock at `t`, in the past too (Fake::Restore, Fake::Reset).
  // Runs no OnAdvance listeners.
  void Reset(Timestamp t);
  // Each request steps the clock in ClockMode::kStepPerRequest.
  void StepForRequest();
  // Runs `fn` after every Advance/AdvanceTo (the fake settles lifecycles there).
  void OnAdvance(std::function<void()> fn);

 private:
  void Notify();

  std::atomic<int64_t> virtual_ms_;
  std::atomic<ClockMode> mode_;
  std::atomic<int64_t> step_ms_;
  std::atomic<int64_t> real_offset_ms_;
  std::mutex listeners_mu_;
  std::vector<std::function<void()>> listeners_;
};

}  // namespace fakeaws::base
