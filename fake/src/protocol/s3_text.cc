#include "protocol/s3_text.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "protocol/awsjson.h"

namespace fakeaws::protocol {
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

int MonthIndex(std::string_view m) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (m == kMonths[i]) return i;
  }
  return -1;
}

std::optional<Timestamp> FromFields(int year, int month, int day, int hour, int minute, int second) {
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || year < 1970) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  const std::time_t secs = timegm(&tm);
  return Timestamp(std::chrono::milliseconds(static_cast<int64_t>(secs) * 1000));
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int hi = HexValue(s[i + 1]);
      const int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string ListingUrlEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (unsigned char c : s) {
    if (IsAlnum(c) || c == '.' || c == '-' || c == '*' || c == '_') out.push_back(static_cast<char>(c));
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

std::string HttpDate(Timestamp t) { return ImfFixdate(t.time_since_epoch().count()); }

std::optional<Timestamp> ParseHttpDate(std::string_view s) {
  const std::string text(s);
  char wkday[16] = {}, month[4] = {}, zone[4] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, used = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (std::sscanf(text.c_str(), "%3s, %2d %3s %4d %2d:%2d:%2d %3s%n", wkday, &day, month, &year, &hour, &minute,
                  &second, zone, &used) == 8 &&
      used == static_cast<int>(text.size()) && std::strcmp(zone, "GMT") == 0) {
    return FromFields(year, MonthIndex(month), day, hour, minute, second);
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
  used = 0;
  if (std::sscanf(text.c_str(), "%15[A-Za-z], %2d-%3s-%2d %2d:%2d:%2d %3s%n", wkday, &day, month, &year, &hour,
                  &minute, &second, zone, &used) == 8 &&
      used == static_cast<int>(text.size()) && std::strcmp(zone, "GMT") == 0) {
    return FromFields(year < 70 ? 2000 + year : 1900 + year, MonthIndex(month), day, hour, minute, second);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  used = 0;
  if (std::sscanf(text.c_str(), "%3s %3s %d %2d:%2d:%2d %4d%n", wkday, month, &day, &hour, &minute, &second,
                  &year, &used) == 7 &&
      used == static_cast<int>(text.size())) {
    return FromFields(year, MonthIndex(month), day, hour, minute, second);
  }
  return std::nullopt;
}

std::string IsoTimestamp(Timestamp t) {
  const int64_t ms = t.time_since_epoch().count();
  const std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::optional<Query> Query::Parse(std::string_view raw) {
  Query q;
  while (!raw.empty()) {
    const size_t amp = raw.find('&');
    const std::string_view pair = raw.substr(0, amp);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      auto name = PercentDecode(pair.substr(0, eq), true);
      auto value = eq == std::string_view::npos ? std::optional<std::string>("")
                                                : PercentDecode(pair.substr(eq + 1), true);
      if (!name || !value) return std::nullopt;
      q.params_.emplace_back(std::move(*name), std::move(*value));
    }
    if (amp == std::string_view::npos) break;
    raw.remove_prefix(amp + 1);
  }
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

}  // namespace fakeaws::protocol
