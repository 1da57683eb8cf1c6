// Base64 (RFC 4648, with padding): S3's Content-MD5, checksums and host ids.
#pragma once

#include <string>
#include <string_view>

namespace fakeaws::base {

std::string Base64Encode(std::string_view bytes);
// False when `text` is not canonical base64.
bool Base64Decode(std::string_view text, std::string* out);

}  // namespace fakeaws::base
