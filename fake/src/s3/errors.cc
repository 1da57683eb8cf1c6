#include "s3/errors.h"

namespace fakeaws::s3 {
namespace {

AwsError InvalidArgument(std::string message, const std::string& name, const std::string& value) {
  return {"InvalidArgument", std::move(message), 400, {{"ArgumentName", name}, {"ArgumentValue", value}}};
}

AwsError InvalidRequest(std::string message) { return {"InvalidRequest", std::move(message), 400, {}}; }

}  // namespace

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

AwsError KeyTooLong(size_t size) {
  return {"KeyTooLongError", "Your key is too long", 400,
          {{"Size", std::to_string(size)}, {"MaxSizeAllowed", "1024"}}};
}

AwsError MetadataTooLarge(size_t size, size_t max_size) {
  return {"MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.", 400,
          {{"Size", std::to_string(size)}, {"MaxSizeAllowed", std::to_string(max_size)}}};
}

AwsError EntityTooLarge(uint64_t proposed_size, uint64_t max_size) {
  return {"EntityTooLarge", "Your proposed upload exceeds the maximum allowed size", 400,
          {{"ProposedSize", std::to_string(proposed_size)}, {"MaxSizeAllowed", std::to_string(max_size)}}};
}

AwsError CopySourceTooLarge(uint64_t max_size) {
  return InvalidRequest("The specified copy source is larger than the maximum allowable size for a copy source: " +
                        std::to_string(max_size));
}

AwsError RequestHeaderSectionTooLarge(size_t max_size) {
  return {"RequestHeaderSectionTooLarge", "Your request header section exceeds the maximum allowed size.", 400,
          {{"MaxSizeAllowed", std::to_string(max_size)}}};
}

AwsError IllegalLocationConstraint(const std::string& constraint) {
  return {"IllegalLocationConstraintException",
          "The " + constraint +
              " location constraint is incompatible for the region specific endpoint this request was sent to.",
          400,
          {}};
}

AwsError UnspecifiedLocationConstraint() {
  return {"IllegalLocationConstraintException",
          "The unspecified location constraint is incompatible for the region specific endpoint this "
          "request was sent to.",
          400,
          {}};
}

AwsError InvalidLocationConstraint(const std::string& constraint) {
  return {"InvalidLocationConstraint", "The specified location-constraint is not valid", 400,
          {{"LocationConstraint", constraint}}};
}

namespace {
AwsError NotConfigured(const char* code, const char* message, const std::string& bucket) {
  return {code, message, 404, {{"BucketName", bucket}}};
}
}  // namespace

AwsError NoSuchTagSet(const std::string& bucket) {
  return NotConfigured("NoSuchTagSet", "The TagSet does not exist", bucket);
}

AwsError NoSuchBucketPolicy(const std::string& bucket) {
  return NotConfigured("NoSuchBucketPolicy", "The bucket policy does not exist", bucket);
}

AwsError NoSuchCorsConfiguration(const std::string& bucket) {
  return NotConfigured("NoSuchCORSConfiguration", "The CORS configuration does not exist", bucket);
}

AwsError NoSuchLifecycleConfiguration(const std::string& bucket) {
  return NotConfigured("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", bucket);
}

AwsError NoSuchWebsiteConfiguration(const std::string& bucket) {
  return NotConfigured("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration",
                       bucket);
}

AwsError ObjectLockConfigurationNotFound(const std::string& bucket) {
  return NotConfigured("ObjectLockConfigurationNotFoundError",
                       "Object Lock configuration does not exist for this bucket", bucket);
}

AwsError ReplicationConfigurationNotFound(const std::string& bucket) {
  return NotConfigured("ReplicationConfigurationNotFoundError", "The replication configuration was not found",
                       bucket);
}

AwsError InvalidRange(const std::string& range, uint64_t object_size) {
  return {"InvalidRange", "The requested range is not satisfiable", 416,
          {{"RangeRequested", range}, {"ActualObjectSize", std::to_string(object_size)}}};
}

AwsError PreconditionFailed(const std::string& condition) {
  return {"PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412,
          {{"Condition", condition}}};
}

AwsError BadDigestContentMd5(const std::string& expected_hex, const std::string& calculated_base64) {
  return {"BadDigest", "The Content-MD5 you specified did not match what we received.", 400,
          {{"ExpectedDigest", expected_hex}, {"CalculatedDigest", calculated_base64}}};
}

AwsError BadDigestChecksum(ChecksumAlgorithm algorithm) {
  return {"BadDigest",
          "The " + std::string(AlgorithmName(algorithm)) + " you specified did not match the calculated checksum.",
          400,
          {}};
}

AwsError InvalidDigest(const std::string& content_md5) {
  return {"InvalidDigest", "The Content-MD5 you specified was invalid.", 400, {{"Content-MD5", content_md5}}};
}

AwsError InvalidChecksumValue(ChecksumAlgorithm algorithm, bool trailing) {
  return InvalidRequest("Value for x-amz-checksum-" + std::string(AlgorithmHeaderSuffix(algorithm)) +
                        (trailing ? " trailing header is invalid." : " header is invalid."));
}

AwsError MultipleChecksumHeaders() {
  return InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
}

AwsError ChecksumAlgorithmWithoutValue() {
  return InvalidRequest(
      "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer "
      "headers were found.");
}

AwsError MalformedTrailer() {
  return {"MalformedTrailerError",
          "The request contained trailing data that was not well-formed or did not conform to our "
          "published schema.",
          400,
          {}};
}

AwsError IncompleteBody() {
  return {"IncompleteBody",
          "You did not provide the number of bytes specified by the Content-Length HTTP header.", 400, {}};
}

AwsError ContentSha256Mismatch(const std::string& client_hex, const std::string& computed_hex) {
  return {"XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
          400,
          {{"ClientComputedContentSHA256", client_hex}, {"S3ComputedContentSHA256", computed_hex}}};
}

AwsError MissingContentLength() {
  return {"MissingContentLength", "You must provide the Content-Length HTTP header.", 411, {}};
}

AwsError MissingContentMd5() { return InvalidRequest("Missing required header for this request: Content-MD5"); }

AwsError NoSuchUpload(const std::string& upload_id) {
  return {"NoSuchUpload",
          "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
          "aborted or completed.",
          404,
          {{"UploadId", upload_id}}};
}

AwsError InvalidPart(const std::string& upload_id, int part_number, const std::string& etag) {
  return {"InvalidPart",
          "One or more of the specified parts could not be found.  The part may not have been uploaded, "
          "or the specified entity tag may not match the part's entity tag.",
          400,
          {{"UploadId", upload_id}, {"PartNumber", std::to_string(part_number)}, {"ETag", etag}}};
}

AwsError InvalidPartOrder() {
  return {"InvalidPartOrder",
          "The list of parts was not in ascending order. Parts must be ordered by part number.",
          400,
          {}};
}

AwsError EntityTooSmall(uint64_t proposed_size, uint64_t min_size, int part_number,
                        const std::string& etag_hex) {
  return {"EntityTooSmall",
          "Your proposed upload is smaller than the minimum allowed size",
          400,
          {{"ProposedSize", std::to_string(proposed_size)},
           {"MinSizeAllowed", std::to_string(min_size)},
           {"PartNumber", std::to_string(part_number)},
           {"ETag", etag_hex}}};
}

AwsError MissingPartChecksum(ChecksumAlgorithm algorithm, int part_number) {
  return InvalidRequest("The upload was created using a " + std::string(AlgorithmHeaderSuffix(algorithm)) +
                        " checksum. The complete request must include the checksum for each part. It was "
                        "missing for part " +
                        std::to_string(part_number) + " in the request.");
}

AwsError UnsupportedChecksumType(const std::string& type, ChecksumAlgorithm algorithm) {
  return InvalidRequest("The " + type + " checksum type cannot be used with the " +
                        std::string(AlgorithmHeaderSuffix(algorithm)) + " checksum algorithm.");
}

AwsError InvalidChecksumType() {
  return InvalidRequest("Value for x-amz-checksum-type header is invalid.");
}

AwsError BadRequest() { return {"BadRequest", "An error occurred when parsing the HTTP request.", 400, {}}; }

AwsError MalformedXml() {
  return {"MalformedXML",
          "The XML you provided was not well-formed or did not validate against our published schema", 400, {}};
}

AwsError MethodNotAllowed(const std::string& method, const std::string& resource_type) {
  return {"MethodNotAllowed", "The specified method is not allowed against this resource.", 405,
          {{"Method", method}, {"ResourceType", resource_type}}};
}

AwsError NotImplemented(const std::string& header) {
  AwsError e{"NotImplemented", "A header you provided implies functionality that is not implemented", 501, {}};
  if (!header.empty()) e.details.push_back({"Header", header});
  return e;
}

AwsError InvalidUri(const std::string& uri) {
  return {"InvalidURI", "Couldn't parse the specified URI.", 400, {{"URI", uri}}};
}

AwsError NotAnInteger(const std::string& name, const std::string& value) {
  return InvalidArgument("Provided " + name + " not an integer or within integer range", name, value);
}

AwsError InvalidPartNumber(const std::string& value) {
  return InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", value);
}

AwsError InvalidContinuationToken() {
  return {"InvalidArgument", "The continuation token provided is incorrect", 400,
          {{"ArgumentName", "continuation-token"}}};
}

AwsError InvalidEncodingType(const std::string& value) {
  return InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", value);
}

AwsError VersionIdMarkerWithoutKeyMarker(const std::string& value) {
  return InvalidArgument("A version-id marker cannot be specified without a key marker.", "version-id-marker", value);
}

AwsError InvalidVersionId(const std::string& name, const std::string& value) {
  return InvalidArgument("Invalid version id specified", name, value);
}

AwsError NoSuchVersion(const std::string& key, const std::string& version_id) {
  return {"NoSuchVersion", "The specified version does not exist.", 404, {{"Key", key}, {"VersionId", version_id}}};
}

AwsError EmptyVersionId() { return InvalidArgument("Version id cannot be the empty string", "versionId", ""); }

AwsError CopySourceIsDeleteMarker() {
  return InvalidRequest("The source of a copy request may not specifically refer to a delete marker by version id.");
}

AwsError InvalidMetadataDirective(const std::string& value) {
  return InvalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", value);
}

AwsError InvalidCopySource(const std::string& value) {
  return InvalidArgument("Invalid copy source object key", "x-amz-copy-source", value);
}

AwsError CopyOntoItself() {
  return InvalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing "
      "the object's metadata, storage class, website redirect location or encryption attributes.");
}

namespace {
std::string SpacedHex(const std::string& text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (!out.empty()) out += ' ';
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}
}  // namespace

AwsError AccessDenied() { return {"AccessDenied", "Access Denied", 403, {}}; }

AwsError InvalidAccessKeyId(const std::string& access_key) {
  return {"InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403,
          {{"AWSAccessKeyId", access_key}}};
}

AwsError SignatureDoesNotMatch(const std::string& access_key, const std::string& string_to_sign,
                               const std::string& signature_provided, const std::string& canonical_request) {
  return {"SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your key "
          "and signing method.",
          403,
          {{"AWSAccessKeyId", access_key},
           {"StringToSign", string_to_sign},
           {"SignatureProvided", signature_provided},
           {"StringToSignBytes", SpacedHex(string_to_sign)},
           {"CanonicalRequest", canonical_request},
           {"CanonicalRequestBytes", SpacedHex(canonical_request)}}};
}

AwsError AuthorizationHeaderMalformed(const std::string& detail) {
  return {"AuthorizationHeaderMalformed", "The authorization header is malformed; " + detail, 400, {}};
}

AwsError OnlyOneAuthMechanism() {
  return {"InvalidArgument",
          "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
          "string parameter or the Authorization header should be specified",
          400,
          {{"ArgumentName", "Authorization"}}};
}

namespace {
// "2021-08-11T21:48:05Z": S3's ServerTime and Expires carry no fraction.
std::string WholeSeconds(Timestamp t) {
  return FormatTimestamp(std::chrono::floor<std::chrono::seconds>(t));
}
}  // namespace

AwsError RequestTimeTooSkewed(const std::string& request_time, Timestamp server_time) {
  return {"RequestTimeTooSkewed",
          "The difference between the request time and the current time is too large.",
          403,
          {{"RequestTime", request_time},
           {"ServerTime", WholeSeconds(server_time)},
           {"MaxAllowedSkewMilliseconds", "900000"}}};
}

AwsError RequestHasExpired(int64_t expires_seconds, Timestamp expired_at, Timestamp server_time) {
  return {"AccessDenied",
          "Request has expired",
          403,
          {{"X-Amz-Expires", std::to_string(expires_seconds)},
           {"Expires", WholeSeconds(expired_at)},
           {"ServerTime", WholeSeconds(server_time)}}};
}

AwsError AuthorizationHeaderWrongRegion(const std::string& region, const std::string& expected) {
  return {"AuthorizationHeaderMalformed",
          "The authorization header is malformed; the region '" + region + "' is wrong; expecting '" + expected +
              "'",
          400,
          {{"Region", expected}}};
}

AwsError AuthorizationQueryWrongRegion(const std::string& region, const std::string& expected) {
  return {"AuthorizationQueryParametersError",
          "Error parsing the X-Amz-Credential parameter; the region '" + region + "' is wrong; expecting '" +
              expected + "'",
          400,
          {{"Region", expected}}};
}

AwsError AuthorizationWrongService(const std::string& service, bool query) {
  const std::string detail = "incorrect service \"" + service + "\". This endpoint belongs to \"s3\".";
  if (query) {
    return {"AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; " + detail, 400, {}};
  }
  return {"AuthorizationHeaderMalformed", "The authorization header is malformed; " + detail, 400, {}};
}

AwsError InvalidRequestDate() {
  return {"AccessDenied", "AWS authentication requires a valid Date or x-amz-date header", 403, {}};
}

AwsError TooManyObjectTags() { return {"BadRequest", "Object tags cannot be greater than 10", 400, {}}; }

AwsError TooManyBucketTags() { return {"BadRequest", "Bucket tag count cannot be greater than 50", 400, {}}; }

AwsError DuplicateTagKey(const std::string& key) {
  return {"InvalidTag", "Cannot provide multiple Tags with the same key", 400, {{"TagKey", key}}};
}

AwsError ReservedTagKey(const std::string& key, bool bucket) {
  return {"InvalidTag",
          bucket ? "System tags cannot be added/updated by requester" : "Your TagKey cannot be prefixed with aws:",
          400,
          {{"TagKey", key}}};
}

AwsError InvalidTagKey() { return {"InvalidTag", "The TagKey you have provided is invalid", 400, {}}; }

AwsError InvalidTagValue() { return {"InvalidTag", "The TagValue you have provided is invalid", 400, {}}; }

AwsError InvalidTaggingHeader(const std::string& value) {
  return InvalidArgument(
      "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag "
      "name duplicates.",
      "x-amz-tagging", value);
}

AwsError InvalidTaggingDirective(const std::string& value) {
  return InvalidArgument("Unknown tagging directive.", "x-amz-tagging-directive", value);
}

}  // namespace fakeaws::s3
