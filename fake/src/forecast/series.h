// Time series arithmetic and generated forecast values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/clock.h"
#include "fakeaws/forecast.h"

namespace fakeaws::forecast {

// Y, M, W, D, H, 30min, 15min, 10min, 5min, 1min (the model's Frequency).
bool IsValidFrequency(std::string_view frequency);
// `start` moved `k` periods of `frequency` forward; months and years keep the
// day of month, clamped to the month's length.
Timestamp StepDate(Timestamp start, std::string_view frequency, int64_t k);

// The export column of a forecast type: "0.1" -> "p10", "0.05" -> "p5",
// "mean" -> "mean" (wire-format.md §3.2).
std::string ForecastTypeColumn(std::string_view forecast_type);
// The quantile of "0.1" (0.1), or nullopt for "mean".
std::optional<double> QuantileOf(std::string_view forecast_type);

// "2026-01-01T00:00:00Z", the export's and QueryForecast's date format
// (yyyy-MM-ddTHH:mm:ssZ, wire-format.md §3.2).
std::string FormatForecastDate(Timestamp t);

// Deterministic forecast values: a level per series from the seed, a weekly
// shape over periods, and quantiles around the median from a normal spread,
// so p10 <= p50 <= p90 always. Rounded to 6 decimals.
class GeneratedValues {
 public:
  explicit GeneratedValues(uint64_t seed) : seed_(seed) {}
  double Value(const ForecastSeries& series, int64_t period, std::string_view forecast_type) const;
  // The same, with the series' hash precomputed (export hot path).
  double Value(uint64_t series_hash, int64_t period, std::optional<double> quantile) const;
  static uint64_t SeriesHash(const ForecastSeries& series);

 private:
  uint64_t seed_;
};

}  // namespace fakeaws::forecast
