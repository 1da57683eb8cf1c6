#include "s3/store.h"

#include "core/digest.h"
#include "s3/errors.h"

namespace fakeaws::s3 {

bool IsValidBucketName(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
  }
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  if (name.find("..") != std::string::npos) return false;
  int dots = 0;
  bool all_digits_and_dots = true;
  for (char c : name) {
    if (c == '.') ++dots;
    else if (!(c >= '0' && c <= '9')) all_digits_and_dots = false;
  }
  return !(all_digits_and_dots && dots == 3);
}

Outcome<Done> Store::CreateBucket(const std::string& name, Timestamp now) {
  if (!IsValidBucketName(name)) return InvalidBucketName(name);
  std::lock_guard<std::mutex> lock(mu_);
  auto [it, inserted] = buckets_.try_emplace(name);
  if (!inserted) {
    // us-east-1 answers 200 to a re-create by the owner (wire-format.md §4.1).
    if (default_region_ == "us-east-1") return Done{};
    return BucketAlreadyOwnedByYou(name);
  }
  it->second.region = default_region_;
  it->second.creation_date = now;
  return Done{};
}

bool Store::BucketExists(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  return buckets_.count(name) > 0;
}

Outcome<Done> Store::DeleteBucket(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(name);
  if (it == buckets_.end()) return NoSuchBucket(name);
  if (!it->second.objects.empty()) return BucketNotEmpty(name);
  buckets_.erase(it);
  return Done{};
}

Outcome<Done> Store::PutObject(const std::string& bucket, const std::string& key, Object object,
                               Timestamp now) {
  object.etag = internal::HexLower(internal::Md5Digest(object.body));
  object.last_modified = now;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  it->second.objects[key] = std::move(object);
  return Done{};
}

Outcome<Object> Store::GetObject(const std::string& bucket, const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto obj = it->second.objects.find(key);
  if (obj == it->second.objects.end()) return NoSuchKey(key);
  return obj->second;
}

Outcome<Done> Store::DeleteObject(const std::string& bucket, const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  it->second.objects.erase(key);
  return Done{};
}

Outcome<std::vector<std::string>> Store::ListKeys(const std::string& bucket,
                                                  const std::string& prefix) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  std::vector<std::string> keys;
  for (auto obj = it->second.objects.lower_bound(prefix);
       obj != it->second.objects.end() && obj->first.compare(0, prefix.size(), prefix) == 0; ++obj) {
    keys.push_back(obj->first);
  }
  return keys;
}

}  // namespace fakeaws::s3
