// Message digests the wire needs: MD5 for S3 ETags and Content-MD5.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fakeaws::base {

class Md5 {
 public:
  Md5();
  void Update(std::string_view data);
  std::array<uint8_t, 16> Final();

 private:
  void Block(const uint8_t* p);
  uint32_t a_, b_, c_, d_;
  uint64_t length_ = 0;
  uint8_t buffer_[64];
  size_t buffered_ = 0;
};

std::array<uint8_t, 16> Md5Digest(std::string_view data);
std::string HexLower(const uint8_t* bytes, size_t n);
template <size_t N>
std::string HexLower(const std::array<uint8_t, N>& bytes) {
  return HexLower(bytes.data(), N);
}

}  // namespace fakeaws::base
