// The Store's multipart uploads: parts kept apart until completion, then
// joined into one object whose ETag is the MD5 of the parts' MD5s plus
// "-<parts>" (DOC: "Checking object integrity"; wire-format.md §4.1 ETag).
#include <algorithm>
#include <tuple>

#include "base/digest.h"
#include "s3/errors.h"
#include "s3/preconditions.h"
#include "s3/store.h"

namespace fakeaws::s3 {
namespace {

bool SameParts(const std::vector<std::pair<int, std::string>>& completed, const std::vector<CompletedPart>& listed) {
  if (completed.size() != listed.size()) return false;
  for (size_t i = 0; i < listed.size(); ++i) {
    if (completed[i].first != listed[i].number || completed[i].second != UnquotedEtag(listed[i].etag)) return false;
  }
  return true;
}

}  // namespace

const Store::Upload* Store::FindUpload(const Bucket& b, const std::string& key,
                                       const std::string& upload_id) const {
  auto it = b.uploads.find(upload_id);
  if (it == b.uploads.end() || it->second.info.key != key) return nullptr;
  return &it->second;
}

Outcome<UploadInfo> Store::CreateMultipartUpload(const std::string& bucket, const std::string& key,
                                                 const std::string& upload_id, const UploadSpec& spec,
                                                 Timestamp now) {
  if (key.size() > 1024) return KeyTooLong(key.size());
  size_t metadata = 0;
  for (const auto& [name, value] : spec.attributes.metadata) metadata += name.size() + value.size();
  if (metadata > max_user_metadata_bytes_) return MetadataTooLarge(metadata, max_user_metadata_bytes_);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  Upload upload;
  upload.info = {upload_id, key, now, spec.checksum_algorithm, spec.checksum_type};
  upload.attributes = spec.attributes;
  auto [entry, inserted] = it->second.uploads.emplace(upload_id, std::move(upload));
  (void)inserted;  // ids are unique per request number
  return entry->second.info;
}

Outcome<PartInfo> Store::UploadPart(const std::string& bucket, const std::string& key,
                                    const std::string& upload_id, int part_number, Body body,
                                    const std::array<uint8_t, 16>& md5, const Checksum& checksum,
                                    Timestamp now) {
  Part part;
  part.info.number = part_number;
  part.info.size = body.size();
  part.info.md5 = md5;
  part.info.last_modified = now;
  part.info.checksum = checksum;
  part.body = std::move(body);
  Body released;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto u = it->second.uploads.find(upload_id);
  if (u == it->second.uploads.end() || u->second.info.key != key) return NoSuchUpload(upload_id);
  Upload& upload = u->second;
  // A part without the upload's checksum gets one computed here, so the
  // completion can be checked part by part (INFERRED leniency).
  if (upload.info.checksum_algorithm != ChecksumAlgorithm::kNone &&
      part.info.checksum.algorithm != upload.info.checksum_algorithm) {
    part.info.checksum = {upload.info.checksum_algorithm, ChecksumType::kFullObject, 0,
                          Digest(upload.info.checksum_algorithm, part.body.view())};
  }
  PartInfo info = part.info;
  auto [slot, inserted] = upload.parts.try_emplace(part_number);
  if (!inserted) released = std::move(slot->second.body);
  slot->second = std::move(part);
  return info;
}

Outcome<ObjectInfo> Store::CompleteMultipartUpload(const std::string& bucket, const std::string& key,
                                                   const std::string& upload_id,
                                                   const std::vector<CompletedPart>& listed, Timestamp now,
                                                   const WriteConditions& conditions, const Checksum& expected) {
  if (listed.empty()) return MalformedXml();
  std::vector<Body> bodies;
  std::vector<PartInfo> infos;
  UploadInfo upload_info;
  ObjectAttributes attributes;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = buckets_.find(bucket);
    if (it == buckets_.end()) return NoSuchBucket(bucket);
    const Upload* upload = FindUpload(it->second, key, upload_id);
    if (!upload) {
      // S3 answers a completion sent again, as an SDK resends one whose
      // answer was lost, as it answered the first: 200 and the same ETag
      // (REAL: minio/minio#13318 and adobe/S3Mock#2586 ran the same twice
      // against S3, which succeeded). Only for the same parts (INFERRED);
      // the write conditions were the first completion's to check.
      auto done = it->second.completed.find(upload_id);
      if (done != it->second.completed.end() && done->second.key == key &&
          SameParts(done->second.parts, listed)) {
        return done->second.object;
      }
      return NoSuchUpload(upload_id);
    }
    // Checks in the order of the request's parts: order, then existence and
    // entity tag, then size (INFERRED order; texts in s3/errors.h).
    for (size_t i = 1; i < listed.size(); ++i) {
      if (listed[i].number <= listed[i - 1].number) return InvalidPartOrder();
    }
    const ChecksumAlgorithm algorithm = upload->info.checksum_algorithm;
    for (const CompletedPart& p : listed) {
      auto part = upload->parts.find(p.number);
      if (part == upload->parts.end() || UnquotedEtag(p.etag) != UnquotedEtag(part->second.info.ETag())) {
        return InvalidPart(upload_id, p.number, p.etag);
      }
      if (algorithm != ChecksumAlgorithm::kNone) {
        auto sent = p.checksums.find(algorithm);
        if (sent == p.checksums.end()) return MissingPartChecksum(algorithm, p.number);
        if (sent->second != part->second.info.checksum.digest) return InvalidPart(upload_id, p.number, p.etag);
      }
    }
    for (size_t i = 0; i + 1 < listed.size(); ++i) {
      const PartInfo& info = upload->parts.at(listed[i].number).info;
      if (info.size < kMinPartSize) {
        return EntityTooSmall(info.size, kMinPartSize, info.number, base::HexLower(info.md5));
      }
    }
    auto current = it->second.objects.find(key);
    if (conditions.if_match || conditions.if_none_match) {
      std::optional<ObjectInfo> info;
      if (current != it->second.objects.end()) info = current->second.Info();
      if (auto error = CheckWriteConditions(conditions, info ? &*info : nullptr, key)) return *error;
    }
    for (const CompletedPart& p : listed) {
      const Part& part = upload->parts.at(p.number);
      bodies.push_back(part.body);
      infos.push_back(part.info);
    }
    upload_info = upload->info;
    attributes = upload->attributes;
  }

  // Joining and hashing run outside the lock: a 20 MB upload must not stall
  // every other request.
  size_t total = 0;
  for (const Body& b : bodies) total += b.size();
  std::string joined;
  joined.reserve(total);
  base::Md5 md5_of_md5s;
  std::string part_digests;
  for (size_t i = 0; i < bodies.size(); ++i) {
    joined.append(bodies[i].view());
    md5_of_md5s.Update(std::string_view(reinterpret_cast<const char*>(infos[i].md5.data()), 16));
    part_digests += infos[i].checksum.digest;
  }
  NewObject object;
  object.body = Body(joined);
  joined = std::string();
  object.md5 = md5_of_md5s.Final();
  object.attributes = std::move(attributes);
  const ChecksumAlgorithm algorithm = upload_info.checksum_algorithm;
  if (algorithm != ChecksumAlgorithm::kNone) {
    object.checksum.algorithm = algorithm;
    object.checksum.type = upload_info.checksum_type;
    if (upload_info.checksum_type == ChecksumType::kComposite) {
      object.checksum.parts = static_cast<uint16_t>(bodies.size());
      object.checksum.digest = Digest(algorithm, part_digests);
    } else {
      object.checksum.digest = Digest(algorithm, object.body.view());
    }
  }
  // A full-object checksum the client sent with the completion must match
  // the joined bytes; nothing is stored otherwise.
  // A composite one ("-N") must be the upload's own: same algorithm, same
  // digest of the parts' digests, same count (INFERRED: BadDigest as for a
  // full-object one).
  if (!expected.empty()) {
    const Checksum& made = object.checksum;
    const bool matches = expected.type == ChecksumType::kComposite
                             ? made.type == ChecksumType::kComposite && made.algorithm == expected.algorithm &&
                                   made.parts == expected.parts && made.digest == expected.digest
                             : Digest(expected.algorithm, object.body.view()) == expected.digest;
    if (!matches) return BadDigestChecksum(expected.algorithm);
  }

  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto u = it->second.uploads.find(upload_id);
  // Aborted or completed by another request meanwhile.
  if (u == it->second.uploads.end() || u->second.info.key != key) return NoSuchUpload(upload_id);
  it->second.uploads.erase(u);
  object.part_count = static_cast<uint16_t>(bodies.size());
  ObjectInfo info = InstallLocked(it->second, key, Compact(std::move(object), now));
  Completion& completion = it->second.completed[upload_id];
  completion.key = key;
  for (const CompletedPart& p : listed) completion.parts.emplace_back(p.number, UnquotedEtag(p.etag));
  completion.object = info;
  completion.object.body = Body();
  return info;
}

Outcome<Done> Store::AbortMultipartUpload(const std::string& bucket, const std::string& key,
                                          const std::string& upload_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  auto u = it->second.uploads.find(upload_id);
  if (u == it->second.uploads.end() || u->second.info.key != key) return NoSuchUpload(upload_id);
  it->second.uploads.erase(u);
  return Done{};
}

Outcome<PartListing> Store::ListParts(const std::string& bucket, const std::string& key,
                                      const std::string& upload_id, int marker, size_t max_parts) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  const Upload* upload = FindUpload(it->second, key, upload_id);
  if (!upload) return NoSuchUpload(upload_id);
  PartListing out;
  out.upload = upload->info;
  for (auto p = upload->parts.upper_bound(marker); p != upload->parts.end(); ++p) {
    if (out.parts.size() == max_parts) {
      out.truncated = true;
      break;
    }
    out.parts.push_back(p->second.info);
    out.next_marker = p->first;
  }
  return out;
}

Outcome<UploadListing> Store::ListMultipartUploads(const std::string& bucket, const UploadListQuery& q) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(bucket);
  if (it == buckets_.end()) return NoSuchBucket(bucket);
  // DOC (ListMultipartUploads): by key, and uploads of one key by the time
  // they were initiated.
  std::vector<const UploadInfo*> sorted;
  for (const auto& [id, upload] : it->second.uploads) {
    if (upload.info.key.compare(0, q.prefix.size(), q.prefix) == 0) sorted.push_back(&upload.info);
  }
  std::sort(sorted.begin(), sorted.end(), [](const UploadInfo* a, const UploadInfo* b) {
    return std::tie(a->key, a->initiated, a->upload_id) < std::tie(b->key, b->initiated, b->upload_id);
  });
  size_t start = 0;
  if (!q.key_marker.empty()) {
    // After the marker key; with an upload-id-marker, also the uploads of
    // the marker key that come after that upload.
    const UploadInfo* marker_upload = nullptr;
    if (!q.upload_id_marker.empty()) {
      for (const UploadInfo* u : sorted) {
        if (u->key == q.key_marker && u->upload_id == q.upload_id_marker) marker_upload = u;
      }
    }
    while (start < sorted.size() &&
           (sorted[start]->key < q.key_marker ||
            (sorted[start]->key == q.key_marker &&
             (!marker_upload || std::tie(sorted[start]->initiated, sorted[start]->upload_id) <=
                                    std::tie(marker_upload->initiated, marker_upload->upload_id))))) {
      ++start;
    }
  }
  UploadListing out;
  if (q.max_uploads == 0) return out;
  size_t count = 0;
  for (size_t i = start; i < sorted.size(); ++i) {
    const UploadInfo& u = *sorted[i];
    if (!q.delimiter.empty()) {
      const size_t pos = u.key.find(q.delimiter, q.prefix.size());
      if (pos != std::string::npos) {
        const std::string common = u.key.substr(0, pos + q.delimiter.size());
        if (!out.common_prefixes.empty() && out.common_prefixes.back() == common) continue;
        if (common <= q.key_marker) continue;
        if (count == q.max_uploads) {
          out.truncated = true;
          break;
        }
        out.common_prefixes.push_back(common);
        out.next_key_marker = common;
        out.next_upload_id_marker.clear();
        ++count;
        continue;
      }
    }
    if (count == q.max_uploads) {
      out.truncated = true;
      break;
    }
    out.uploads.push_back(u);
    out.next_key_marker = u.key;
    out.next_upload_id_marker = u.upload_id;
    ++count;
  }
  return out;
}

}  // namespace fakeaws::s3
