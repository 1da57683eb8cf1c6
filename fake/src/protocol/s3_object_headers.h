// Object metadata as HTTP headers, both ways: what a writer's headers set
// (PutObject, CopyObject with REPLACE, CreateMultipartUpload) and what a
// read's response carries.
#pragma once

#include <optional>
#include <string>

#include "fakeaws/http.h"
#include "protocol/s3_call.h"
#include "s3/object.h"
#include "s3/preconditions.h"
#include "s3/store.h"

namespace fakeaws::protocol {

// Content-Type, Content-Encoding (without the aws-chunked transfer coding,
// which S3 drops: DOC "aws-chunked"), Cache-Control, Content-Disposition,
// Content-Language, Expires and x-amz-meta-* (names lower-cased).
s3::ObjectAttributes AttributesFromHeaders(const Headers& headers);

// The first request header asking for a feature the fake does not have
// (object lock, SSE-KMS or SSE-C, other storage classes, website
// redirects, appends): such a write gets NotImplemented, not a silent 200.
std::optional<std::string> UnsupportedWriteHeader(const Headers& headers);

// If-Match / If-None-Match on a write.
s3::WriteConditions WriteConditionsFromHeaders(const Headers& headers);

// If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since (or their
// x-amz-copy-source- forms). An unparsable date is ignored, as HTTP says.
s3::ReadConditions ReadConditionsFromHeaders(const Headers& headers, const std::string& prefix = "");

// User metadata and the system metadata headers of a stored object, with
// the GET's response-* query overrides, and its tag count.
void AddObjectMetadataHeaders(S3Response& r, const s3::ObjectAttributes& a, const base::Query* overrides);

// SSE-S3 is on for every new object since 2023 and S3 says so on writes
// and reads (DOC: default encryption; INFERRED for the fake).
inline constexpr const char* kServerSideEncryption = "AES256";

}  // namespace fakeaws::protocol
