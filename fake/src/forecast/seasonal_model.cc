#include "forecast/seasonal_model.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "forecast/series.h"

namespace fakeaws::forecast {
namespace {

// More periods than this in one training grid is more than any test needs
// (a year of minutes is 525,600).
constexpr size_t kMaxPeriods = 5'000'000;

double Round6(double v) { return std::round(v * 1e6) / 1e6; }

// The series a row belongs to: its item and dimension values.
using SeriesKey = std::pair<std::string, std::vector<std::string>>;

}  // namespace

std::string BuildTrainingSet(const ImportedData& data, const std::string& id_field,
                             const std::string& target_field, const std::vector<std::string>& dimensions,
                             const std::string& frequency, TrainingSet* out) {
  const int id = data.ColumnOf(id_field);
  const int target = data.ColumnOf(target_field);
  std::vector<int> dims;
  for (const auto& d : dimensions) dims.push_back(data.ColumnOf(d));
  if (id < 0 || target < 0 || data.timestamp_column < 0 ||
      std::find(dims.begin(), dims.end(), -1) != dims.end()) {
    return "The target time series dataset has no " + id_field + ", " + target_field +
           " or timestamp attribute to train on.";
  }
  std::map<SeriesKey, std::map<Timestamp, double>> sums;
  for (size_t r = 0; r < data.rows.size(); ++r) {
    const auto& row = data.rows[r];
    const std::string& v = row[target];
    if (v.empty() || row[id].empty()) continue;
    const double value = std::strtod(v.c_str(), nullptr);
    if (!std::isfinite(value)) continue;
    SeriesKey key{row[id], {}};
    for (int d : dims) key.second.push_back(row[d]);
    sums[key][FloorToPeriod(data.timestamps[r], frequency)] += value;
  }
  if (sums.empty()) return "The target time series dataset has no values of " + target_field + " to train on.";

  Timestamp first = sums.begin()->second.begin()->first, last = first;
  for (const auto& [key, periods] : sums) {
    first = std::min(first, periods.begin()->first);
    last = std::max(last, periods.rbegin()->first);
  }
  std::vector<Timestamp> grid;
  for (int64_t k = 0;; ++k) {
    const Timestamp t = StepDate(first, frequency, k);
    if (t > last) break;
    if (grid.size() == kMaxPeriods) {
      return "The target time series spans more than " + std::to_string(kMaxPeriods) + " periods of " +
             frequency + ".";
    }
    grid.push_back(t);
  }

  out->frequency = frequency;
  out->dimensions = dimensions;
  out->last_period = last;
  out->series.clear();
  out->length = 0;
  for (const auto& [key, periods] : sums) {
    SeriesHistory h{ForecastSeries(key.first, key.second), {}};
    const auto begin = std::lower_bound(grid.begin(), grid.end(), periods.begin()->first);
    h.values.assign(static_cast<size_t>(grid.end() - begin), 0.0);
    for (const auto& [t, sum] : periods) {
      const auto at = std::lower_bound(begin, grid.end(), t);
      h.values[static_cast<size_t>(at - begin)] = sum;
    }
    out->length = std::max(out->length, h.values.size());
    out->series.push_back(std::move(h));
  }
  return "";
}

std::vector<std::vector<double>> SeasonalForecast(const std::vector<double>& history, int season, int horizon,
                                                  const std::vector<std::string>& forecast_types) {
  const size_t n = history.size();
  const size_t s = static_cast<size_t>(std::max(1, season));
  const size_t seasons = std::min<size_t>(n / s, 4);
  double mean = 0;
  for (double v : history) mean += v;
  mean = n ? mean / static_cast<double>(n) : 0.0;

  // Residuals of the seasonal model on the history set the spread.
  double squares = 0;
  size_t residuals = 0;
  if (seasons >= 1 && n > s) {
    for (size_t t = s; t < n; ++t, ++residuals) squares += (history[t] - history[t - s]) * (history[t] - history[t - s]);
  } else {
    for (double v : history) squares += (v - mean) * (v - mean), ++residuals;
  }
  double mean_abs = 0;
  for (double v : history) mean_abs += std::fabs(v);
  mean_abs = n ? mean_abs / static_cast<double>(n) : 0.0;
  // Even a perfectly seasonal history keeps a spread of 5% of its level, so
  // p10 < p50 < p90 as a probabilistic forecast's quantiles are.
  const double sigma = std::max(residuals ? std::sqrt(squares / static_cast<double>(residuals)) : 0.0, 0.05 * mean_abs);
  const bool non_negative = std::all_of(history.begin(), history.end(), [](double v) { return v >= 0; });

  std::vector<std::optional<double>> z;
  for (const auto& type : forecast_types) {
    const auto q = QuantileOf(type);
    z.push_back(q ? std::optional<double>(NormalQuantile(*q)) : std::nullopt);
  }
  std::vector<std::vector<double>> out(static_cast<size_t>(std::max(0, horizon)));
  for (size_t k = 0; k < out.size(); ++k) {
    double median = mean;
    if (seasons >= 1) {
      median = 0;
      for (size_t j = 1; j <= seasons; ++j) median += history[n - j * s + k % s];
      median /= static_cast<double>(seasons);
    }
    const double spread = sigma * std::sqrt(1.0 + static_cast<double>(k) / static_cast<double>(s));
    for (const auto& zt : z) {
      double v = median + (zt ? *zt * spread : 0.0);
      if (non_negative) v = std::max(0.0, v);
      out[k].push_back(Round6(v));
    }
  }
  return out;
}

WindowMetrics Backtest(const TrainingSet& set, int horizon, const std::vector<std::string>& forecast_types) {
  WindowMetrics m;
  const size_t h = static_cast<size_t>(std::max(1, horizon));
  const int season = SeasonLength(set.frequency);
  m.start = StepDate(set.last_period, set.frequency, -static_cast<int64_t>(h) + 1);
  m.end = set.last_period;

  const size_t types = forecast_types.size();
  std::vector<double> abs_error(types), sq_error(types), ape(types), scaled(types), quantile_loss(types);
  std::vector<size_t> ape_count(types), scaled_count(types);
  double abs_actual = 0;
  size_t points = 0;
  for (const SeriesHistory& series : set.series) {
    if (series.values.size() <= h) continue;
    const std::vector<double> train(series.values.begin(), series.values.end() - static_cast<long>(h));
    const auto forecast = SeasonalForecast(train, season, static_cast<int>(h), forecast_types);
    // MASE scales by the in-sample error of the naive seasonal forecast.
    const size_t lag = train.size() > static_cast<size_t>(season) ? static_cast<size_t>(season) : 1;
    double naive = 0;
    for (size_t t = lag; t < train.size(); ++t) naive += std::fabs(train[t] - train[t - lag]);
    const double scale = train.size() > lag ? naive / static_cast<double>(train.size() - lag) : 0.0;
    ++m.item_count;
    for (size_t k = 0; k < h; ++k) {
      const double y = series.values[train.size() + k];
      abs_actual += std::fabs(y);
      ++points;
      for (size_t t = 0; t < types; ++t) {
        const double f = forecast[k][t];
        abs_error[t] += std::fabs(y - f);
        sq_error[t] += (y - f) * (y - f);
        if (y != 0) ape[t] += std::fabs((y - f) / y), ++ape_count[t];
        if (scale > 0) scaled[t] += std::fabs(y - f) / scale, ++scaled_count[t];
        if (const auto q = QuantileOf(forecast_types[t])) {
          quantile_loss[t] += 2 * (*q * std::max(y - f, 0.0) + (1 - *q) * std::max(f - y, 0.0));
        }
      }
    }
  }
  if (points == 0) return m;

  size_t point_type = 0;  // RMSE of the mean forecast, else the median, else the first type
  for (size_t t = 0; t < types; ++t) {
    if (forecast_types[t] == "mean") point_type = t;
  }
  if (forecast_types[point_type] != "mean") {
    for (size_t t = 0; t < types; ++t) {
      if (QuantileOf(forecast_types[t]).value_or(-1) == 0.5) point_type = t;
    }
  }
  m.rmse = std::sqrt(sq_error[point_type] / static_cast<double>(points));
  double loss_sum = 0;
  size_t losses = 0;
  for (size_t t = 0; t < types; ++t) {
    ErrorMetrics e;
    e.forecast_type = forecast_types[t];
    if (abs_actual > 0) e.wape = abs_error[t] / abs_actual;
    e.rmse = std::sqrt(sq_error[t] / static_cast<double>(points));
    if (scaled_count[t]) e.mase = scaled[t] / static_cast<double>(scaled_count[t]);
    if (ape_count[t]) e.mape = ape[t] / static_cast<double>(ape_count[t]);
    m.error_metrics.push_back(e);
    if (const auto q = QuantileOf(forecast_types[t]); q && abs_actual > 0) {
      const double loss = quantile_loss[t] / abs_actual;
      m.weighted_quantile_losses.emplace_back(*q, loss);
      loss_sum += loss;
      ++losses;
    }
  }
  if (losses) m.average_weighted_quantile_loss = loss_sum / static_cast<double>(losses);
  return m;
}

}  // namespace fakeaws::forecast
