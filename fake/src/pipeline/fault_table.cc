#include "pipeline/fault_table.h"

#include "base/seeded.h"

namespace fakeaws::internal {
namespace {

// '*' matches any run (also empty), '?' one character.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool Matches(const FaultRule& rule, const protocol::Call& call) {
  if (!rule.operation().empty() && call.operation != rule.operation()) return false;
  if (!rule.s3_only()) return true;
  return call.is_s3() && (rule.s3_method() == "*" || rule.s3_method() == call.method) &&
         GlobMatch(rule.bucket_pattern(), call.bucket()) && GlobMatch(rule.key_pattern(), call.key());
}

}  // namespace

FaultTable::RuleId FaultTable::Arm(FaultRule rule) {
  std::lock_guard<std::mutex> lock(mu_);
  const RuleId id = next_id_++;
  rules_.push_back(Armed{id, std::move(rule)});
  return id;
}

void FaultTable::Disarm(RuleId id) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& a : rules_) {
    if (a.id == id) a.armed = false;
  }
}

void FaultTable::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& a : rules_) a.armed = false;
}

int FaultTable::Fired(RuleId id) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& a : rules_) {
    if (a.id == id) return a.fired;
  }
  return 0;
}

int FaultTable::Matched(RuleId id) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& a : rules_) {
    if (a.id == id) return a.matched;
  }
  return 0;
}

std::vector<ArmedRule> FaultTable::ArmedRules() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<ArmedRule> out;
  for (const auto& a : rules_) {
    if (a.armed) out.push_back(ArmedRule{a.id, a.rule, a.fired, a.matched});
  }
  return out;
}

std::optional<FaultRule> FaultTable::Decide(const protocol::Call& call) {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<FaultRule> winner;
  for (auto& a : rules_) {
    if (!a.armed || !Matches(a.rule, call)) continue;
    ++a.matched;
    if (winner || a.matched < a.rule.from_call()) continue;
    if (a.rule.times() >= 0 && a.fired >= a.rule.times()) continue;
    // The draw depends only on the seed, the rule and its call count, so
    // other rules and other threads' requests cannot shift it.
    if (a.rule.probability() < 1.0) {
      const uint64_t bits = base::SeededValue(seed_ ^ base::Mix64(static_cast<uint64_t>(a.id)),
                                                  base::kFaultStream, a.matched);
      if (base::UnitInterval(bits) >= a.rule.probability()) continue;
    }
    ++a.fired;
    winner = a.rule;
  }
  return winner;
}

}  // namespace fakeaws::internal
