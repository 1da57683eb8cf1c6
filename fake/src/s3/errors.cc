#include "s3/errors.h"

namespace fakeaws::s3 {

AwsError NoSuchBucket(const std::string& bucket) {
  return {"NoSuchBucket", "The specified bucket does not exist", 404, {{"BucketName", bucket}}};
}

AwsError NoSuchKey(const std::string& key) {
  return {"NoSuchKey", "The specified key does not exist.", 404, {{"Key", key}}};
}

AwsError BucketAlreadyOwnedByYou(const std::string& bucket) {
  return {"BucketAlreadyOwnedByYou",
          "Your previous request to create the named bucket succeeded and you already own it.",
          409,
          {{"BucketName", bucket}}};
}

AwsError BucketNotEmpty(const std::string& bucket) {
  return {"BucketNotEmpty", "The bucket you tried to delete is not empty", 409,
          {{"BucketName", bucket}}};
}

AwsError InvalidBucketName(const std::string& bucket) {
  return {"InvalidBucketName", "The specified bucket is not valid.", 400, {{"BucketName", bucket}}};
}

}  // namespace fakeaws::s3
