// IsOk and IsOkAndHolds over the typed API's Outcome<T>, and their words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>

#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

using ::testing::DescribeMatcher;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::Not;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

const AwsError kNoSuchKey{"NoSuchKey", "The specified key does not exist.", 404, {}};

TEST(IsOk, AcceptsASuccessOfAnyType) {
  EXPECT_THAT(Outcome<Done>(Done{}), IsOk());
  EXPECT_THAT(Outcome<std::string>(std::string("arn")), IsOk());
  EXPECT_THAT(Outcome<Done>(kNoSuchKey), Not(IsOk()));
}

TEST(IsOk, SaysWhichErrorAFailureCarries) {
  EXPECT_EQ(DescribeMatcher<Outcome<Done>>(IsOk()), "is a successful Outcome");
  EXPECT_EQ(DescribeMatcher<Outcome<Done>>(IsOk(), true), "is a failed Outcome");
  EXPECT_EQ(Explain(IsOk(), Outcome<Done>(kNoSuchKey)),
            "which is a failed Outcome: NoSuchKey (HTTP 404): \"The specified key does not exist.\"");
  EXPECT_EQ(Explain(IsOk(), Outcome<Done>(Done{})), "");
}

TEST(IsOkAndHolds, MatchesTheValueOfASuccess) {
  EXPECT_THAT(Outcome<std::string>(std::string("arn:aws:forecast")), IsOkAndHolds("arn:aws:forecast"));
  EXPECT_THAT(Outcome<std::string>(std::string("arn:aws:forecast")), IsOkAndHolds(HasSubstr("forecast")));
  EXPECT_THAT(Outcome<std::string>(std::string("arn")), Not(IsOkAndHolds("other")));
  EXPECT_THAT(Outcome<std::string>(kNoSuchKey), Not(IsOkAndHolds(HasSubstr(""))));
}

TEST(IsOkAndHolds, DescribesAndExplainsBothWaysOfFailing) {
  const auto m = IsOkAndHolds(HasSubstr("forecast/"));
  EXPECT_EQ(DescribeMatcher<Outcome<std::string>>(m), "is a successful Outcome whose value has substring \"forecast/\"");
  EXPECT_EQ(DescribeMatcher<Outcome<std::string>>(m, true),
            "is a failed Outcome, or a successful one whose value has no substring \"forecast/\"");
  EXPECT_EQ(Explain(m, Outcome<std::string>(kNoSuchKey)),
            "which is a failed Outcome: NoSuchKey (HTTP 404): \"The specified key does not exist.\"");
  EXPECT_EQ(Explain(m, Outcome<std::string>(std::string("arn:dataset/x"))),
            "which is a successful Outcome whose value \"arn:dataset/x\"");
}

// A real Outcome from the typed API, with a field matcher on its value.
TEST(IsOkAndHolds, ReadsTheTypedApisAnswers) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  ASSERT_THAT(fake.s3().PutObject("exports", "a.csv", "a,b\n"), IsOk());
  EXPECT_THAT(fake.s3().GetObject("exports", "a.csv"), IsOkAndHolds(Field(&S3Object::body, "a,b\n")));
  EXPECT_THAT(fake.s3().GetObject("exports", "missing.csv"), Not(IsOk()));
}

}  // namespace
}  // namespace fakeaws
