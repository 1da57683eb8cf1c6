#include "fakeaws/options.h"

namespace fakeaws {

LifecycleDurations LifecycleDurations::Observable() {
  using std::chrono::milliseconds;
  LifecycleDurations d;
  d.create_pending = milliseconds(60'000);
  d.create_in_progress = milliseconds(300'000);
  d.stopping = milliseconds(30'000);
  d.delete_pending = milliseconds(30'000);
  d.delete_in_progress = milliseconds(30'000);
  return d;
}

}  // namespace fakeaws
