// The fake's sense of time. Every timestamp the fake writes (CreationTime,
// export file names, S3 Last-Modified, an in-process answer's Date) comes
// from here, so a test that owns the clock owns the bytes.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace fakeaws {

namespace base {
class VirtualClock;
}

// Milliseconds since the Unix epoch, UTC: the resolution AWS timestamps have.
using Timestamp =
    std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

// Parses "2026-01-01T00:00:00Z" (also with ".123" and without "Z").
// Returns false on anything else.
bool ParseTimestamp(const std::string& iso8601, Timestamp* out);
// "2026-01-01T00:00:00Z" (whole seconds) or "2026-01-01T00:00:00.250Z".
std::string FormatTimestamp(Timestamp t);

enum class ClockMode {
  // Time moves only when the test calls Advance/AdvanceTo.
  kManual,
  // Virtual time that also steps forward by a fixed amount on every request,
  // so a black-box client that polls sees jobs finish (fakeaws-server's default).
  kStepPerRequest,
  // Wall-clock time offset so that the fake starts at the configured instant.
  kReal,
};

// A Fake's clock (Fake::clock()). Thread-safe. Time never moves backwards;
// moving it runs every lifecycle transition that has come due.
class Clock {
 public:
  Timestamp Now() const;
  void Advance(std::chrono::milliseconds by);
  // Moves to `t`; a `t` in the past is ignored.
  void AdvanceTo(Timestamp t);
  ClockMode mode() const;
  // `step`: how far each request moves the clock in kStepPerRequest.
  void set_mode(ClockMode mode, std::chrono::milliseconds step);
  std::chrono::milliseconds step() const;

  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;

 private:
  friend class Fake;
  explicit Clock(base::VirtualClock* clock) : clock_(clock) {}
  base::VirtualClock* clock_;
};

}  // namespace fakeaws
