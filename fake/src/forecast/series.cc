#include "forecast/series.h"

#include <cmath>
#include <ctime>

#include "base/seeded.h"

namespace fakeaws::forecast {
namespace {

constexpr int64_t kMinute = 60'000;

struct Civil {
  int64_t y;
  unsigned m, d;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int64_t MinutesPerPeriod(std::string_view f) {
  if (f == "W") return 7 * 24 * 60;
  if (f == "D") return 24 * 60;
  if (f == "H") return 60;
  if (f == "30min") return 30;
  if (f == "15min") return 15;
  if (f == "10min") return 10;
  if (f == "5min") return 5;
  if (f == "1min") return 1;
  return 0;
}

}  // namespace

double NormalQuantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                             1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  if (p <= 0) return -8;
  if (p >= 1) return 8;
  const double lo = 0.02425;
  if (p < lo) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -NormalQuantile(1 - p);
  const double q = p - 0.5, r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

std::optional<Timestamp> CivilTime(int64_t year, int month, int day, int hour, int minute, int second) {
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 59) {
    return std::nullopt;
  }
  if (static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month))) return std::nullopt;
  const int64_t days = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return Timestamp(std::chrono::milliseconds(((days * 24 + hour) * 60 + minute) * 60'000LL + second * 1000LL));
}

Timestamp FloorToPeriod(Timestamp t, std::string_view frequency) {
  constexpr int64_t kDayMs = 86'400'000;
  const int64_t ms = t.time_since_epoch().count();
  int64_t days = ms / kDayMs;
  if (ms % kDayMs < 0) --days;
  auto at_day = [](int64_t d) { return Timestamp(std::chrono::milliseconds(d * kDayMs)); };
  if (frequency == "Y" || frequency == "M") {
    const Civil c = CivilFromDays(days);
    return at_day(DaysFromCivil(c.y, frequency == "Y" ? 1 : c.m, 1));
  }
  if (frequency == "W") {
    // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
    const int64_t since_monday = ((days + 3) % 7 + 7) % 7;
    return at_day(days - since_monday);
  }
  const int64_t period = MinutesPerPeriod(frequency) * kMinute;
  if (period <= 0) return t;
  int64_t floored = ms - ms % period;
  if (ms % period < 0) floored -= period;
  return Timestamp(std::chrono::milliseconds(floored));
}

int SeasonLength(std::string_view f) {
  if (f == "Y") return 1;
  if (f == "M") return 12;
  if (f == "W") return 52;
  if (f == "D") return 7;
  if (f == "H") return 24;
  const int64_t minutes = MinutesPerPeriod(f);
  return minutes > 0 ? static_cast<int>(24 * 60 / minutes) : 1;  // a day
}

bool IsCoarserOrEqual(std::string_view frequency, std::string_view other) {
  auto rank = [](std::string_view f) -> int64_t {
    if (f == "Y") return 365 * 24 * 60;
    if (f == "M") return 28 * 24 * 60;
    return MinutesPerPeriod(f);
  };
  return rank(frequency) >= rank(other);
}

bool IsValidFrequency(std::string_view f) {
  return f == "Y" || f == "M" || MinutesPerPeriod(f) > 0;
}

Timestamp StepDate(Timestamp start, std::string_view frequency, int64_t k) {
  const int64_t ms = start.time_since_epoch().count();
  if (frequency == "Y" || frequency == "M") {
    const int64_t day_ms = 86'400'000;
    int64_t days = ms / day_ms;
    int64_t rem = ms % day_ms;
    if (rem < 0) rem += day_ms, --days;
    Civil c = CivilFromDays(days);
    int64_t months = static_cast<int64_t>(c.m - 1) + (frequency == "Y" ? 12 * k : k);
    int64_t y = c.y + (months >= 0 ? months / 12 : (months - 11) / 12);
    unsigned m = static_cast<unsigned>(((months % 12) + 12) % 12) + 1;
    unsigned d = std::min(c.d, DaysInMonth(y, m));
    return Timestamp(std::chrono::milliseconds(DaysFromCivil(y, m, d) * day_ms + rem));
  }
  return Timestamp(std::chrono::milliseconds(ms + k * MinutesPerPeriod(frequency) * kMinute));
}

bool IsValidForecastType(std::string_view type) {
  if (type == "mean") return true;
  const double q = std::strtod(std::string(type).c_str(), nullptr);
  const double hundredths = q * 100;
  return q >= 0.01 - 1e-9 && q <= 0.99 + 1e-9 && std::fabs(hundredths - std::round(hundredths)) < 1e-6;
}

std::optional<double> QuantileOf(std::string_view type) {
  if (type == "mean") return std::nullopt;
  return std::strtod(std::string(type).c_str(), nullptr);
}

std::string ForecastTypeColumn(std::string_view type) {
  if (type == "mean") return "mean";
  // AWS samples derive the column with 'p{:.0f}'.format(float(q) * 100).
  return "p" + std::to_string(static_cast<int>(std::lround(*QuantileOf(type) * 100)));
}

std::string FormatForecastDate(Timestamp t) {
  const int64_t secs = t.time_since_epoch().count() / 1000;
  std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

uint64_t GeneratedValues::SeriesHash(const SeriesId& series) {
  uint64_t h = base::HashString(series.item_id);
  for (const auto& d : series.dimension_values) h = base::Mix64(h ^ base::HashString(d));
  return h;
}

double GeneratedValues::Value(const SeriesId& series, int64_t period,
                              std::string_view forecast_type) const {
  return Value(SeriesHash(series), period, QuantileOf(forecast_type));
}

double GeneratedValues::Value(uint64_t series_hash, int64_t period,
                              std::optional<double> quantile) const {
  constexpr double kPi = 3.14159265358979323846;
  const double level = 10 + 90 * base::UnitInterval(base::SeededValue(seed_, series_hash, 0));
  const double spread = 0.1 + 0.2 * base::UnitInterval(base::SeededValue(seed_, series_hash, 1));
  const double noise =
      base::UnitInterval(base::SeededValue(seed_, series_hash, 2 + static_cast<uint64_t>(period)));
  const double median = level * (1 + 0.2 * std::sin(2 * kPi * period / 7.0)) * (0.95 + 0.1 * noise);
  const double z = quantile ? NormalQuantile(*quantile) : 0.0;
  // Full double precision: AWS's exports and QueryForecast carry values
  // such as 5.088283521094429 (wire-format.md §3.2 "Values", REAL).
  return median * (1 + spread * z);
}

}  // namespace fakeaws::forecast
