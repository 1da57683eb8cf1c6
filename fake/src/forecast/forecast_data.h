// A forecast's values as the fake keeps them: generated from the seed for
// each series over a horizon, or given row by row. A seeded forecast takes
// them from the test's ForecastSpec (PutForecast), a created one from its
// predictor's model (ForecastResource::Complete); the export writer and
// QueryForecast read them. Internal: the typed API's ForecastSpec is only
// what a test hands in.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "forecast/resource_tag.h"

namespace fakeaws::forecast {

// One time series: an item and, when the forecast has dimensions, its value
// for each of them (in ForecastData::dimensions order).
struct SeriesId {
  std::string item_id;
  std::vector<std::string> dimension_values;
};

struct ForecastData {
  // One dated row with a value per forecast type, in forecast_types' order.
  struct Row {
    std::string item_id;
    std::vector<std::string> dimension_values;
    Timestamp date;
    std::vector<double> values;
  };

  // The defaults are a seeded ForecastSpec's: a snapshot document shows
  // them for a forecast whose values are not made yet.
  std::vector<std::string> forecast_types{"0.1", "0.5", "0.9"};
  std::vector<std::string> dimensions;
  // With `rows` empty, `horizon` generated values per series from
  // `start_date` on, a `frequency` period apart.
  std::vector<SeriesId> series{SeriesId{"item_1", {}}};
  Timestamp start_date = Timestamp(std::chrono::milliseconds(1767225600000));
  std::string frequency = "D";
  int horizon = 10;
  std::vector<Row> rows;
};

// The members a snapshot document's "spec" holds beside the forecast's
// values. The first snapshots held only seeded forecasts and wrote their
// ForecastSpec whole, so a document still carries what the test seeded (for
// a created forecast: its name once its values are made, and the defaults).
// Kept so that equal states give equal documents; only forecast/snapshot
// reads them.
struct LegacySpecMembers {
  std::string name;
  std::string status = "ACTIVE";
  std::string predictor_arn;
  std::string dataset_group_arn;
  std::vector<ResourceTag> tags;
};

}  // namespace fakeaws::forecast
