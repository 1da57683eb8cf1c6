#include "control/answers.h"

#include <charconv>

#include "base/base64.h"
#include "base/url.h"

namespace fakeaws::control {
namespace {

// The length of a UTF-8 sequence starting with `lead`, 0 for a byte that
// cannot start one (RFC 3629: no overlongs of C0/C1, nothing past U+10FFFF).
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// How many leading bytes of `s` are whole, valid UTF-8 characters.
size_t ValidUtf8Prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t n = SequenceLength(lead);
    if (n == 0 || i + n > s.size()) return i;
    for (size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return i;
    }
    if (n >= 3) {
      const auto second = static_cast<unsigned char>(s[i + 1]);
      // Overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF), past U+10FFFF (F4 90..).
      if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) ||
          (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
        return i;
      }
    }
    i += n;
  }
  return i;
}

// True when `tail` is the start of a UTF-8 character and no more.
bool IsPartialCharacter(std::string_view tail) {
  if (tail.empty() || SequenceLength(static_cast<unsigned char>(tail[0])) <= tail.size()) return false;
  for (size_t k = 1; k < tail.size(); ++k) {
    if ((static_cast<unsigned char>(tail[k]) & 0xC0) != 0x80) return false;
  }
  return true;
}

}  // namespace

HttpResponse JsonAnswer(int status, const Json& body) {
  HttpResponse r;
  r.status = status;
  // Keys and messages come from clients: a byte that is not UTF-8 becomes
  // U+FFFD instead of an exception (nlohmann's default).
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.headers.Add("Content-Type", "application/json");
  r.headers.Add("Content-Length", std::to_string(r.body.size()));
  return r;
}

HttpResponse Refusal(int status, std::string_view type, const std::string& message) {
  return JsonAnswer(status, Json{{"error", type}, {"message", message}});
}

Outcome<std::map<std::string, std::string>> ParseQuery(std::string_view query,
                                                      std::initializer_list<std::string_view> known,
                                                      std::string_view where) {
  std::map<std::string, std::string> out;
  // Held by name: params() refers into it, and a temporary would die
  // before the loop's first turn.
  const base::Query parsed = base::Query::ParseLenient(query, base::Plus::kSpace);
  for (const auto& [name, value] : parsed.params()) {
    bool is_known = false;
    std::string names;
    for (std::string_view k : known) {
      is_known = is_known || k == name;
      names += (names.empty() ? "" : ", ") + std::string(k);
    }
    if (!is_known) {
      return base::InvalidRequest(std::string(where) + ": unknown parameter " + name +
                                  (known.size() == 0 ? "; it takes none" : "; it takes " + names));
    }
    if (!out.emplace(name, value).second) {
      return base::InvalidRequest(std::string(where) + ": parameter " + name + " is given twice");
    }
  }
  return out;
}

Outcome<uint64_t> CountParameter(const std::map<std::string, std::string>& params, const std::string& name,
                                 uint64_t low, uint64_t high, uint64_t fallback) {
  auto it = params.find(name);
  if (it == params.end()) return fallback;
  const std::string& text = it->second;
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < low || n > high) {
    return base::InvalidRequest(name + " must be a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high) + ", not '" + text + "'");
  }
  return n;
}

void PutBody(Json* out, std::string_view body, bool truncated) {
  const size_t valid = ValidUtf8Prefix(body);
  // A cut body may end inside a character.
  if (valid == body.size() || (truncated && IsPartialCharacter(body.substr(valid)))) {
    (*out)["body"] = std::string(body.substr(0, valid));
  } else {
    (*out)["body_base64"] = base::Base64Encode(body);
  }
  (*out)["body_bytes"] = body.size();
  (*out)["body_truncated"] = truncated;
}

}  // namespace fakeaws::control
