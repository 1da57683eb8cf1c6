// S3's error catalog: every code, HTTP status, verbatim message and the
// extra elements S3 puts after <Message>, in one place. Each entry names its
// evidence, so a later capture can correct it:
//   REAL     a real S3 response in ../shared/reference/wire-format.md §4.1
//   DOC      the S3 documentation's error-code table or API reference
//   CAPTURE  a real S3 response quoted in a public issue thread (named);
//            not in wire-format.md, so treat it as INFERRED until recorded there
//   MOTO     moto 5.2.1's text (moto/s3/exceptions.py), a baseline only (§4.2)
//   INFERRED our choice where nothing better is known
#pragma once

#include <cstdint>
#include <string>

#include "fakeaws/clock.h"
#include "fakeaws/error.h"
#include "s3/checksum.h"

namespace fakeaws::s3 {

// --- Buckets and keys ---------------------------------------------------
// REAL (§4.1): no period; <BucketName>.
AwsError NoSuchBucket(const std::string& bucket);
// REAL (§4.1): with period; <Key>.
AwsError NoSuchKey(const std::string& key);
// REAL (§4.1).
AwsError BucketAlreadyOwnedByYou(const std::string& bucket);
// DOC table + MOTO (§4.1).
AwsError BucketNotEmpty(const std::string& bucket);
// REAL (§4.1).
AwsError InvalidBucketName(const std::string& bucket);
// DOC table text ("Your key is too long", 400); <Size>/<MaxSizeAllowed> INFERRED.
AwsError KeyTooLong(size_t size);
// DOC table text (400); the same text in ladon-s3-server and versitygw.
// <Size>/<MaxSizeAllowed> INFERRED (by analogy with EntityTooLarge's
// <ProposedSize>/<MaxSizeAllowed>).
AwsError MetadataTooLarge(size_t size, size_t max_size);
// MOTO: a LocationConstraint that names another region than the endpoint's.
AwsError IllegalLocationConstraint(const std::string& constraint);
// MOTO: no LocationConstraint, sent to an endpoint outside us-east-1.
AwsError UnspecifiedLocationConstraint();
// MOTO: "us-east-1" (or an unknown name) given as LocationConstraint.
AwsError InvalidLocationConstraint(const std::string& constraint);

// --- Bucket configurations nobody set ----------------------------------
// What S3 answers a read of a configuration a bucket does not have: 404
// with <BucketName>. Texts REAL: the AWS CLI's quotes of them in a public
// dump of eu-west-1 buckets (2026-01-25), and two recorded bodies: real
// S3's NoSuchTagSet and NoSuchLifecycleConfiguration with <BucketName>
// (cognitect-labs/aws-api test/src/cognitect/aws/util/xml_test.clj,
// "Sampled from real S3 responses", ids randomised), and a third-party
// S3 server's record of every configuration read of a us-east-1 bucket
// nobody configured, body by body (public code search, "probe37",
// 2026-09-29). NoSuchLifecycleConfiguration alone comes without the XML
// declaration in both records (s3_wire.cc).
AwsError NoSuchTagSet(const std::string& bucket);
AwsError NoSuchBucketPolicy(const std::string& bucket);  // GetBucketPolicy and GetBucketPolicyStatus
AwsError NoSuchCorsConfiguration(const std::string& bucket);
AwsError NoSuchLifecycleConfiguration(const std::string& bucket);
AwsError NoSuchWebsiteConfiguration(const std::string& bucket);
AwsError ObjectLockConfigurationNotFound(const std::string& bucket);
AwsError ReplicationConfigurationNotFound(const std::string& bucket);

// --- Reads --------------------------------------------------------------
// REAL (§4.1): <RangeRequested> then <ActualObjectSize>, 416.
AwsError InvalidRange(const std::string& range, uint64_t object_size);
// MOTO text; <Condition> names the failed header (INFERRED element), 412.
AwsError PreconditionFailed(const std::string& condition);

// --- Uploads: integrity of the bytes --------------------------------------
// CAPTURE (dandi/dandi-cli#1257): <ExpectedDigest> is the client's MD5 as hex,
// <CalculatedDigest> ours as base64, as S3 wrote them.
AwsError BadDigestContentMd5(const std::string& expected_hex, const std::string& calculated_base64);
// CAPTURE (versity/versitygw#1694, ministackorg/ministack#1497 run against
// AWS): "The CRC32 you specified did not match the calculated checksum."
AwsError BadDigestChecksum(ChecksumAlgorithm algorithm);
// INFERRED text (DOC table names the code, 400); <Content-MD5> INFERRED.
AwsError InvalidDigest(const std::string& content_md5);
// CAPTURE (versity/versitygw#1173, tested against AWS): a checksum value that
// is not base64 of the algorithm's digest size. `trailing` for a trailer.
AwsError InvalidChecksumValue(ChecksumAlgorithm algorithm, bool trailing);
// INFERRED: more than one x-amz-checksum-* header.
AwsError MultipleChecksumHeaders();
// INFERRED: x-amz-sdk-checksum-algorithm without a value header or trailer.
AwsError ChecksumAlgorithmWithoutValue();
// CAPTURE (versity/versitygw#1600, "direct" S3): a declared trailer missing
// or not well-formed.
AwsError MalformedTrailer();
// DOC table text (IncompleteBody, 400): the body is shorter than declared,
// or its aws-chunked framing is broken (INFERRED for the latter).
AwsError IncompleteBody();
// INFERRED text for XAmzContentSHA256Mismatch (400) with both digests.
AwsError ContentSha256Mismatch(const std::string& client_hex, const std::string& computed_hex);
// DOC table text (MissingContentLength, 411).
AwsError MissingContentLength();
// INFERRED: DeleteObjects without Content-MD5 or a checksum header.
AwsError MissingContentMd5();

// --- Tags -----------------------------------------------------------------
// BadRequest "Object tags cannot be greater than 10" (moto; versity/versitygw's
// table, whose tests run against AWS).
AwsError TooManyObjectTags();
// BadRequest "Bucket tag count cannot be greater than 50" (versity/versitygw
// tests/test_rest_put_bucket_tagging.sh, run against AWS).
AwsError TooManyBucketTags();
// InvalidTag "Cannot provide multiple Tags with the same key" with <TagKey>
// (versitygw's AWS run for the text; localstack's AWS-checked provider for
// the element).
AwsError DuplicateTagKey(const std::string& key);
// InvalidTag with <TagKey>: "System tags cannot be added/updated by
// requester" for a bucket, "Your TagKey cannot be prefixed with aws:" for an
// object (localstack's AWS-checked provider; moto has both texts).
AwsError ReservedTagKey(const std::string& key, bool bucket);
// CAPTURE (versity/versitygw#1232: AWS's RequestId and HostId): InvalidTag
// "The TagKey you have provided is invalid", no other element, for an empty
// key, one over 128 characters or one with a character tags may not hold.
AwsError InvalidTagKey();
// The same for a value (versitygw's AWS run for the text; no element, as
// the key's capture: INFERRED).
AwsError InvalidTagValue();
// An x-amz-tagging header that is not a query string of distinct tags:
// InvalidArgument with the header as <ArgumentValue> (localstack; MinIO).
AwsError InvalidTaggingHeader(const std::string& value);
// INFERRED from x-amz-metadata-directive's: "Unknown tagging directive."
AwsError InvalidTaggingDirective(const std::string& value);

// --- Multipart uploads ----------------------------------------------------
// MOTO text; <UploadId> INFERRED.
AwsError NoSuchUpload(const std::string& upload_id);
// CAPTURE (versity/versitygw#1008, "direct-to-s3"): two spaces after the
// first sentence; <UploadId>, <PartNumber>, <ETag> as the client sent it.
AwsError InvalidPart(const std::string& upload_id, int part_number, const std::string& etag);
// CAPTURE: S3's words, not the DOC table's ("The parts list must be specified
// in order by part number"): quoted from real S3 by the AWS SDK for Java in
// alexmojaki/s3-stream-upload#33 and by botocore in
// omrikiei/aws_logging_handlers#28. A part named twice is out of order too
// (strictly ascending; localstack#7495 checked against AWS).
AwsError InvalidPartOrder();
// CAPTURE (apache/arrow-rs-object-store#211): no period; <ProposedSize>,
// <MinSizeAllowed>, <PartNumber>, <ETag> (hex, unquoted).
AwsError EntityTooSmall(uint64_t proposed_size, uint64_t min_size, int part_number,
                        const std::string& etag_hex);
// CAPTURE (praw-dev/asyncpraw tests, a real S3 POST answer: no period);
// <ProposedSize>, <MaxSizeAllowed> after <Message>. The DOC table's text
// ends "...maximum allowed object size." instead.
AwsError EntityTooLarge(uint64_t proposed_size, uint64_t max_size);
// CAPTURE (the text S3 users' code matches on to fall back from CopyObject
// to a multipart copy, several public repositories): InvalidRequest "The specified copy source is larger than the
// maximum allowable size for a copy source: 5368709120", with the limit.
AwsError CopySourceTooLarge(uint64_t max_size);
// CAPTURE (versity/versitygw#2180, conda's S3 log): no other elements than
// <MaxSizeAllowed>. What S3 counts is INFERRED: the request line and the
// header lines.
AwsError RequestHeaderSectionTooLarge(size_t max_size);
// INFERRED: the upload was created with a checksum algorithm and the
// completion omits a part's checksum.
AwsError MissingPartChecksum(ChecksumAlgorithm algorithm, int part_number);
// INFERRED: CreateMultipartUpload asking FULL_OBJECT for a SHA algorithm,
// or COMPOSITE for CRC64NVME.
AwsError UnsupportedChecksumType(const std::string& type, ChecksumAlgorithm algorithm);
// INFERRED: an x-amz-checksum-type other than FULL_OBJECT / COMPOSITE.
AwsError InvalidChecksumType();

// --- Requests we cannot read --------------------------------------------
// CAPTURE (openstack/swift3's functional test of PUT with "Content-Length:
// invalid", whose comment quotes what S3 returns): 400 BadRequest "An error
// occurred when parsing the HTTP request.", no other element. The same for
// a negative length (INFERRED).
AwsError BadRequest();
// MOTO text (no period).
AwsError MalformedXml();
// MOTO text; <Method>, <ResourceType> INFERRED; 405.
AwsError MethodNotAllowed(const std::string& method, const std::string& resource_type);
// DOC table text (501). `header` (when a header asked for it) becomes <Header>.
AwsError NotImplemented(const std::string& header = "");
// DOC table text (InvalidURI, 400); <URI> INFERRED.
AwsError InvalidUri(const std::string& uri);
// InvalidArgument with <ArgumentName>/<ArgumentValue> (400): MOTO text for
// integers ("Provided max-keys not an integer or within integer range").
AwsError NotAnInteger(const std::string& name, const std::string& value);
// MOTO text for partNumber.
AwsError InvalidPartNumber(const std::string& value);
// §4.1 (INFERRED there): a continuation token we did not issue.
AwsError InvalidContinuationToken();
// INFERRED text: encoding-type other than "url".
AwsError InvalidEncodingType(const std::string& value);
// CAPTURE (versity/versitygw#2174, S3's 400 quoted whole): ListObjectVersions'
// version-id-marker without a key-marker.
AwsError VersionIdMarkerWithoutKeyMarker(const std::string& value);
// CAPTURE (versity/versitygw#1638: "S3 returns InvalidArgument: Invalid
// version id specified" for an id not of S3's structure; Seagate/cortx-s3server
// #1724: AWS answers 400 to "dsf", 404 to a well-formed unknown id); text
// as MOTO. `name` is the parameter that carried the id.
AwsError InvalidVersionId(const std::string& name, const std::string& value);
// DOC table code and status (404: "the version ID specified in the request
// does not match an existing version"); text MOTO and MinIO; <Key> and
// <VersionId> MOTO (INFERRED for S3).
AwsError NoSuchVersion(const std::string& key, const std::string& version_id);
// CAPTURE (the AWS CLI against S3, quoted in noobaa/noobaa-core#7970, and
// the Ruby SDK in amazon-archives/aws-sdk-core-ruby#76): InvalidArgument
// "Version id cannot be the empty string" for `?versionId=` with nothing
// after it. Elements INFERRED (as InvalidVersionId's).
AwsError EmptyVersionId();
// DOC (CopyObject: "you can't specify a delete marker as the copy
// source"); InvalidRequest, text INFERRED.
AwsError CopySourceIsDeleteMarker();
// INFERRED text: x-amz-metadata-directive other than COPY / REPLACE.
AwsError InvalidMetadataDirective(const std::string& value);
// INFERRED text: an x-amz-copy-source without "bucket/key".
AwsError InvalidCopySource(const std::string& value);
// MOTO text: CopyObject onto itself with nothing changed.
AwsError CopyOntoItself();

// --- Signatures (Options::auth) ------------------------------------------
// REAL (§4.1): an unsigned request to a private bucket.
AwsError AccessDenied();
// DOC table text (403); <AWSAccessKeyId>.
AwsError InvalidAccessKeyId(const std::string& access_key);
// REAL (§4.1) text and elements, in the capture's order: <AWSAccessKeyId>,
// <StringToSign>, <SignatureProvided>, <StringToSignBytes>, then SigV4's
// <CanonicalRequest>, <CanonicalRequestBytes>. The *Bytes elements are the
// text as space-separated two-digit hex (INFERRED format).
AwsError SignatureDoesNotMatch(const std::string& access_key, const std::string& string_to_sign,
                               const std::string& signature_provided, const std::string& canonical_request);
// INFERRED text: an Authorization header without Credential, SignedHeaders,
// Signature or a date, or one that does not sign Host (400).
AwsError AuthorizationHeaderMalformed(const std::string& detail);
// INFERRED text (InvalidArgument, 400): a signature in both the header and
// the query string.
AwsError OnlyOneAuthMechanism();
// CAPTURE (a real S3 body quoted in a 2017 blog post; aws-sdk-js-v3's error
// dump in a public issue, 2021): 403, "The difference between the request
// time and the current time is too large." then <RequestTime> (the request's
// date as sent: "20210811T184802Z"), <ServerTime> ("2021-08-11T21:48:05Z"),
// <MaxAllowedSkewMilliseconds>900000.
AwsError RequestTimeTooSkewed(const std::string& request_time, Timestamp server_time);
// CAPTURE (a real S3 body in an API doc comment, 2020): a presigned URL past
// X-Amz-Date + X-Amz-Expires is 403 AccessDenied "Request has expired" with
// <X-Amz-Expires>, <Expires> and <ServerTime> (ISO-8601, whole seconds).
AwsError RequestHasExpired(int64_t expires_seconds, Timestamp expired_at, Timestamp server_time);
// CAPTURE (AWS SDK errors quoted by Terraform and SSM agent users): "The
// authorization header is malformed; the region 'us-east-1' is wrong;
// expecting 'eu-west-1'" (400). <Region> (the expected one, which botocore's
// S3RegionRedirector reads) from OpenStack Swift's s3api, which copies S3.
AwsError AuthorizationHeaderWrongRegion(const std::string& region, const std::string& expected);
// The same for a presigned URL, AuthorizationQueryParametersError (400):
// "Error parsing the X-Amz-Credential parameter; the region ..." (CAPTURE:
// users' presigned-URL errors; Swift s3api for <Region>).
AwsError AuthorizationQueryWrongRegion(const std::string& region, const std::string& expected);
// Swift s3api's text (INFERRED for S3): a scope for another service, as
// 'The authorization header is malformed; incorrect service "forecast".
// This endpoint belongs to "s3".', or its X-Amz-Credential form.
AwsError AuthorizationWrongService(const std::string& service, bool query);
// Swift s3api's text and status (AccessDenied, 403; INFERRED for S3): a date
// that is neither X-Amz-Date's basic format nor an HTTP date.
AwsError InvalidRequestDate();

}  // namespace fakeaws::s3
