// IsExportFileName: <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv or .parquet (wire-format.md §3.1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::_;
using ::testing::DescribeMatcher;
using ::testing::Each;
using ::testing::Lt;
using ::testing::Not;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

Timestamp At(const char* iso) {
  Timestamp t;
  EXPECT_TRUE(ParseTimestamp(iso, &t)) << iso;
  return t;
}

TEST(IsExportFileName, Describes) {
  EXPECT_EQ(DescribeMatcher<std::string>(IsExportFileName("weekly", At("2026-01-01T00:00:00Z"), 0)),
            "is an export file name <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet with job \"weekly\", a "
            "timestamp that is 2026-01-01T00:00:00Z and a part number that is equal to 0");
  EXPECT_EQ(DescribeMatcher<std::string>(IsExportFileName("weekly", _, Lt(4)), true),
            "isn't an export file name <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet with job \"weekly\", a "
            "timestamp that is anything and a part number that is < 4");
}

TEST(IsExportFileName, ReadsFileNamesKeysAndUris) {
  const Timestamp t = At("2026-03-04T05:06:07Z");
  EXPECT_THAT("weekly_2026-03-04T05-06-07Z_part12.csv", IsExportFileName("weekly", t, 12));
  EXPECT_THAT(std::string("exports/weekly/weekly_2026-03-04T05-06-07Z_part0.csv"), IsExportFileName("weekly", t, 0));
  EXPECT_THAT(std::string("s3://b/p/my_job_1_2026-03-04T05-06-07Z_part3.csv"), IsExportFileName("my_job_1", t, _));
  EXPECT_THAT("weekly_2026-03-04T05-06-07Z_part1.parquet", IsExportFileName("weekly", t, 1));
}

TEST(IsExportFileName, ExplainsWhatItRead) {
  const std::string name = "weekly_2026-01-01T00-00-00Z_part3.csv";
  EXPECT_EQ(Explain(IsExportFileName("weekly", _, 3), name),
            "which is the export file of job \"weekly\", timestamp 2026-01-01T00:00:00Z, part 3");
  EXPECT_EQ(Explain(IsExportFileName("daily", _, 3), name),
            "which is the export file of job \"weekly\", timestamp 2026-01-01T00:00:00Z, part 3, whose job differs");
  EXPECT_EQ(Explain(IsExportFileName("weekly", At("2026-01-02T00:00:00Z"), 3), name),
            "which is the export file of job \"weekly\", timestamp 2026-01-01T00:00:00Z, part 3, whose "
            "timestamp doesn't match");
  EXPECT_EQ(Explain(IsExportFileName("weekly", _, 0), name),
            "which is the export file of job \"weekly\", timestamp 2026-01-01T00:00:00Z, part 3, whose part "
            "number doesn't match");
}

TEST(IsExportFileName, SaysWhyANameIsNotAnExportPart) {
  const auto m = IsExportFileName("weekly", _, _);
  EXPECT_EQ(Explain(m, std::string("weekly_2026-01-01T00-00-00Z_part3.json")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: it doesn't end in .csv or .parquet");
  EXPECT_EQ(Explain(m, std::string("weekly_2026-01-01T00-00-00Z.parquet")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: it has no _part<N> before .parquet");
  EXPECT_EQ(Explain(m, std::string("weekly_2026-01-01T00-00-00Z.csv")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: it has no _part<N> before .csv");
  EXPECT_EQ(Explain(m, std::string("weekly_2026-01-01T00-00-00Z_partX.csv")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: its part number is not a number");
  EXPECT_EQ(Explain(m, std::string("weekly_2026-01-01T00:00:00Z_part1.csv")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: its timestamp "
            "2026-01-01T00:00:00Z is not yyyy-MM-ddTHH-mm-ssZ");
  EXPECT_EQ(Explain(m, std::string("_part1.csv")),
            "which is not named <job>_<yyyy-MM-ddTHH-mm-ssZ>_part<N>.csv|.parquet: it has no "
            "_<yyyy-MM-ddTHH-mm-ssZ> before _part");
  EXPECT_THAT(std::string("_2026-01-01T00-00-00Z_part1.csv"), IsExportFileName("", _, 1));
}

TEST(IsExportFileName, AcceptsEveryPartTheFakeExports) {
  Fake fake;
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "demand";
  spec.series = {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}};
  fake.forecast().PutForecast(spec);
  fake.clock().Advance(std::chrono::hours(1));
  fake.Handle(test_support::CreateExportJob("weekly"));
  const auto keys = fake.s3().ListKeys("exports", "weekly/");
  ASSERT_FALSE(keys.empty());
  EXPECT_THAT(keys, Each(IsExportFileName("weekly", At("2026-01-01T01:00:00Z"), Lt(4))));
}

}  // namespace
}  // namespace fakeaws
