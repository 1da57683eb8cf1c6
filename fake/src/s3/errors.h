// S3's error catalog: code, HTTP status, verbatim message and the extra
// elements S3 puts after <Message>. Sources: ../shared/reference/wire-format.md §4.1.
#pragma once

#include <string>

#include "fakeaws/error.h"

namespace fakeaws::s3 {

// REAL capture (§4.1): no period.
AwsError NoSuchBucket(const std::string& bucket);
// REAL capture (§4.1): with period, <Key> element.
AwsError NoSuchKey(const std::string& key);
// REAL capture (§4.1).
AwsError BucketAlreadyOwnedByYou(const std::string& bucket);
// DOC table + moto (§4.1).
AwsError BucketNotEmpty(const std::string& bucket);
// REAL capture (§4.1).
AwsError InvalidBucketName(const std::string& bucket);

}  // namespace fakeaws::s3
