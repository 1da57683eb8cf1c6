// HasObject: the S3 store through a Fake or its S3Api.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

using ::testing::_;
using ::testing::DescribeMatcher;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

class HasObjectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_.s3().CreateBucket("exports");
    PutObjectOptions csv;
    csv.content_type = "text/csv";
    csv.metadata = {{"job", "weekly"}};
    fake_.s3().PutObject("exports", "weekly/part0.csv", "item_id,date,p50\na,2026-01-01,1.5\n", csv);
    fake_.s3().PutObject("exports", "weekly/_CHECK", "");
  }
  Fake fake_;
};

TEST_F(HasObjectTest, Describes) {
  EXPECT_EQ(DescribeMatcher<const Fake&>(HasObject("exports", StartsWith("weekly/"))),
            "has an object in bucket \"exports\" whose key starts with \"weekly/\"");
  EXPECT_EQ(DescribeMatcher<const Fake&>(HasObject("exports", "a.csv")
                                             .WithBody(HasSubstr("item_id"))
                                             .WithContentType("text/csv")
                                             .WithMetadata("job", "weekly"),
                                         true),
            "has no object in bucket \"exports\" whose key is equal to \"a.csv\" and whose body has "
            "substring \"item_id\" and whose content type is equal to \"text/csv\" and whose metadata "
            "\"job\" is equal to \"weekly\"");
}

TEST_F(HasObjectTest, FindsAnObjectMatchingEverything) {
  EXPECT_THAT(fake_, HasObject("exports", EndsWith(".csv")));
  EXPECT_THAT(fake_.s3(), HasObject("exports", _).WithBody(HasSubstr("a,2026-01-01")));
  EXPECT_THAT(fake_, HasObject("exports", StartsWith("weekly/"))
                         .WithContentType("text/csv")
                         .WithMetadata("job", "weekly"));
  EXPECT_EQ(Explain(HasObject("exports", EndsWith(".csv")), fake_),
            "whose bucket \"exports\" holds \"weekly/part0.csv\" (34 bytes)");
}

TEST_F(HasObjectTest, SaysWhenTheBucketIsMissingOrEmpty) {
  EXPECT_THAT(fake_, Not(HasObject("nope", _)));
  EXPECT_EQ(Explain(HasObject("nope", _), fake_), "whose bucket \"nope\" doesn't exist");
  fake_.s3().CreateBucket("empty");
  EXPECT_EQ(Explain(HasObject("empty", _), fake_), "whose bucket \"empty\" is empty");
}

TEST_F(HasObjectTest, ListsTheKeysWhenNoneMatches) {
  EXPECT_EQ(Explain(HasObject("exports", StartsWith("daily/")), fake_),
            "whose bucket \"exports\" holds 2 objects, none with a matching key: weekly/_CHECK, "
            "weekly/part0.csv");
}

TEST_F(HasObjectTest, SaysWhichPartOfEachCandidateDiffered) {
  EXPECT_EQ(Explain(HasObject("exports", StartsWith("weekly/")).WithBody(HasSubstr("p90")), fake_),
            "whose bucket \"exports\" holds 2 objects with a matching key, none matching entirely: "
            "weekly/_CHECK: its body \"\" doesn't match; weekly/part0.csv: its body "
            "\"item_id,date,p50\\na,2026-01-01,1.5\\n\" doesn't match");
  EXPECT_EQ(Explain(HasObject("exports", EndsWith(".csv")).WithContentType("application/json"), fake_),
            "whose bucket \"exports\" holds 1 object with a matching key, none matching entirely: "
            "weekly/part0.csv: its content type \"text/csv\" doesn't match");
  EXPECT_EQ(Explain(HasObject("exports", EndsWith(".csv")).WithMetadata("owner", _), fake_),
            "whose bucket \"exports\" holds 1 object with a matching key, none matching entirely: "
            "weekly/part0.csv: it has no metadata \"owner\" (it has job)");
  EXPECT_EQ(Explain(HasObject("exports", EndsWith(".csv")).WithMetadata("job", "daily"), fake_),
            "whose bucket \"exports\" holds 1 object with a matching key, none matching entirely: "
            "weekly/part0.csv: its metadata \"job\" is \"weekly\", which doesn't match");
}

TEST_F(HasObjectTest, ShortensLongBodies) {
  fake_.s3().PutObject("exports", "big.csv", std::string(1000, 'x'));
  const std::string why = Explain(HasObject("exports", "big.csv").WithBody("y"), fake_);
  EXPECT_THAT(why, HasSubstr("its body \"" + std::string(120, 'x') + "\"... (1000 bytes) doesn't match"));
}

}  // namespace
}  // namespace fakeaws
