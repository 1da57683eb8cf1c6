// What a Fake owns: its options, clock, and one instance of each service's
// domain. The typed APIs and the wire entry point all reach the same Core.
#pragma once

#include <atomic>
#include <cstdint>

#include "fakeaws/clock.h"
#include "fakeaws/faults.h"
#include "fakeaws/journal.h"
#include "fakeaws/options.h"
#include "forecast/service.h"
#include "s3/store.h"

namespace fakeaws::internal {

// Streams of the seeded generator (core/seeded.h), one per kind of id.
enum Stream : uint64_t {
  kJsonRequestIdStream = 1,
  kS3RequestIdStream = 2,
  kS3HostIdStream = 3,
  kFaultStream = 4,
  kS3UploadIdStream = 5,
};

struct Core {
  explicit Core(Options o)
      : options(std::move(o)),
        clock(options.clock_start, options.clock_mode, options.clock_step),
        s3(options.region, options.limits.max_user_metadata_bytes),
        forecast(options, clock, s3),
        journal(options.journal_capacity),
        faults(options.seed) {}

  // Runs every lifecycle transition due by now (exports land in S3 here).
  void Settle() { forecast.Settle(); }

  const Options options;
  Clock clock;
  s3::Store s3;
  forecast::Service forecast;
  // Numbers requests in arrival order; request ids derive from it.
  std::atomic<uint64_t> requests{0};
  Journal journal;
  Faults faults;
};

}  // namespace fakeaws::internal
