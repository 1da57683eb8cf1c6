// Forecasts: seeded through the typed API or created from a predictor
// (CreateForecast); Describe, List, Delete, and forecastquery's QueryForecast.
#include <algorithm>
#include <set>

#include "forecast/completion_context.h"
#include "forecast/errors.h"
#include "forecast/import_reader.h"
#include "forecast/s3_objects.h"
#include "forecast/series.h"
#include "forecast/service.h"
#include "forecast/service_impl.h"

namespace fakeaws::forecast {
namespace {

// "You can currently specify up to 5 quantiles per forecast" (CreateForecast,
// ForecastTypes).
constexpr int kForecastTypesPerForecast = 5;

using SeriesKey = std::pair<std::string, std::vector<std::string>>;

std::vector<ResourceTag> TagsOf(const std::vector<Tag>& tags) {
  std::vector<ResourceTag> out;
  for (const auto& t : tags) out.push_back({t.key, t.value});
  return out;
}

// A seeded forecast's values, as the test gave them.
ForecastData DataOf(const ForecastSpec& spec) {
  ForecastData data;
  data.forecast_types = spec.forecast_types;
  data.dimensions = spec.dimensions;
  data.series.clear();
  for (const auto& s : spec.series) data.series.push_back({s.item_id, s.dimension_values});
  data.start_date = spec.start_date;
  data.frequency = spec.frequency;
  data.horizon = spec.horizon;
  for (const auto& row : spec.rows) data.rows.push_back({row.item_id, row.dimension_values, row.date, row.values});
  return data;
}

// QueryForecast's answer from a forecast's values: the one series the
// filters choose, between the dates.
Outcome<QueriedForecast> QueryValues(const ForecastData& spec, const std::string& id_field, const std::string& arn,
                                     const KeyValues& filters, std::optional<Timestamp> start,
                                     std::optional<Timestamp> end, uint64_t seed) {
  std::vector<std::string> keys{id_field};
  keys.insert(keys.end(), spec.dimensions.begin(), spec.dimensions.end());
  std::vector<const std::string*> wanted(keys.size(), nullptr);
  for (const auto& [key, value] : filters) {
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
      std::string valid;
      for (const auto& k : keys) valid += (valid.empty() ? "" : ", ") + k;
      return QueryUnknownFilterKey(key, "[" + valid + "]");
    }
    wanted[static_cast<size_t>(it - keys.begin())] = &value;
  }
  auto matches = [&](const std::string& item, const std::vector<std::string>& dims) {
    if (wanted[0] && *wanted[0] != item) return false;
    for (size_t d = 0; d < dims.size() && d + 1 < wanted.size(); ++d) {
      if (wanted[d + 1] && *wanted[d + 1] != dims[d]) return false;
    }
    return true;
  };

  // Every series (generated or given as rows) that the filters match.
  std::vector<SeriesKey> chosen;
  if (spec.rows.empty()) {
    for (const auto& s : spec.series) {
      if (matches(s.item_id, s.dimension_values)) chosen.push_back({s.item_id, s.dimension_values});
    }
  } else {
    std::set<SeriesKey> seen;
    for (const auto& row : spec.rows) {
      if (matches(row.item_id, row.dimension_values) && seen.insert({row.item_id, row.dimension_values}).second) {
        chosen.push_back({row.item_id, row.dimension_values});
      }
    }
  }
  if (chosen.empty()) return QueryNoSuchSeries(arn);
  if (chosen.size() > 1) {
    std::string missing;
    for (size_t k = 0; k < keys.size(); ++k) {
      if (!wanted[k]) missing += (missing.empty() ? "" : ", ") + keys[k];
    }
    return QueryNeedsSeries(missing);
  }

  QueriedForecast out;
  for (const auto& type : spec.forecast_types) out.predictions.push_back({ForecastTypeColumn(type), {}});
  auto in_range = [&](Timestamp t) { return (!start || t >= *start) && (!end || t <= *end); };
  if (spec.rows.empty()) {
    const GeneratedValues generated(seed);
    const SeriesId series{chosen[0].first, chosen[0].second};
    for (int k = 0; k < spec.horizon; ++k) {
      const Timestamp t = StepDate(spec.start_date, spec.frequency, k);
      if (!in_range(t)) continue;
      for (size_t i = 0; i < spec.forecast_types.size(); ++i) {
        out.predictions[i].second.push_back({t, generated.Value(series, k, spec.forecast_types[i])});
      }
    }
  } else {
    std::vector<const ForecastData::Row*> rows;
    for (const auto& row : spec.rows) {
      if (row.item_id == chosen[0].first && row.dimension_values == chosen[0].second && in_range(row.date)) {
        rows.push_back(&row);
      }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ForecastData::Row* a, const ForecastData::Row* b) { return a->date < b->date; });
    for (const ForecastData::Row* row : rows) {
      for (size_t i = 0; i < spec.forecast_types.size(); ++i) {
        out.predictions[i].second.push_back({row->date, row->values[i]});
      }
    }
  }
  return out;
}

}  // namespace

std::string ForecastResource::Complete(CompletionContext& context, Timestamp) {
  if (!model) return "";  // seeded: its data was given
  std::set<SeriesKey> wanted;
  if (selector) {
    if (!context.RoleAssumable(selector->source.role_arn)) {
      return ImportRoleUnassumableMessage(selector->source.role_arn);
    }
    const auto objects = ReadObjectsAt(context.store(), selector->source.path);
    if (objects.empty()) return NoObjectsFoundMessage(selector->source.path);
    const std::string failure = ReadSeriesKeys(objects, selector->schema, id_field, model->dimensions,
                                                 ImportFormatOf(selector->format), &wanted);
    if (!failure.empty()) return failure;
  }
  legacy_spec.name = name;
  legacy_spec.status = "ACTIVE";
  data.dimensions = model->dimensions;
  data.series.clear();
  data.rows.clear();
  data.frequency = model->frequency;
  data.horizon = horizon;
  data.start_date = StepDate(model->last_period, model->frequency, 1);
  const int season = SeasonLength(model->frequency);
  for (const SeriesHistory& history : model->series) {
    if (selector && !wanted.count({history.series.item_id, history.series.dimension_values})) continue;
    const auto values = SeasonalForecast(history.values, season, horizon, data.forecast_types);
    for (int k = 0; k < horizon; ++k) {
      data.rows.push_back({history.series.item_id, history.series.dimension_values,
                           StepDate(model->last_period, model->frequency, k + 1), values[static_cast<size_t>(k)]});
    }
  }
  if (selector && data.rows.empty()) return SelectorMatchesNothingMessage(selector->source.path);
  return "";
}

ForecastView ViewOf(const ForecastResource& f, const Registry& registry, Timestamp now) {
  ForecastView view;
  registry.FillView(f, now, &view);
  view.forecast_types = f.data.forecast_types;
  view.predictor_arn = f.predictor_arn;
  view.dataset_group_arn = f.dataset_group_arn;
  view.created_using_auto_predictor = f.created_using_auto_predictor;
  view.selector = f.selector;
  return view;
}

Outcome<std::string> Service::PutForecast(const ForecastSpec& spec) {
  auto [lock, now] = Begin();
  if (!IsValidFrequency(spec.frequency)) {
    return InvalidInput("The frequency " + spec.frequency + " is not one of Y, M, W, D, H, 30min, 15min, 10min, 5min, 1min");
  }
  if (spec.horizon < 0) return InvalidInput("The horizon must not be negative");
  for (const auto& row : spec.rows) {
    if (row.values.size() != spec.forecast_types.size()) {
      return InvalidInput("Row for item " + row.item_id + " has " + std::to_string(row.values.size()) +
                          " values for " + std::to_string(spec.forecast_types.size()) + " forecast types");
    }
  }
  auto status = ParseStatus(spec.status);
  if (!status) return InvalidInput("Unknown status " + spec.status);
  std::vector<ResourceTag> tags = TagsOf(spec.tags);
  if (auto ok = checks_.NewTags(tags); !ok) return ok.error();

  const std::string arn = arns_.Forecast(spec.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("forecast", arn);

  auto f = std::make_unique<ForecastResource>();
  f->arn = arn;
  f->name = spec.name;
  f->data = DataOf(spec);
  f->legacy_spec = {spec.name, spec.status, spec.predictor_arn, spec.dataset_group_arn, tags};
  f->tags = std::move(tags);
  f->id_field = "item_id";
  f->predictor_arn = spec.predictor_arn.empty() ? arns_.Make("predictor", spec.name + "_predictor")
                                                : spec.predictor_arn;
  f->dataset_group_arn = spec.dataset_group_arn.empty()
                             ? arns_.Make("dataset-group", spec.name + "_dsg")
                             : spec.dataset_group_arn;
  f->life.frozen = true;
  registry_.Insert(std::move(f), *status, now);
  return arn;
}

Outcome<std::string> Service::CreateForecast(const CreateForecastInput& in) {
  auto [lock, now] = Begin();
  if (auto ok = checks_.NewTags(in.tags); !ok) return ok.error();
  for (const auto& t : in.forecast_types) {
    if (!IsValidForecastType(t)) return InvalidForecastType(t);
  }
  if (in.forecast_types.size() > static_cast<size_t>(kForecastTypesPerForecast)) {
    return TooManyForecastTypes(in.forecast_types.size(), kForecastTypesPerForecast);
  }
  if (in.selector) {
    const TimeSeriesSelector& sel = *in.selector;
    if (sel.source.path.empty() || sel.schema.empty() || sel.format.empty()) return IncompleteTimeSeriesSelector();
    if (auto ok = checks_.Role(in.selector->source.role_arn); !ok) return ok.error();
    if (auto ok = checks_.KmsKey(in.selector->source.kms_key_arn); !ok) return ok.error();
  }
  // "Before you can use the predictor to create a forecast, the Status of
  // the predictor must be ACTIVE" (API_CreatePredictor).
  auto predictor = registry_.FindActive<PredictorResource>(in.predictor_arn);
  if (!predictor.ok()) return predictor.error();
  PredictorResource* p = predictor.value();
  const std::string arn = arns_.Forecast(in.name);
  if (registry_.Contains(arn)) return ResourceAlreadyExists("forecast", arn);
  std::string bucket;
  if (in.selector && ObjectKeysAt(store_, in.selector->source.path, &bucket).empty()) {
    return NoObjectsFound(in.selector->source.path);
  }
  // "Maximum parallel running CreateForecast tasks: 3", "Maximum number of
  // forecasts: 10" (limits.md); texts AWS-SAMPLE and INFERRED (§2.3).
  const auto& q = options_.quotas;
  if (auto e = registry_.CheckQuotas<ForecastResource>(q.concurrent_forecasts, "forecasts", q.forecasts, "forecasts")) {
    return *e;
  }

  auto f = std::make_unique<ForecastResource>();
  f->arn = arn;
  f->name = in.name;
  f->tags = in.tags;
  f->predictor_arn = p->arn;
  f->dataset_group_arn = p->settings.dataset_group_arn;
  f->created_using_auto_predictor = p->is_auto;
  f->model = p->model;
  f->horizon = p->Horizon();
  f->id_field = p->id_field;
  f->selector = in.selector;
  // "The default quantiles are the quantiles you specified during predictor
  // creation" (CreateForecast, ForecastTypes).
  f->data.forecast_types = in.forecast_types.empty() ? p->ForecastTypes() : in.forecast_types;
  registry_.Admit(std::move(f), now);
  return arn;
}

Outcome<Done> Service::SetForecastStatus(const std::string& arn, Status status) {
  auto [lock, now] = Begin();
  auto* f = registry_.Find<ForecastResource>(arn);
  if (f == nullptr) return ResourceNotFound(arn);
  registry_.Unschedule(*f);
  f->life.frozen = true;
  registry_.SetStatus(*f, status, now);
  return Done{};
}

Outcome<ForecastView> Service::DescribeForecast(const std::string& arn) {
  return DescribeAs<ForecastResource, ForecastView>(arn);
}

Outcome<Page<ForecastView>> Service::ListForecasts(const ListQuery& query) {
  return List<ForecastResource, ForecastView>(
      "ListForecasts", query, {"DatasetGroupArn", "PredictorArn", "Status"},
      [](const ForecastResource& f, const std::string& key) {
        if (key == "DatasetGroupArn") return f.dataset_group_arn;
        if (key == "PredictorArn") return f.predictor_arn;
        return std::string(StatusName(f.life.status));
      });
}

Outcome<Done> Service::DeleteForecast(const std::string& arn) {
  // "You can delete only forecasts that have a status of ACTIVE or
  // CREATE_FAILED" (API_DeleteForecast); a forecast with export jobs is a
  // resource tree: DeleteResourceTree removes it (wire-format.md §3.4).
  return DeleteAs<ForecastResource>(arn, {Status::kActive, Status::kCreateFailed});
}

Outcome<QueriedForecast> Service::QueryForecast(const std::string& arn, const KeyValues& filters,
                                                std::optional<Timestamp> start, std::optional<Timestamp> end,
                                                const std::string& next_token) {
  auto [lock, now] = Begin();
  // "The Status of the forecast must be ACTIVE before you can query or export
  // the forecast" (API_CreateForecast).
  auto found = registry_.FindActive<ForecastResource>(arn);
  if (!found.ok()) return found.error();
  // The fake answers every query in one page, so it never hands out a token.
  if (!next_token.empty()) return InvalidNextToken();
  return QueryValues(found.value()->data, found.value()->id_field, arn, filters, start, end, options_.seed);
}

namespace {

// The series a forecast's data holds: its generated series, or those its
// rows name, in first-seen order.
std::vector<SeriesId> SeriesOf(const ForecastData& data) {
  if (data.rows.empty()) return data.series;
  std::vector<SeriesId> out;
  std::set<SeriesKey> seen;
  for (const auto& row : data.rows) {
    if (seen.insert({row.item_id, row.dimension_values}).second) out.push_back({row.item_id, row.dimension_values});
  }
  return out;
}

}  // namespace

Outcome<SeriesListing> Service::ForecastSeriesOf(const std::string& arn) {
  auto [lock, now] = Begin();
  auto found = registry_.FindActive<ForecastResource>(arn);
  if (!found.ok()) return found.error();
  const ForecastData& data = found.value()->data;
  return SeriesListing{data.forecast_types, data.dimensions, SeriesOf(data)};
}

Outcome<ItemValues> Service::ForecastValuesOf(const std::string& arn, const std::string& item_id) {
  auto [lock, now] = Begin();
  auto found = registry_.FindActive<ForecastResource>(arn);
  if (!found.ok()) return found.error();
  const ForecastResource& f = *found.value();
  ItemValues out{f.data.forecast_types, {}};
  for (const SeriesId& series : SeriesOf(f.data)) {
    if (series.item_id != item_id) continue;
    // Every key given: QueryValues chooses exactly this series.
    KeyValues filters{{f.id_field, item_id}};
    for (size_t d = 0; d < f.data.dimensions.size() && d < series.dimension_values.size(); ++d) {
      filters.push_back({f.data.dimensions[d], series.dimension_values[d]});
    }
    auto queried = QueryValues(f.data, f.id_field, arn, filters, std::nullopt, std::nullopt, options_.seed);
    if (!queried.ok()) return queried.error();
    SeriesValues values{series, {}, {}};
    for (const auto& [type, points] : queried.value().predictions) {
      if (values.dates.empty()) {
        for (const auto& point : points) values.dates.push_back(point.first);
      }
      values.values.emplace_back();
      for (const auto& point : points) values.values.back().push_back(point.second);
    }
    out.series.push_back(std::move(values));
  }
  if (out.series.empty()) return QueryNoSuchSeries(arn);
  return out;
}

Outcome<QueriedForecast> Service::QueryWhatIfForecast(const std::string& arn, const KeyValues& filters,
                                                      std::optional<Timestamp> start, std::optional<Timestamp> end,
                                                      const std::string& next_token) {
  auto [lock, now] = Begin();
  auto found = registry_.FindActive<WhatIfForecastResource>(arn);
  if (!found.ok()) return found.error();
  if (!next_token.empty()) return InvalidNextToken();
  std::string id_field = "item_id";
  if (auto* analysis = registry_.Find<WhatIfAnalysisResource>(found.value()->analysis_arn)) {
    if (auto* baseline = registry_.Find<ForecastResource>(analysis->forecast_arn)) id_field = baseline->id_field;
  }
  return QueryValues(found.value()->data, id_field, arn, filters, start, end, options_.seed);
}

}  // namespace fakeaws::forecast
