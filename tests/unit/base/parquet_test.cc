// base/parquet and base/snappy: what the writer writes reads back; bad bytes
// give an error, never a crash. (Files from other writers, and other
// readers of ours: tests/forecast/parquet_import_test.cc and
// tests/conformance/parquet_readers_test.py.)
#include "base/parquet.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/snappy.h"

namespace fakeaws::base {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using parquet::ColumnType;

std::string SampleFile() {
  parquet::Writer w({{"item_id", ColumnType::kString},
                     {"date", ColumnType::kTimestampMillis},
                     {"p50", ColumnType::kDouble}});
  const char* items[] = {"a", "a", "b,\"c\"", "a"};
  for (int r = 0; r < 4; ++r) {
    w.AppendString(0, items[r]);
    w.AppendTimestampMillis(1, 1767225600000LL + r * 86'400'000LL);
    if (r == 2) {
      w.AppendNull(2);
    } else {
      w.AppendDouble(2, r == 0 ? 5.088283521094429 : -6.300245287129642 * r);
    }
  }
  return w.Finish();
}

TEST(ParquetTest, WhatTheWriterWritesReadsBackTyped) {
  const std::string file = SampleFile();
  ASSERT_TRUE(parquet::LooksLikeParquet(file));
  parquet::Table table;
  ASSERT_EQ(parquet::Read(file, &table), "");
  ASSERT_EQ(table.rows, 4u);
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[0].name, "item_id");
  EXPECT_EQ(table.columns[0].kind, parquet::ValueKind::kString);
  EXPECT_THAT(table.columns[0].text, ElementsAre("a", "a", "b,\"c\"", "a"));
  EXPECT_EQ(table.columns[1].kind, parquet::ValueKind::kTimestamp);
  EXPECT_THAT(table.columns[1].millis,
              ElementsAre(1767225600000LL, 1767312000000LL, 1767398400000LL, 1767484800000LL));
  EXPECT_EQ(table.columns[1].text[0], "2026-01-01 00:00:00");
  EXPECT_EQ(table.columns[2].kind, parquet::ValueKind::kDouble);
  EXPECT_THAT(table.columns[2].text, ElementsAre("5.088283521094429", "-6.300245287129642", "", "-18.900735861388927"));
  EXPECT_THAT(table.columns[2].null, ElementsAre(false, false, true, false));
}

TEST(ParquetTest, AFileWithoutRowsHasItsColumns) {
  parquet::Writer w({{"item_id", ColumnType::kString}, {"p50", ColumnType::kDouble}});
  parquet::Table table;
  ASSERT_EQ(parquet::Read(w.Finish(), &table), "");
  EXPECT_EQ(table.rows, 0u);
  ASSERT_EQ(table.columns.size(), 2u);
  EXPECT_EQ(table.columns[1].name, "p50");
}

TEST(ParquetTest, EveryTruncationIsAnErrorNotACrash) {
  const std::string file = SampleFile();
  for (size_t n = 0; n < file.size(); ++n) {
    parquet::Table table;
    EXPECT_NE(parquet::Read(file.substr(0, n), &table), "") << "cut at " << n;
  }
}

TEST(ParquetTest, FlippedBytesNeverCrash) {
  const std::string file = SampleFile();
  for (size_t i = 4; i + 4 < file.size(); ++i) {
    for (unsigned char x : {0x01, 0x80, 0xFF}) {
      std::string bad = file;
      bad[i] = static_cast<char>(bad[i] ^ x);
      parquet::Table table;
      parquet::Read(bad, &table);  // any answer but a crash, hang or leak
    }
  }
}

TEST(ParquetTest, NotParquetIsSaidSo) {
  parquet::Table table;
  EXPECT_THAT(parquet::Read("item_1,2026-01-01,3\n", &table), HasSubstr("not a Parquet file"));
}

TEST(SnappyTest, LiteralsAndOverlappingCopies) {
  // "abcabcabcabc": length 12, a 3-byte literal, then a 9-byte copy from 3
  // back (format_description.txt: tag 01, length-4 in bits 2-4).
  const std::string compressed = std::string("\x0c\x08" "abc", 5) + std::string("\x15\x03", 2);
  std::string out;
  ASSERT_TRUE(SnappyUncompress(compressed, 100, &out));
  EXPECT_EQ(out, "abcabcabcabc");
}

TEST(SnappyTest, RefusesCopiesBeforeTheStartAndLengthsPastTheLimit) {
  std::string out;
  EXPECT_FALSE(SnappyUncompress(std::string("\x0c\x15\x03", 3), 100, &out));  // copy with nothing written
  EXPECT_FALSE(SnappyUncompress(std::string("\x0c\x08" "abc", 5), 100, &out));  // shorter than announced
  EXPECT_FALSE(SnappyUncompress(std::string("\xff\xff\xff\xff\x0f", 5), 1000, &out));
}

}  // namespace
}  // namespace fakeaws::base
