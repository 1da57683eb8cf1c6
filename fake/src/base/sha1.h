// SHA-1 (FIPS 180-4): one of the checksums S3 accepts (x-amz-checksum-sha1).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fakeaws::base {

class Sha1 {
 public:
  Sha1();
  void Update(std::string_view data);
  std::array<uint8_t, 20> Final();

 private:
  uint32_t h_[5];
  uint8_t block_[64] = {};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

std::array<uint8_t, 20> Sha1Digest(std::string_view data);

}  // namespace fakeaws::base
