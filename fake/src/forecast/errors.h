// Amazon Forecast's error catalog: every error the service itself raises,
// with the verbatim text where a real capture shows it. Each entry names its
// evidence in ../shared/reference/wire-format.md (REAL, DOC, AWS-SAMPLE,
// INFERRED), so a later capture can correct exactly one place.
// All are HTTP 400 (§1.3).
#pragma once

#include <string>
#include <string_view>

#include "fakeaws/error.h"

namespace fakeaws::forecast {

// §2.3, INFERRED (moto's wording; AWS's shape for every resource type).
AwsError ResourceNotFound(const std::string& arn);

// §2.3, REAL for dataset groups and import jobs:
// "A <resource words> already exists with the arn: <arn>".
AwsError ResourceAlreadyExists(std::string_view resource_words, const std::string& arn);

// §3.4: the model lists ResourceInUseException; no real text was found
// anywhere, so these wordings are INFERRED.
AwsError ResourceNotActive(std::string_view resource_words, const std::string& arn,
                           std::string_view status);
AwsError ResourceHasChildren(std::string_view resource_words, const std::string& arn,
                             std::string_view child_words);
AwsError CannotDeleteInStatus(std::string_view resource_words, const std::string& arn,
                              std::string_view status);

// §2.3, AWS-SAMPLE texts with the number filled in:
// "Quota limit of 3 concurrently creating forecast exports has been reached".
AwsError ConcurrentQuotaReached(int limit, std::string_view what);
// "Quota limit of 1000 of total number of forecast exports has been reached".
AwsError TotalQuotaReached(int limit, std::string_view what);

// "Maximum parallel running StopResource tasks per resource type: 3"
// (limits.md); text INFERRED in the style above.
AwsError StopQuotaReached(int limit);

// InvalidInputException (§2.2: rules the service checks itself). Texts INFERRED.
AwsError InvalidInput(std::string message);
AwsError TooManyTags(int limit);
AwsError ReservedTagKey(const std::string& key);
AwsError DuplicateTagKey(const std::string& key);
AwsError RoleInOtherAccount(const std::string& role_arn);
AwsError MalformedRoleArn(const std::string& role_arn);
AwsError UnusableKmsKey(const std::string& kms_key_arn);
AwsError InvalidFilterKey(const std::string& key, std::string_view valid_keys);
AwsError NotStoppable(const std::string& arn, std::string_view status);
AwsError UnsupportedResourceArn(const std::string& arn);

// §3.4, DOC: "Tokens expire after 24 hours"; text INFERRED.
AwsError InvalidNextToken();

// Messages of a job that ended CREATE_FAILED (Describe's `Message`). INFERRED,
// in the style of the REAL "No objects found in s3 path ..." text (§2.3).
std::string ExportBucketMissingMessage(const std::string& path);
std::string ExportRoleUnassumableMessage(const std::string& role_arn);
std::string ExportFormatNotWrittenMessage(std::string_view format);

}  // namespace fakeaws::forecast
