// The aws-chunked content encoding (wire-format.md §4.3): what botocore
// sends over https and aws-sdk-cpp 1.11 sends even over http. Each chunk is
// "<hex size>[;chunk-signature=<sig>]\r\n<bytes>\r\n"; a zero-size chunk
// ends the data, then trailer lines ("x-amz-checksum-crc32:<base64>\r\n")
// and a blank line. HTTP's own chunking is already undone by the listener.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace fakeaws::protocol {

struct AwsChunkedBody {
  std::string payload;
  // Trailer names lower-cased, values trimmed, in order.
  std::vector<std::pair<std::string, std::string>> trailers;
};

enum class AwsChunkedError {
  kIncomplete,        // framing broken or bytes missing
  kMalformedTrailer,  // a trailer line that is not "name:value"
};

// Chunk signatures are read past, not verified: the fake checks no
// signatures (DESIGN.md: auth is optional and not built yet).
std::variant<AwsChunkedBody, AwsChunkedError> DecodeAwsChunked(std::string_view raw);

}  // namespace fakeaws::protocol
