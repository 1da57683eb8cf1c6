// The armed fault rules (fakeaws::Faults is their public face) and the
// decision, per request, of which one fires. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "fakeaws/faults.h"
#include "protocol/call.h"

namespace fakeaws::internal {

class FaultTable {
 public:
  using RuleId = Faults::RuleId;

  explicit FaultTable(uint64_t seed) : seed_(seed) {}

  RuleId Arm(FaultRule rule);
  void Disarm(RuleId id);
  void Clear();
  int Fired(RuleId id) const;
  int Matched(RuleId id) const;

  // The first armed rule (in arming order) that fires on `call`, counting
  // `call` against every rule it matches.
  std::optional<FaultRule> Decide(const protocol::Call& call);

 private:
  struct Armed {
    RuleId id;
    FaultRule rule;
    bool armed = true;  // disarmed rules keep their counts for Fired/Matched
    int matched = 0;
    int fired = 0;
  };
  const uint64_t seed_;
  mutable std::mutex mu_;
  std::vector<Armed> rules_;
  RuleId next_id_ = 1;
};

}  // namespace fakeaws::internal
