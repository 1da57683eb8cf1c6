// The Hasher that fronts every checksum algorithm S3 accepts, and S3's
// names for them. The algorithms themselves are base/'s.
#include "s3/checksum.h"

#include <cstring>

#include "base/crc.h"

namespace fakeaws::s3 {
namespace {

std::string BigEndian(uint64_t v, size_t bytes) {
  std::string out(bytes, '\0');
  for (size_t i = 0; i < bytes; ++i) out[i] = static_cast<char>(v >> (8 * (bytes - 1 - i)));
  return out;
}

template <size_t N>
std::string Bytes(const std::array<uint8_t, N>& digest) {
  return std::string(reinterpret_cast<const char*>(digest.data()), N);
}

}  // namespace

Hasher::Hasher(ChecksumAlgorithm a) : algorithm_(a) {}

void Hasher::Update(std::string_view data) {
  switch (algorithm_) {
    case ChecksumAlgorithm::kNone: return;
    case ChecksumAlgorithm::kCrc32: crc_ = base::Crc32(data, static_cast<uint32_t>(crc_)); return;
    case ChecksumAlgorithm::kCrc32c: crc_ = base::Crc32c(data, static_cast<uint32_t>(crc_)); return;
    case ChecksumAlgorithm::kCrc64Nvme: crc_ = base::Crc64Nvme(data, crc_); return;
    case ChecksumAlgorithm::kSha256: sha256_.Update(data); return;
    case ChecksumAlgorithm::kSha1: sha1_.Update(data); return;
  }
}

std::string Hasher::Final() {
  switch (algorithm_) {
    case ChecksumAlgorithm::kNone: return "";
    case ChecksumAlgorithm::kCrc32:
    case ChecksumAlgorithm::kCrc32c: return BigEndian(crc_, 4);
    case ChecksumAlgorithm::kCrc64Nvme: return BigEndian(crc_, 8);
    case ChecksumAlgorithm::kSha256: return Bytes(sha256_.Final());
    case ChecksumAlgorithm::kSha1: return Bytes(sha1_.Final());
  }
  return "";
}

std::string Digest(ChecksumAlgorithm a, std::string_view data) {
  Hasher h(a);
  h.Update(data);
  return h.Final();
}

std::string_view AlgorithmName(ChecksumAlgorithm a) {
  switch (a) {
    case ChecksumAlgorithm::kCrc32: return "CRC32";
    case ChecksumAlgorithm::kCrc32c: return "CRC32C";
    case ChecksumAlgorithm::kCrc64Nvme: return "CRC64NVME";
    case ChecksumAlgorithm::kSha1: return "SHA1";
    case ChecksumAlgorithm::kSha256: return "SHA256";
    case ChecksumAlgorithm::kNone: break;
  }
  return "";
}

std::string_view AlgorithmHeaderSuffix(ChecksumAlgorithm a) {
  switch (a) {
    case ChecksumAlgorithm::kCrc32: return "crc32";
    case ChecksumAlgorithm::kCrc32c: return "crc32c";
    case ChecksumAlgorithm::kCrc64Nvme: return "crc64nvme";
    case ChecksumAlgorithm::kSha1: return "sha1";
    case ChecksumAlgorithm::kSha256: return "sha256";
    case ChecksumAlgorithm::kNone: break;
  }
  return "";
}

std::optional<ChecksumAlgorithm> ParseAlgorithm(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (auto a : {ChecksumAlgorithm::kCrc32, ChecksumAlgorithm::kCrc32c, ChecksumAlgorithm::kCrc64Nvme,
                 ChecksumAlgorithm::kSha1, ChecksumAlgorithm::kSha256}) {
    if (lower == AlgorithmHeaderSuffix(a)) return a;
  }
  return std::nullopt;
}

size_t DigestSize(ChecksumAlgorithm a) {
  switch (a) {
    case ChecksumAlgorithm::kCrc32:
    case ChecksumAlgorithm::kCrc32c: return 4;
    case ChecksumAlgorithm::kCrc64Nvme: return 8;
    case ChecksumAlgorithm::kSha1: return 20;
    case ChecksumAlgorithm::kSha256: return 32;
    case ChecksumAlgorithm::kNone: break;
  }
  return 0;
}

bool IsCrc(ChecksumAlgorithm a) {
  return a == ChecksumAlgorithm::kCrc32 || a == ChecksumAlgorithm::kCrc32c ||
         a == ChecksumAlgorithm::kCrc64Nvme;
}

}  // namespace fakeaws::s3
