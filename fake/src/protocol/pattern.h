// The regular expressions of AWS service models, matched as the Java services
// match them: the whole value must match (Matcher.matches), over Unicode code
// points, with \p{L}, \p{N} and \p{Z}. wire-format.md §2.2 shows AWS rejecting
// a name that only a prefix of `^[a-zA-Z][a-zA-Z0-9_]*` matched.
//
// A Thompson NFA simulated in lock step: linear in the input, no backtracking,
// no recursion, so hostile input cannot blow the stack or the time budget.
// ASCII input runs on a DFA built from the NFA at compile time (names and
// ARNs are validated on every request).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fakeaws::protocol {

class Pattern {
 public:
  // Compiles the subset of Java regex the models use: literals, escapes,
  // `.`, classes `[...]` with ranges and negation, \d \s \w \p{L} \p{N} \p{Z},
  // groups, `|`, `* + ?`, `{n}` `{n,}` `{n,m}`, and `^` `$` anchors.
  // Returns nullptr for anything else.
  static std::unique_ptr<Pattern> Compile(std::string_view java_regex);

  // True when all of `utf8` matches.
  bool FullMatch(std::string_view utf8) const;

  const std::string& source() const { return source_; }

  struct CharSet {
    std::vector<std::pair<char32_t, char32_t>> ranges;
    bool negated = false;
    bool Contains(char32_t c) const;
  };
  struct Inst {
    enum Op : uint8_t { kChar, kSplit, kJump, kBegin, kEnd, kMatch } op;
    int set = -1;   // kChar: index into sets_
    int x = 0, y = 0;  // kSplit: both targets; kJump: x
  };

 private:
  friend class PatternCompiler;
  struct DfaState {
    std::vector<int> kernel;  // NFA instructions reached by the last character
    bool at_begin = false;
    bool accepts_at_end = false;
  };
  // The instructions that consume a character or accept, reachable from
  // `kernel` without consuming input.
  std::vector<int> Closure(const std::vector<int>& kernel, bool at_begin, bool at_end) const;
  void BuildDfa();
  bool RunNfa(const std::vector<int>& kernel, std::string_view utf8, size_t pos) const;

  std::string source_;
  std::vector<Inst> program_;
  std::vector<CharSet> sets_;
  std::vector<DfaState> dfa_;  // dfa_[0] starts; empty when the DFA would be too large
  // dfa_next_[state * 128 + c]: the state after ASCII character c; -1 when
  // no match is possible any more.
  std::vector<int16_t> dfa_next_;
  // Patterns that are one class repeated (`^[a-zA-Z0-9\-\_\.\/\:]+$`, the
  // ARN pattern) check ASCII input against a bitmap: no state to carry.
  bool single_class_ = false;
  size_t single_class_min_ = 0;
  uint64_t single_class_ascii_[2] = {0, 0};
};

// Decodes one code point from UTF-8 at `*i`, advancing it. Invalid bytes
// decode as U+FFFD, one byte each.
char32_t DecodeUtf8(std::string_view s, size_t* i);
// Java's String.length(): UTF-16 code units, which is what AWS's length
// constraints count.
size_t Utf16Length(std::string_view utf8);

}  // namespace fakeaws::protocol
