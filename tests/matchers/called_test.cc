// Called and CalledInOrder: assertions on the journal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::DescribeMatcher;
using ::testing::Ge;
using ::testing::Not;
using test_support::CreateExportJob;
using test_support::DescribeExportJob;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

constexpr const char* kCreate = "AmazonForecast.CreateForecastExportJob";
constexpr const char* kDescribe = "AmazonForecast.DescribeForecastExportJob";

class CalledTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_.s3().CreateBucket("exports");
    ForecastSpec spec;
    spec.name = "demand";
    fake_.forecast().PutForecast(spec);
    fake_.Handle(CreateExportJob("weekly"));   // #0 200
    fake_.Handle(CreateExportJob("weekly"));   // #1 400 ResourceAlreadyExistsException
    fake_.Handle(DescribeExportJob("weekly"));  // #2 200
  }
  Fake fake_;
};

TEST_F(CalledTest, Describes) {
  EXPECT_EQ(DescribeMatcher<const Fake&>(Called(kCreate)),
            "has a request to AmazonForecast.CreateForecastExportJob");
  EXPECT_EQ(DescribeMatcher<const Fake&>(Called(kCreate), true),
            "has no request to AmazonForecast.CreateForecastExportJob");
  EXPECT_EQ(DescribeMatcher<const Fake&>(Called(kCreate)
                                             .With(HasJsonMember("/ForecastExportJobName", "weekly"))
                                             .Returning(IsAwsError("ResourceAlreadyExistsException"))
                                             .Times(1)),
            "has requests to AmazonForecast.CreateForecastExportJob whose input has JSON member "
            "/ForecastExportJobName that is equal to \"weekly\" and whose answer is an AWS error of type "
            "ResourceAlreadyExistsException, and their number is equal to 1");
  EXPECT_EQ(DescribeMatcher<const Fake&>(Called(kDescribe).Times(2), true),
            "has requests to AmazonForecast.DescribeForecastExportJob, and their number isn't equal to 2");
}

TEST_F(CalledTest, MatchesOperationInputAnswerAndCount) {
  EXPECT_THAT(fake_, Called(kCreate));
  EXPECT_THAT(fake_, Called(kCreate).Times(2));
  EXPECT_THAT(fake_.journal(), Called(kCreate).Returning(IsAwsError("ResourceAlreadyExistsException")).Times(1));
  EXPECT_THAT(fake_, Called(kCreate).Returning(HasHttpStatus(200)).Times(1));
  EXPECT_THAT(fake_, Called(kCreate).With(HasJsonMember("/ForecastExportJobName", "weekly")).Times(Ge(2)));
  EXPECT_THAT(fake_.journal().Entries(), Not(Called("s3:PutObject")));
}

TEST_F(CalledTest, ListsTheRequestsAndCountsEachStep) {
  EXPECT_EQ(Explain(Called(kCreate).Times(3), fake_),
            "which made 3 requests: #0 AmazonForecast.CreateForecastExportJob -> 200; #1 "
            "AmazonForecast.CreateForecastExportJob -> 400 ResourceAlreadyExistsException; #2 "
            "AmazonForecast.DescribeForecastExportJob -> 200; 2 to AmazonForecast.CreateForecastExportJob");
  EXPECT_EQ(Explain(Called("s3:PutObject"), fake_),
            "which made 3 requests: #0 AmazonForecast.CreateForecastExportJob -> 200; #1 "
            "AmazonForecast.CreateForecastExportJob -> 400 ResourceAlreadyExistsException; #2 "
            "AmazonForecast.DescribeForecastExportJob -> 200; none to s3:PutObject");
}

TEST_F(CalledTest, ExplainsTheFirstInputOrAnswerThatDiffered) {
  fake_.journal().Clear();
  fake_.Handle(CreateExportJob("daily"));
  EXPECT_EQ(Explain(Called(kCreate).With(HasJsonMember("/ForecastExportJobName", "weekly")), fake_),
            "which made 1 request: #3 AmazonForecast.CreateForecastExportJob -> 200; 1 to "
            "AmazonForecast.CreateForecastExportJob, 0 of them with a matching input (#3: whose member "
            "/ForecastExportJobName is \"daily\")");
  EXPECT_EQ(Explain(Called(kCreate).Returning(IsAwsError("LimitExceededException")), fake_),
            "which made 1 request: #3 AmazonForecast.CreateForecastExportJob -> 200; 1 to "
            "AmazonForecast.CreateForecastExportJob, 0 of them answered as expected (#3: which is request #3 "
            "to AmazonForecast.CreateForecastExportJob, answered 200 with no AWS error)");
}

TEST(Called, SaysWhenNothingWasCalled) {
  Fake fake;
  EXPECT_THAT(fake, Not(Called(kCreate)));
  EXPECT_EQ(Explain(Called(kCreate), fake), "which made no requests");
}

TEST_F(CalledTest, CalledInOrderFindsTheStepsInSequence) {
  EXPECT_THAT(fake_, CalledInOrder(Called(kCreate), Called(kDescribe)));
  EXPECT_THAT(fake_, CalledInOrder(Called(kCreate).Returning(HasHttpStatus(200)),
                                   Called(kCreate).Returning(IsAwsError("ResourceAlreadyExistsException")),
                                   Called(kDescribe)));
  EXPECT_THAT(fake_, Not(CalledInOrder(Called(kDescribe), Called(kCreate))));
  EXPECT_EQ(DescribeMatcher<const Fake&>(CalledInOrder(Called(kDescribe), Called(kCreate))),
            "has requests in this order: (1) AmazonForecast.DescribeForecastExportJob, (2) "
            "AmazonForecast.CreateForecastExportJob");
  EXPECT_EQ(DescribeMatcher<const Fake&>(CalledInOrder(Called(kDescribe)), true),
            "doesn't have requests in this order: (1) AmazonForecast.DescribeForecastExportJob");
}

TEST_F(CalledTest, CalledInOrderSaysWhereTheSequenceBroke) {
  const std::string list =
      "which made 3 requests: #0 AmazonForecast.CreateForecastExportJob -> 200; #1 "
      "AmazonForecast.CreateForecastExportJob -> 400 ResourceAlreadyExistsException; #2 "
      "AmazonForecast.DescribeForecastExportJob -> 200";
  EXPECT_EQ(Explain(CalledInOrder(Called(kDescribe), Called(kCreate)), fake_),
            list + "; step 1 matches #2, and no later request matches step 2");
  EXPECT_EQ(Explain(CalledInOrder(Called("s3:PutObject")), fake_), list + "; no request matches step 1");
  EXPECT_EQ(Explain(CalledInOrder(Called(kCreate), Called(kCreate), Called(kDescribe)), fake_),
            list + "; the steps match #0, #1, #2");
}

}  // namespace
}  // namespace fakeaws
