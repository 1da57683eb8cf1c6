#include "base/snappy.h"

#include <cstdint>

namespace fakeaws::base {

bool SnappyUncompress(std::string_view in, size_t max_size, std::string* out) {
  size_t pos = 0;
  // The preamble: the uncompressed length as a little-endian varint.
  uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    if (pos >= in.size() || shift > 35) return false;
    const uint8_t b = static_cast<uint8_t>(in[pos++]);
    length |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) break;
  }
  if (length > max_size) return false;
  out->clear();
  out->reserve(static_cast<size_t>(length));
  while (pos < in.size()) {
    const uint8_t tag = static_cast<uint8_t>(in[pos++]);
    size_t len = 0, offset = 0;
    switch (tag & 3) {
      case 0: {  // literal
        len = tag >> 2;
        if (len >= 60) {
          const size_t bytes = len - 59;
          if (in.size() - pos < bytes) return false;
          len = 0;
          for (size_t i = 0; i < bytes; ++i) len |= static_cast<size_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
          pos += bytes;
        }
        ++len;
        if (in.size() - pos < len || length - out->size() < len) return false;
        out->append(in.substr(pos, len));
        pos += len;
        continue;
      }
      case 1:  // copy, 1-byte offset
        if (pos >= in.size()) return false;
        len = ((tag >> 2) & 7) + 4;
        offset = (static_cast<size_t>(tag >> 5) << 8) | static_cast<uint8_t>(in[pos++]);
        break;
      case 2:  // copy, 2-byte offset
        if (in.size() - pos < 2) return false;
        len = (tag >> 2) + 1;
        offset = static_cast<uint8_t>(in[pos]) | (static_cast<size_t>(static_cast<uint8_t>(in[pos + 1])) << 8);
        pos += 2;
        break;
      default:  // copy, 4-byte offset
        if (in.size() - pos < 4) return false;
        len = (tag >> 2) + 1;
        offset = 0;
        for (int i = 0; i < 4; ++i) offset |= static_cast<size_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
        pos += 4;
        break;
    }
    if (offset == 0 || offset > out->size() || length - out->size() < len) return false;
    // Copies may overlap what they produce (a run): byte by byte.
    const size_t from = out->size() - offset;
    for (size_t i = 0; i < len; ++i) out->push_back((*out)[from + i]);
  }
  return out->size() == length;
}

}  // namespace fakeaws::base
