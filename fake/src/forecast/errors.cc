#include "forecast/errors.h"

namespace fakeaws::forecast {
namespace {
AwsError Make(const char* type, std::string message) { return {type, std::move(message), 400, {}}; }
constexpr const char* kInvalidInput = "InvalidInputException";
constexpr const char* kInUse = "ResourceInUseException";
constexpr const char* kLimit = "LimitExceededException";
}  // namespace

AwsError ResourceNotFound(const std::string& arn) {
  return Make("ResourceNotFoundException", "No resource found " + arn);
}

AwsError ResourceAlreadyExists(std::string_view resource_words, const std::string& arn) {
  return Make("ResourceAlreadyExistsException",
              "A " + std::string(resource_words) + " already exists with the arn: " + arn);
}

AwsError ResourceNotActive(std::string_view resource_words, const std::string& arn,
                           std::string_view status) {
  return Make(kInUse, "The " + std::string(resource_words) + " " + arn + " is in status " +
                          std::string(status) + "; it must be ACTIVE");
}

AwsError ResourceHasChildren(std::string_view resource_words, const std::string& arn,
                             std::string_view child_words) {
  return Make(kInUse, "The " + std::string(resource_words) + " " + arn + " has " +
                          std::string(child_words) +
                          "; delete them first or use DeleteResourceTree");
}

AwsError CannotDeleteInStatus(std::string_view resource_words, const std::string& arn,
                              std::string_view status) {
  return Make(kInUse, "Cannot delete the " + std::string(resource_words) + " " + arn +
                          " in status " + std::string(status) +
                          "; only ACTIVE or CREATE_FAILED resources can be deleted");
}

AwsError ConcurrentQuotaReached(int limit, std::string_view what) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) + " concurrently creating " +
                          std::string(what) + " has been reached");
}

AwsError TotalQuotaReached(int limit, std::string_view what) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) + " of total number of " +
                          std::string(what) + " has been reached");
}

AwsError StopQuotaReached(int limit) {
  return Make(kLimit, "Quota limit of " + std::to_string(limit) +
                          " parallel running StopResource tasks per resource type has been reached");
}

AwsError InvalidInput(std::string message) { return Make(kInvalidInput, std::move(message)); }

AwsError TooManyTags(int limit) {
  return InvalidInput("The number of tags exceeds the limit of " + std::to_string(limit) +
                      " tags per resource");
}

AwsError ReservedTagKey(const std::string& key) {
  return InvalidInput("The tag key " + key +
                      " uses the prefix aws:, which is reserved for AWS use");
}

AwsError DuplicateTagKey(const std::string& key) {
  return InvalidInput("The tag key " + key + " is used more than once; tag keys must be unique");
}

AwsError RoleInOtherAccount(const std::string& role_arn) {
  return InvalidInput("The role " + role_arn +
                      " belongs to another account; passing a role across accounts is not allowed");
}

AwsError MalformedRoleArn(const std::string& role_arn) {
  return InvalidInput("The role ARN " + role_arn + " is not a valid IAM role ARN");
}

AwsError UnusableKmsKey(const std::string& kms_key_arn) {
  return InvalidInput("The KMS key " + kms_key_arn +
                      " is not a valid KMS key ARN in this account and region");
}

AwsError InvalidFilterKey(const std::string& key, std::string_view valid_keys) {
  return InvalidInput("The filter key " + key + " is not valid; valid keys are " +
                      std::string(valid_keys));
}

AwsError NotStoppable(const std::string& arn, std::string_view status) {
  return InvalidInput("The resource " + arn + " is in status " + std::string(status) +
                      "; only resources in CREATE_PENDING or CREATE_IN_PROGRESS can be stopped");
}

AwsError UnsupportedResourceArn(const std::string& arn) {
  return InvalidInput("The ARN " + arn + " does not name a resource this operation supports");
}

AwsError InvalidNextToken() {
  return Make("InvalidNextTokenException", "The NextToken is invalid or has expired");
}

std::string ExportBucketMissingMessage(const std::string& path) {
  return "Unable to write to the S3 path " + path +
         ", please ensure the bucket exists and the role can write to it.";
}

std::string ExportRoleUnassumableMessage(const std::string& role_arn) {
  return "Unable to assume the role " + role_arn +
         ", please ensure the role exists and trusts forecast.amazonaws.com.";
}

std::string ExportFormatNotWrittenMessage(std::string_view format) {
  return "fakeaws does not write " + std::string(format) +
         " exports yet; no file was written. Use Format CSV.";
}

}  // namespace fakeaws::forecast
