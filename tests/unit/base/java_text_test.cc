#include <gtest/gtest.h>

#include "base/java_text.h"

namespace fakeaws::base {
namespace {

// Expected strings are what Java's Double.toString prints for these values.
TEST(FormatJavaDoubleTest, EpochSecondsUseComputerizedScientificNotation) {
  EXPECT_EQ(FormatJavaDouble(1735442939.457), "1.735442939457E9");  // wire-format.md §1.2
  EXPECT_EQ(FormatJavaDouble(1628634837.849), "1.628634837849E9");
  EXPECT_EQ(FormatJavaDouble(1767225600.0), "1.7672256E9");
  EXPECT_EQ(FormatJavaDouble(1e7), "1.0E7");
}

TEST(FormatJavaDoubleTest, MidRangeIsPlainWithAtLeastOneDecimal) {
  EXPECT_EQ(FormatJavaDouble(40.468546), "40.468546");
  EXPECT_EQ(FormatJavaDouble(1.0), "1.0");
  EXPECT_EQ(FormatJavaDouble(100.0), "100.0");
  EXPECT_EQ(FormatJavaDouble(0.001), "0.001");
  EXPECT_EQ(FormatJavaDouble(-2.5), "-2.5");
  EXPECT_EQ(FormatJavaDouble(9999999.0), "9999999.0");
}

TEST(FormatJavaDoubleTest, SmallAndSpecialValues) {
  EXPECT_EQ(FormatJavaDouble(0.0001), "1.0E-4");
  EXPECT_EQ(FormatJavaDouble(0.0), "0.0");
  EXPECT_EQ(FormatJavaDouble(1.5e-7), "1.5E-7");
}

}  // namespace
}  // namespace fakeaws::base
