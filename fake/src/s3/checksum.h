// The integrity checks S3 stores beside an object and clients send with
// their uploads (wire-format.md §4.3): CRC32, CRC32C, CRC64NVME, SHA-1 and
// SHA-256, written in this project so the fake depends on nothing beyond the
// C++ standard library. Digests are raw big-endian bytes; S3 shows them base64.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/sha256.h"

namespace fakeaws::s3 {

enum class ChecksumAlgorithm : uint8_t { kNone, kCrc32, kCrc32c, kCrc64Nvme, kSha1, kSha256 };

// FULL_OBJECT: a checksum of the object's bytes. COMPOSITE: a checksum of
// the parts' checksums, shown with a "-<parts>" suffix (multipart uploads).
enum class ChecksumType : uint8_t { kFullObject, kComposite };

struct Checksum {
  ChecksumAlgorithm algorithm = ChecksumAlgorithm::kNone;
  ChecksumType type = ChecksumType::kFullObject;
  uint16_t parts = 0;   // for kComposite
  std::string digest;   // raw bytes: 4 (CRC32/C), 8 (CRC64NVME), 20 (SHA1), 32 (SHA256)

  bool empty() const { return algorithm == ChecksumAlgorithm::kNone; }
  friend bool operator==(const Checksum& a, const Checksum& b) {
    return a.algorithm == b.algorithm && a.type == b.type && a.parts == b.parts && a.digest == b.digest;
  }
};

// "CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256": S3's names, as in
// x-amz-sdk-checksum-algorithm and the "The CRC32 you specified..." message.
std::string_view AlgorithmName(ChecksumAlgorithm a);
// "crc32", ...: the suffix of the x-amz-checksum-<name> header.
std::string_view AlgorithmHeaderSuffix(ChecksumAlgorithm a);
// Parses either spelling, case-insensitively; nullopt for anything else.
std::optional<ChecksumAlgorithm> ParseAlgorithm(std::string_view name);
// Bytes of a digest of `a`.
size_t DigestSize(ChecksumAlgorithm a);
// CRCs can be combined into a full-object checksum of a multipart upload;
// SHA digests cannot (only COMPOSITE).
bool IsCrc(ChecksumAlgorithm a);

// Incremental digest of any algorithm.
class Hasher {
 public:
  explicit Hasher(ChecksumAlgorithm a);
  void Update(std::string_view data);
  std::string Final();  // raw digest bytes

 private:
  ChecksumAlgorithm algorithm_;
  uint64_t crc_ = 0;
  internal::Sha256 sha256_;
  // SHA-1 state: 5 words, a block buffer, the length.
  uint32_t h_[5] = {};
  uint8_t block_[64] = {};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

std::string Digest(ChecksumAlgorithm a, std::string_view data);

// Raw CRC functions (standard parameters: reflected, init and xor-out all ones).
uint32_t Crc32(std::string_view data, uint32_t crc = 0);
uint32_t Crc32c(std::string_view data, uint32_t crc = 0);
uint64_t Crc64Nvme(std::string_view data, uint64_t crc = 0);

std::array<uint8_t, 20> Sha1(std::string_view data);
std::array<uint8_t, 32> Sha256(std::string_view data);

}  // namespace fakeaws::s3
