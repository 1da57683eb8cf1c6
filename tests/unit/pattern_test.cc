#include "protocol/pattern.h"

#include <gtest/gtest.h>

namespace fakeaws::protocol {
namespace {

bool Matches(const char* pattern, const std::string& value) {
  auto p = Pattern::Compile(pattern);
  EXPECT_NE(p, nullptr) << pattern;
  return p && p->FullMatch(value);
}

// wire-format.md §2.2: AWS rejected 'compare_multiple_models_CNN-QR_algo'
// against this unanchored pattern, so matching is whole-value.
TEST(PatternTest, NamePatternMatchesWholeValueOnly) {
  const char* name = "^[a-zA-Z][a-zA-Z0-9_]*";
  EXPECT_TRUE(Matches(name, "mlimday_arima_algo_forecast"));
  EXPECT_FALSE(Matches(name, "compare_multiple_models_CNN-QR_algo"));
  EXPECT_FALSE(Matches(name, "1abc"));
  EXPECT_FALSE(Matches(name, ""));
  EXPECT_TRUE(Matches(name, "a"));
}

TEST(PatternTest, FormatAlternationIsFullMatch) {
  const char* format = "^CSV|PARQUET$";
  EXPECT_TRUE(Matches(format, "CSV"));
  EXPECT_TRUE(Matches(format, "PARQUET"));
  EXPECT_FALSE(Matches(format, "csv"));
  EXPECT_FALSE(Matches(format, "CSVX"));
  EXPECT_FALSE(Matches(format, "XPARQUET"));
}

TEST(PatternTest, S3PathNeedsSchemeAndLowercaseStart) {
  const char* path = "^s3://[a-z0-9].+$";
  EXPECT_TRUE(Matches(path, "s3://bucket/prefix"));
  EXPECT_FALSE(Matches(path, "s3://B"));
  EXPECT_FALSE(Matches(path, "https://bucket/x"));
  EXPECT_FALSE(Matches(path, "s3://bucket/line\nbreak"));  // Java's `.` stops at \n
}

TEST(PatternTest, UnicodeCategoriesInTagPattern) {
  const char* tag = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";
  EXPECT_TRUE(Matches(tag, "team name"));
  EXPECT_TRUE(Matches(tag, "caf\xC3\xA9-\xE6\x97\xA5\xE6\x9C\xAC_1:/=+@."));  // café-日本
  EXPECT_TRUE(Matches(tag, ""));
  EXPECT_FALSE(Matches(tag, "semi;colon"));
  EXPECT_FALSE(Matches(tag, "emoji\xF0\x9F\x98\x80"));  // U+1F600 is So, not L/N/Z
}

TEST(PatternTest, CountedRepetitionAndEscapes) {
  const char* local = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$";
  EXPECT_TRUE(Matches(local, "2026-01-31T23:59:00"));
  EXPECT_FALSE(Matches(local, "2026-1-31T23:59:00"));
  EXPECT_TRUE(Matches("(^0?\\.\\d\\d?$|^mean$)", "0.5"));
  EXPECT_TRUE(Matches("(^0?\\.\\d\\d?$|^mean$)", ".05"));
  EXPECT_TRUE(Matches("(^0?\\.\\d\\d?$|^mean$)", "mean"));
  EXPECT_FALSE(Matches("(^0?\\.\\d\\d?$|^mean$)", "0.555"));
  EXPECT_TRUE(Matches("^[a-zA-Z0-9\\-\\:\\.\\,\\'\\s]+$", "yyyy-MM-dd HH:mm:ss"));
  EXPECT_TRUE(Matches("arn:aws:kms:.*:key/.*", "arn:aws:kms:us-east-1:123456789012:key/abc"));
}

TEST(PatternTest, LongInputIsLinearAndSafe) {
  std::string value = "s3://b" + std::string(1'000'000, 'x');
  EXPECT_TRUE(Matches("^s3://[a-z0-9].+$", value));
  EXPECT_FALSE(Matches("^[a-zA-Z][a-zA-Z0-9_]*", std::string(1'000'000, 'a') + "-"));
}

TEST(PatternTest, SingleClassPatternsHonourMinimumAndUnicode) {
  const char* arn = "^[a-zA-Z0-9\\-\\_\\.\\/\\:]+$";
  EXPECT_TRUE(Matches(arn, "arn:aws:forecast:us-east-1:123456789012:forecast/demand"));
  EXPECT_FALSE(Matches(arn, ""));
  EXPECT_FALSE(Matches(arn, "arn with space"));
  EXPECT_FALSE(Matches(arn, "arn\xC3\xA9"));
  EXPECT_TRUE(Matches(".+", "x"));
  EXPECT_FALSE(Matches(".+", ""));
  EXPECT_FALSE(Matches(".+", "a\nb"));
  EXPECT_TRUE(Matches(".+", "caf\xC3\xA9"));
  EXPECT_TRUE(Matches("[a-z]*", ""));
}

TEST(PatternTest, RejectsUnsupportedSyntax) {
  EXPECT_EQ(Pattern::Compile("(unclosed"), nullptr);
  EXPECT_EQ(Pattern::Compile("\\q"), nullptr);
}

TEST(Utf16LengthTest, CountsJavaCharsNotBytes) {
  EXPECT_EQ(Utf16Length("abc"), 3u);
  EXPECT_EQ(Utf16Length("caf\xC3\xA9"), 4u);
  EXPECT_EQ(Utf16Length("\xF0\x9F\x98\x80"), 2u);  // a surrogate pair in Java
}

}  // namespace
}  // namespace fakeaws::protocol
