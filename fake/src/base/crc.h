// The CRCs S3 accepts as object checksums (wire-format.md §4.3), with the
// standard parameters: reflected, init and xor-out all ones. `crc` carries
// a running value across calls, so a body can be checked as it streams.
#pragma once

#include <cstdint>
#include <string_view>

namespace fakeaws::base {

uint32_t Crc32(std::string_view data, uint32_t crc = 0);
uint32_t Crc32c(std::string_view data, uint32_t crc = 0);
uint64_t Crc64Nvme(std::string_view data, uint64_t crc = 0);

}  // namespace fakeaws::base
