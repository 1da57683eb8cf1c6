#include "s3/object.h"

#include "base/digest.h"

namespace fakeaws::s3 {

std::string ObjectInfo::ETag() const {
  std::string etag = "\"" + base::HexLower(md5);
  if (part_count > 0) etag += "-" + std::to_string(part_count);
  return etag + "\"";
}

const std::string& ObjectInfo::content_type() const {
  static const std::string kDefault(kDefaultContentType);
  return attributes.content_type.empty() ? kDefault : attributes.content_type;
}

ObjectInfo StoredObject::Info() const {
  ObjectInfo info;
  info.body = body;
  info.md5 = md5;
  info.part_count = part_count;
  info.last_modified = last_modified;
  if (content_type) info.attributes.content_type = *content_type;
  if (extras) {
    info.attributes.content_encoding = extras->content_encoding;
    info.attributes.cache_control = extras->cache_control;
    info.attributes.content_disposition = extras->content_disposition;
    info.attributes.content_language = extras->content_language;
    info.attributes.expires = extras->expires;
    info.attributes.metadata = extras->metadata;
    info.attributes.tags = extras->tags;
  }
  info.checksum.algorithm = checksum_algorithm;
  info.checksum.type = checksum_type;
  info.checksum.parts = checksum_parts;
  if (IsCrc(checksum_algorithm)) {
    const size_t n = DigestSize(checksum_algorithm);
    info.checksum.digest.resize(n);
    for (size_t i = 0; i < n; ++i) info.checksum.digest[i] = static_cast<char>(crc >> (8 * (n - 1 - i)));
  } else if (extras) {
    info.checksum.digest = extras->strong_digest;
  }
  return info;
}

}  // namespace fakeaws::s3
