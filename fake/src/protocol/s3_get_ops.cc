// GetObject and HeadObject: conditions, byte ranges, and checksums only
// where they are right for the bytes sent (wire-format.md §4.3).
#include <cctype>
#include <charconv>

#include "base/time_text.h"
#include "protocol/s3_object_headers.h"
#include "protocol/s3_ops.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

struct ByteRange {
  uint64_t first = 0;
  uint64_t last = 0;  // inclusive
};

enum class RangeVerdict { kWhole, kPartial, kUnsatisfiable };

bool ParseNumber(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// RFC 9110 §14.1.2, one range only. A Range S3 cannot read, or one asking
// for several ranges, is ignored and the whole object sent (INFERRED: S3
// does not serve multipart/byteranges).
RangeVerdict ParseRange(std::string_view header, uint64_t size, ByteRange* range) {
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  if (header.substr(0, 6) != "bytes=" || header.find(',') != std::string_view::npos) return RangeVerdict::kWhole;
  const std::string_view spec = header.substr(6);
  const size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return RangeVerdict::kWhole;
  const std::string_view a = spec.substr(0, dash), b = spec.substr(dash + 1);
  uint64_t first = 0, last = 0;
  if (a.empty()) {
    // bytes=-N: the last N bytes.
    if (!ParseNumber(b, &last)) return RangeVerdict::kWhole;
    if (last == 0 || size == 0) return RangeVerdict::kUnsatisfiable;
    range->first = last >= size ? 0 : size - last;
    range->last = size - 1;
    return RangeVerdict::kPartial;
  }
  if (!ParseNumber(a, &first)) return RangeVerdict::kWhole;
  if (b.empty()) {
    last = UINT64_MAX;
  } else if (!ParseNumber(b, &last) || last < first) {
    return RangeVerdict::kWhole;
  }
  if (first >= size) return RangeVerdict::kUnsatisfiable;
  range->first = first;
  range->last = last >= size ? size - 1 : last;
  return RangeVerdict::kPartial;
}

bool ChecksumModeEnabled(const S3Call& call) {
  auto mode = call.Header("x-amz-checksum-mode");
  if (!mode) return false;
  std::string v(*mode);
  for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return v == "ENABLED";
}

}  // namespace

HttpResponse GetObject(S3Call& call) {
  // The current version is the common read: one lookup, as before versions.
  // Only a version id, or a key whose current version may be a delete
  // marker, takes the version lookup (with the marker's headers).
  std::optional<s3::ObjectInfo> read;
  if (!call.address.query.Has("versionId")) {
    auto got = call.s3.store().GetObject(call.bucket(), call.key());
    if (got.ok()) read = std::move(got.value());
    else if (got.error().type != "NoSuchKey") return call.Error(got.error());
  }
  if (!read) {
    s3::FoundVersion found;
    if (auto refused = FindObjectVersion(call, &found)) return std::move(*refused);
    read = std::move(found.object);
  }
  const s3::ObjectInfo& object = *read;
  const std::string etag = object.ETag();

  const auto decision =
      s3::EvaluateReadConditions(ReadConditionsFromHeaders(call.request.headers), etag, object.last_modified);
  if (decision.kind == s3::ReadDecision::kFailed) return call.Error(s3::PreconditionFailed(decision.condition));
  if (decision.kind == s3::ReadDecision::kNotModified) {
    return S3Response(call, 304)
        .Header("Last-Modified", base::HttpDate(object.last_modified))
        .Header("ETag", etag)
        .Bodiless();
  }

  const uint64_t size = object.size();
  ByteRange range{0, size == 0 ? 0 : size - 1};
  RangeVerdict verdict = RangeVerdict::kWhole;
  if (auto header = call.Header("Range")) {
    verdict = ParseRange(*header, size, &range);
    if (verdict == RangeVerdict::kUnsatisfiable) {
      return call.Error(s3::InvalidRange(std::string(*header), size));
    }
  }
  const bool partial = verdict == RangeVerdict::kPartial;
  S3Response r(call, partial ? 206 : 200);
  r.Header("Last-Modified", base::HttpDate(object.last_modified)).Header("ETag", etag);
  // botocore verifies a checksum it is given (§4.3): send one only for the
  // whole object, and only when asked.
  if (!partial && ChecksumModeEnabled(call)) r.Checksum(object.checksum);
  r.Header("x-amz-server-side-encryption", kServerSideEncryption);
  if (!object.version_id.empty()) r.Header("x-amz-version-id", object.version_id);
  AddObjectMetadataHeaders(r, object.attributes, &call.address.query);
  r.Header("Accept-Ranges", "bytes");
  if (partial) {
    r.Header("Content-Range",
             "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" + std::to_string(size));
  }
  const uint64_t length = partial ? range.last - range.first + 1 : size;
  const std::string content_type = call.address.query.Get("response-content-type").value_or(object.content_type());
  std::string body;
  if (!call.head()) body.assign(object.body.data() + (partial ? range.first : 0), length);
  return r.Content(content_type, std::move(body), length);
}

}  // namespace fakeaws::protocol::s3ops
