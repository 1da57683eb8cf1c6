#include "forecast/series.h"

#include <gtest/gtest.h>

namespace fakeaws::forecast {
namespace {

Timestamp At(const char* iso) {
  Timestamp t;
  EXPECT_TRUE(ParseTimestamp(iso, &t)) << iso;
  return t;
}

TEST(SeriesTest, ForecastTypesBecomeAwsColumnNames) {
  EXPECT_EQ(ForecastTypeColumn("0.1"), "p10");
  EXPECT_EQ(ForecastTypeColumn("0.5"), "p50");
  EXPECT_EQ(ForecastTypeColumn("0.9"), "p90");
  EXPECT_EQ(ForecastTypeColumn("0.65"), "p65");
  EXPECT_EQ(ForecastTypeColumn("0.05"), "p5");
  EXPECT_EQ(ForecastTypeColumn(".99"), "p99");
  EXPECT_EQ(ForecastTypeColumn("mean"), "mean");
}

TEST(SeriesTest, StepsByEveryFrequency) {
  const Timestamp start = At("2024-01-31T06:00:00Z");
  EXPECT_EQ(FormatForecastDate(StepDate(start, "D", 1)), "2024-02-01T06:00:00Z");
  EXPECT_EQ(FormatForecastDate(StepDate(start, "W", 1)), "2024-02-07T06:00:00Z");
  EXPECT_EQ(FormatForecastDate(StepDate(start, "M", 1)), "2024-02-29T06:00:00Z");  // clamped
  EXPECT_EQ(FormatForecastDate(StepDate(start, "Y", 1)), "2025-01-31T06:00:00Z");
  EXPECT_EQ(FormatForecastDate(StepDate(start, "H", 3)), "2024-01-31T09:00:00Z");
  EXPECT_EQ(FormatForecastDate(StepDate(start, "15min", 2)), "2024-01-31T06:30:00Z");
  EXPECT_TRUE(IsValidFrequency("30min"));
  EXPECT_FALSE(IsValidFrequency("2D"));
}

TEST(SeriesTest, GeneratedQuantilesAreOrderedAndDeterministic) {
  GeneratedValues a(7), b(7), other_seed(8);
  for (int k = 0; k < 50; ++k) {
    const SeriesId s{"item_" + std::to_string(k % 5), {}};
    const double p10 = a.Value(s, k, "0.1"), p50 = a.Value(s, k, "0.5"), p90 = a.Value(s, k, "0.9");
    EXPECT_LE(p10, p50);
    EXPECT_LE(p50, p90);
    EXPECT_EQ(p50, b.Value(s, k, "0.5"));
  }
  EXPECT_NE(a.Value(SeriesId{"x", {}}, 0, "0.5"), other_seed.Value(SeriesId{"x", {}}, 0, "0.5"));
}

}  // namespace
}  // namespace fakeaws::forecast
