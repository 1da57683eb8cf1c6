#include "s3/store.h"

#include <algorithm>
#include <cstring>

#include "base/digest.h"
#include "base/seeded.h"
#include "s3/errors.h"
#include "s3/preconditions.h"

namespace fakeaws::s3 {
namespace {

// DOC (object keys): at most 1,024 bytes of UTF-8.
constexpr size_t kMaxKeyBytes = 1024;

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}
bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The least string greater than every string that starts with `prefix`, or
// "" when there is none (all bytes 0xFF).
std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF) prefix.pop_back();
  if (!prefix.empty()) prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
  return prefix;
}

// The common prefix a listed key rolls up into, or "" when it has none.
std::string CommonPrefixOf(const std::string& key, const std::string& prefix, const std::string& delimiter) {
  if (delimiter.empty()) return "";
  const size_t pos = key.find(delimiter, prefix.size());
  return pos == std::string::npos ? "" : key.substr(0, pos + delimiter.size());
}

ListedObject Listed(const std::string& key, const StoredObject& o) {
  ListedObject listed;
  listed.key = key;
  listed.size = o.body.size();
  listed.etag = "\"" + base::HexLower(o.md5);
  if (o.part_count > 0) listed.etag += "-" + std::to_string(o.part_count);
  listed.etag += "\"";
  listed.last_modified = o.last_modified;
  listed.checksum_algorithm = o.checksum_algorithm;
  listed.checksum_type = o.checksum_type;
  return listed;
}

bool LooksLikeRegion(const std::string& r) {
  // "EU" is S3's legacy name for eu-west-1 (DOC: BucketLocationConstraint).
  if (r == "EU") return true;
  int dashes = 0;
  for (char c : r) {
    if (c == '-') ++dashes;
    else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return dashes >= 2 && !r.empty() && r.back() >= '0' && r.back() <= '9';
}

size_t UserMetadataBytes(const ObjectAttributes& a) {
  size_t n = 0;
  for (const auto& [name, value] : a.metadata) n += name.size() + value.size();
  return n;
}

std::optional<AwsError> CheckNewObject(const std::string& key, const ObjectAttributes& a, size_t max_metadata) {
  if (key.size() > kMaxKeyBytes) return KeyTooLong(key.size());
  if (const size_t n = UserMetadataBytes(a); n > max_metadata) return MetadataTooLarge(n, max_metadata);
  return std::nullopt;
}

// S3's version ids are 32 characters of [A-Za-z0-9._] (store.h). Ours are
// base64 of 24 seeded bytes with '+' and '/' spelled '.' and '_'.
constexpr size_t kVersionIdLength = 32;

bool IsVersionIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
}

}  // namespace

bool IsWellFormedVersionId(std::string_view id) {
  if (id == kNullVersionId) return true;
  return id.size() == kVersionIdLength && std::all_of(id.begin(), id.end(), IsVersionIdChar);
}

bool IsValidBucketName(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (char c : name) {
    if (!alnum(c) && c != '.' && c != '-') return false;
  }
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  if (name.find("..") != std::string::npos) return false;
  int dots = 0;
  bool all_digits_and_dots = true;
  for (char c : name) {
    if (c == '.') ++dots;
    else if (!(c >= '0' && c <= '9')) all_digits_and_dots = false;
  }
  if (all_digits_and_dots && dots == 3) return false;  // an IP address
  // Reserved prefixes and suffixes (DOC: "General purpose bucket naming rules").
  for (const char* p : {"xn--", "sthree-", "amzn-s3-demo-"}) {
    if (StartsWith(name, p)) return false;
  }
  for (const char* s : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
    if (EndsWith(name, s)) return false;
  }
  return true;
}

std::optional<AwsError> CheckWriteConditions(const WriteConditions& c, const ObjectInfo* current,
                                              const std::string& key) {
  if (c.if_match) {
    // DOC (PutObject If-Match): no object under the key is NoSuchKey.
    if (!current) return NoSuchKey(key);
    if (!EtagListMatches(*c.if_match, current->ETag())) return PreconditionFailed("If-Match");
  }
  if (c.if_none_match && current && EtagListMatches(*c.if_none_match, current->ETag())) {
    return PreconditionFailed("If-None-Match");
  }
  return std::nullopt;
}

std::string PartInfo::ETag() const { return "\"" + base::HexLower(md5) + "\""; }

Outcome<Done> Store::CreateBucketLocked(const std::string& name, const std::string& region, Timestamp now) {
  auto [it, inserted] = buckets_.try_emplace(name);
  if (!inserted) {
    // us-east-1 answers 200 to a re-create by the owner (wire-format.md §4.1).
    if (default_region_ == "us-east-1") return Done{};
    return BucketAlreadyOwnedByYou(name);
  }
  it->second.region = region;
  it->second.creation_date = now;
  return Done{};
}

Outcome<Done> Store::CreateBucket(const std::string& name, Timestamp now) {
  if (!IsValidBucketName(name)) return InvalidBucketName(name);
  std::lock_guard<std::mutex> lock(mu_);
  return CreateBucketLocked(name, default_region_, now);
}

Outcome<Done> Store::CreateBucket(const std::string& name, const std::optional<std::string>& constraint,
                                  Timestamp now) {
  if (!IsValidBucketName(name)) return InvalidBucketName(name);
  std::string region = default_region_;
  if (!constraint) {
    // A regional endpoint outside us-east-1 wants the region named (MOTO; a
    // well-known boto3 pitfall).
    if (default_region_ != "us-east-1") return UnspecifiedLocationConstraint();
  } else {
    // us-east-1 is the absence of a constraint: naming it is invalid.
    if (*constraint == "us-east-1" || !LooksLikeRegion(*constraint)) {
      return InvalidLocationConstraint(*constraint);
    }
    // The us-east-1 endpoint creates buckets in any region; a regional
    // endpoint only in its own (MOTO; INFERRED for the us-east-1 case).
    if (*constraint != default_region_ && default_region_ != "us-east-1") {
      return IllegalLocationConstraint(*constraint);
    }
    region = *constraint;
  }
  std::lock_guard<std::mutex> lock(mu_);
  return CreateBucketLocked(name, region, now);
}

bool Store::BucketExists(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  return buckets_.count(name) > 0;
}

Outcome<BucketInfo> Store::GetBucket(const std::string& name) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(name);
  if (it == buckets_.end()) return NoSuchBucket(name);
  return BucketInfo{name, it->second.region, it->second.creation_date};
}

std::vector<BucketInfo> Store::ListBuckets() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<BucketInfo> out;
  out.reserve(buckets_.size());
  for (const auto& [name, b] : buckets_) out.push_back({name, b.region, b.creation_date});
  return out;
}

Outcome<Done> Store::DeleteBucket(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(name);
  if (it == buckets_.end()) return NoSuchBucket(name);
  // Uploads in progress do not keep a bucket alive (INFERRED).
  if (!it->second.objects.empty() || !it->second.versions.empty()) return BucketNotEmpty(name);
  buckets_.erase(it);
  return Done{};
}

Outcome<Done> Store::SetVersioning(const std::string& bucket, Versioning state) {
  if (state == Versioning::kNever) return MalformedXml();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  Bucket& b = it->second;
  if (b.versioning == Versioning::kNever) {
    for (const auto& [key, object] : b.objects) b.versions[key].push_back({std::string(kNullVersionId), false, object});
  }
  b.versioning = state;
  return Done{};
}

Outcome<Versioning> Store::GetVersioning(const std::string& bucket) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  return it->second.versioning;
}

std::string Store::NextVersionIdLocked(const Bucket& b) {
  if (b.versioning != Versioning::kEnabled) return std::string(kNullVersionId);
  std::string id = base::SeededBase64(seed_, base::kS3VersionIdStream, ++versions_made_, 24);
  for (char& c : id) c = c == '+' ? '.' : c == '/' ? '_' : c;
  return id;
}

void Store::PushVersionLocked(Bucket& b, const std::string& key, Version version) {
  auto& stack = b.versions[key];
  if (version.id == kNullVersionId) {
    stack.erase(std::remove_if(stack.begin(), stack.end(), [](const Version& v) { return v.id == kNullVersionId; }),
                stack.end());
  }
  stack.insert(stack.begin(), std::move(version));
}

ObjectInfo Store::InstallLocked(Bucket& b, const std::string& key, StoredObject stored) {
  ObjectInfo info = stored.Info();
  if (b.versioning != Versioning::kNever) {
    info.version_id = NextVersionIdLocked(b);
    PushVersionLocked(b, key, {info.version_id, false, stored});
  }
  auto existing = b.objects.find(key);
  if (existing != b.objects.end()) existing->second = std::move(stored);
  else b.objects.emplace(key, std::move(stored));
  return info;
}

StoredObject Store::Compact(NewObject&& object, Timestamp now) {
  StoredObject s;
  s.body = std::move(object.body);
  s.md5 = *object.md5;
  s.part_count = object.part_count;
  s.last_modified = now;
  const ObjectAttributes& a = object.attributes;
  if (!a.content_type.empty() && a.content_type != kDefaultContentType) {
    auto it = content_types_.find(a.content_type);
    if (it == content_types_.end()) it = content_types_.insert(a.content_type).first;
    s.content_type = &*it;
  }
  const Checksum& c = object.checksum;
  s.checksum_algorithm = c.algorithm;
  s.checksum_type = c.type;
  s.checksum_parts = c.parts;
  const bool strong = !c.empty() && !IsCrc(c.algorithm);
  if (IsCrc(c.algorithm)) {
    for (unsigned char byte : c.digest) s.crc = (s.crc << 8) | byte;
  }
  if (strong || !a.content_encoding.empty() || !a.cache_control.empty() || !a.content_disposition.empty() ||
      !a.content_language.empty() || !a.expires.empty() || !a.metadata.empty() || !a.tags.empty()) {
    auto extras = std::make_shared<StoredObject::Extras>();
    extras->content_encoding = a.content_encoding;
    extras->cache_control = a.cache_control;
    extras->content_disposition = a.content_disposition;
    extras->content_language = a.content_language;
    extras->expires = a.expires;
    extras->metadata = a.metadata;
    extras->tags = a.tags;
    if (strong) extras->strong_digest = c.digest;
    s.extras = std::move(extras);
  }
  return s;
}

Outcome<ObjectInfo> Store::PutObject(const std::string& bucket, const std::string& key, NewObject object,
                                     Timestamp now, const WriteConditions& conditions) {
  if (auto error = CheckNewObject(key, object.attributes, max_user_metadata_bytes_)) return *error;
  if (!object.md5) object.md5 = base::Md5Digest(object.body.view());
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto& objects = it->second.objects;
  auto existing = objects.find(key);
  if (conditions.if_match || conditions.if_none_match) {
    std::optional<ObjectInfo> current;
    if (existing != objects.end()) current = existing->second.Info();
    if (auto error = CheckWriteConditions(conditions, current ? &*current : nullptr, key)) return *error;
  }
  if (it->second.versioning == Versioning::kNever) {
    StoredObject stored = Compact(std::move(object), now);
    ObjectInfo info = stored.Info();
    if (existing != objects.end()) existing->second = std::move(stored);
    else objects.emplace(key, std::move(stored));
    return info;
  }
  return InstallLocked(it->second, key, Compact(std::move(object), now));
}

Outcome<ObjectInfo> Store::GetObject(const std::string& bucket, const std::string& key) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto obj = it->second.objects.find(key);
  if (obj == it->second.objects.end()) return NoSuchKey(key);
  ObjectInfo info = obj->second.Info();
  if (it->second.versioning != Versioning::kNever) info.version_id = it->second.versions.at(key).front().id;
  return info;
}

Outcome<FoundVersion> Store::GetVersion(const std::string& bucket, const std::string& key,
                                        const std::optional<std::string>& version_id) const {
  if (version_id && !IsWellFormedVersionId(*version_id)) return InvalidVersionId("versionId", *version_id);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  const Bucket& b = it->second;
  if (b.versioning == Versioning::kNever) {
    auto obj = b.objects.find(key);
    if (obj == b.objects.end()) return version_id ? NoSuchVersion(key, *version_id) : NoSuchKey(key);
    if (version_id && *version_id != kNullVersionId) return NoSuchVersion(key, *version_id);
    FoundVersion found{obj->second.Info(), "", obj->second.last_modified};
    return found;
  }
  auto stack = b.versions.find(key);
  if (stack == b.versions.end()) return version_id ? NoSuchVersion(key, *version_id) : NoSuchKey(key);
  const Version* v = &stack->second.front();
  if (version_id) {
    auto named = std::find_if(stack->second.begin(), stack->second.end(),
                              [&](const Version& candidate) { return candidate.id == *version_id; });
    if (named == stack->second.end()) return NoSuchVersion(key, *version_id);
    v = &*named;
  }
  FoundVersion found{std::nullopt, v->id, v->object.last_modified};
  if (!v->delete_marker) {
    found.object = v->object.Info();
    found.object->version_id = v->id;
  }
  return found;
}

Outcome<Done> Store::PutObjectTagging(const std::string& bucket, const std::string& key, TagSet tags,
                                      const std::optional<std::string>& version_id) {
  if (version_id && !IsWellFormedVersionId(*version_id)) return InvalidVersionId("versionId", *version_id);
  std::shared_ptr<const StoredObject::Extras> released[2];  // freed after the lock is dropped
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  Bucket& b = it->second;
  // The version whose tags change, and the current object when that is it.
  StoredObject* version = nullptr;
  StoredObject* current = nullptr;
  auto obj = b.objects.find(key);
  if (b.versioning == Versioning::kNever) {
    if (obj == b.objects.end()) return version_id ? NoSuchVersion(key, *version_id) : NoSuchKey(key);
    if (version_id && *version_id != kNullVersionId) return NoSuchVersion(key, *version_id);
    current = &obj->second;
  } else {
    auto stack = b.versions.find(key);
    if (stack == b.versions.end()) return version_id ? NoSuchVersion(key, *version_id) : NoSuchKey(key);
    auto named = stack->second.begin();
    if (version_id) {
      named = std::find_if(stack->second.begin(), stack->second.end(),
                           [&](const Version& v) { return v.id == *version_id; });
      if (named == stack->second.end()) return NoSuchVersion(key, *version_id);
    }
    if (named->delete_marker) return version_id ? MethodNotAllowed("PUT", "DeleteMarker") : NoSuchKey(key);
    version = &named->object;
    if (named == stack->second.begin()) current = &obj->second;
  }
  StoredObject& stored = current ? *current : *version;
  // Extras are shared with earlier reads' copies: write a new one.
  auto extras = stored.extras ? std::make_shared<StoredObject::Extras>(*stored.extras)
                              : std::make_shared<StoredObject::Extras>();
  extras->tags = std::move(tags);
  released[0] = std::move(stored.extras);
  stored.extras = extras;
  if (version && version != &stored) {
    released[1] = std::move(version->extras);
    version->extras = std::move(extras);
  }
  return Done{};
}

Outcome<std::optional<TagSet>> Store::GetBucketTagging(const std::string& bucket) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  if (it->second.tags.empty()) return std::optional<TagSet>();
  return std::optional<TagSet>(it->second.tags);
}

Outcome<Done> Store::PutBucketTagging(const std::string& bucket, TagSet tags) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  it->second.tags = std::move(tags);
  return Done{};
}

Outcome<DeletedVersion> Store::DeleteObject(const std::string& bucket, const std::string& key,
                                            const std::optional<std::string>& version_id, Timestamp now) {
  if (version_id && !IsWellFormedVersionId(*version_id)) return InvalidVersionId("versionId", *version_id);
  std::vector<Body> released;  // freed after the lock is dropped
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  Bucket& b = it->second;
  auto obj = b.objects.find(key);
  DeletedVersion deleted;
  if (b.versioning == Versioning::kNever) {
    // Only the "null" version is there to delete.
    if (obj != b.objects.end() && (!version_id || *version_id == kNullVersionId)) {
      released.push_back(std::move(obj->second.body));
      b.objects.erase(obj);
    }
    if (version_id) deleted.version_id = *version_id;
    return deleted;
  }
  if (!version_id) {
    // A delete marker on top, even of a key with no version (DOC).
    deleted.delete_marker = true;
    deleted.version_id = NextVersionIdLocked(b);
    Version marker{deleted.version_id, true, {}};
    marker.object.last_modified = now;
    if (obj != b.objects.end()) {
      released.push_back(std::move(obj->second.body));
      b.objects.erase(obj);
    }
    PushVersionLocked(b, key, std::move(marker));
    return deleted;
  }
  deleted.version_id = *version_id;
  auto stack = b.versions.find(key);
  if (stack == b.versions.end()) return deleted;
  auto& versions = stack->second;
  auto named = std::find_if(versions.begin(), versions.end(), [&](const Version& v) { return v.id == *version_id; });
  if (named == versions.end()) return deleted;
  deleted.delete_marker = named->delete_marker;
  const bool was_current = named == versions.begin();
  released.push_back(std::move(named->object.body));
  versions.erase(named);
  if (was_current) {
    if (obj != b.objects.end()) {
      released.push_back(std::move(obj->second.body));
      b.objects.erase(obj);
    }
    // The next newest version, unless it is a marker, is the object now.
    if (!versions.empty() && !versions.front().delete_marker) b.objects.emplace(key, versions.front().object);
  }
  if (versions.empty()) b.versions.erase(stack);
  return deleted;
}

Outcome<Listing> Store::ListObjects(const std::string& bucket, const ListQuery& q) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto b = buckets_.find(bucket);
  if (b == buckets_.end()) return NoSuchBucket(bucket);
  const auto& objects = b->second.objects;
  Listing out;
  // Nothing is returned for max-keys=0, and nothing is said to follow, so a
  // paginator cannot loop (INFERRED).
  if (q.max_keys == 0) return out;
  auto it = objects.lower_bound(q.prefix);
  if (!q.after.empty() && q.after >= q.prefix) it = objects.upper_bound(q.after);
  size_t count = 0;
  while (it != objects.end() && StartsWith(it->first, q.prefix)) {
    const std::string& key = it->first;
    if (std::string common = CommonPrefixOf(key, q.prefix, q.delimiter); !common.empty()) {
      if (common > q.after) {
        if (count == q.max_keys) {
          out.truncated = true;
          break;
        }
        out.common_prefixes.push_back(common);
        out.last = common;
        ++count;
      }
      // Every key under this common prefix rolls up into it: skip them.
      const std::string next = PrefixSuccessor(common);
      it = next.empty() ? objects.end() : objects.lower_bound(next);
      continue;
    }
    if (count == q.max_keys) {
      out.truncated = true;
      break;
    }
    out.objects.push_back(Listed(key, it->second));
    out.last = key;
    ++count;
    ++it;
  }
  return out;
}

Outcome<VersionListing> Store::ListObjectVersions(const std::string& bucket, const VersionListQuery& q) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto b = buckets_.find(bucket);
  if (b == buckets_.end()) return NoSuchBucket(bucket);
  VersionListing out;
  if (q.max_keys == 0) return out;
  size_t count = 0;
  // One walk for both shapes of bucket: `versions_of(it)` is a key's stack.
  auto walk = [&](const auto& keys, auto versions_of) {
    auto it = keys.lower_bound(q.prefix);
    if (!q.key_marker.empty() && q.key_marker >= q.prefix) {
      it = q.version_id_marker.empty() ? keys.upper_bound(q.key_marker) : keys.lower_bound(q.key_marker);
    }
    for (; it != keys.end() && StartsWith(it->first, q.prefix);) {
      const std::string& key = it->first;
      if (std::string common = CommonPrefixOf(key, q.prefix, q.delimiter); !common.empty()) {
        if (common > q.key_marker) {
          if (count == q.max_keys) {
            out.truncated = true;
            return;
          }
          out.common_prefixes.push_back(common);
          out.next_key_marker = common;
          out.next_version_id_marker.clear();
          ++count;
        }
        const std::string next = PrefixSuccessor(common);
        it = next.empty() ? keys.end() : keys.lower_bound(next);
        continue;
      }
      const auto& stack = versions_of(it);
      size_t first = 0;
      if (key == q.key_marker && !q.version_id_marker.empty()) {
        // Resume after the marker's version; a marker the key no longer has
        // resumes with the next key (INFERRED).
        first = stack.size();
        for (size_t i = 0; i < stack.size(); ++i) {
          if (stack[i].id == q.version_id_marker) first = i + 1;
        }
      }
      for (size_t i = first; i < stack.size(); ++i) {
        if (count == q.max_keys) {
          out.truncated = true;
          return;
        }
        ListedVersion v;
        v.object = Listed(key, stack[i].object);
        v.version_id = stack[i].id;
        v.is_latest = i == 0;
        v.delete_marker = stack[i].delete_marker;
        out.versions.push_back(std::move(v));
        out.next_key_marker = key;
        out.next_version_id_marker = stack[i].id;
        ++count;
      }
      ++it;
    }
  };
  if (b->second.versioning == Versioning::kNever) {
    // Each object is its one version, "null": a stack of one, made on the way.
    walk(b->second.objects, [](auto it) { return std::vector<Version>{{std::string(kNullVersionId), false, it->second}}; });
  } else {
    walk(b->second.versions, [](auto it) -> const std::vector<Version>& { return it->second; });
  }
  if (!out.truncated) {
    out.next_key_marker.clear();
    out.next_version_id_marker.clear();
  }
  return out;
}

uint64_t Store::VersionIdsMade() const {
  std::lock_guard<std::mutex> lock(mu_);
  return versions_made_;
}

void Store::SetVersionIdsMade(uint64_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  versions_made_ = n;
}

Outcome<Done> Store::RestoreVersion(const std::string& bucket, const std::string& key, const std::string& version_id,
                                    std::optional<NewObject> object, Timestamp last_modified) {
  if (object) {
    if (auto error = CheckNewObject(key, object->attributes, max_user_metadata_bytes_)) return *error;
    if (!object->md5) object->md5 = base::Md5Digest(object->body.view());
  }
  if (!IsWellFormedVersionId(version_id)) return InvalidVersionId("versionId", version_id);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  Bucket& b = it->second;
  if (b.versioning == Versioning::kNever) return InvalidVersionId("versionId", version_id);
  auto& stack = b.versions[key];
  for (const Version& v : stack) {
    if (v.id == version_id) return InvalidVersionId("versionId", version_id);
  }
  Version version{version_id, !object, {}};
  if (object) version.object = Compact(std::move(*object), last_modified);
  version.object.last_modified = last_modified;
  if (version.delete_marker) b.objects.erase(key);
  else b.objects[key] = version.object;
  stack.insert(stack.begin(), std::move(version));
  return Done{};
}

void Store::Clear() {
  std::map<std::string, Bucket> released;  // freed after the lock is dropped
  std::lock_guard<std::mutex> lock(mu_);
  released.swap(buckets_);
  versions_made_ = 0;
}

Outcome<std::vector<std::string>> Store::ListKeys(const std::string& bucket, const std::string& prefix) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  std::vector<std::string> keys;
  for (auto obj = it->second.objects.lower_bound(prefix);
       obj != it->second.objects.end() && StartsWith(obj->first, prefix); ++obj) {
    keys.push_back(obj->first);
  }
  return keys;
}

}  // namespace fakeaws::s3
