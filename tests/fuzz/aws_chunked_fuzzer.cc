// Fuzzes the aws-chunked decoder (protocol/s3_chunked.h), the first code to
// read an upload's bytes. Two properties besides "never crashes":
//   1. Whatever it accepts re-encodes, as one chunk plus the same trailers,
//      into bytes it decodes to the same payload and trailers.
//   2. Any payload, cut into chunks of a size the input picks, decodes back
//      to itself (with or without a chunk signature on each header).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

#include "protocol/s3_chunked.h"

namespace {

using fakeaws::protocol::AwsChunkedBody;
using fakeaws::protocol::DecodeAwsChunked;

std::string Hex(size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%zx", n);
  return buf;
}

std::string Encode(std::string_view payload, size_t chunk, bool signed_chunks,
                   const AwsChunkedBody* trailers_from) {
  const std::string sig = signed_chunks ? ";chunk-signature=0123abcd" : "";
  std::string out;
  for (size_t pos = 0; pos < payload.size(); pos += chunk) {
    const std::string_view part = payload.substr(pos, chunk);
    out += Hex(part.size()) + sig + "\r\n";
    out.append(part);
    out += "\r\n";
  }
  out += "0" + sig + "\r\n";
  if (trailers_from) {
    for (const auto& [name, value] : trailers_from->trailers) out += name + ":" + value + "\r\n";
  }
  out += "\r\n";
  return out;
}

bool SafeTrailers(const AwsChunkedBody& body) {
  for (const auto& [name, value] : body.trailers) {
    if (name.find_first_of("\r\n") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);

  auto decoded = DecodeAwsChunked(raw);
  if (auto* body = std::get_if<AwsChunkedBody>(&decoded)) {
    if (body->payload.size() > raw.size()) std::abort();
    if (SafeTrailers(*body)) {
      const std::string again = Encode(body->payload, body->payload.size() + 1, false, body);
      auto round = DecodeAwsChunked(again);
      auto* back = std::get_if<AwsChunkedBody>(&round);
      if (back == nullptr || back->payload != body->payload || back->trailers != body->trailers) std::abort();
    }
  }

  if (size > 0) {
    const size_t chunk = 1 + data[0] % 64;
    const std::string_view payload = raw.substr(1);
    auto framed = DecodeAwsChunked(Encode(payload, chunk, (data[0] & 0x80) != 0, nullptr));
    auto* body = std::get_if<AwsChunkedBody>(&framed);
    if (body == nullptr || body->payload != payload || !body->trailers.empty()) std::abort();
  }
  return 0;
}
