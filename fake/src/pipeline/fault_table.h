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

// A rule armed now, with its counts (what GET /_fakeaws/faults lists).
struct ArmedRule {
  int id = 0;
  FaultRule rule;
  int fired = 0;
  int matched = 0;
  // Fired as many times as it may (FaultRule::Times): it will not fire again.
  bool spent() const { return rule.times() >= 0 && fired >= rule.times(); }
};

class FaultTable {
 public:
  using RuleId = Faults::RuleId;

  explicit FaultTable(uint64_t seed) : seed_(seed) {}

  RuleId Arm(FaultRule rule);
  void Disarm(RuleId id);
  void Clear();
  int Fired(RuleId id) const;
  int Matched(RuleId id) const;
  // The rules armed now (spent ones included, disarmed ones not), in arming
  // order: the order in which they are asked whether they fire.
  std::vector<ArmedRule> ArmedRules() const;

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
