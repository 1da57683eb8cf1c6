// The XML the S3 wire writes and the small parser for request bodies: it
// reads what SDKs send and refuses hostile input without crashing.
#include "protocol/s3_xml.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace fakeaws::protocol {
namespace {

TEST(XmlWriter, EscapesTextAndSelfClosesEmptyElements) {
  std::string out;
  XmlWriter(&out).Open("A").Element("Key", "a&b<c>\"d'\x01").Element("Prefix", "").Close("A");
  EXPECT_EQ(out, "<A><Key>a&amp;b&lt;c&gt;&quot;d&apos;&#x1;</Key><Prefix/></A>");
}

TEST(XmlParser, ReadsWhatBotocoreSendsForDeleteObjects) {
  auto doc = ParseXml(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a &amp; b</Key></Object>"
      "<Object><Key>caf\xc3\xa9&#x1F600;</Key></Object><Quiet>true</Quiet></Delete>");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->name, "Delete");
  const auto objects = doc->Children("Object");
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]->Child("Key")->text, "a & b");
  EXPECT_EQ(objects[1]->Child("Key")->text, "caf\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(doc->Child("Quiet")->text, "true");
}

TEST(XmlParser, ReadsPrefixedNamesCommentsAndCdata) {
  auto doc = ParseXml("<!-- c --><s3:C xmlns:s3='x'><s3:Part><![CDATA[<1>]]></s3:Part></s3:C>");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->name, "C");
  EXPECT_EQ(doc->Child("Part")->text, "<1>");
}

TEST(XmlParser, RefusesMalformedAndHostileDocuments) {
  for (const char* bad : {"", "   ", "<a>", "<a></b>", "<a><b></a></b>", "text", "<a>&bogus;</a>",
                          "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#99999999;</a>", "<a x=1></a>",
                          "<a></a><b></b>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a><!-- </a>",
                          "<a><![CDATA[x</a>", "<?xml version='1.0'?"}) {
    EXPECT_FALSE(ParseXml(bad)) << bad;
  }
}

TEST(XmlParser, DepthAndSizeAreBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  EXPECT_FALSE(ParseXml(deep));
  std::string wide = "<r>";
  for (int i = 0; i < 60000; ++i) wide += "<p/>";
  wide += "</r>";
  EXPECT_FALSE(ParseXml(wide));
}

TEST(XmlParser, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  const std::string alphabet = "<>/=\"'&;#x!-[]?aAzZ09 \n";
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = rng() % 64;
    for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
    (void)ParseXml(s);
  }
  SUCCEED();
}

// Found by s3_xml_fuzzer: a raw NUL in a DeleteObjects/CompleteMultipartUpload
// body was read as text; XML 1.0 allows no C0 control but tab, LF and CR.
TEST(XmlParser, RefusesRawControlCharacters) {
  using namespace std::string_literals;
  for (const std::string& bad : {"<a>x\0y</a>"s, "<a>\x01</a>"s, "<a><![CDATA[\x1f]]></a>"s}) {
    EXPECT_FALSE(ParseXml(bad)) << bad;
  }
  // Found by s3_xml_fuzzer too: a prefix with no local name.
  for (const char* bad : {"<Taggi:\r\n/>", "<a:></a:>", "<:a/>"}) EXPECT_FALSE(ParseXml(bad)) << bad;
  auto ok = ParseXml("<a>\t\r\n&#x1;</a>");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->text, "\t\r\n\x01");
}

}  // namespace
}  // namespace fakeaws::protocol
