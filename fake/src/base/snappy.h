// Snappy's block format, decompression only (google/snappy
// format_description.txt): what Parquet's SNAPPY codec stores in a page.
// Written from the format description; untrusted input is checked at every
// step, so bad bytes give false, never a read or write out of bounds.
#pragma once

#include <string>
#include <string_view>

namespace fakeaws::base {

// Decompresses `in` into `out`; false when `in` is not valid Snappy or
// would decompress to more than `max_size` bytes.
bool SnappyUncompress(std::string_view in, size_t max_size, std::string* out);

}  // namespace fakeaws::base
