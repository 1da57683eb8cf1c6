// The integrity checks S3 stores beside an object and clients send with
// their uploads (wire-format.md §4.3): CRC32, CRC32C, CRC64NVME, SHA-1 and
// SHA-256 by S3's names, computed by base/. Digests are raw big-endian
// bytes; S3 shows them base64.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/sha1.h"
#include "base/sha256.h"

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
  base::Sha256 sha256_;
  base::Sha1 sha1_;
};

std::string Digest(ChecksumAlgorithm a, std::string_view data);

}  // namespace fakeaws::s3
