// Time series arithmetic and generated forecast values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/clock.h"
#include "forecast/forecast_data.h"

namespace fakeaws::forecast {

// Y, M, W, D, H, 30min, 15min, 10min, 5min, 1min (the model's Frequency).
bool IsValidFrequency(std::string_view frequency);
// `start` moved `k` periods of `frequency` forward; months and years keep the
// day of month, clamped to the month's length.
Timestamp StepDate(Timestamp start, std::string_view frequency, int64_t k);

// "mean", or a quantile from 0.01 to 0.99 in steps of 0.01 (CreateForecast's
// ForecastTypes documentation).
bool IsValidForecastType(std::string_view forecast_type);

// The export column of a forecast type: "0.1" -> "p10", "0.05" -> "p5",
// "mean" -> "mean" (wire-format.md §3.2).
std::string ForecastTypeColumn(std::string_view forecast_type);
// The quantile of "0.1" (0.1), or nullopt for "mean".
std::optional<double> QuantileOf(std::string_view forecast_type);

// The UTC instant of a civil date and time, or nullopt when a field is out
// of range (month 13, February 30, hour 24).
std::optional<Timestamp> CivilTime(int64_t year, int month, int day, int hour, int minute, int second);

// The start of the period holding `t`, on Forecast's time boundaries
// (howitworks-datasets-groups.md "Time Boundaries"): January 1, the first of
// the month, the most recent Monday, midnight, the top of the hour, and the
// last multiple of N minutes for Nmin.
Timestamp FloorToPeriod(Timestamp t, std::string_view frequency);

// Periods in one season of `frequency`: a week of days, a day of hours, a year
// of months; the seasonal models repeat with this period.
int SeasonLength(std::string_view frequency);

// Whether `frequency` is at least as coarse as `other` ("D" >= "H").
bool IsCoarserOrEqual(std::string_view frequency, std::string_view other);

// The standard normal quantile function (Acklam's approximation).
double NormalQuantile(double p);

// "2026-01-01T00:00:00Z", the export's and QueryForecast's date format
// (yyyy-MM-ddTHH:mm:ssZ, wire-format.md §3.2).
std::string FormatForecastDate(Timestamp t);

// Deterministic forecast values: a level per series from the seed, a weekly
// shape over periods, and quantiles around the median from a normal spread,
// so p10 <= p50 <= p90 always. Not rounded: full double precision.
class GeneratedValues {
 public:
  explicit GeneratedValues(uint64_t seed) : seed_(seed) {}
  double Value(const SeriesId& series, int64_t period, std::string_view forecast_type) const;
  // The same, with the series' hash precomputed (export hot path).
  double Value(uint64_t series_hash, int64_t period, std::optional<double> quantile) const;
  static uint64_t SeriesHash(const SeriesId& series);

 private:
  uint64_t seed_;
};

}  // namespace fakeaws::forecast
