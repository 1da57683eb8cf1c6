// CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
// AbortMultipartUpload, ListParts, ListMultipartUploads. Element orders
// follow the DOC samples of each operation.
#include <charconv>

#include "base/base64.h"
#include "base/digest.h"
#include "base/time_text.h"
#include "base/url.h"
#include "protocol/s3_object_headers.h"
#include "protocol/s3_ops.h"
#include "protocol/s3_payload.h"
#include "protocol/s3_tags.h"
#include "protocol/s3_xml.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol::s3ops {
namespace {

// DOC: ListParts and ListMultipartUploads return at most 1,000 entries.
constexpr int64_t kMaxListed = 1000;

bool ParseInt(std::string_view s, int64_t* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// The endpoint the client used, else S3's own (DOC sample:
// http://Example-Bucket.s3.<Region>.amazonaws.com/Example-Object).
std::string Location(const S3Call& call) {
  const std::string key = base::PathEncode(call.key());
  if (call.address.host.empty()) {
    return "http://" + call.bucket() + ".s3." + call.s3.region() + ".amazonaws.com/" + key;
  }
  if (call.address.virtual_hosted) return "http://" + call.address.host + "/" + key;
  return "http://" + call.address.host + "/" + base::PathEncode(call.bucket()) + "/" + key;
}

void WriteOwner(XmlWriter& xml, const char* element, const std::string& id) {
  xml.Open(element).Element("ID", id).Close(element);
}

}  // namespace

HttpResponse CreateMultipartUpload(S3Call& call) {
  if (auto header = UnsupportedWriteHeader(call.request.headers)) return call.Error(s3::NotImplemented(*header));
  std::optional<s3::ChecksumAlgorithm> algorithm;
  std::optional<s3::ChecksumType> type;
  if (auto name = call.Header("x-amz-checksum-algorithm")) {
    algorithm = s3::ParseAlgorithm(*name);
    if (!algorithm) return call.Error(s3::NotImplemented("x-amz-checksum-algorithm"));
    if (auto raw = call.Header("x-amz-checksum-type")) {
      if (*raw == "FULL_OBJECT") type = s3::ChecksumType::kFullObject;
      else if (*raw == "COMPOSITE") type = s3::ChecksumType::kComposite;
      else return call.Error(s3::InvalidChecksumType());
    }
  }
  auto tags = TagsFromHeaders(call.request.headers);
  if (!tags.ok()) return call.Error(tags.error());
  s3::ObjectAttributes attributes = AttributesFromHeaders(call.request.headers);
  attributes.tags = std::move(tags.value());
  auto created =
      call.s3.CreateMultipartUpload(call.bucket(), call.key(), std::move(attributes), algorithm, type, call.n, call.now);
  if (!created.ok()) return call.Error(created.error());
  const s3::UploadInfo& upload = created.value();
  std::string body(kXmlDeclaration);
  XmlWriter(&body)
      .OpenRoot("InitiateMultipartUploadResult")
      .Element("Bucket", call.bucket())
      .Element("Key", call.key())
      .Element("UploadId", upload.upload_id)
      .Close("InitiateMultipartUploadResult");
  S3Response r(call);
  r.Header("x-amz-server-side-encryption", kServerSideEncryption);
  if (upload.checksum_algorithm != s3::ChecksumAlgorithm::kNone) {
    r.Header("x-amz-checksum-algorithm", std::string(s3::AlgorithmName(upload.checksum_algorithm)));
    r.Header("x-amz-checksum-type", std::string(s3::ChecksumTypeName(upload.checksum_type)));
  }
  return r.Xml(std::move(body));
}

HttpResponse UploadPart(S3Call& call) {
  const std::string raw = call.address.query.Get("partNumber").value_or("");
  int64_t number = 0;
  if (!ParseInt(raw, &number) || number < 1 || number > s3::kMaxPartNumber) {
    return call.Error(s3::InvalidPartNumber(raw));
  }
  auto payload = ReadPayload(call.request, call.s3.max_object_bytes());
  if (!payload.ok()) return call.Error(payload.error());
  Payload& p = payload.value();
  auto part = call.s3.store().UploadPart(call.bucket(), call.key(), *call.address.query.Get("uploadId"),
                                      static_cast<int>(number), std::move(p.body), p.md5, p.checksum, call.now);
  if (!part.ok()) return call.Error(part.error());
  return S3Response(call)
      .Header("ETag", part.value().ETag())
      .Checksum(part.value().checksum, /*with_type=*/false)
      .Header("x-amz-server-side-encryption", kServerSideEncryption)
      .Empty();
}

HttpResponse CompleteMultipartUpload(S3Call& call) {
  const std::string upload_id = *call.address.query.Get("uploadId");
  // A full-object checksum sent with the completion (x-amz-checksum-*),
  // checked against the joined bytes. The body's own integrity headers are
  // read by ReadPayload, so they are taken out of its sight first.
  s3::Checksum expected;
  for (auto algorithm : {s3::ChecksumAlgorithm::kCrc32, s3::ChecksumAlgorithm::kCrc32c,
                         s3::ChecksumAlgorithm::kCrc64Nvme, s3::ChecksumAlgorithm::kSha1,
                         s3::ChecksumAlgorithm::kSha256}) {
    const std::string name = "x-amz-checksum-" + std::string(s3::AlgorithmHeaderSuffix(algorithm));
    if (auto value = call.Header(name)) {
      // A composite checksum carries its part count: "<base64>-<parts>", as
      // S3 itself writes it (DOC "Checking object integrity"); SDKs send it
      // back so on completion (the conformance run of issue 13).
      std::string_view text = *value;
      s3::Checksum claim{algorithm, s3::ChecksumType::kFullObject, 0, ""};
      if (const size_t dash = text.rfind('-'); dash != std::string_view::npos) {
        int64_t parts = 0;
        if (!ParseInt(text.substr(dash + 1), &parts) || parts < 1 || parts > s3::kMaxPartNumber) {
          return call.Error(s3::InvalidChecksumValue(algorithm, false));
        }
        claim.type = s3::ChecksumType::kComposite;
        claim.parts = static_cast<uint16_t>(parts);
        text = text.substr(0, dash);
      }
      if (!base::Base64Decode(text, &claim.digest) || claim.digest.size() != s3::DigestSize(algorithm)) {
        return call.Error(s3::InvalidChecksumValue(algorithm, false));
      }
      expected = std::move(claim);
      call.request.headers.Remove(name);
    }
  }
  auto payload = ReadPayload(call.request);
  if (!payload.ok()) return call.Error(payload.error());
  auto doc = ParseXml(payload.value().body.view());
  if (!doc || doc->name != "CompleteMultipartUpload") return call.Error(s3::MalformedXml());
  std::vector<s3::CompletedPart> parts;
  for (const XmlNode* node : doc->Children("Part")) {
    s3::CompletedPart part;
    const XmlNode* number = node->Child("PartNumber");
    const XmlNode* etag = node->Child("ETag");
    int64_t n = 0;
    if (!number || !etag || !ParseInt(number->text, &n) || n < 1 || n > s3::kMaxPartNumber) {
      return call.Error(s3::MalformedXml());
    }
    part.number = static_cast<int>(n);
    part.etag = etag->text;
    for (auto algorithm : {s3::ChecksumAlgorithm::kCrc32, s3::ChecksumAlgorithm::kCrc32c,
                           s3::ChecksumAlgorithm::kCrc64Nvme, s3::ChecksumAlgorithm::kSha1,
                           s3::ChecksumAlgorithm::kSha256}) {
      if (const XmlNode* c = node->Child("Checksum" + std::string(s3::AlgorithmName(algorithm)))) {
        std::string digest;
        part.checksums[algorithm] = base::Base64Decode(c->text, &digest) ? digest : c->text;
      }
    }
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return call.Error(s3::MalformedXml());
  auto done = call.s3.store().CompleteMultipartUpload(call.bucket(), call.key(), upload_id, parts, call.now,
                                                   WriteConditionsFromHeaders(call.request.headers), expected);
  if (!done.ok()) return call.Error(done.error());
  const s3::ObjectInfo& object = done.value();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("CompleteMultipartUploadResult")
      .Element("Location", Location(call))
      .Element("Bucket", call.bucket())
      .Element("Key", call.key())
      .Element("ETag", object.ETag());
  if (!object.checksum.empty()) {
    xml.Element("Checksum" + std::string(s3::AlgorithmName(object.checksum.algorithm)), ChecksumValue(object.checksum))
        .Element("ChecksumType", s3::ChecksumTypeName(object.checksum.type));
  }
  xml.Close("CompleteMultipartUploadResult");
  S3Response r(call);
  r.Header("x-amz-server-side-encryption", kServerSideEncryption);
  if (!object.version_id.empty()) r.Header("x-amz-version-id", object.version_id);
  return r.Xml(std::move(body));
}

HttpResponse AbortMultipartUpload(S3Call& call) {
  auto aborted = call.s3.store().AbortMultipartUpload(call.bucket(), call.key(), *call.address.query.Get("uploadId"));
  if (!aborted.ok()) return call.Error(aborted.error());
  return S3Response(call, 204).Bodiless();
}

HttpResponse ListParts(S3Call& call) {
  const base::Query& q = call.address.query;
  int64_t max_parts = kMaxListed, marker = 0;
  if (auto raw = q.Get("max-parts"); raw && (!ParseInt(*raw, &max_parts) || max_parts < 0)) {
    return call.Error(s3::NotAnInteger("max-parts", *raw));
  }
  if (auto raw = q.Get("part-number-marker"); raw && (!ParseInt(*raw, &marker) || marker < 0)) {
    return call.Error(s3::NotAnInteger("part-number-marker", *raw));
  }
  max_parts = std::min(max_parts, kMaxListed);
  auto listed = call.s3.store().ListParts(call.bucket(), call.key(), *q.Get("uploadId"),
                                       static_cast<int>(std::min<int64_t>(marker, s3::kMaxPartNumber)),
                                       static_cast<size_t>(max_parts));
  if (!listed.ok()) return call.Error(listed.error());
  const s3::PartListing& l = listed.value();
  const std::string owner = call.s3.owner_id();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListPartsResult")
      .Element("Bucket", call.bucket())
      .Element("Key", call.key())
      .Element("UploadId", l.upload.upload_id);
  WriteOwner(xml, "Initiator", owner);
  WriteOwner(xml, "Owner", owner);
  xml.Element("StorageClass", "STANDARD")
      .Element("PartNumberMarker", static_cast<uint64_t>(marker))
      .Element("NextPartNumberMarker", static_cast<uint64_t>(l.next_marker))
      .Element("MaxParts", static_cast<uint64_t>(max_parts))
      .Element("IsTruncated", l.truncated);
  if (l.upload.checksum_algorithm != s3::ChecksumAlgorithm::kNone) {
    xml.Element("ChecksumAlgorithm", s3::AlgorithmName(l.upload.checksum_algorithm))
        .Element("ChecksumType", s3::ChecksumTypeName(l.upload.checksum_type));
  }
  for (const s3::PartInfo& p : l.parts) {
    xml.Open("Part")
        .Element("PartNumber", static_cast<uint64_t>(p.number))
        .Element("LastModified", base::IsoTimestamp(p.last_modified))
        .Element("ETag", p.ETag())
        .Element("Size", p.size);
    if (!p.checksum.empty()) {
      xml.Element("Checksum" + std::string(s3::AlgorithmName(p.checksum.algorithm)),
                  base::Base64Encode(p.checksum.digest));
    }
    xml.Close("Part");
  }
  xml.Close("ListPartsResult");
  return S3Response(call).Xml(std::move(body));
}

HttpResponse ListMultipartUploads(S3Call& call) {
  const base::Query& q = call.address.query;
  int64_t max_uploads = kMaxListed;
  if (auto raw = q.Get("max-uploads"); raw && (!ParseInt(*raw, &max_uploads) || max_uploads < 0)) {
    return call.Error(s3::NotAnInteger("max-uploads", *raw));
  }
  max_uploads = std::min(max_uploads, kMaxListed);
  const auto encoding = q.Get("encoding-type");
  if (encoding && *encoding != "url") return call.Error(s3::InvalidEncodingType(*encoding));
  auto encode = [&](const std::string& s) { return encoding ? base::ListingUrlEncode(s) : s; };
  s3::UploadListQuery query;
  query.prefix = q.Get("prefix").value_or("");
  query.delimiter = q.Get("delimiter").value_or("");
  query.key_marker = q.Get("key-marker").value_or("");
  query.upload_id_marker = q.Get("upload-id-marker").value_or("");
  query.max_uploads = static_cast<size_t>(max_uploads);
  auto listed = call.s3.store().ListMultipartUploads(call.bucket(), query);
  if (!listed.ok()) return call.Error(listed.error());
  const s3::UploadListing& l = listed.value();
  const std::string owner = call.s3.owner_id();
  std::string body(kXmlDeclaration);
  XmlWriter xml(&body);
  xml.OpenRoot("ListMultipartUploadsResult")
      .Element("Bucket", call.bucket())
      .Element("KeyMarker", encode(query.key_marker))
      .Element("UploadIdMarker", query.upload_id_marker)
      .Element("NextKeyMarker", encode(l.next_key_marker))
      .Element("NextUploadIdMarker", l.next_upload_id_marker);
  if (q.Has("delimiter")) xml.Element("Delimiter", encode(query.delimiter));
  if (q.Has("prefix")) xml.Element("Prefix", encode(query.prefix));
  if (encoding) xml.Element("EncodingType", "url");
  xml.Element("MaxUploads", static_cast<uint64_t>(max_uploads)).Element("IsTruncated", l.truncated);
  for (const s3::UploadInfo& u : l.uploads) {
    xml.Open("Upload").Element("Key", encode(u.key)).Element("UploadId", u.upload_id);
    WriteOwner(xml, "Initiator", owner);
    WriteOwner(xml, "Owner", owner);
    xml.Element("StorageClass", "STANDARD").Element("Initiated", base::IsoTimestamp(u.initiated));
    if (u.checksum_algorithm != s3::ChecksumAlgorithm::kNone) {
      xml.Element("ChecksumAlgorithm", s3::AlgorithmName(u.checksum_algorithm))
          .Element("ChecksumType", s3::ChecksumTypeName(u.checksum_type));
    }
    xml.Close("Upload");
  }
  for (const auto& p : l.common_prefixes) xml.Open("CommonPrefixes").Element("Prefix", encode(p)).Close("CommonPrefixes");
  xml.Close("ListMultipartUploadsResult");
  return S3Response(call).Xml(std::move(body));
}

}  // namespace fakeaws::protocol::s3ops
