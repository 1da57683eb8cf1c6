#include "json_pointer.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace fakeaws::matchers_internal {
namespace {

// Walks a document nlohmann has already accepted, so the scanner can trust
// the grammar and only track positions.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  size_t SkipWs(size_t i) const {
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || s_[i] == '\n' || s_[i] == '\r')) ++i;
    return i;
  }

  // The index just past the value starting at `i`.
  size_t SkipValue(size_t i) const {
    if (s_[i] == '"') return SkipString(i);
    if (s_[i] == '{' || s_[i] == '[') {
      int depth = 0;
      while (i < s_.size()) {
        const char c = s_[i];
        if (c == '"') {
          i = SkipString(i);
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') {
          if (--depth == 0) return i + 1;
        }
        ++i;
      }
      return i;
    }
    while (i < s_.size() && s_[i] != ',' && s_[i] != '}' && s_[i] != ']' && s_[i] != ' ' &&
           s_[i] != '\t' && s_[i] != '\n' && s_[i] != '\r') {
      ++i;
    }
    return i;
  }

  size_t SkipString(size_t i) const {
    ++i;
    while (i < s_.size() && s_[i] != '"') i += s_[i] == '\\' ? 2 : 1;
    return i + 1;
  }

  std::string_view Text(size_t b, size_t e) const { return s_.substr(b, e - b); }

 private:
  std::string_view s_;
};

std::string DecodeString(std::string_view raw) {
  return nlohmann::json::parse(raw).get<std::string>();
}

std::string KindOf(char c) {
  switch (c) {
    case '"': return "is a string";
    case 't':
    case 'f': return "is a boolean";
    case 'n': return "is null";
    default: return "is a number";
  }
}

std::string EscapeToken(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

bool SplitPointer(std::string_view pointer, std::vector<std::string>* tokens) {
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  size_t i = 1;
  while (true) {
    const size_t slash = pointer.find('/', i);
    std::string_view raw = pointer.substr(i, slash == std::string_view::npos ? slash : slash - i);
    std::string token;
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '~' && k + 1 < raw.size() && (raw[k + 1] == '0' || raw[k + 1] == '1')) {
        token.push_back(raw[k + 1] == '0' ? '~' : '/');
        ++k;
      } else {
        token.push_back(raw[k]);
      }
    }
    tokens->push_back(std::move(token));
    if (slash == std::string_view::npos) return true;
    i = slash + 1;
  }
}

bool ParseIndex(const std::string& token, size_t* index) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return false;
  size_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *index = v;
  return true;
}

}  // namespace

JsonLookup LookupJsonPointer(std::string_view json, std::string_view pointer) {
  JsonLookup out;
  if (!nlohmann::json::accept(json)) return out;
  std::vector<std::string> tokens;
  if (!SplitPointer(pointer, &tokens)) {
    out.kind = JsonLookup::Kind::kBadPointer;
    return out;
  }
  Scanner sc(json);
  size_t pos = sc.SkipWs(0);
  std::string reached;
  for (const std::string& token : tokens) {
    const char c = json[pos];
    bool found = false;
    if (c == '{') {
      std::string members;
      size_t i = sc.SkipWs(pos + 1);
      while (json[i] != '}') {
        const size_t key_end = sc.SkipString(i);
        const std::string key = DecodeString(sc.Text(i, key_end));
        const size_t value = sc.SkipWs(sc.SkipWs(key_end) + 1);  // past ':'
        if (key == token) {
          pos = value;
          found = true;
          break;
        }
        members += (members.empty() ? "" : ", ") + key;
        i = sc.SkipWs(sc.SkipValue(value));
        if (json[i] == ',') i = sc.SkipWs(i + 1);
      }
      if (!found) out.reached_shape = members.empty() ? "is an empty object" : "has members " + members;
    } else if (c == '[') {
      size_t wanted = 0;
      const bool is_index = ParseIndex(token, &wanted);
      size_t count = 0;
      size_t i = sc.SkipWs(pos + 1);
      while (json[i] != ']') {
        if (is_index && count == wanted) {
          pos = i;
          found = true;
          break;
        }
        ++count;
        i = sc.SkipWs(sc.SkipValue(i));
        if (json[i] == ',') i = sc.SkipWs(i + 1);
      }
      if (!found) {
        out.reached_shape = "has " + std::to_string(count) + (count == 1 ? " element" : " elements");
      }
    } else {
      out.reached_shape = KindOf(c);
    }
    if (!found) {
      out.kind = JsonLookup::Kind::kMissing;
      out.reached = reached;
      return out;
    }
    reached += "/" + EscapeToken(token);
  }
  const size_t end = sc.SkipValue(pos);
  out.kind = JsonLookup::Kind::kFound;
  if (json[pos] == '"') {
    out.is_string = true;
    out.value = DecodeString(sc.Text(pos, end));
  } else {
    out.value = std::string(sc.Text(pos, end));
  }
  return out;
}

}  // namespace fakeaws::matchers_internal
