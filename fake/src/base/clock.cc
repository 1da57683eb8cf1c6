#include "fakeaws/clock.h"

#include <cstdio>
#include <ctime>

#include "base/virtual_clock.h"

namespace fakeaws {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), so
// parsing does not depend on the process's time zone.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

bool ParseTimestamp(const std::string& s, Timestamp* out) {
  int y, mo, d, h, mi, sec, consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec,
                  &consumed) != 6 ||
      consumed != 19) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return false;
  size_t i = 19;
  int64_t ms = 0;
  if (i < s.size() && s[i] == '.') {
    int digits = 0;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
      if (digits < 3) ms = ms * 10 + (s[i] - '0');
    }
    if (digits == 0) return false;
    for (; digits < 3; ++digits) ms *= 10;
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  if (i != s.size()) return false;
  const int64_t days = DaysFromCivil(y, mo, d);
  *out = Timestamp(std::chrono::milliseconds(((days * 24 + h) * 60 + mi) * 60 * 1000 +
                                             sec * 1000LL + ms));
  return true;
}

std::string FormatTimestamp(Timestamp t) {
  const int64_t ms = t.time_since_epoch().count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  const int frac = static_cast<int>(((ms % 1000) + 1000) % 1000);
  if (frac == 0) {
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  } else {
    char base[32];
    std::strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf, sizeof buf, "%s.%03dZ", base, frac);
  }
  return buf;
}

Timestamp Clock::Now() const { return clock_->Now(); }
void Clock::Advance(std::chrono::milliseconds by) { clock_->Advance(by); }
void Clock::AdvanceTo(Timestamp t) { clock_->AdvanceTo(t); }
ClockMode Clock::mode() const { return clock_->mode(); }
void Clock::set_mode(ClockMode mode, std::chrono::milliseconds step) { clock_->set_mode(mode, step); }
std::chrono::milliseconds Clock::step() const { return clock_->step(); }

}  // namespace fakeaws
