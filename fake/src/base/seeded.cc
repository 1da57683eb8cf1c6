#include "base/seeded.h"

#include "base/base64.h"

namespace fakeaws::base {
std::string SeededUuid(uint64_t seed, uint64_t stream, uint64_t n) {
  const uint64_t hi = SeededValue(seed, stream, 2 * n);
  const uint64_t lo = SeededValue(seed, stream, 2 * n + 1);
  unsigned char b[16];
  for (int i = 0; i < 8; ++i) {
    b[i] = static_cast<unsigned char>(hi >> (56 - 8 * i));
    b[8 + i] = static_cast<unsigned char>(lo >> (56 - 8 * i));
  }
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0xF];
  }
  return out;
}

std::string SeededUpperAlnum(uint64_t seed, uint64_t stream, uint64_t n, size_t length) {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string out(length, 'A');
  for (size_t i = 0; i < length; ++i) {
    out[i] = kChars[SeededValue(seed, stream, n * 64 + i) % 36];
  }
  return out;
}

std::string SeededBase64(uint64_t seed, uint64_t stream, uint64_t n, size_t bytes) {
  std::string raw(bytes, '\0');
  for (size_t i = 0; i < bytes; ++i) {
    raw[i] = static_cast<char>(SeededValue(seed, stream, n * 1024 + i) & 0xFF);
  }
  return Base64Encode(raw);
}

}  // namespace fakeaws::base
