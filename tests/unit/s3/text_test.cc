// Percent-encoding and dates on S3's wire.
#include "protocol/s3_text.h"

#include <gtest/gtest.h>

namespace fakeaws::protocol {
namespace {

TEST(S3Text, ListingEncodingIsWhatUnquotePlusDecodes) {
  // Python's urllib.parse.unquote_plus gives back the key (botocore, §4.3).
  EXPECT_EQ(ListingUrlEncode("dir/a b+c~é.txt"), "dir%2Fa+b%2Bc%7E%C3%A9.txt");
  EXPECT_EQ(ListingUrlEncode("A-Z_a.z*09"), "A-Z_a.z*09");
}

TEST(S3Text, PercentDecodeRefusesBrokenEscapes) {
  EXPECT_EQ(PercentDecode("a%20b+c", false), "a b+c");
  EXPECT_EQ(PercentDecode("a%20b+c", true), "a b c");
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz", false), std::nullopt);
}

TEST(S3Text, HttpDatesInAllThreeFormats) {
  const Timestamp t(std::chrono::milliseconds(784111777000));  // 1994-11-06T08:49:37Z
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), t);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), t);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), t);
  EXPECT_EQ(ParseHttpDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 PST"), std::nullopt);
  EXPECT_EQ(HttpDate(t), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(IsoTimestamp(t + std::chrono::milliseconds(250)), "1994-11-06T08:49:37.000Z");
}

TEST(S3Text, QueryKeepsOrderAndValuelessParameters) {
  auto q = Query::Parse("uploads&prefix=a%2Fb+c&x-id=Put");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->Has("uploads"));
  EXPECT_EQ(q->Get("uploads"), "");
  EXPECT_EQ(q->Get("prefix"), "a/b c");
  EXPECT_EQ(q->Get("missing"), std::nullopt);
  EXPECT_FALSE(Query::Parse("a=%G0"));
}

}  // namespace
}  // namespace fakeaws::protocol
