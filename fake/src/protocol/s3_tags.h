// Tags as S3 reads them, from a <Tagging> document (PutObjectTagging,
// PutBucketTagging) or an x-amz-tagging header (PutObject, CopyObject,
// CreateMultipartUpload), and the rules a tag set must keep.
#pragma once

#include <optional>
#include <string_view>

#include "fakeaws/error.h"
#include "fakeaws/http.h"
#include "protocol/s3_xml.h"
#include "s3/object.h"

namespace fakeaws::protocol {

enum class TagScope { kObject, kBucket };

// <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>, checked.
// A document of any other shape is MalformedXML.
Outcome<s3::TagSet> TagSetFromXml(std::string_view document, TagScope scope);

// "k1=v1&k2=v2", form-encoded (a '+' is a space), checked as an object's.
Outcome<s3::TagSet> TagSetFromHeader(std::string_view header);

// The x-amz-tagging header of a write, parsed as above; none is no tags.
Outcome<s3::TagSet> TagsFromHeaders(const Headers& headers);

// DOC "Categorizing your storage using tags": at most 10 tags on an object
// and 50 on a bucket; keys of 1 to 128 characters and values of up to 256,
// of letters, digits, spaces and _ . : / = + - @ (the Tag pattern of AWS's
// models); distinct keys; none starting with "aws:". The count is checked
// first, then each tag in order (INFERRED order).
std::optional<AwsError> CheckTagSet(const s3::TagSet& tags, TagScope scope);

// <TagSet><Tag><Key>k</Key><Value>v</Value></Tag>...</TagSet>
void WriteTagSet(XmlWriter& xml, const s3::TagSet& tags);

}  // namespace fakeaws::protocol
