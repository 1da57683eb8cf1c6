// What the fake "trains": a seasonal average over the imported target time
// series. Deterministic, explainable, and good enough that a forecast of
// weekly-shaped data looks weekly-shaped. Quantiles spread around the median
// by the history's seasonal residuals, so p10 <= p50 <= p90 always.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "forecast/forecast_data.h"
#include "forecast/imported_data.h"

namespace fakeaws::forecast {

struct SeriesHistory {
  SeriesId series;
  // One value per period, from the series' first period to the training
  // set's last; periods without data hold 0 (the target's default
  // middlefill and backfill, API_FeaturizationMethod).
  std::vector<double> values;
};

struct TrainingSet {
  std::string frequency;
  std::vector<std::string> dimensions;
  Timestamp last_period;
  std::vector<SeriesHistory> series;  // ordered by item, then dimension values
  size_t length = 0;                  // periods in the longest series
};

// Sums the target of each (item, dimensions) series into periods of
// `frequency` on Forecast's time boundaries. Returns "" or the reason the
// data cannot be trained on.
std::string BuildTrainingSet(const ImportedData& data, const std::string& id_field,
                             const std::string& target_field, const std::vector<std::string>& dimensions,
                             const std::string& frequency, TrainingSet* out);

// values[k][t]: period k of the horizon, forecast type t ("0.1", "mean").
std::vector<std::vector<double>> SeasonalForecast(const std::vector<double>& history, int season, int horizon,
                                                  const std::vector<std::string>& forecast_types);

struct ErrorMetrics {
  std::string forecast_type;
  std::optional<double> wape, rmse, mase, mape;
};

// One backtest window's accuracy (API_WindowSummary, API_Metrics).
struct WindowMetrics {
  Timestamp start, end;
  int item_count = 0;
  std::optional<double> rmse;
  std::vector<std::pair<double, double>> weighted_quantile_losses;  // (quantile, loss)
  std::vector<ErrorMetrics> error_metrics;
  std::optional<double> average_weighted_quantile_loss;
};

// One series' part of a backtest: the held-out periods, what they were, what
// the model forecast for them, and the series' own metrics.
struct SeriesBacktest {
  SeriesId series;
  std::vector<Timestamp> dates;
  std::vector<double> actual;
  std::vector<std::vector<double>> forecast;  // [period][forecast type]
  WindowMetrics metrics;
};

// Trains on all but the last `horizon` periods of each series and scores the
// forecast of those periods; with `per_series`, also each series' part.
WindowMetrics Backtest(const TrainingSet& set, int horizon, const std::vector<std::string>& forecast_types,
                       std::vector<SeriesBacktest>* per_series = nullptr);

}  // namespace fakeaws::forecast
