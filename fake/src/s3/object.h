// What S3 keeps for an object, in two shapes: the compact StoredObject the
// store holds (the per-object memory target: bench/s3_bench.cc), and the
// ObjectInfo snapshot a read hands out.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakeaws/clock.h"
#include "s3/body.h"
#include "s3/checksum.h"

namespace fakeaws::s3 {

// S3's default when a writer names no Content-Type (DOC: PutObject).
inline constexpr std::string_view kDefaultContentType = "binary/octet-stream";

// One tag of an object or a bucket (DOC "Categorizing your storage using tags").
struct Tag {
  std::string key;
  std::string value;
  friend bool operator==(const Tag& a, const Tag& b) { return a.key == b.key && a.value == b.value; }
};
// In the order the writer gave them (INFERRED: no capture shows S3 sorting them).
using TagSet = std::vector<Tag>;

// What a writer may set besides the bytes: system metadata, user metadata
// (x-amz-meta-*, names lower-cased and without the prefix) and tags.
struct ObjectAttributes {
  std::string content_type;  // empty means kDefaultContentType
  std::string content_encoding;
  std::string cache_control;
  std::string content_disposition;
  std::string content_language;
  std::string expires;
  std::map<std::string, std::string> metadata;
  TagSet tags;

  friend bool operator==(const ObjectAttributes& a, const ObjectAttributes& b) {
    return a.content_type == b.content_type && a.content_encoding == b.content_encoding &&
           a.cache_control == b.cache_control && a.content_disposition == b.content_disposition &&
           a.content_language == b.content_language && a.expires == b.expires && a.metadata == b.metadata &&
           a.tags == b.tags;
  }
};

// An object as a read sees it.
struct ObjectInfo {
  Body body;
  std::array<uint8_t, 16> md5{};  // MD5 of the body, or of the parts' MD5s
  uint16_t part_count = 0;        // > 0 for a completed multipart upload
  Timestamp last_modified;
  ObjectAttributes attributes;
  Checksum checksum;
  // "null" or the id S3 gave this version; empty in a bucket never
  // versioned, where S3 tells no version at all.
  std::string version_id;

  uint64_t size() const { return body.size(); }
  // The ETag as S3 sends it, quoted: "\"<md5 hex>\"" or "\"<hex>-<parts>\"".
  std::string ETag() const;
  const std::string& content_type() const;
};

// A new object's bytes and attributes, as a writer hands them to the store.
struct NewObject {
  Body body;
  ObjectAttributes attributes;
  Checksum checksum;                          // empty: none stored
  std::optional<std::array<uint8_t, 16>> md5;  // computed by the store when absent
  // > 0: the object a multipart upload of this many parts made, whose ETag
  // is "<md5 of the parts' MD5s>-N" (a snapshot puts it back so).
  uint16_t part_count = 0;
};

// The compact form the store keeps: rarely-set fields live behind one
// shared pointer, the content type is interned, CRCs sit inline.
struct StoredObject {
  struct Extras {
    std::string content_encoding, cache_control, content_disposition, content_language, expires;
    std::map<std::string, std::string> metadata;
    TagSet tags;
    std::string strong_digest;  // SHA1/SHA256 checksum bytes
  };

  Body body;
  std::shared_ptr<const Extras> extras;  // null when no field above is set
  const std::string* content_type = nullptr;  // interned; null means the default
  Timestamp last_modified;
  uint64_t crc = 0;  // CRC32/CRC32C/CRC64NVME checksum value
  std::array<uint8_t, 16> md5{};
  uint16_t part_count = 0;
  uint16_t checksum_parts = 0;
  ChecksumAlgorithm checksum_algorithm = ChecksumAlgorithm::kNone;
  ChecksumType checksum_type = ChecksumType::kFullObject;

  ObjectInfo Info() const;
};

}  // namespace fakeaws::s3
