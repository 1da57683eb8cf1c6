// The S3 part of a snapshot (pipeline/snapshot.cc), through Store's public
// methods only:
//   {"buckets":[{"name":"exports","region":"us-east-1","creation_date":"...","tags":[...],
//     "objects":[{"key":"a.csv","body_base64":"...","md5":"<hex>","part_count":0,"last_modified":"...",
//                 "content_type":"text/csv","content_encoding":"","cache_control":"",
//                 "content_disposition":"","content_language":"","expires":"",
//                 "metadata":{"k":"v"},"tags":[{"key":"k","value":"v"}],
//                 "checksum":{"algorithm":"CRC32","type":"FULL_OBJECT","parts":0,"digest_base64":"..."}}]}],
//    "version_ids_made":2}
// A versioned bucket has "versioning" ("Enabled" or "Suspended") and, for
// "objects", "versions": each version oldest first, an object's fields plus
// "version_id", or a delete marker {"key","version_id","delete_marker":true,
// "last_modified"}. "tags", "versioning" and "version_ids_made" may be
// missing (snapshots older than them).
#include "s3/snapshot.h"

#include <cctype>

#include "base/base64.h"
#include "base/digest.h"
#include "base/json_fields.h"
#include "base/seeded.h"

namespace fakeaws::s3 {
namespace {

using base::Json;
using base::JsonFields;

bool ParseMd5Hex(const std::string& hex, std::array<uint8_t, 16>* out) {
  if (hex.size() != 32) return false;
  for (size_t i = 0; i < 16; ++i) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    (*out)[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return true;
}

// Tags, in their order; "tags" may be missing (snapshots older than tags).
Json TagsToJson(const TagSet& tags) {
  Json out = Json::array();
  for (const Tag& tag : tags) out.push_back({{"key", tag.key}, {"value", tag.value}});
  return out;
}

TagSet TagsFromJson(JsonFields& f, const Json& parent) {
  TagSet tags;
  if (!f.ok() || !parent.is_object() || !parent.contains("tags")) return tags;
  const Json& list = f.Member("tags");
  if (!list.is_array()) {
    f.Fail("tags must be a list");
    return tags;
  }
  for (size_t i = 0; f.ok() && i < list.size(); ++i) {
    JsonFields t(list[i], "tags[" + std::to_string(i) + "]");
    Tag tag{t.String("key"), t.String("value")};
    if (!t.ok()) f.Fail(t.error().message);
    tags.push_back(std::move(tag));
  }
  return tags;
}

Json ChecksumToJson(const Checksum& c) {
  if (c.empty()) return Json();
  return {{"algorithm", AlgorithmName(c.algorithm)},
          {"type", c.type == ChecksumType::kComposite ? "COMPOSITE" : "FULL_OBJECT"},
          {"parts", c.parts},
          {"digest_base64", base::Base64Encode(c.digest)}};
}

Checksum ChecksumFromJson(JsonFields& f) {
  Checksum c;
  const std::string algorithm = f.String("algorithm");
  const std::string type = f.String("type");
  const uint64_t parts = f.Unsigned("parts");
  const std::string digest = f.String("digest_base64");
  if (!f.ok()) return c;
  const auto parsed = ParseAlgorithm(algorithm);
  if (!parsed || *parsed == ChecksumAlgorithm::kNone) f.Fail("unknown checksum algorithm " + algorithm);
  if (type != "FULL_OBJECT" && type != "COMPOSITE") f.Fail("checksum type must be FULL_OBJECT or COMPOSITE");
  if (parts > 10000) f.Fail("checksum parts must be at most 10000");
  if (!f.ok()) return c;
  c.algorithm = *parsed;
  c.type = type == "COMPOSITE" ? ChecksumType::kComposite : ChecksumType::kFullObject;
  c.parts = static_cast<uint16_t>(parts);
  if (!base::Base64Decode(digest, &c.digest) || c.digest.size() != DigestSize(c.algorithm)) {
    f.Fail("checksum digest_base64 is not a " + algorithm + " digest");
  }
  return c;
}

Json ObjectToJson(const std::string& key, const ObjectInfo& o) {
  const ObjectAttributes& a = o.attributes;
  return {{"key", key},
          {"body_base64", base::Base64Encode(o.body.view())},
          {"md5", base::HexLower(o.md5)},
          {"part_count", o.part_count},
          {"last_modified", FormatTimestamp(o.last_modified)},
          {"content_type", a.content_type},
          {"content_encoding", a.content_encoding},
          {"cache_control", a.cache_control},
          {"content_disposition", a.content_disposition},
          {"content_language", a.content_language},
          {"expires", a.expires},
          {"metadata", a.metadata},
          {"tags", TagsToJson(a.tags)},
          {"checksum", ChecksumToJson(o.checksum)}};
}

Snapshot::Object ObjectFromJson(JsonFields& f, const Json& json) {
  Snapshot::Object out;
  out.key = f.String("key");
  std::string bytes;
  if (const std::string body = f.String("body_base64"); f.ok() && !base::Base64Decode(body, &bytes)) {
    f.Fail("body_base64 is not base64");
  }
  out.object.body = Body(bytes);
  std::array<uint8_t, 16> md5{};
  if (const std::string hex = f.String("md5"); f.ok() && !ParseMd5Hex(hex, &md5)) {
    f.Fail("md5 must be 32 lower-case hex digits");
  }
  out.object.md5 = md5;
  if (const uint64_t parts = f.Unsigned("part_count"); parts <= kMaxPartNumber) {
    out.object.part_count = static_cast<uint16_t>(parts);
  } else {
    f.Fail("part_count must be at most " + std::to_string(kMaxPartNumber));
  }
  out.last_modified = f.Time("last_modified");
  ObjectAttributes& a = out.object.attributes;
  a.content_type = f.String("content_type");
  a.content_encoding = f.String("content_encoding");
  a.cache_control = f.String("cache_control");
  a.content_disposition = f.String("content_disposition");
  a.content_language = f.String("content_language");
  a.expires = f.String("expires");
  const Json& metadata = f.Member("metadata");
  if (f.ok() && !metadata.is_object()) f.Fail("metadata must be an object of strings");
  if (f.ok()) {
    for (const auto& [name, value] : metadata.items()) {
      if (!value.is_string()) {
        f.Fail("metadata must be an object of strings");
        break;
      }
      a.metadata[name] = value.get<std::string>();
    }
  }
  a.tags = TagsFromJson(f, json);
  if (const Json& checksum = f.Member("checksum"); f.ok() && !checksum.is_null()) {
    JsonFields c(checksum, "checksum");
    out.object.checksum = ChecksumFromJson(c);
    if (!c.ok()) f.Fail(c.error().message);
  }
  return out;
}

// Every version of a versioned bucket, oldest first within each key.
Json VersionsToJson(const Store& store, const std::string& bucket) {
  std::vector<ListedVersion> listed;  // keys in order, each newest first
  VersionListQuery query;
  for (;;) {
    auto page = store.ListObjectVersions(bucket, query);
    if (!page.ok()) break;
    for (ListedVersion& v : page.value().versions) listed.push_back(std::move(v));
    if (!page.value().truncated) break;
    query.key_marker = page.value().next_key_marker;
    query.version_id_marker = page.value().next_version_id_marker;
  }
  Json out = Json::array();
  for (size_t begin = 0; begin < listed.size();) {
    size_t end = begin;
    while (end < listed.size() && listed[end].object.key == listed[begin].object.key) ++end;
    for (size_t i = end; i-- > begin;) {
      const ListedVersion& v = listed[i];
      if (v.delete_marker) {
        out.push_back({{"key", v.object.key},
                       {"version_id", v.version_id},
                       {"delete_marker", true},
                       {"last_modified", FormatTimestamp(v.object.last_modified)}});
        continue;
      }
      auto found = store.GetVersion(bucket, v.object.key, v.version_id);
      if (!found.ok() || !found.value().object) continue;
      Json object = ObjectToJson(v.object.key, *found.value().object);
      object["version_id"] = v.version_id;
      out.push_back(std::move(object));
    }
    begin = end;
  }
  return out;
}

}  // namespace

Json Snapshot::Save(const Store& store) {
  Json buckets = Json::array();
  for (const BucketInfo& bucket : store.ListBuckets()) {
    auto tags = store.GetBucketTagging(bucket.name);
    Json saved = {{"name", bucket.name},
                  {"region", bucket.region},
                  {"creation_date", FormatTimestamp(bucket.creation_date)},
                  {"tags", TagsToJson(tags.ok() && tags.value() ? *tags.value() : TagSet{})}};
    const auto versioning = store.GetVersioning(bucket.name);
    if (versioning.ok() && versioning.value() != Versioning::kNever) {
      saved["versioning"] = versioning.value() == Versioning::kEnabled ? "Enabled" : "Suspended";
      saved["versions"] = VersionsToJson(store, bucket.name);
    } else {
      Json objects = Json::array();
      auto keys = store.ListKeys(bucket.name, "");
      for (const std::string& key : keys.ok() ? keys.value() : std::vector<std::string>{}) {
        auto object = store.GetObject(bucket.name, key);
        if (object.ok()) objects.push_back(ObjectToJson(key, object.value()));
      }
      saved["objects"] = std::move(objects);
    }
    buckets.push_back(std::move(saved));
  }
  return {{"buckets", std::move(buckets)}, {"version_ids_made", store.VersionIdsMade()}};
}

Outcome<Snapshot::Contents> Snapshot::Decode(const Json& json, const std::string& region) {
  JsonFields top(json, "s3");
  const Json& list = top.Member("buckets");
  if (top.ok() && !list.is_array()) top.Fail("buckets must be a list");
  if (!top.ok()) return top.error();
  Contents contents;
  Store scratch(region);
  for (size_t b = 0; b < list.size(); ++b) {
    JsonFields f(list[b], "s3.buckets[" + std::to_string(b) + "]");
    Bucket bucket;
    bucket.name = f.String("name");
    const std::string bucket_region = f.String("region");
    bucket.creation_date = f.Time("creation_date");
    bucket.tags = TagsFromJson(f, list[b]);
    if (f.ok() && bucket_region != region) f.Fail("bucket " + bucket.name + " is in " + bucket_region);
    if (f.ok() && scratch.BucketExists(bucket.name)) f.Fail("bucket " + bucket.name + " appears twice");
    if (f.ok()) {
      if (auto created = scratch.CreateBucket(bucket.name, bucket.creation_date); !created.ok()) {
        f.Fail(bucket.name + ": " + created.error().message);
      }
    }
    if (f.ok() && list[b].contains("versioning")) {
      const std::string state = f.String("versioning");
      if (state != "Enabled" && state != "Suspended") f.Fail("versioning must be Enabled or Suspended");
      if (f.ok()) {
        bucket.versioning = state == "Enabled" ? Versioning::kEnabled : Versioning::kSuspended;
        (void)scratch.SetVersioning(bucket.name, bucket.versioning);
      }
    }
    const bool versioned = bucket.versioning != Versioning::kNever;
    const char* list_name = versioned ? "versions" : "objects";
    const Json& objects = f.Member(list_name);
    if (f.ok() && !objects.is_array()) f.Fail(std::string(list_name) + " must be a list");
    for (size_t o = 0; f.ok() && o < objects.size(); ++o) {
      JsonFields g(objects[o], "s3.buckets[" + std::to_string(b) + "]." + list_name + "[" + std::to_string(o) + "]");
      if (!versioned) {
        Object object = ObjectFromJson(g, objects[o]);
        if (g.ok()) {
          auto put = scratch.PutObject(bucket.name, object.key, object.object, object.last_modified);
          if (!put.ok()) g.Fail(object.key + ": " + put.error().message);
        }
        if (!g.ok()) return g.error();
        bucket.objects.push_back(std::move(object));
        continue;
      }
      Version version;
      version.version_id = g.String("version_id");
      const bool marker = objects[o].is_object() && objects[o].contains("delete_marker") && g.Bool("delete_marker");
      if (marker) {
        version.key = g.String("key");
        version.last_modified = g.Time("last_modified");
      } else {
        Object object = ObjectFromJson(g, objects[o]);
        version.key = std::move(object.key);
        version.object = std::move(object.object);
        version.last_modified = object.last_modified;
      }
      if (g.ok()) {
        auto put = scratch.RestoreVersion(bucket.name, version.key, version.version_id, version.object,
                                          version.last_modified);
        if (!put.ok()) g.Fail(version.key + " " + version.version_id + ": " + put.error().message);
      }
      if (!g.ok()) return g.error();
      bucket.versions.push_back(std::move(version));
    }
    if (!f.ok()) return f.error();
    contents.buckets.push_back(std::move(bucket));
  }
  if (top.ok() && json.contains("version_ids_made")) contents.version_ids_made = top.Unsigned("version_ids_made");
  if (!top.ok()) return top.error();
  return contents;
}

void Snapshot::Apply(Store& store, const Contents& contents) {
  store.Clear();
  // Decode replayed exactly these calls on a scratch store, so none fails.
  for (const Bucket& bucket : contents.buckets) {
    (void)store.CreateBucket(bucket.name, bucket.creation_date);
    if (!bucket.tags.empty()) (void)store.PutBucketTagging(bucket.name, bucket.tags);
    if (bucket.versioning != Versioning::kNever) (void)store.SetVersioning(bucket.name, bucket.versioning);
    for (const Object& object : bucket.objects) {
      (void)store.PutObject(bucket.name, object.key, object.object, object.last_modified);
    }
    for (const Version& version : bucket.versions) {
      (void)store.RestoreVersion(bucket.name, version.key, version.version_id, version.object, version.last_modified);
    }
  }
  store.SetVersionIdsMade(contents.version_ids_made);
}

}  // namespace fakeaws::s3
