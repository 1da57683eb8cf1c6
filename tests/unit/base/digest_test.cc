#include <gtest/gtest.h>

#include "base/base64.h"
#include "base/digest.h"
#include "base/seeded.h"

namespace fakeaws::base {
namespace {

// RFC 1321 test suite.
TEST(Md5Test, MatchesRfc1321Vectors) {
  EXPECT_EQ(HexLower(Md5Digest("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(HexLower(Md5Digest("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(HexLower(Md5Digest("12345678901234567890123456789012345678901234567890123456789012345678901234567890")),
            "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(Md5Test, StreamingEqualsOneShot) {
  std::string data(1000, 'q');
  Md5 md5;
  md5.Update(data.substr(0, 3));
  md5.Update(data.substr(3, 500));
  md5.Update(data.substr(503));
  EXPECT_EQ(HexLower(md5.Final()), HexLower(Md5Digest(data)));
}

TEST(Base64Test, RoundTripsAndRejectsNonCanonical) {
  EXPECT_EQ(Base64Encode("hello world"), "aGVsbG8gd29ybGQ=");
  std::string out;
  EXPECT_TRUE(Base64Decode("aGVsbG8gd29ybGQ=", &out));
  EXPECT_EQ(out, "hello world");
  EXPECT_FALSE(Base64Decode("aGVsbG8gd29ybGQ", &out));
  EXPECT_FALSE(Base64Decode("!!!!", &out));
}

TEST(SeededTest, IdsHaveAwsShapesAndRepeat) {
  const std::string uuid = SeededUuid(1, 1, 0);
  EXPECT_EQ(uuid.size(), 36u);
  EXPECT_EQ(uuid[14], '4');
  EXPECT_EQ(uuid, SeededUuid(1, 1, 0));
  EXPECT_NE(uuid, SeededUuid(1, 1, 1));
  const std::string s3id = SeededUpperAlnum(1, 2, 0, 16);
  EXPECT_EQ(s3id.size(), 16u);
  EXPECT_EQ(s3id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), std::string::npos);
}

}  // namespace
}  // namespace fakeaws::base
