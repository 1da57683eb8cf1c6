// The checks S3 attaches to objects, against published check values (the
// CRC catalogue's "123456789", FIPS 180 examples) and wire-format.md §4.3.
#include <gtest/gtest.h>

#include "base/base64.h"
#include "base/crc.h"
#include "base/digest.h"
#include "base/seeded.h"
#include "s3/checksum.h"

namespace fakeaws::s3 {
namespace {

std::string Hex(const std::string& bytes) {
  return base::HexLower(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST(Checksum, CrcCheckValues) {
  EXPECT_EQ(base::Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(base::Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(base::Crc64Nvme("123456789"), 0xAE8B14860A799888ull);
  EXPECT_EQ(base::Crc32(""), 0u);
}

TEST(Checksum, HelloWorldAsBotocoreSendsIt) {
  // wire-format.md §4.3: the trailer for "hello world" is x-amz-checksum-crc32:DUoRhQ==
  EXPECT_EQ(base::Base64Encode(Digest(ChecksumAlgorithm::kCrc32, "hello world")), "DUoRhQ==");
  EXPECT_EQ(base::Base64Encode(Digest(ChecksumAlgorithm::kCrc32c, "hello world")), "yZRlqg==");
  EXPECT_EQ(base::Base64Encode(Digest(ChecksumAlgorithm::kCrc64Nvme, "hello world")), "jSnVw/bqjr4=");
}

TEST(Checksum, ShaExamplesFromFips180) {
  EXPECT_EQ(Hex(Digest(ChecksumAlgorithm::kSha1, "abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Hex(Digest(ChecksumAlgorithm::kSha256, "abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(Hex(Digest(ChecksumAlgorithm::kSha1, two_blocks)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(Hex(Digest(ChecksumAlgorithm::kSha256, two_blocks)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Hex(Digest(ChecksumAlgorithm::kSha256, "")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Checksum, IncrementalUpdatesEqualOneShot) {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += static_cast<char>(i * 7 + 3);
  for (auto a : {ChecksumAlgorithm::kCrc32, ChecksumAlgorithm::kCrc32c, ChecksumAlgorithm::kCrc64Nvme,
                 ChecksumAlgorithm::kSha1, ChecksumAlgorithm::kSha256}) {
    for (size_t split : {0, 1, 7, 63, 64, 65, 500, 999}) {
      Hasher h(a);
      h.Update(std::string_view(data).substr(0, split));
      h.Update(std::string_view(data).substr(split));
      EXPECT_EQ(h.Final(), Digest(a, data)) << AlgorithmName(a) << " split at " << split;
    }
  }
}

TEST(Checksum, NamesRoundTrip) {
  EXPECT_EQ(ParseAlgorithm("CRC64NVME"), ChecksumAlgorithm::kCrc64Nvme);
  EXPECT_EQ(ParseAlgorithm("crc32c"), ChecksumAlgorithm::kCrc32c);
  EXPECT_EQ(ParseAlgorithm("sha512"), std::nullopt);
  EXPECT_EQ(AlgorithmName(ChecksumAlgorithm::kSha256), "SHA256");
  EXPECT_EQ(DigestSize(ChecksumAlgorithm::kCrc64Nvme), 8u);
}

}  // namespace
}  // namespace fakeaws::s3
