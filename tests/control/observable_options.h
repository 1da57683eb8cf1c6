// Options for snapshot tests: every lifecycle status lasts long enough to be
// seen, and the clock steps on each request as fakeaws-server's does, so a
// snapshot carries a clock mode, a step and jobs in flight.
#pragma once

#include <chrono>

#include "fakeaws/options.h"

namespace fakeaws {

inline Options Observable() {
  Options o;
  o.lifecycle = LifecycleDurations::Observable();
  o.clock_mode = ClockMode::kStepPerRequest;
  o.clock_step = std::chrono::seconds(7);
  return o;
}

}  // namespace fakeaws
