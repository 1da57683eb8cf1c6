// Called and CalledInOrder: the journal as a test reads it.
#include <sstream>

#include "fakeaws/matchers.h"

namespace fakeaws::matchers_internal {
namespace {

std::string Line(const JournalEntry& e) {
  std::ostringstream os;
  PrintTo(e, &os);
  return os.str();
}

std::string Requests(size_t n) { return std::to_string(n) + (n == 1 ? " request" : " requests"); }

// "which made 3 requests: #0 ... -> 200; #1 ...".
void ListEntries(const std::vector<JournalEntry>& entries, ::testing::MatchResultListener* listener) {
  if (entries.empty()) {
    *listener << "which made no requests";
    return;
  }
  *listener << "which made " << Requests(entries.size()) << ": ";
  constexpr size_t kShown = 12;
  for (size_t i = 0; i < entries.size() && i < kShown; ++i) {
    *listener << (i ? "; " : "") << Line(entries[i]);
  }
  if (entries.size() > kShown) *listener << "; ... (" << entries.size() - kShown << " more)";
}

enum class Fit { kOperation, kInput, kReturning, kAll };

// How far `e` gets through `p`, with the explanation of the first failing part.
Fit Check(const CallPattern& p, const JournalEntry& e, std::string* why) {
  if (e.operation != p.operation) return Fit::kOperation;
  ::testing::StringMatchResultListener inner;
  if (p.input && !p.input->MatchAndExplain(e.input(), &inner)) {
    if (why) *why = inner.str();
    return Fit::kInput;
  }
  if (p.returning && !p.returning->MatchAndExplain(e, &inner)) {
    if (why) *why = inner.str();
    return Fit::kReturning;
  }
  return Fit::kAll;
}

bool Fits(const CallPattern& p, const JournalEntry& e) { return Check(p, e, nullptr) == Fit::kAll; }

void DescribePattern(const CallPattern& p, std::ostream* os) {
  *os << p.operation;
  if (p.input) {
    *os << " whose input ";
    p.input->DescribeTo(os);
  }
  if (p.returning) {
    *os << (p.input ? " and" : "") << " whose answer ";
    p.returning->DescribeTo(os);
  }
}

}  // namespace

void DescribeCalls(const CallPattern& p, const std::optional<::testing::Matcher<size_t>>& count,
                   bool negation, std::ostream* os) {
  if (!count) {
    *os << (negation ? "has no request to " : "has a request to ");
    DescribePattern(p, os);
    return;
  }
  *os << "has requests to ";
  DescribePattern(p, os);
  *os << ", and their number ";
  if (negation) {
    count->DescribeNegationTo(os);
  } else {
    count->DescribeTo(os);
  }
}

bool MatchCalls(const CallPattern& p, const std::optional<::testing::Matcher<size_t>>& count,
                const std::vector<JournalEntry>& entries, ::testing::MatchResultListener* listener) {
  ListEntries(entries, listener);
  size_t to_operation = 0, with_input = 0, all = 0;
  std::string first_why;
  uint64_t first_why_at = 0;
  for (const auto& e : entries) {
    std::string why;
    const Fit fit = Check(p, e, &why);
    if (fit == Fit::kOperation) continue;
    ++to_operation;
    if (fit != Fit::kInput) ++with_input;
    if (fit == Fit::kAll) ++all;
    if (fit != Fit::kAll && first_why.empty() && !why.empty()) {
      first_why = why;
      first_why_at = e.sequence;
    }
  }
  if (!entries.empty()) {
    *listener << "; " << (to_operation ? std::to_string(to_operation) : std::string("none")) << " to "
              << p.operation;
    if (to_operation && p.input) *listener << ", " << with_input << " of them with a matching input";
    if (to_operation && p.returning) {
      *listener << ", " << all << " of " << (p.input ? "those" : "them") << " answered as expected";
    }
    if (!first_why.empty()) *listener << " (#" << first_why_at << ": " << first_why << ")";
  }
  return count ? count->Matches(all) : all > 0;
}

void DescribeCallsInOrder(const std::vector<CallPattern>& steps, bool negation, std::ostream* os) {
  *os << (negation ? "doesn't have requests in this order: " : "has requests in this order: ");
  for (size_t i = 0; i < steps.size(); ++i) {
    *os << (i ? ", " : "") << "(" << i + 1 << ") ";
    DescribePattern(steps[i], os);
  }
}

bool MatchCallsInOrder(const std::vector<CallPattern>& steps, const std::vector<JournalEntry>& entries,
                       ::testing::MatchResultListener* listener) {
  ListEntries(entries, listener);
  std::vector<uint64_t> at;
  for (const auto& e : entries) {
    if (at.size() < steps.size() && Fits(steps[at.size()], e)) at.push_back(e.sequence);
  }
  std::string where;
  for (size_t i = 0; i < at.size(); ++i) where += (i ? ", #" : "#") + std::to_string(at[i]);
  if (at.size() == steps.size()) {
    *listener << "; the steps match " << where;
    return true;
  }
  if (at.empty()) {
    *listener << "; no request matches step 1";
  } else {
    *listener << "; step" << (at.size() == 1 ? " 1 matches " : "s 1-" + std::to_string(at.size()) + " match ")
              << where << ", and no later request matches step " << at.size() + 1;
  }
  return false;
}

}  // namespace fakeaws::matchers_internal
