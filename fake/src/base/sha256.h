// SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104): SigV4 verification and
// S3's x-amz-checksum-sha256.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fakeaws::base {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::array<uint8_t, 32> Final();

 private:
  void Block(const uint8_t* p);
  uint32_t h_[8];
  uint64_t length_ = 0;
  uint8_t buffer_[64];
  size_t buffered_ = 0;
};

std::array<uint8_t, 32> Sha256Digest(std::string_view data);
std::array<uint8_t, 32> HmacSha256(std::string_view key, std::string_view message);

}  // namespace fakeaws::base
