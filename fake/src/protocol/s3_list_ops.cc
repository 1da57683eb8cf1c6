// ListObjectsV2 and ListObjects (v1). Element order: the DOC samples
// (Name, Prefix, KeyCount, MaxKeys, IsTruncated, Contents: wire-format.md
// §4.2), the optional elements where MinIO puts them (INFERRED).
#include <charconv>

#include "base/base64.h"
#include "base/seeded.h"
#include "base/time_text.h"
#include "base/url.h"
#include "protocol/s3_ops.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

// DOC: at most 1,000 keys per page, the default too.
constexpr size_t kMaxKeys = 1000;
// Continuation tokens are opaque to clients; ours carry the last key or
// common prefix returned, so they survive any number of pages statelessly.
constexpr char kTokenTag = '\x01';

Outcome<size_t> ParseMaxKeys(const base::Query& q) {
  auto raw = q.Get("max-keys");
  if (!raw) return kMaxKeys;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (raw->empty() || ec != std::errc() || end != raw->data() + raw->size() || v < 0 || v > INT32_MAX) {
    return s3::NotAnInteger("max-keys", *raw);
  }
  return std::min<size_t>(static_cast<size_t>(v), kMaxKeys);
}

// encoding-type=url is the only encoding S3 knows.
Outcome<bool> ParseEncoding(const base::Query& q) {
  auto raw = q.Get("encoding-type");
  if (!raw) return false;
  if (*raw != "url") return s3::InvalidEncodingType(*raw);
  return true;
}

struct Encoder {
  bool url;
  std::string operator()(std::string_view s) const { return url ? base::ListingUrlEncode(s) : std::string(s); }
};

void WriteContents(XmlWriter& xml, const s3::ListedObject& o, const Encoder& encode, const std::string* owner) {
  xml.Open("Contents")
      .Element("Key", encode(o.key))
      .Element("LastModified", base::IsoTimestamp(o.last_modified))
      .Element("ETag", o.etag);
  if (o.checksum_algorithm != s3::ChecksumAlgorithm::kNone) {
    xml.Element("ChecksumAlgorithm", s3::AlgorithmName(o.checksum_algorithm))
        .Element("ChecksumType", o.checksum_type == s3::ChecksumType::kComposite ? "COMPOSITE" : "FULL_OBJECT");
  }
  xml.Element("Size", o.size);
  if (owner) xml.Open("Owner").Element("ID", *owner).Close("Owner");
  xml.Element("StorageClass", "STANDARD").Close("Contents");
}

void WriteCommonPrefixes(XmlWriter& xml, const std::vector<std::string>& prefixes, const Encoder& encode) {
  for (const auto& p : prefixes) xml.Open("CommonPrefixes").Element("Prefix", encode(p)).Close("CommonPrefixes");
}

}  // namespace

HttpResponse ListObjectsV2(S3Call& call) {
  const base::Query& q = call.address.query;
  auto max_keys = ParseMaxKeys(q);
  if (!max_keys.ok()) return call.Error(max_keys.error());
  auto url = ParseEncoding(q);
  if (!url.ok()) return call.Error(url.error());
  s3::ListQuery query;
  query.prefix = q.Get("prefix").value_or("");
  query.delimiter = q.Get("delimiter").value_or("");
  query.max_keys = max_keys.value();
  const auto start_after = q.Get("start-after");
  const auto token = q.Get("continuation-token");
  if (token) {
    std::string decoded;
    if (!base::Base64Decode(*token, &decoded) || decoded.size() < 2 || decoded[0] != kTokenTag) {
      return call.Error(s3::InvalidContinuationToken());
    }
    query.after = decoded.substr(1);
  } else if (start_after) {
    query.after = *start_after;
  }
  auto listed = call.s3.store().ListObjects(call.bucket(), query);
  if (!listed.ok()) return call.Error(listed.error());
  const s3::Listing& l = listed.value();

  const Encoder encode{url.value()};
  std::string owner;
  const bool fetch_owner = q.Get("fetch-owner") == std::optional<std::string>("true");
  if (fetch_owner) owner = call.s3.owner_id();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListBucketResult").Element("Name", call.bucket()).Element("Prefix", encode(query.prefix));
  if (start_after) xml.Element("StartAfter", encode(*start_after));
  if (token) xml.Element("ContinuationToken", *token);
  if (l.truncated) xml.Element("NextContinuationToken", base::Base64Encode(std::string(1, kTokenTag) + l.last));
  xml.Element("KeyCount", static_cast<uint64_t>(l.objects.size() + l.common_prefixes.size()))
      .Element("MaxKeys", static_cast<uint64_t>(query.max_keys));
  if (!query.delimiter.empty()) xml.Element("Delimiter", encode(query.delimiter));
  xml.Element("IsTruncated", l.truncated);
  for (const auto& o : l.objects) WriteContents(xml, o, encode, fetch_owner ? &owner : nullptr);
  WriteCommonPrefixes(xml, l.common_prefixes, encode);
  if (url.value()) xml.Element("EncodingType", "url");
  xml.Close("ListBucketResult");
  return S3Response(call).Xml(std::move(body));
}

// v1 pages by key: Marker in, NextMarker out (only with a delimiter, DOC).
// With encoding-type=url, botocore decodes Delimiter, Marker, NextMarker,
// keys and common prefixes but not Prefix (handlers.py decode_list_object),
// so Prefix goes out as it came.
HttpResponse ListObjects(S3Call& call) {
  const base::Query& q = call.address.query;
  auto max_keys = ParseMaxKeys(q);
  if (!max_keys.ok()) return call.Error(max_keys.error());
  auto url = ParseEncoding(q);
  if (!url.ok()) return call.Error(url.error());
  s3::ListQuery query;
  query.prefix = q.Get("prefix").value_or("");
  query.delimiter = q.Get("delimiter").value_or("");
  query.max_keys = max_keys.value();
  query.after = q.Get("marker").value_or("");
  auto listed = call.s3.store().ListObjects(call.bucket(), query);
  if (!listed.ok()) return call.Error(listed.error());
  const s3::Listing& l = listed.value();

  const Encoder encode{url.value()};
  const std::string owner = call.s3.owner_id();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListBucketResult")
      .Element("Name", call.bucket())
      .Element("Prefix", query.prefix)
      .Element("Marker", encode(query.after));
  if (l.truncated && !query.delimiter.empty()) xml.Element("NextMarker", encode(l.last));
  xml.Element("MaxKeys", static_cast<uint64_t>(query.max_keys));
  if (!query.delimiter.empty()) xml.Element("Delimiter", encode(query.delimiter));
  xml.Element("IsTruncated", l.truncated);
  for (const auto& o : l.objects) WriteContents(xml, o, encode, &owner);
  WriteCommonPrefixes(xml, l.common_prefixes, encode);
  if (url.value()) xml.Element("EncodingType", "url");
  xml.Close("ListBucketResult");
  return S3Response(call).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops

namespace fakeaws::protocol::s3ops {

// ListObjectVersions: keys in order, each key's versions newest first, a
// <DeleteMarker> where a marker stands among them (DOC sample:
// "my-third-image.jpg"'s marker, then its older <Version>). In a bucket
// never versioned each object is its one version, "null" (DOC: "Objects
// stored in your bucket before you set the versioning state have a version
// ID of null"); tools that empty a bucket this way then delete each
// (key, version). Element order as in the DOC sample (Name, Prefix,
// KeyMarker, VersionIdMarker, MaxKeys, IsTruncated, Version: Key,
// VersionId, IsLatest, LastModified, ETag, Size, StorageClass, Owner;
// DeleteMarker: Key, VersionId, IsLatest, LastModified, Owner); where the
// optional elements go follows ListObjects v1 (INFERRED).
HttpResponse ListObjectVersions(S3Call& call) {
  const base::Query& q = call.address.query;
  auto max_keys = ParseMaxKeys(q);
  if (!max_keys.ok()) return call.Error(max_keys.error());
  auto url = ParseEncoding(q);
  if (!url.ok()) return call.Error(url.error());
  s3::VersionListQuery query;
  query.key_marker = q.Get("key-marker").value_or("");
  const auto version_marker = q.Get("version-id-marker");
  if (version_marker && !version_marker->empty()) {
    // The CLI pages with both markers; without a key the version marker
    // means nothing.
    if (query.key_marker.empty()) return call.Error(s3::VersionIdMarkerWithoutKeyMarker(*version_marker));
    if (!s3::IsWellFormedVersionId(*version_marker)) {
      return call.Error(s3::InvalidVersionId("version-id-marker", *version_marker));
    }
    query.version_id_marker = *version_marker;
  }
  query.prefix = q.Get("prefix").value_or("");
  query.delimiter = q.Get("delimiter").value_or("");
  query.max_keys = max_keys.value();
  auto listed = call.s3.store().ListObjectVersions(call.bucket(), query);
  if (!listed.ok()) return call.Error(listed.error());
  const s3::VersionListing& l = listed.value();

  const Encoder encode{url.value()};
  const std::string owner = call.s3.owner_id();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListVersionsResult")
      .Element("Name", call.bucket())
      .Element("Prefix", encode(query.prefix))
      .Element("KeyMarker", encode(query.key_marker))
      .Element("VersionIdMarker", version_marker.value_or(""));
  if (l.truncated) {
    xml.Element("NextKeyMarker", encode(l.next_key_marker));
    // A page that ends on a common prefix has no version to resume after.
    if (!l.next_version_id_marker.empty()) xml.Element("NextVersionIdMarker", l.next_version_id_marker);
  }
  xml.Element("MaxKeys", static_cast<uint64_t>(query.max_keys));
  if (!query.delimiter.empty()) xml.Element("Delimiter", encode(query.delimiter));
  xml.Element("IsTruncated", l.truncated);
  for (const s3::ListedVersion& v : l.versions) {
    const s3::ListedObject& o = v.object;
    const char* element = v.delete_marker ? "DeleteMarker" : "Version";
    xml.Open(element)
        .Element("Key", encode(o.key))
        .Element("VersionId", v.version_id)
        .Element("IsLatest", v.is_latest)
        .Element("LastModified", base::IsoTimestamp(o.last_modified));
    if (!v.delete_marker) {
      xml.Element("ETag", o.etag);
      if (o.checksum_algorithm != s3::ChecksumAlgorithm::kNone) {
        xml.Element("ChecksumAlgorithm", s3::AlgorithmName(o.checksum_algorithm))
            .Element("ChecksumType", o.checksum_type == s3::ChecksumType::kComposite ? "COMPOSITE" : "FULL_OBJECT");
      }
      xml.Element("Size", o.size).Element("StorageClass", "STANDARD");
    }
    xml.Open("Owner").Element("ID", owner).Close("Owner").Close(element);
  }
  WriteCommonPrefixes(xml, l.common_prefixes, encode);
  if (url.value()) xml.Element("EncodingType", "url");
  xml.Close("ListVersionsResult");
  return S3Response(call).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
