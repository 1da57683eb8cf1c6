#include "s3/service.h"

#include "base/base64.h"
#include "base/digest.h"
#include "base/seeded.h"
#include "base/sha256.h"
#include "s3/errors.h"

namespace fakeaws::s3 {
std::string_view ChecksumTypeName(ChecksumType type) {
  return type == ChecksumType::kComposite ? "COMPOSITE" : "FULL_OBJECT";
}

Service::Service(const Options& options)
    : region_(options.region),
      account_id_(options.account_id),
      seed_(options.seed),
      max_object_bytes_(options.limits.max_object_bytes),
      store_(options.region, options.limits.max_user_metadata_bytes, options.seed) {}

const std::string& Service::owner_id() const {
  std::call_once(owner_once_, [this] {
    owner_id_ = base::HexLower(base::Sha256Digest("fakeaws canonical user " + account_id_));
  });
  return owner_id_;
}

BucketPage Service::ListBuckets(const std::string& prefix, const std::string& after, size_t max) const {
  BucketPage page;
  for (auto& b : store_.ListBuckets()) {
    if (b.name.compare(0, prefix.size(), prefix) != 0 || (!after.empty() && b.name <= after)) continue;
    if (page.buckets.size() == max) {
      page.truncated = true;
      break;
    }
    page.buckets.push_back(std::move(b));
  }
  return page;
}

Outcome<UploadInfo> Service::CreateMultipartUpload(const std::string& bucket, const std::string& key,
                                                   ObjectAttributes attributes,
                                                   std::optional<ChecksumAlgorithm> algorithm,
                                                   std::optional<ChecksumType> type, uint64_t request_number,
                                                   Timestamp now) {
  UploadSpec spec;
  spec.attributes = std::move(attributes);
  if (algorithm) {
    spec.checksum_algorithm = *algorithm;
    spec.checksum_type = type.value_or(*algorithm == ChecksumAlgorithm::kCrc64Nvme ? ChecksumType::kFullObject
                                                                                   : ChecksumType::kComposite);
    const bool full = spec.checksum_type == ChecksumType::kFullObject;
    if ((full && !IsCrc(*algorithm)) || (!full && *algorithm == ChecksumAlgorithm::kCrc64Nvme)) {
      return UnsupportedChecksumType(std::string(ChecksumTypeName(spec.checksum_type)), *algorithm);
    }
  }
  // Upload ids look like S3's: base64 of 64 bytes with '+' '/' '=' spelled
  // '.' '_' '-' (the id quoted in versity/versitygw#2036, INFERRED format).
  std::string id = base::SeededBase64(seed_, base::kS3UploadIdStream, request_number, 64);
  for (char& c : id) c = c == '+' ? '.' : c == '/' ? '_' : c == '=' ? '-' : c;
  return store_.CreateMultipartUpload(bucket, key, id, spec, now);
}

Outcome<CopiedObject> Service::CopyObject(const CopyObjectInput& in, Timestamp now) {
  if (!store_.BucketExists(in.bucket)) return NoSuchBucket(in.bucket);
  auto got = store_.GetVersion(in.source_bucket, in.source_key, in.source_version_id);
  if (!got.ok()) return got.error();
  if (!got.value().object) return in.source_version_id ? CopySourceIsDeleteMarker() : NoSuchKey(in.source_key);
  const ObjectInfo& original = *got.value().object;
  if (original.body.size() > max_object_bytes_) return CopySourceTooLarge(max_object_bytes_);
  // Any failed condition on the source is 412, the not-modified ones too
  // (DOC: CopyObject conditional headers).
  const auto decision = EvaluateReadConditions(in.source_conditions, original.ETag(), original.last_modified);
  if (decision.kind == ReadDecision::kFailed) return PreconditionFailed("x-amz-copy-source-" + decision.condition);
  if (decision.kind == ReadDecision::kNotModified) {
    return PreconditionFailed(in.source_conditions.if_none_match ? "x-amz-copy-source-If-None-Match"
                                                                 : "x-amz-copy-source-If-Modified-Since");
  }
  // A copy of an older version onto its key restores it (DOC "Restoring
  // previous versions"): only the current one copied onto itself is refused.
  bool current = true;
  if (in.source_version_id) {
    auto latest = store_.GetObject(in.source_bucket, in.source_key);
    current = latest.ok() && latest.value().version_id == got.value().version_id;
  }
  if (in.source_bucket == in.bucket && in.source_key == in.key && current && !in.replace_metadata &&
      !in.new_checksum) {
    return CopyOntoItself();
  }
  NewObject copy;
  copy.body = original.body;
  // A copy is one new object: a multipart source's "-N" ETag becomes the
  // MD5 of the bytes (INFERRED), and its composite checksum is not kept.
  if (original.part_count == 0) copy.md5 = original.md5;
  copy.attributes = in.replace_metadata ? in.attributes : original.attributes;
  copy.attributes.tags = in.replace_tags ? *in.replace_tags : original.attributes.tags;
  if (in.new_checksum) {
    copy.checksum = {*in.new_checksum, ChecksumType::kFullObject, 0, Digest(*in.new_checksum, copy.body.view())};
  } else if (original.checksum.type == ChecksumType::kFullObject) {
    copy.checksum = original.checksum;
  }
  auto put = store_.PutObject(in.bucket, in.key, std::move(copy), now, in.conditions);
  if (!put.ok()) return put.error();
  return CopiedObject{std::move(put.value()), got.value().version_id};
}

Outcome<std::vector<DeletedKey>> Service::DeleteObjects(const std::string& bucket,
                                                        const std::vector<ObjectToDelete>& objects, Timestamp now) {
  if (!store_.BucketExists(bucket)) return NoSuchBucket(bucket);
  std::vector<DeletedKey> out;
  out.reserve(objects.size());
  for (const ObjectToDelete& o : objects) {
    DeletedKey entry{o.key, o.version_id, std::nullopt};
    auto deleted = store_.DeleteObject(bucket, o.key, o.version_id, now);
    if (!deleted.ok()) {
      entry.error = deleted.error();
    } else if (deleted.value().delete_marker) {
      entry.delete_marker = true;
      entry.delete_marker_version_id = deleted.value().version_id;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace fakeaws::s3
