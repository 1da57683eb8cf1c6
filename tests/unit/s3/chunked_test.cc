// aws-chunked bodies as botocore and aws-sdk-cpp frame them (wire-format.md §4.3).
#include "protocol/s3_chunked.h"

#include <gtest/gtest.h>

#include <string>

namespace fakeaws::protocol {
namespace {

TEST(AwsChunked, DecodesBotocoresUnsignedTrailerBody) {
  // The exact body botocore sends for "hello world" (§4.3).
  auto decoded = DecodeAwsChunked("b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n");
  ASSERT_TRUE(std::holds_alternative<AwsChunkedBody>(decoded));
  const auto& body = std::get<AwsChunkedBody>(decoded);
  EXPECT_EQ(body.payload, "hello world");
  ASSERT_EQ(body.trailers.size(), 1u);
  EXPECT_EQ(body.trailers[0].first, "x-amz-checksum-crc32");
  EXPECT_EQ(body.trailers[0].second, "DUoRhQ==");
}

TEST(AwsChunked, DecodesSignedChunksAcrossSeveralChunks) {
  const std::string sig = ";chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
  auto decoded = DecodeAwsChunked("5" + sig + "\r\nhello\r\n6" + sig + "\r\n world\r\n0" + sig + "\r\n\r\n");
  ASSERT_TRUE(std::holds_alternative<AwsChunkedBody>(decoded));
  EXPECT_EQ(std::get<AwsChunkedBody>(decoded).payload, "hello world");
  EXPECT_TRUE(std::get<AwsChunkedBody>(decoded).trailers.empty());
}

TEST(AwsChunked, RefusesBrokenFraming) {
  for (const char* bad : {"", "b\r\nhello", "b\r\nhello world", "b\r\nhello worldXX0\r\n\r\n", "zz\r\nx\r\n",
                          "fffffffffffffffff\r\nx\r\n", "5\r\nhello\r\n"}) {
    auto decoded = DecodeAwsChunked(bad);
    ASSERT_TRUE(std::holds_alternative<AwsChunkedError>(decoded)) << bad;
    EXPECT_EQ(std::get<AwsChunkedError>(decoded), AwsChunkedError::kIncomplete) << bad;
  }
}

TEST(AwsChunked, RefusesATrailerLineWithoutAColon) {
  auto decoded = DecodeAwsChunked("1\r\nx\r\n0\r\nx-amz-checksum-crc32 DUoRhQ==\r\n\r\n");
  ASSERT_TRUE(std::holds_alternative<AwsChunkedError>(decoded));
  EXPECT_EQ(std::get<AwsChunkedError>(decoded), AwsChunkedError::kMalformedTrailer);
}

// Found by aws_chunked_fuzzer: a trailer line whose name is only a CR was
// read as a trailer with an empty name.
TEST(AwsChunked, RefusesATrailerWithABlankName) {
  using namespace std::string_literals;
  for (const std::string& raw : {"1\r\nx\r\n0\r\n\r:\0x\t\0-\r\r\r "s, "1\r\nx\r\n0\r\n \t:v\r\n\r\n"s}) {
    auto decoded = DecodeAwsChunked(raw);
    ASSERT_TRUE(std::holds_alternative<AwsChunkedError>(decoded)) << raw;
    EXPECT_EQ(std::get<AwsChunkedError>(decoded), AwsChunkedError::kMalformedTrailer);
  }
}

}  // namespace
}  // namespace fakeaws::protocol
