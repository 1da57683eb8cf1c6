#include "core/core.h"
#include "fakeaws/s3.h"

namespace fakeaws {

Outcome<Done> S3Api::CreateBucket(const std::string& bucket) {
  core_->Settle();
  return core_->s3.CreateBucket(bucket, core_->clock.Now());
}

bool S3Api::HasBucket(const std::string& bucket) const {
  core_->Settle();
  return core_->s3.BucketExists(bucket);
}

Outcome<Done> S3Api::PutObject(const std::string& bucket, const std::string& key, std::string body,
                               const PutObjectOptions& options) {
  core_->Settle();
  s3::Object object;
  object.body = std::move(body);
  object.content_type = options.content_type;
  object.metadata = options.metadata;
  return core_->s3.PutObject(bucket, key, std::move(object), core_->clock.Now());
}

Outcome<S3Object> S3Api::GetObject(const std::string& bucket, const std::string& key) const {
  core_->Settle();
  auto got = core_->s3.GetObject(bucket, key);
  if (!got.ok()) return got.error();
  const s3::Object& o = got.value();
  return S3Object{bucket, key, o.body, o.content_type, "\"" + o.etag + "\"", o.last_modified, o.metadata};
}

Outcome<Done> S3Api::DeleteObject(const std::string& bucket, const std::string& key) {
  core_->Settle();
  return core_->s3.DeleteObject(bucket, key);
}

std::vector<std::string> S3Api::ListKeys(const std::string& bucket, const std::string& prefix) const {
  core_->Settle();
  auto keys = core_->s3.ListKeys(bucket, prefix);
  return keys.ok() ? std::move(keys).value() : std::vector<std::string>{};
}

}  // namespace fakeaws
