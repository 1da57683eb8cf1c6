#include "base/time_text.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace fakeaws::base {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int MonthIndex(std::string_view m) {
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

std::tm UtcFields(Timestamp t) {
  const int64_t ms = t.time_since_epoch().count();
  const std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}

}  // namespace

std::string HttpDate(Timestamp t) {
  // Every response carries a Date; within one second it does not change.
  const int64_t epoch_ms = t.time_since_epoch().count();
  thread_local int64_t cached_secs = -1;
  thread_local std::string cached;
  if (epoch_ms / 1000 == cached_secs) return cached;
  std::time_t secs = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  cached_secs = epoch_ms / 1000;
  cached = buf;
  return cached;
}

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
  const std::tm tm = UtcFields(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string AmzDate(Timestamp t) {
  const std::tm tm = UtcFields(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::optional<Timestamp> ParseAmzDate(std::string_view s) {
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return std::nullopt;
  for (size_t i = 0; i < 15; ++i) {
    if (i != 8 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  }
  auto num = [&](size_t at, size_t len) { return std::stoi(std::string(s.substr(at, len))); };
  std::tm tm{};
  tm.tm_year = num(0, 4) - 1900;
  tm.tm_mon = num(4, 2) - 1;
  tm.tm_mday = num(6, 2);
  tm.tm_hour = num(9, 2);
  tm.tm_min = num(11, 2);
  tm.tm_sec = num(13, 2);
  if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
      tm.tm_sec > 60) {
    return std::nullopt;
  }
  const std::time_t secs = timegm(&tm);
  return Timestamp(std::chrono::milliseconds(static_cast<int64_t>(secs) * 1000));
}

}  // namespace fakeaws::base
