#include "fakeaws/clock.h"

#include <gtest/gtest.h>

#include "base/virtual_clock.h"
#include "fakeaws/fake.h"

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
  base::VirtualClock clock(Timestamp(milliseconds(1000)), ClockMode::kManual, milliseconds(0));
  clock.StepForRequest();
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1000)));
  clock.Advance(milliseconds(500));
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1500)));
  clock.AdvanceTo(Timestamp(milliseconds(100)));  // never backwards
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(1500)));
}

TEST(ClockTest, SteppingClockMovesOnEachRequest) {
  base::VirtualClock clock(Timestamp(milliseconds(0)), ClockMode::kStepPerRequest, milliseconds(1000));
  clock.StepForRequest();
  clock.StepForRequest();
  EXPECT_EQ(clock.Now(), Timestamp(milliseconds(2000)));
}

TEST(ClockTest, AdvanceNotifiesListeners) {
  base::VirtualClock clock(Timestamp(milliseconds(0)), ClockMode::kManual, milliseconds(0));
  int calls = 0;
  clock.OnAdvance([&] { ++calls; });
  clock.Advance(milliseconds(1));
  clock.AdvanceTo(Timestamp(milliseconds(10)));
  EXPECT_EQ(calls, 2);
}

// The public Clock is the fake's own: moving it moves the fake.
TEST(ClockTest, AFakesClockStartsWhereItsOptionsSay) {
  Options options;
  options.clock_start = Timestamp(milliseconds(5000));
  Fake fake(options);
  EXPECT_EQ(fake.clock().Now(), Timestamp(milliseconds(5000)));
  fake.clock().Advance(milliseconds(250));
  EXPECT_EQ(fake.clock().Now(), Timestamp(milliseconds(5250)));
  EXPECT_EQ(fake.clock().mode(), ClockMode::kManual);
}

}  // namespace
}  // namespace fakeaws
