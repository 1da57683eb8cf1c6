#include "protocol/pattern.h"

#include <algorithm>
#include <limits>
#include <map>

#include "protocol/unicode_tables.h"

namespace fakeaws::protocol {

char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  size_t extra;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    extra = 1, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3, cp = c & 0x07;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (s.size() - *i <= extra) {
    ++*i;
    return 0xFFFD;
  }
  for (size_t k = 1; k <= extra; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[*i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms and code points past U+10FFFF are not UTF-8 (RFC 3629).
  static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMin[extra] || cp > 0x10FFFF) {
    ++*i;
    return 0xFFFD;
  }
  *i += extra + 1;
  return cp;
}

size_t Utf16Length(std::string_view utf8) {
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return utf8.size();
  }
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) n += DecodeUtf8(utf8, &i) > 0xFFFF ? 2 : 1;
  return n;
}

bool Pattern::CharSet::Contains(char32_t c) const {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), c,
                             [](char32_t v, const auto& r) { return v < r.first; });
  bool in = it != ranges.begin() && c <= std::prev(it)->second;
  return in != negated;
}

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

void Normalize(Ranges* r) {
  std::sort(r->begin(), r->end());
  Ranges out;
  for (const auto& x : *r) {
    if (!out.empty() && x.first <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, x.second);
    } else {
      out.push_back(x);
    }
  }
  *r = std::move(out);
}

Ranges Complement(Ranges r) {
  Normalize(&r);
  Ranges out;
  char32_t next = 0;
  for (const auto& x : r) {
    if (x.first > next) out.push_back({next, x.first - 1});
    next = x.second + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

struct Node {
  enum Kind { kSet, kBegin, kEnd, kCat, kAlt, kRepeat } kind;
  Ranges set;
  std::vector<Node> children;
  int min = 0, max = 0;  // kRepeat; max < 0: unbounded
};

}  // namespace

class PatternCompiler {
 public:
  explicit PatternCompiler(std::string_view src) : src_(src) {}

  std::unique_ptr<Pattern> Run() {
    Node root;
    if (!ParseAlt(&root) || pos_ != src_.size()) return nullptr;
    auto p = std::make_unique<Pattern>();
    p->source_ = std::string(src_);
    out_ = p.get();
    DetectSingleClass(root);
    Emit(root);
    out_->program_.push_back({Pattern::Inst::kMatch});
    return p;
  }

 private:
  bool More() const { return pos_ < src_.size(); }
  char Peek() const { return src_[pos_]; }

  bool ParseAlt(Node* out) {
    Node first;
    if (!ParseCat(&first)) return false;
    if (!More() || Peek() != '|') {
      *out = std::move(first);
      return true;
    }
    out->kind = Node::kAlt;
    out->children.push_back(std::move(first));
    while (More() && Peek() == '|') {
      ++pos_;
      Node next;
      if (!ParseCat(&next)) return false;
      out->children.push_back(std::move(next));
    }
    return true;
  }

  bool ParseCat(Node* out) {
    out->kind = Node::kCat;
    while (More() && Peek() != '|' && Peek() != ')') {
      Node atom;
      if (!ParseRepeat(&atom)) return false;
      out->children.push_back(std::move(atom));
    }
    return true;
  }

  bool ParseRepeat(Node* out) {
    Node atom;
    if (!ParseAtom(&atom)) return false;
    while (More()) {
      int min, max;
      char c = Peek();
      if (c == '*') {
        min = 0, max = -1, ++pos_;
      } else if (c == '+') {
        min = 1, max = -1, ++pos_;
      } else if (c == '?') {
        min = 0, max = 1, ++pos_;
      } else if (c == '{') {
        size_t close = src_.find('}', pos_);
        if (close == std::string_view::npos) return false;
        std::string body(src_.substr(pos_ + 1, close - pos_ - 1));
        size_t comma = body.find(',');
        try {
          min = std::stoi(body.substr(0, comma));
          max = comma == std::string::npos ? min
                : comma + 1 == body.size() ? -1
                                           : std::stoi(body.substr(comma + 1));
        } catch (...) {
          return false;
        }
        if (min < 0 || min > 1000 || max > 1000) return false;
        pos_ = close + 1;
      } else {
        break;
      }
      Node rep;
      rep.kind = Node::kRepeat;
      rep.min = min;
      rep.max = max;
      rep.children.push_back(std::move(atom));
      atom = std::move(rep);
    }
    *out = std::move(atom);
    return true;
  }

  bool ParseAtom(Node* out) {
    if (!More()) return false;
    char c = src_[pos_++];
    switch (c) {
      case '(':
        if (src_.substr(pos_, 2) == "?:") pos_ += 2;
        if (!ParseAlt(out)) return false;
        if (!More() || Peek() != ')') return false;
        ++pos_;
        return true;
      case '[':
        out->kind = Node::kSet;
        return ParseClass(&out->set);
      case '.':
        out->kind = Node::kSet;
        // Java's `.` stops at line terminators.
        out->set = Complement({{'\n', '\n'}, {'\r', '\r'}, {0x85, 0x85}, {0x2028, 0x2029}});
        return true;
      case '^':
        out->kind = Node::kBegin;
        return true;
      case '$':
        out->kind = Node::kEnd;
        return true;
      case '\\':
        out->kind = Node::kSet;
        return ParseEscape(&out->set);
      default: {
        out->kind = Node::kSet;
        --pos_;
        size_t i = pos_;
        char32_t cp = DecodeUtf8(src_, &i);
        pos_ = i;
        out->set = {{cp, cp}};
        return true;
      }
    }
  }

  // After a backslash.
  bool ParseEscape(Ranges* out) {
    if (!More()) return false;
    char c = src_[pos_++];
    switch (c) {
      case 'd': *out = {{'0', '9'}}; return true;
      case 'D': *out = Complement({{'0', '9'}}); return true;
      case 's': *out = {{'\t', '\r'}, {' ', ' '}}; return true;
      case 'S': *out = Complement({{'\t', '\r'}, {' ', ' '}}); return true;
      case 'w': *out = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}; return true;
      case 'W': *out = Complement({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}); return true;
      case 't': *out = {{'\t', '\t'}}; return true;
      case 'n': *out = {{'\n', '\n'}}; return true;
      case 'r': *out = {{'\r', '\r'}}; return true;
      case 'p':
      case 'P': {
        if (src_.substr(pos_, 1) != "{" || src_.substr(pos_ + 2, 1) != "}") return false;
        const auto& ranges = UnicodeCategoryRanges(src_[pos_ + 1]);
        if (ranges.empty()) return false;
        pos_ += 3;
        *out = c == 'p' ? ranges : Complement(ranges);
        return true;
      }
      default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
          return false;  // an escape this engine does not know
        }
        *out = {{static_cast<unsigned char>(c), static_cast<unsigned char>(c)}};
        return true;
    }
  }

  // After '['.
  bool ParseClass(Ranges* out) {
    bool negated = More() && Peek() == '^';
    if (negated) ++pos_;
    Ranges set;
    bool first = true;
    while (More() && (Peek() != ']' || first)) {
      first = false;
      Ranges item;
      char32_t single = 0;
      bool is_single = false;
      if (Peek() == '\\') {
        ++pos_;
        if (!ParseEscape(&item)) return false;
        is_single = item.size() == 1 && item[0].first == item[0].second;
        single = is_single ? item[0].first : 0;
      } else {
        size_t i = pos_;
        single = DecodeUtf8(src_, &i);
        pos_ = i;
        is_single = true;
        item = {{single, single}};
      }
      if (is_single && pos_ + 1 < src_.size() && Peek() == '-' && src_[pos_ + 1] != ']') {
        ++pos_;
        char32_t hi;
        if (Peek() == '\\') {
          ++pos_;
          Ranges esc;
          if (!ParseEscape(&esc) || esc.size() != 1 || esc[0].first != esc[0].second) return false;
          hi = esc[0].first;
        } else {
          size_t i = pos_;
          hi = DecodeUtf8(src_, &i);
          pos_ = i;
        }
        if (hi < single) return false;
        item = {{single, hi}};
      }
      set.insert(set.end(), item.begin(), item.end());
    }
    if (!More()) return false;
    ++pos_;  // ']'
    Normalize(&set);
    *out = negated ? Complement(set) : set;
    return true;
  }

  // `^?[set]*$?` or `^?[set]+$?`: the whole value is characters of one set.
  void DetectSingleClass(const Node& root) {
    const Node* rep = nullptr;
    const std::vector<Node> single{root};
    const auto& parts = root.kind == Node::kCat ? root.children : single;
    for (const Node& n : parts) {
      if (n.kind == Node::kBegin || n.kind == Node::kEnd) continue;
      if (rep != nullptr || n.kind != Node::kRepeat || n.max >= 0 || n.min > 1 ||
          n.children[0].kind != Node::kSet) {
        return;
      }
      rep = &n;
    }
    if (rep == nullptr) return;
    out_->single_class_ = true;
    out_->single_class_min_ = static_cast<size_t>(rep->min);
    Pattern::CharSet set{rep->children[0].set, false};
    for (char32_t c = 0; c < 128; ++c) {
      if (set.Contains(c)) out_->single_class_ascii_[c / 64] |= uint64_t{1} << (c % 64);
    }
  }

  int Pc() const { return static_cast<int>(out_->program_.size()); }
  Pattern::Inst& At(int pc) { return out_->program_[pc]; }

  void Emit(const Node& n) {
    using I = Pattern::Inst;
    switch (n.kind) {
      case Node::kSet: {
        out_->sets_.push_back({n.set, false});
        I inst{I::kChar};
        inst.set = static_cast<int>(out_->sets_.size()) - 1;
        out_->program_.push_back(inst);
        return;
      }
      case Node::kBegin: out_->program_.push_back({I::kBegin}); return;
      case Node::kEnd: out_->program_.push_back({I::kEnd}); return;
      case Node::kCat:
        for (const auto& c : n.children) Emit(c);
        return;
      case Node::kAlt: {
        std::vector<int> jumps;
        for (size_t i = 0; i < n.children.size(); ++i) {
          if (i + 1 < n.children.size()) {
            int split = Pc();
            out_->program_.push_back({I::kSplit});
            At(split).x = Pc();
            Emit(n.children[i]);
            jumps.push_back(Pc());
            out_->program_.push_back({I::kJump});
            At(split).y = Pc();
          } else {
            Emit(n.children[i]);
          }
        }
        for (int j : jumps) At(j).x = Pc();
        return;
      }
      case Node::kRepeat: {
        const Node& child = n.children[0];
        for (int i = 0; i < n.min; ++i) Emit(child);
        if (n.max < 0) {
          int split = Pc();
          out_->program_.push_back({I::kSplit});
          At(split).x = Pc();
          Emit(child);
          I back{I::kJump};
          back.x = split;
          out_->program_.push_back(back);
          At(split).y = Pc();
        } else {
          std::vector<int> splits;
          for (int i = n.min; i < n.max; ++i) {
            splits.push_back(Pc());
            out_->program_.push_back({I::kSplit});
            At(splits.back()).x = Pc();
            Emit(child);
          }
          for (int s : splits) At(s).y = Pc();
        }
        return;
      }
    }
  }

  std::string_view src_;
  size_t pos_ = 0;
  Pattern* out_ = nullptr;
};

std::unique_ptr<Pattern> Pattern::Compile(std::string_view java_regex) {
  auto p = PatternCompiler(java_regex).Run();
  if (p) p->BuildDfa();
  return p;
}

std::vector<int> Pattern::Closure(const std::vector<int>& kernel, bool at_begin, bool at_end) const {
  std::vector<bool> seen(program_.size(), false);
  std::vector<int> stack(kernel.rbegin(), kernel.rend()), out;
  while (!stack.empty()) {
    const int p = stack.back();
    stack.pop_back();
    if (seen[p]) continue;
    seen[p] = true;
    const Inst& in = program_[p];
    switch (in.op) {
      case Inst::kJump: stack.push_back(in.x); break;
      case Inst::kSplit:
        stack.push_back(in.y);
        stack.push_back(in.x);
        break;
      case Inst::kBegin:
        if (at_begin) stack.push_back(p + 1);
        break;
      case Inst::kEnd:
        if (at_end) stack.push_back(p + 1);
        break;
      default: out.push_back(p);
    }
  }
  return out;
}

void Pattern::BuildDfa() {
  constexpr size_t kMaxStates = 256;
  std::map<std::pair<std::vector<int>, bool>, int> index;
  auto state_for = [&](std::vector<int> kernel, bool at_begin) -> int {
    std::sort(kernel.begin(), kernel.end());
    kernel.erase(std::unique(kernel.begin(), kernel.end()), kernel.end());
    auto [it, inserted] = index.try_emplace({kernel, at_begin}, static_cast<int>(dfa_.size()));
    if (inserted) {
      DfaState st;
      st.kernel = std::move(kernel);
      st.at_begin = at_begin;
      for (int pc : Closure(st.kernel, at_begin, true)) {
        if (program_[pc].op == Inst::kMatch) st.accepts_at_end = true;
      }
      dfa_.push_back(std::move(st));
    }
    return it->second;
  };
  state_for({0}, true);
  for (size_t s = 0; s < dfa_.size(); ++s) {
    if (dfa_.size() > kMaxStates) {
      dfa_.clear();  // the NFA alone is still linear
      dfa_next_.clear();
      return;
    }
    const std::vector<int> threads = Closure(dfa_[s].kernel, dfa_[s].at_begin, false);
    dfa_next_.resize((s + 1) * 128, -1);
    for (char32_t c = 0; c < 128; ++c) {
      std::vector<int> kernel;
      for (int pc : threads) {
        if (program_[pc].op == Inst::kChar && sets_[program_[pc].set].Contains(c)) kernel.push_back(pc + 1);
      }
      if (!kernel.empty()) dfa_next_[s * 128 + c] = static_cast<int16_t>(state_for(std::move(kernel), false));
    }
  }
}

bool Pattern::FullMatch(std::string_view utf8) const {
  if (single_class_) {
    bool ascii = true;
    bool in_set = true;
    for (char ch : utf8) {
      const unsigned char c = static_cast<unsigned char>(ch);
      ascii &= c < 0x80;
      in_set &= c >= 0x80 || ((single_class_ascii_[c >> 6] >> (c & 63)) & 1) != 0;
    }
    if (ascii) return in_set && utf8.size() >= single_class_min_;
    if (!in_set) return false;
  }
  if (dfa_.empty()) return RunNfa({0}, utf8, 0);
  const int16_t* next = dfa_next_.data();
  int state = 0;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x80) return RunNfa(dfa_[state].kernel, utf8, i);
    state = next[state * 128 + c];
    if (state < 0) return false;
  }
  return dfa_[state].accepts_at_end;
}

bool Pattern::RunNfa(const std::vector<int>& kernel, std::string_view utf8, size_t pos) const {
  const int n = static_cast<int>(program_.size());
  std::vector<int> current, next, stack;
  std::vector<size_t> seen(n, std::numeric_limits<size_t>::max());
  current.reserve(n);
  next.reserve(n);
  // Follows epsilon moves from `pc` at input position `at` (step `gen`),
  // collecting the instructions that consume a character or accept.
  auto add = [&](std::vector<int>* list, int pc, size_t at, size_t gen, bool at_end) {
    stack.push_back(pc);
    while (!stack.empty()) {
      int p = stack.back();
      stack.pop_back();
      if (seen[p] == gen) continue;
      seen[p] = gen;
      const Inst& in = program_[p];
      switch (in.op) {
        case Inst::kJump: stack.push_back(in.x); break;
        case Inst::kSplit:
          stack.push_back(in.y);
          stack.push_back(in.x);
          break;
        case Inst::kBegin:
          if (at == 0) stack.push_back(p + 1);
          break;
        case Inst::kEnd:
          if (at_end) stack.push_back(p + 1);
          break;
        default: list->push_back(p);
      }
    }
  };
  size_t gen = 0;
  for (int pc : kernel) add(&current, pc, pos, gen, pos == utf8.size());
  size_t i = pos;
  while (i < utf8.size()) {
    if (current.empty()) return false;
    char32_t c = DecodeUtf8(utf8, &i);
    ++gen;
    next.clear();
    for (int pc : current) {
      const Inst& in = program_[pc];
      if (in.op == Inst::kChar && sets_[in.set].Contains(c)) {
        add(&next, pc + 1, i, gen, i == utf8.size());
      }
    }
    std::swap(current, next);
  }
  for (int pc : current) {
    if (program_[pc].op == Inst::kMatch) return true;
  }
  return false;
}

}  // namespace fakeaws::protocol
