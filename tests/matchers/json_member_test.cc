// HasJsonMember: RFC 6901 pointers into bodies, inputs and plain JSON text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::DescribeMatcher;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using test_support::CreateExportJob;
using test_support::DescribeExportJob;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

const std::string kJob =
    R"({"ForecastExportJobName":"weekly","Destination":{"S3Config":{"Path":"s3://exports/weekly"}},)"
    R"("Tags":[{"Key":"team","Value":"demand"},{"Key":"a/b~c","Value":"x"}],"CreationTime":1.7672256E9,)"
    R"("Count":3,"Done":false,"Note":"line\nbreak \u00e9"})";

TEST(HasJsonMember, Describes) {
  EXPECT_EQ(DescribeMatcher<std::string>(HasJsonMember("/Status", "ACTIVE")),
            "has JSON member /Status that is equal to \"ACTIVE\"");
  EXPECT_EQ(DescribeMatcher<std::string>(HasJsonMember("/Status", StartsWith("CREATE")), true),
            "has no JSON member /Status that starts with \"CREATE\"");
}

TEST(HasJsonMember, MatchesStringsByContent) {
  EXPECT_THAT(kJob, HasJsonMember("/ForecastExportJobName", "weekly"));
  EXPECT_THAT(kJob, HasJsonMember("/Destination/S3Config/Path", StartsWith("s3://exports/")));
  EXPECT_THAT(kJob, HasJsonMember("/Note", "line\nbreak \xc3\xa9"));
  EXPECT_EQ(Explain(HasJsonMember("/ForecastExportJobName", "daily"), kJob),
            "whose member /ForecastExportJobName is \"weekly\"");
}

TEST(HasJsonMember, MatchesOtherValuesByTheirTextAsSent) {
  EXPECT_THAT(kJob, HasJsonMember("/CreationTime", "1.7672256E9"));
  EXPECT_THAT(kJob, HasJsonMember("/Count", "3"));
  EXPECT_THAT(kJob, HasJsonMember("/Done", "false"));
  EXPECT_THAT(kJob, HasJsonMember("/Tags/0", R"({"Key":"team","Value":"demand"})"));
  EXPECT_EQ(Explain(HasJsonMember("/Count", "4"), kJob), "whose member /Count is 3");
}

TEST(HasJsonMember, FollowsArrayIndexesAndEscapes) {
  EXPECT_THAT(kJob, HasJsonMember("/Tags/1/Key", "a/b~c"));
  EXPECT_THAT(kJob, HasJsonMember("/Tags/0/Value", "demand"));
  EXPECT_THAT(R"({"a/b":{"~":1}})", HasJsonMember("/a~1b/~0", "1"));
}

TEST(HasJsonMember, SaysWhatIsThereWhenAMemberIsMissing) {
  EXPECT_EQ(Explain(HasJsonMember("/Status", "ACTIVE"), kJob),
            "which has no member /Status (the document has members ForecastExportJobName, Destination, "
            "Tags, CreationTime, Count, Done, Note)");
  EXPECT_EQ(Explain(HasJsonMember("/Destination/S3Config/RoleArn", "x"), kJob),
            "which has no member /Destination/S3Config/RoleArn (/Destination/S3Config has members Path)");
  EXPECT_EQ(Explain(HasJsonMember("/Tags/2/Key", "x"), kJob),
            "which has no member /Tags/2/Key (/Tags has 2 elements)");
  EXPECT_EQ(Explain(HasJsonMember("/Count/x", "x"), kJob), "which has no member /Count/x (/Count is a number)");
  EXPECT_EQ(Explain(HasJsonMember("/x", "x"), std::string("{}")),
            "which has no member /x (the document is an empty object)");
}

TEST(HasJsonMember, RefusesTextThatIsNotJson) {
  EXPECT_THAT(std::string("{\"a\":"), Not(HasJsonMember("/a", "1")));
  EXPECT_EQ(Explain(HasJsonMember("/a", "1"), std::string("<Error/>")), "which is not JSON: <Error/>");
  EXPECT_EQ(Explain(HasJsonMember("a", "1"), std::string("{}")),
            "which can't be searched: \"a\" is not a JSON pointer (it must be empty or start with '/')");
}

TEST(HasJsonMember, ReadsResponseBodiesAndJournalInputs) {
  Fake fake;
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "demand";
  fake.forecast().PutForecast(spec);
  fake.Handle(CreateExportJob("weekly"));
  const HttpResponse described = fake.Handle(DescribeExportJob("weekly"));
  EXPECT_THAT(described, HasJsonMember("/Status", "ACTIVE"));
  EXPECT_THAT(described, HasJsonMember("/CreationTime", "1.7672256E9"));
  EXPECT_EQ(Explain(HasJsonMember("/Status", "CREATE_PENDING"), described),
            "whose body's member /Status is \"ACTIVE\"");
  EXPECT_EQ(Explain(HasJsonMember("/Nope", "x"), described),
            "whose body has no member /Nope (the document has members ForecastExportJobArn, "
            "ForecastExportJobName, ForecastArn, Destination, Status, CreationTime, LastModificationTime, "
            "Format)");

  const JournalEntry create = fake.journal().Entries().at(0);
  EXPECT_THAT(create, HasJsonMember("/Destination/S3Config/Path", "s3://exports/weekly"));
  EXPECT_EQ(Explain(HasJsonMember("/ForecastExportJobName", "daily"), create),
            "whose input's member /ForecastExportJobName is \"weekly\"");
}

TEST(HasJsonMember, ExplainsTheInnerMatcherToo) {
  EXPECT_EQ(Explain(HasJsonMember("/Count", ::testing::ResultOf(
                                               "its length", [](const std::string& s) { return s.size(); },
                                               2u)),
                    kJob),
            "whose member /Count is 3 (whose its length is 1 (of type unsigned long))");
}

}  // namespace
}  // namespace fakeaws
