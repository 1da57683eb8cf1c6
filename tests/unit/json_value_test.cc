#include "protocol/json_value.h"

#include <gtest/gtest.h>

namespace fakeaws::protocol {
namespace {

TEST(JsonValueTest, ParsesObjectsInDocumentOrderWithLastDuplicateWinning) {
  auto doc = ParseJson(R"( {"b":1,"a":"x","b":2.5,"n":null} )");
  ASSERT_NE(doc, nullptr);
  const JsonValue& v = doc->root();
  ASSERT_TRUE(v.is_object());
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v.key(0), "b");
  EXPECT_EQ(v.Find("b")->number(), 2.5);
  EXPECT_FALSE(v.Find("b")->is_integer_literal());
  EXPECT_EQ(v.GetString("a"), "x");
  EXPECT_EQ(v.Find("n"), nullptr) << "null counts as absent";
  EXPECT_EQ(v.Find("missing"), nullptr);
}

TEST(JsonValueTest, AcceptsTheWhitespaceAwsSdkCppSends) {
  auto doc = ParseJson("{\n}\n");  // aws-sdk-cpp-client.md: an empty request
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->root().size(), 0u);
  doc = ParseJson("{\n\t\"DatasetGroupName\":\t\"smoke_dsg_1\",\n\t\"Domain\":\t\"CUSTOM\"\n}");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->root().GetString("Domain"), "CUSTOM");
}

TEST(JsonValueTest, DecodesEscapesAndSurrogatePairs) {
  auto doc = ParseJson(R"(["a\"b\\c\/\n", "\u00e9\ud83d\ude00", "\ud800x"])");
  ASSERT_NE(doc, nullptr);
  EXPECT_EQ(doc->root()[0].text(), "a\"b\\c/\n");
  EXPECT_EQ(doc->root()[1].text(), "\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(doc->root()[2].text(), "\xEF\xBF\xBDx");
}

TEST(JsonValueTest, NumbersKeepTheirLiteral) {
  auto doc = ParseJson("[10, -0.5, 1e3, 0]");
  ASSERT_NE(doc, nullptr);
  EXPECT_TRUE(doc->root()[0].is_integer_literal());
  EXPECT_EQ(doc->root()[0].text(), "10");
  EXPECT_EQ(doc->root()[1].number(), -0.5);
  EXPECT_EQ(doc->root()[2].number(), 1000);
  EXPECT_FALSE(doc->root()[2].is_integer_literal());
}

TEST(JsonValueTest, RejectsMalformedInput) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"\x01\"",
                          "\"\\x\"", "\"\\u12\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "{} {}", "[1] x"}) {
    EXPECT_EQ(ParseJson(bad), nullptr) << bad;
  }
}

TEST(JsonValueTest, DeepNestingIsRefusedNotOverflowed) {
  EXPECT_NE(ParseJson(std::string(500, '[') + std::string(500, ']')), nullptr);
  EXPECT_EQ(ParseJson(std::string(100000, '[') + std::string(100000, ']')), nullptr);
}

// Found by json_parser_fuzzer: F7 84 84 84 (past U+10FFFF) and overlong
// forms were taken for UTF-8; Jackson and nlohmann refuse them.
TEST(JsonValueTest, RefusesInvalidUtf8Forms) {
  for (const char* bad : {"{\"a\":\"\xF7\x84\x84\x84\"}", "{\"a\":\"\xC0\xAF\"}", "{\"a\":\"\xE0\x80\xAF\"}",
                          "{\"a\":\"\xF4\x90\x80\x80\"}"}) {
    EXPECT_EQ(ParseJson(bad), nullptr) << bad;
  }
  EXPECT_NE(ParseJson("{\"a\":\"\xF4\x8F\xBF\xBF\"}"), nullptr);  // U+10FFFF
}

}  // namespace
}  // namespace fakeaws::protocol
