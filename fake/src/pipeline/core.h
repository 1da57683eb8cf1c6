// What a Fake owns: its options, clock, one instance of each service's
// domain, the request count, the journal and the armed faults. The typed
// APIs and every front door reach the same Core.
#pragma once

#include <atomic>
#include <cstdint>

#include "base/virtual_clock.h"
#include "fakeaws/options.h"
#include "forecast/service.h"
#include "pipeline/fault_table.h"
#include "pipeline/journal_log.h"
#include "s3/service.h"

namespace fakeaws::internal {

struct Core {
  explicit Core(Options o)
      : options(std::move(o)),
        clock(options.clock_start, options.clock_mode, options.clock_step),
        s3(options),
        forecast(options, clock, s3.store()),
        journal(options.journal_capacity),
        faults(options.seed) {}

  // Runs every lifecycle transition due by now (exports land in S3 here).
  void Settle() { forecast.Settle(); }

  const Options options;
  base::VirtualClock clock;
  s3::Service s3;
  forecast::Service forecast;
  // Numbers requests in arrival order; request ids derive from it.
  std::atomic<uint64_t> requests{0};
  JournalLog journal;
  FaultTable faults;
};

}  // namespace fakeaws::internal
