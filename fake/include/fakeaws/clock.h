// The fake's sense of time. Every timestamp the fake writes (CreationTime,
// Date headers, export file names, S3 Last-Modified) comes from here, so a
// test that owns the clock owns the bytes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace fakeaws {

// Milliseconds since the Unix epoch, UTC: the resolution AWS timestamps have.
using Timestamp =
    std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// Parses "2026-01-01T00:00:00Z" (also with ".123" and without "Z").
// Returns false on anything else.
bool ParseTimestamp(const std::string& iso8601, Timestamp* out);
// "2026-01-01T00:00:00Z" (whole seconds) or "2026-01-01T00:00:00.250Z".
std::string FormatTimestamp(Timestamp t);

enum class ClockMode {
  // Time moves only when the test calls Advance/Set.
  kManual,
  // Virtual time that also steps forward by a fixed amount on every request,
  // so a black-box client that polls sees jobs finish (fakeaws-server's default).
  kStepPerRequest,
  // Wall-clock time offset so that the fake starts at the configured instant.
  kReal,
};

// Thread-safe. Time never moves backwards.
class Clock {
 public:
  Clock(Timestamp start, ClockMode mode, std::chrono::milliseconds step);

  Timestamp Now() const;
  void Advance(std::chrono::milliseconds by);
  // Moves to `t`; a `t` in the past is ignored (time does not go back).
  void AdvanceTo(Timestamp t);
  ClockMode mode() const { return mode_; }
  void set_mode(ClockMode mode, std::chrono::milliseconds step);
  std::chrono::milliseconds step() const { return std::chrono::milliseconds(step_ms_.load()); }
  // Puts the clock at `t`, in the past too: only for bringing back a saved
  // state (Fake::Restore, Fake::Reset). Runs no OnAdvance listeners.
  void Reset(Timestamp t);

  // Called by the fake on each request (steps in kStepPerRequest mode).
  void OnRequest();
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

}  // namespace fakeaws
