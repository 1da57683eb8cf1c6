// Code point ranges of the Unicode general categories that Forecast's tag
// patterns name (\p{L}, \p{N}, \p{Z}), generated with the service models.
#pragma once

#include <utility>
#include <vector>

namespace fakeaws::protocol {

// `category` is 'L', 'N' or 'Z'; anything else gives an empty list.
const std::vector<std::pair<char32_t, char32_t>>& UnicodeCategoryRanges(char category);

}  // namespace fakeaws::protocol
