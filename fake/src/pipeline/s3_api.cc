#include "base/base64.h"
#include "base/seeded.h"
#include "fakeaws/s3.h"
#include "pipeline/core.h"
#include "protocol/s3_tags.h"

namespace fakeaws {

Outcome<Done> S3Api::CreateBucket(const std::string& bucket) {
  core_->Settle();
  return core_->s3.store().CreateBucket(bucket, core_->clock.Now());
}

bool S3Api::HasBucket(const std::string& bucket) const {
  core_->Settle();
  return core_->s3.store().BucketExists(bucket);
}

std::vector<S3Bucket> S3Api::ListBuckets() const {
  core_->Settle();
  std::vector<S3Bucket> out;
  for (const auto& b : core_->s3.store().ListBuckets()) out.push_back({b.name, b.region, b.creation_date});
  return out;
}

Outcome<Done> S3Api::DeleteBucket(const std::string& bucket) {
  core_->Settle();
  return core_->s3.store().DeleteBucket(bucket);
}

Outcome<Done> S3Api::PutObject(const std::string& bucket, const std::string& key, std::string body,
                               const PutObjectOptions& options) {
  core_->Settle();
  s3::NewObject object;
  object.body = s3::Body(body);
  object.attributes.content_type = options.content_type;
  object.attributes.content_encoding = options.content_encoding;
  object.attributes.cache_control = options.cache_control;
  object.attributes.metadata = options.metadata;
  for (const auto& [tag, value] : options.tags) object.attributes.tags.push_back({tag, value});
  if (auto error = protocol::CheckTagSet(object.attributes.tags, protocol::TagScope::kObject)) return *error;
  auto put = core_->s3.store().PutObject(bucket, key, std::move(object), core_->clock.Now());
  if (!put.ok()) return put.error();
  return Done{};
}

Outcome<S3Object> S3Api::GetObject(const std::string& bucket, const std::string& key) const {
  core_->Settle();
  auto got = core_->s3.store().GetObject(bucket, key);
  if (!got.ok()) return got.error();
  const s3::ObjectInfo& o = got.value();
  S3Object out;
  out.bucket = bucket;
  out.key = key;
  out.body = std::string(o.body.view());
  out.content_type = o.content_type();
  out.content_encoding = o.attributes.content_encoding;
  out.cache_control = o.attributes.cache_control;
  out.etag = o.ETag();
  out.last_modified = o.last_modified;
  out.metadata = o.attributes.metadata;
  for (const s3::Tag& tag : o.attributes.tags) out.tags[tag.key] = tag.value;
  if (!o.checksum.empty()) {
    out.checksum_algorithm = std::string(s3::AlgorithmName(o.checksum.algorithm));
    out.checksum = base::Base64Encode(o.checksum.digest);
    if (o.checksum.type == s3::ChecksumType::kComposite) out.checksum += "-" + std::to_string(o.checksum.parts);
  }
  return out;
}

Outcome<Done> S3Api::DeleteObject(const std::string& bucket, const std::string& key) {
  core_->Settle();
  auto deleted = core_->s3.store().DeleteObject(bucket, key, std::nullopt, core_->clock.Now());
  if (!deleted.ok()) return deleted.error();
  return Done{};
}

std::vector<std::string> S3Api::ListKeys(const std::string& bucket, const std::string& prefix) const {
  core_->Settle();
  auto keys = core_->s3.store().ListKeys(bucket, prefix);
  return keys.ok() ? std::move(keys).value() : std::vector<std::string>{};
}

Outcome<S3Listing> S3Api::ListObjects(const std::string& bucket, const std::string& prefix,
                                      const std::string& delimiter) const {
  core_->Settle();
  s3::ListQuery query;
  query.prefix = prefix;
  query.delimiter = delimiter;
  query.max_keys = static_cast<size_t>(-1);
  auto listed = core_->s3.store().ListObjects(bucket, query);
  if (!listed.ok()) return listed.error();
  S3Listing out;
  for (const auto& o : listed.value().objects) out.keys.push_back(o.key);
  out.common_prefixes = listed.value().common_prefixes;
  return out;
}

std::vector<S3Upload> S3Api::MultipartUploads(const std::string& bucket) const {
  core_->Settle();
  s3::UploadListQuery query;
  query.max_uploads = static_cast<size_t>(-1);
  auto listed = core_->s3.store().ListMultipartUploads(bucket, query);
  std::vector<S3Upload> out;
  if (!listed.ok()) return out;
  for (const auto& u : listed.value().uploads) out.push_back({u.key, u.upload_id, u.initiated});
  return out;
}

}  // namespace fakeaws
