#include "fakeaws/clock.h"

#include <gtest/gtest.h>

namespace fakeaws {
namespace {

using std::chrono::milliseconds;

TEST(TimestampTest, ParsesAndFormatsIso8601Utc) {
  Timestamp t;
  ASSERT_TRUE(ParseTimestamp("2026-01-01T00:00:00Z", &t));
  EXPECT_EQ(t.time_since_epoch().count(), 1767225600000);
  EXPECT_EQ(FormatTimestamp(t), "2026-01-01T00:00:00Z");
  ASSERT_TRUE(ParseTimestamp("2024-02-29T12:30:15.250Z", &t));
  EXPECT_EQ(FormatTimestamp(t), "2024-02-29T12:30:15.250Z");
  EXPECT_FALSE(ParseTimestamp("2026-13-01T00:00:00Z", &t));
  EXPECT_FALSE(ParseTimestamp("yesterday", &t));
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  Clock clock(Timestamp(milliseconds(1000)), ClockMode::kManual, milliseconds(0));
  clock.OnRequest();
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1000)));
  clock.Advance(milliseconds(500));
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1500)));
  clock.AdvanceTo(Timestamp(milliseconds(100)));  // never backwards
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1500)));
}

TEST(ClockTest, SteppingClockMovesOnEachRequest) {
  Clock clock(Timestamp(milliseconds(0)), ClockMode::kStepPerRequest, milliseconds(1000));
  clock.OnRequest();
  clock.OnRequest();
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(2000)));
}

TEST(ClockTest, AdvanceNotifiesListeners) {
  Clock clock(Timestamp(milliseconds(0)), ClockMode::kManual, milliseconds(0));
  int calls = 0;
  clock.OnAdvance([&] { ++calls; });
  clock.Advance(milliseconds(1));
  clock.AdvanceTo(Timestamp(milliseconds(10)));
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace fakeaws
