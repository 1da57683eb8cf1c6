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
    SeriesHistory h{SeriesId{key.first, key.second}, {}};
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
      out[k].push_back(v);  // full precision, as AWS exports (wire-format.md §3.2)
    }
  }
  return out;
}

namespace {

// Sums of errors over the points of a backtest window, per forecast type.
class ErrorSums {
 public:
  explicit ErrorSums(const std::vector<std::string>& types)
      : types_(types), abs_error_(types.size()), sq_error_(types.size()), ape_(types.size()),
        scaled_(types.size()), quantile_loss_(types.size()), ape_count_(types.size()), scaled_count_(types.size()) {}

  void Add(double y, const std::vector<double>& f, double scale) {
    abs_actual_ += std::fabs(y);
    ++points_;
    for (size_t t = 0; t < types_.size(); ++t) {
      abs_error_[t] += std::fabs(y - f[t]);
      sq_error_[t] += (y - f[t]) * (y - f[t]);
      if (y != 0) ape_[t] += std::fabs((y - f[t]) / y), ++ape_count_[t];
      if (scale > 0) scaled_[t] += std::fabs(y - f[t]) / scale, ++scaled_count_[t];
      if (const auto q = QuantileOf(types_[t])) {
        quantile_loss_[t] += 2 * (*q * std::max(y - f[t], 0.0) + (1 - *q) * std::max(f[t] - y, 0.0));
      }
    }
  }

  // metrics.md: RMSE of the mean forecast (else the median, else the first
  // type); wQL[t] = quantile loss / sum |y|, or the unweighted loss when the
  // observed values sum to zero; the average wQL over the quantiles.
  void Fill(WindowMetrics* m) const {
    if (points_ == 0) return;
    const size_t types = types_.size();
    size_t point_type = 0;
    for (size_t t = 0; t < types; ++t) {
      if (types_[t] == "mean") point_type = t;
    }
    if (types_[point_type] != "mean") {
      for (size_t t = 0; t < types; ++t) {
        if (QuantileOf(types_[t]).value_or(-1) == 0.5) point_type = t;
      }
    }
    const double n = static_cast<double>(points_);
    m->rmse = std::sqrt(sq_error_[point_type] / n);
    double loss_sum = 0;
    size_t losses = 0;
    for (size_t t = 0; t < types; ++t) {
      ErrorMetrics e;
      e.forecast_type = types_[t];
      if (abs_actual_ > 0) e.wape = abs_error_[t] / abs_actual_;
      e.rmse = std::sqrt(sq_error_[t] / n);
      if (scaled_count_[t]) e.mase = scaled_[t] / static_cast<double>(scaled_count_[t]);
      if (ape_count_[t]) e.mape = ape_[t] / static_cast<double>(ape_count_[t]);
      m->error_metrics.push_back(e);
      if (const auto q = QuantileOf(types_[t])) {
        const double loss = abs_actual_ > 0 ? quantile_loss_[t] / abs_actual_ : quantile_loss_[t];
        m->weighted_quantile_losses.emplace_back(*q, loss);
        loss_sum += loss;
        ++losses;
      }
    }
    if (losses) m->average_weighted_quantile_loss = loss_sum / static_cast<double>(losses);
  }

 private:
  const std::vector<std::string>& types_;
  std::vector<double> abs_error_, sq_error_, ape_, scaled_, quantile_loss_;
  std::vector<size_t> ape_count_, scaled_count_;
  double abs_actual_ = 0;
  size_t points_ = 0;
};

}  // namespace

WindowMetrics Backtest(const TrainingSet& set, int horizon, const std::vector<std::string>& forecast_types,
                       std::vector<SeriesBacktest>* per_series) {
  WindowMetrics m;
  const size_t h = static_cast<size_t>(std::max(1, horizon));
  const int season = SeasonLength(set.frequency);
  m.start = StepDate(set.last_period, set.frequency, -static_cast<int64_t>(h) + 1);
  m.end = set.last_period;
  ErrorSums all(forecast_types);
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
    ErrorSums mine(forecast_types);
    SeriesBacktest result{series.series, {}, {}, forecast, {}};
    for (size_t k = 0; k < h; ++k) {
      const double y = series.values[train.size() + k];
      all.Add(y, forecast[k], scale);
      mine.Add(y, forecast[k], scale);
      result.dates.push_back(StepDate(m.start, set.frequency, static_cast<int64_t>(k)));
      result.actual.push_back(y);
    }
    if (per_series != nullptr) {
      result.metrics.start = m.start;
      result.metrics.end = m.end;
      result.metrics.item_count = 1;
      mine.Fill(&result.metrics);
      per_series->push_back(std::move(result));
    }
  }
  all.Fill(&m);
  return m;
}

}  // namespace fakeaws::forecast
