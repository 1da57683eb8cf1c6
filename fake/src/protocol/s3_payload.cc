#include "protocol/s3_payload.h"

#include <cctype>
#include <cstring>
#include <optional>
#include <string>

#include "base/ascii.h"
#include "base/base64.h"
#include "base/digest.h"
#include "base/seeded.h"
#include "protocol/framework_errors.h"
#include "protocol/s3_chunked.h"
#include "s3/errors.h"

namespace fakeaws::protocol {
namespace {

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A checksum the client claims, from a header or a trailer.
struct Claim {
  s3::ChecksumAlgorithm algorithm;
  std::string value;  // base64 as sent
  bool trailing;
};

// x-amz-checksum-<name> headers carrying a value; these three name other things.
bool IsChecksumValueHeader(const std::string& lower_name) {
  return lower_name.rfind("x-amz-checksum-", 0) == 0 && lower_name != "x-amz-checksum-mode" &&
         lower_name != "x-amz-checksum-type" && lower_name != "x-amz-checksum-algorithm";
}

}  // namespace

std::optional<uint64_t> DeclaredUploadSize(const Headers& h) {
  const std::string content_sha256(h.Get("x-amz-content-sha256").value_or(""));
  const bool aws_chunked = base::AsciiLower(h.Get("Content-Encoding").value_or("")).find("aws-chunked") != std::string::npos ||
                           StartsWithIgnoreCase(content_sha256, "streaming-");
  return DecimalHeader(h, aws_chunked ? "x-amz-decoded-content-length" : "Content-Length");
}

Outcome<Payload> ReadPayload(HttpRequest& request, uint64_t max_bytes) {
  const Headers& h = request.headers;
  const std::string content_sha256(h.Get("x-amz-content-sha256").value_or(""));
  const bool aws_chunked = base::AsciiLower(h.Get("Content-Encoding").value_or("")).find("aws-chunked") != std::string::npos ||
                           StartsWithIgnoreCase(content_sha256, "streaming-");
  // Content-Length counts the bytes on the wire, aws-chunked framing included.
  const auto length = h.Get("Content-Length");
  // The size the client declares is refused before any byte is read, so a
  // front end may answer from the head alone (fakeaws::Listener does).
  if (auto declared = DeclaredUploadSize(h); declared && *declared > max_bytes) {
    return s3::EntityTooLarge(*declared, max_bytes);
  }
  if (length && *length != std::to_string(request.body.size())) return s3::IncompleteBody();
  std::string bytes;
  std::vector<std::pair<std::string, std::string>> trailers;
  if (aws_chunked) {
    auto decoded = DecodeAwsChunked(request.body);
    if (auto* error = std::get_if<AwsChunkedError>(&decoded)) {
      return *error == AwsChunkedError::kMalformedTrailer ? s3::MalformedTrailer() : s3::IncompleteBody();
    }
    auto& body = std::get<AwsChunkedBody>(decoded);
    if (auto declared = h.Get("x-amz-decoded-content-length")) {
      if (*declared != std::to_string(body.payload.size())) return s3::IncompleteBody();
    }
    bytes = std::move(body.payload);
    trailers = std::move(body.trailers);
  } else {
    // S3 wants a length for a plain body (DOC: MissingContentLength).
    const bool http_chunked = base::AsciiLower(h.Get("Transfer-Encoding").value_or("")).find("chunked") != std::string::npos;
    if (http_chunked && !length) return s3::MissingContentLength();
    bytes = std::move(request.body);
    if (IsHex64(content_sha256)) {
      const auto digest = base::Sha256Digest(bytes);
      const std::string computed = base::HexLower(digest.data(), digest.size());
      if (base::AsciiLower(content_sha256) != computed) return s3::ContentSha256Mismatch(content_sha256, computed);
    }
  }
  request.body.clear();
  if (bytes.size() > max_bytes) return s3::EntityTooLarge(bytes.size(), max_bytes);

  Payload out;
  out.md5 = base::Md5Digest(bytes);
  if (auto content_md5 = h.Get("Content-MD5")) {
    std::string raw;
    if (!base::Base64Decode(*content_md5, &raw) || raw.size() != 16) {
      return s3::InvalidDigest(std::string(*content_md5));
    }
    if (std::memcmp(raw.data(), out.md5.data(), 16) != 0) {
      return s3::BadDigestContentMd5(base::HexLower(reinterpret_cast<const uint8_t*>(raw.data()), 16),
                                     base::Base64Encode(std::string_view(
                                         reinterpret_cast<const char*>(out.md5.data()), 16)));
    }
    out.integrity_checked = true;
  }

  std::vector<Claim> claims;
  for (const auto& field : h) {
    const std::string name = base::AsciiLower(field.name);
    if (!IsChecksumValueHeader(name)) continue;
    auto algorithm = s3::ParseAlgorithm(name.substr(15));
    // SHA512, MD5 and the XXHASH family are in the newest model only.
    if (!algorithm) return s3::NotImplemented(field.name);
    claims.push_back({*algorithm, field.value, false});
  }
  if (auto declared = h.Get("x-amz-trailer")) {
    {
      const std::string_view name_view = *declared;
      size_t start = 0;
      while (start <= name_view.size()) {
        const size_t comma = name_view.find(',', start);
        std::string name = base::AsciiLower(name_view.substr(start, comma - start));
        while (!name.empty() && name.back() == ' ') name.pop_back();
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        if (IsChecksumValueHeader(name)) {
          auto algorithm = s3::ParseAlgorithm(name.substr(15));
          if (!algorithm) return s3::NotImplemented(name);
          const std::string* value = nullptr;
          for (const auto& [trailer, v] : trailers) {
            if (trailer == name) value = &v;
          }
          if (!value) return s3::MalformedTrailer();
          claims.push_back({*algorithm, *value, true});
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
    }
  }
  if (claims.size() > 1) return s3::MultipleChecksumHeaders();
  if (claims.empty() && h.Has("x-amz-sdk-checksum-algorithm")) return s3::ChecksumAlgorithmWithoutValue();
  if (!claims.empty()) {
    const Claim& claim = claims.front();
    std::string expected;
    if (!base::Base64Decode(claim.value, &expected) || expected.size() != s3::DigestSize(claim.algorithm)) {
      return s3::InvalidChecksumValue(claim.algorithm, claim.trailing);
    }
    std::string computed = s3::Digest(claim.algorithm, bytes);
    if (computed != expected) return s3::BadDigestChecksum(claim.algorithm);
    out.checksum = {claim.algorithm, s3::ChecksumType::kFullObject, 0, std::move(computed)};
    out.integrity_checked = true;
  }
  out.body = s3::Body(bytes);
  return out;
}

}  // namespace fakeaws::protocol
