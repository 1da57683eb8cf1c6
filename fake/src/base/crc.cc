// Table-driven CRCs, eight bytes per step ("slicing-by-8"): the checks
// clients attach to every upload must not make the fake slow.
#include "base/crc.h"

#include <cstring>

namespace fakeaws::base {
namespace {

template <typename T>
struct CrcTables {
  T t[8][256];
  explicit CrcTables(T reflected_poly) {
    for (unsigned i = 0; i < 256; ++i) {
      T c = static_cast<T>(i);
      for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ reflected_poly : c >> 1;
      t[0][i] = c;
    }
    for (unsigned i = 0; i < 256; ++i) {
      for (int s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFF];
    }
  }
};

inline uint64_t Load64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  if constexpr (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__) v = __builtin_bswap64(v);
  return v;
}

template <typename T>
T Update(const CrcTables<T>& tables, T crc, std::string_view data) {
  const auto& t = tables.t;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  crc = ~crc;
  for (; n >= 8; p += 8, n -= 8) {
    const uint64_t v = Load64(p) ^ static_cast<uint64_t>(crc);
    // Byte i of the word is i steps from the end of the block: table 7 - i.
    crc = t[7][v & 0xFF] ^ t[6][(v >> 8) & 0xFF] ^ t[5][(v >> 16) & 0xFF] ^
          t[4][(v >> 24) & 0xFF] ^ t[3][(v >> 32) & 0xFF] ^ t[2][(v >> 40) & 0xFF] ^
          t[1][(v >> 48) & 0xFF] ^ t[0][v >> 56];
  }
  for (; n > 0; ++p, --n) crc = (crc >> 8) ^ t[0][(crc ^ *p) & 0xFF];
  return ~crc;
}

const CrcTables<uint32_t>& Crc32Tables() {
  static const CrcTables<uint32_t> tables(0xEDB88320u);  // IEEE 802.3, reflected
  return tables;
}
const CrcTables<uint32_t>& Crc32cTables() {
  static const CrcTables<uint32_t> tables(0x82F63B78u);  // Castagnoli, reflected
  return tables;
}
const CrcTables<uint64_t>& Crc64NvmeTables() {
  static const CrcTables<uint64_t> tables(0x9A6C9329AC4BC9B5ull);  // NVMe, reflected
  return tables;
}

}  // namespace

uint32_t Crc32(std::string_view data, uint32_t crc) { return Update(Crc32Tables(), crc, data); }
uint32_t Crc32c(std::string_view data, uint32_t crc) { return Update(Crc32cTables(), crc, data); }
uint64_t Crc64Nvme(std::string_view data, uint64_t crc) { return Update(Crc64NvmeTables(), crc, data); }

}  // namespace fakeaws::base
