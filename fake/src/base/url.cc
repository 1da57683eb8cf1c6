#include "base/url.h"

namespace fakeaws::base {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kUpperHex[] = "0123456789ABCDEF";

void AppendEscaped(std::string* out, unsigned char c) {
  out->push_back('%');
  out->push_back(kUpperHex[c >> 4]);
  out->push_back(kUpperHex[c & 0xF]);
}

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// False on a broken escape unless `keep_broken`, which copies it as written.
bool Decode(std::string_view s, Plus plus, bool keep_broken, std::string* out) {
  out->reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? HexValue(s[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out->push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
      } else if (keep_broken) {
        out->push_back(c);
      } else {
        return false;
      }
    } else if (c == '+' && plus == Plus::kSpace) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

template <typename Add>
void ForEachParam(std::string_view raw, Add add) {
  while (!raw.empty()) {
    const size_t amp = raw.find('&');
    const std::string_view pair = raw.substr(0, amp);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      if (!add(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1))) {
        return;
      }
    }
    if (amp == std::string_view::npos) break;
    raw.remove_prefix(amp + 1);
  }
}

}  // namespace

bool IsPercentEncoded(std::string_view s) {
  for (size_t at = s.find('%'); at != std::string_view::npos; at = s.find('%', at + 3)) {
    if (at + 2 >= s.size() || HexValue(s[at + 1]) < 0 || HexValue(s[at + 2]) < 0) return false;
  }
  return true;
}

std::optional<std::string> PercentDecode(std::string_view s, Plus plus) {
  std::string out;
  if (!Decode(s, plus, /*keep_broken=*/false, &out)) return std::nullopt;
  return out;
}

std::string PercentDecodeLenient(std::string_view s, Plus plus) {
  std::string out;
  Decode(s, plus, /*keep_broken=*/true, &out);
  return out;
}

std::string ListingUrlEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    if (IsAlnum(c) || c == '.' || c == '-' || c == '*' || c == '_' || c == '/') out.push_back(static_cast<char>(c));
    else if (c == ' ') out.push_back('+');
    else AppendEscaped(&out, c);
  }
  return out;
}

std::string PathEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    if (IsAlnum(c) || c == '.' || c == '-' || c == '_' || c == '~' || c == '/') out.push_back(static_cast<char>(c));
    else AppendEscaped(&out, c);
  }
  return out;
}

std::optional<Query> Query::Parse(std::string_view raw, Plus plus) {
  Query q;
  bool ok = true;
  ForEachParam(raw, [&](std::string_view name, std::string_view value) {
    auto n = PercentDecode(name, plus);
    auto v = PercentDecode(value, plus);
    if (!n || !v) return ok = false;
    q.params_.emplace_back(std::move(*n), std::move(*v));
    return true;
  });
  if (!ok) return std::nullopt;
  return q;
}

Query Query::ParseLenient(std::string_view raw, Plus plus) {
  Query q;
  ForEachParam(raw, [&](std::string_view name, std::string_view value) {
    q.params_.emplace_back(PercentDecodeLenient(name, plus), PercentDecodeLenient(value, plus));
    return true;
  });
  return q;
}

bool Query::Has(std::string_view name) const {
  for (const auto& p : params_) {
    if (p.first == name) return true;
  }
  return false;
}

std::optional<std::string> Query::Get(std::string_view name) const {
  for (const auto& p : params_) {
    if (p.first == name) return p.second;
  }
  return std::nullopt;
}

}  // namespace fakeaws::base
