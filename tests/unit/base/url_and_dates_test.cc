// Percent-encoding, query strings and the dates AWS's wires write.
#include <gtest/gtest.h>

#include "base/time_text.h"
#include "base/url.h"

namespace fakeaws::base {
namespace {

TEST(Url, ListingEncodingIsWhatUnquotePlusDecodes) {
  // Python's urllib.parse.unquote_plus gives back the key (botocore, §4.3).
  EXPECT_EQ(ListingUrlEncode("dir/a b+c~é.txt"), "dir/a+b%2Bc%7E%C3%A9.txt");
  // The rows S3 answered (brekkylab/backlot#178): '/' as it is, '%' escaped.
  EXPECT_EQ(ListingUrlEncode("run books/x.txt"), "run+books/x.txt");
  EXPECT_EQ(ListingUrlEncode("100%.csv"), "100%25.csv");
  EXPECT_EQ(ListingUrlEncode("\xED\x95\x9C\xEA\xB8\x80/x.txt"), "%ED%95%9C%EA%B8%80/x.txt");
  EXPECT_EQ(ListingUrlEncode("A-Z_a.z*09"), "A-Z_a.z*09");
}

TEST(Url, IsPercentEncodedAgreesWithPercentDecode) {
  for (std::string_view s : {"", "a%20b", "%", "%2", "%zz", "a%2", "%41%", "100%25", "%4g", "a/b%2Fc"}) {
    EXPECT_EQ(IsPercentEncoded(s), PercentDecode(s).has_value()) << s;
  }
}

TEST(Url, PercentDecodeRefusesBrokenEscapes) {
  EXPECT_EQ(PercentDecode("a%20b+c"), "a b+c");
  EXPECT_EQ(PercentDecode("a%20b+c", Plus::kSpace), "a b c");
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("%4"), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
}

TEST(Url, LenientPercentDecodeKeepsBrokenEscapes) {
  EXPECT_EQ(PercentDecodeLenient("a%2"), "a%2");
  EXPECT_EQ(PercentDecodeLenient("a%zz"), "a%zz");
  EXPECT_EQ(PercentDecodeLenient("%E2%82%AC"), "\xE2\x82\xAC");
  EXPECT_EQ(PercentDecodeLenient("a%2Fb%zz%4"), "a/b%zz%4");
  EXPECT_EQ(PercentDecodeLenient("a+b"), "a+b");
  EXPECT_EQ(PercentDecodeLenient("a+b%zz", Plus::kSpace), "a b%zz");
}

TEST(TimeText, HttpDatesInAllThreeFormats) {
  const Timestamp t(std::chrono::milliseconds(784111777000));  // 1994-11-06T08:49:37Z
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), t);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), t);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), t);
  EXPECT_EQ(ParseHttpDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 PST"), std::nullopt);
  EXPECT_EQ(HttpDate(t), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(IsoTimestamp(t + std::chrono::milliseconds(250)), "1994-11-06T08:49:37.000Z");
}

TEST(Url, QueryKeepsOrderAndValuelessParameters) {
  auto q = Query::Parse("uploads&prefix=a%2Fb+c&x-id=Put");
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->Has("uploads"));
  EXPECT_EQ(q->Get("uploads"), "");
  EXPECT_EQ(q->Get("prefix"), "a/b c");
  EXPECT_EQ(q->Get("missing"), std::nullopt);
  EXPECT_FALSE(Query::Parse("a=%G0"));
}

TEST(Url, LenientQueryKeepsWhatItCannotDecode) {
  // SigV4 canonicalizes the query as sent: '+' stays '+', empty items go.
  const Query q = Query::ParseLenient("X-Amz-Algorithm=AWS4&&a=%G0&b=x+y", Plus::kLiteral);
  ASSERT_EQ(q.params().size(), 3u);
  EXPECT_EQ(q.Get("a"), "%G0");
  EXPECT_EQ(q.Get("b"), "x+y");
}

TEST(TimeText, AmzDateRoundTrips) {
  const Timestamp t(std::chrono::milliseconds(1767225600000));  // 2026-01-01T00:00:00Z
  EXPECT_EQ(ParseAmzDate("20260101T000000Z"), t);
  EXPECT_EQ(AmzDate(t - std::chrono::minutes(15)), "20251231T234500Z");
  EXPECT_EQ(ParseAmzDate("20260101T000000"), std::nullopt);
  EXPECT_EQ(ParseAmzDate("2026-01-01T00:00:00Z"), std::nullopt);
  EXPECT_EQ(ParseAmzDate("20261301T000000Z"), std::nullopt);
}

}  // namespace
}  // namespace fakeaws::base
