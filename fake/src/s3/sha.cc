// SHA-1 (FIPS 180-4), and the Hasher that fronts every checksum algorithm
// S3 accepts (SHA-256 is core/sha256.h's, shared with SigV4).
#include <cstring>

#include "core/sha256.h"
#include "s3/checksum.h"

namespace fakeaws::s3 {
namespace {

inline uint32_t Rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t LoadBe32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

void Sha1Block(uint32_t h[5], const uint8_t* p) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i) w[i] = LoadBe32(p + 4 * i);
  for (int i = 16; i < 80; ++i) w[i] = Rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
    else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
    else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
    else { f = b ^ c ^ d; k = 0xCA62C1D6; }
    const uint32_t t = Rotl(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = Rotl(b, 30);
    b = a;
    a = t;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

std::string BigEndian(uint64_t v, size_t bytes) {
  std::string out(bytes, '\0');
  for (size_t i = 0; i < bytes; ++i) out[i] = static_cast<char>(v >> (8 * (bytes - 1 - i)));
  return out;
}

}  // namespace

Hasher::Hasher(ChecksumAlgorithm a) : algorithm_(a) {
  if (a == ChecksumAlgorithm::kSha1) {
    const uint32_t init[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    std::memcpy(h_, init, sizeof init);
  }
}

void Hasher::Update(std::string_view data) {
  switch (algorithm_) {
    case ChecksumAlgorithm::kNone: return;
    case ChecksumAlgorithm::kCrc32: crc_ = Crc32(data, static_cast<uint32_t>(crc_)); return;
    case ChecksumAlgorithm::kCrc32c: crc_ = Crc32c(data, static_cast<uint32_t>(crc_)); return;
    case ChecksumAlgorithm::kCrc64Nvme: crc_ = Crc64Nvme(data, crc_); return;
    case ChecksumAlgorithm::kSha256: sha256_.Update(data); return;
    case ChecksumAlgorithm::kSha1: break;
  }
  const auto* p = reinterpret_cast<const uint8_t*>(data.data());
  size_t n = data.size();
  length_ += n;
  if (buffered_ > 0) {
    const size_t take = n < 64 - buffered_ ? n : 64 - buffered_;
    std::memcpy(block_ + buffered_, p, take);
    buffered_ += take;
    p += take;
    n -= take;
    if (buffered_ < 64) return;
    Sha1Block(h_, block_);
    buffered_ = 0;
  }
  for (; n >= 64; p += 64, n -= 64) Sha1Block(h_, p);
  std::memcpy(block_, p, n);
  buffered_ = n;
}

std::string Hasher::Final() {
  switch (algorithm_) {
    case ChecksumAlgorithm::kNone: return "";
    case ChecksumAlgorithm::kCrc32:
    case ChecksumAlgorithm::kCrc32c: return BigEndian(crc_, 4);
    case ChecksumAlgorithm::kCrc64Nvme: return BigEndian(crc_, 8);
    case ChecksumAlgorithm::kSha256: {
      const auto digest = sha256_.Final();
      return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
    }
    case ChecksumAlgorithm::kSha1: break;
  }
  const uint64_t bits = length_ * 8;
  static const uint8_t kPad[64] = {0x80};
  const size_t pad = buffered_ < 56 ? 56 - buffered_ : 120 - buffered_;
  Update(std::string_view(reinterpret_cast<const char*>(kPad), pad));
  Update(BigEndian(bits, 8));
  std::string out;
  for (int i = 0; i < 5; ++i) out += BigEndian(h_[i], 4);
  return out;
}

std::string Digest(ChecksumAlgorithm a, std::string_view data) {
  Hasher h(a);
  h.Update(data);
  return h.Final();
}

std::array<uint8_t, 20> Sha1(std::string_view data) {
  const std::string d = Digest(ChecksumAlgorithm::kSha1, data);
  std::array<uint8_t, 20> out;
  std::memcpy(out.data(), d.data(), 20);
  return out;
}

std::array<uint8_t, 32> Sha256(std::string_view data) { return internal::Sha256Digest(data); }

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
