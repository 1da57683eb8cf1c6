// The bytes of an upload as S3 receives them (wire-format.md §4.3): plain,
// or aws-chunked with a trailer; checked against Content-MD5,
// x-amz-content-sha256 and an x-amz-checksum-* header or trailer before
// anything is stored. A body that fails a check gets S3's error.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "s3/body.h"
#include "s3/checksum.h"

namespace fakeaws::protocol {

struct Payload {
  s3::Body body;
  std::array<uint8_t, 16> md5{};
  s3::Checksum checksum;  // verified; empty when the client sent none
  // Content-MD5 or an x-amz-checksum-* value came with the body (required
  // by DeleteObjects).
  bool integrity_checked = false;
};

// Consumes request.body. A body of more than `max_bytes` (decoded; or
// declared so by its headers) is EntityTooLarge.
Outcome<Payload> ReadPayload(HttpRequest& request, uint64_t max_bytes = UINT64_MAX);

// The upload size the headers declare: x-amz-decoded-content-length for an
// aws-chunked body, Content-Length otherwise; nullopt when absent or not a number.
std::optional<uint64_t> DeclaredUploadSize(const Headers& headers);

}  // namespace fakeaws::protocol
