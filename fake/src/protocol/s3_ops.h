// The S3 operations the fake answers, one handler each; s3_router.cc picks
// the handler from the method, the address and the query's subresources.
#pragma once

#include "fakeaws/http.h"
#include "protocol/s3_call.h"

namespace fakeaws::protocol::s3ops {

using Handler = HttpResponse (*)(S3Call&);

// Buckets (s3_bucket_ops.cc).
HttpResponse ListBuckets(S3Call& call);
HttpResponse CreateBucket(S3Call& call);
HttpResponse HeadBucket(S3Call& call);
HttpResponse DeleteBucket(S3Call& call);
HttpResponse GetBucketLocation(S3Call& call);

// Objects (s3_object_ops.cc).
HttpResponse PutObject(S3Call& call);
HttpResponse GetObject(S3Call& call);  // and HeadObject
HttpResponse DeleteObject(S3Call& call);
HttpResponse DeleteObjects(S3Call& call);
HttpResponse CopyObject(S3Call& call);

// Listings (s3_list_ops.cc).
HttpResponse ListObjectsV2(S3Call& call);
HttpResponse ListObjects(S3Call& call);
HttpResponse ListObjectVersions(S3Call& call);

// A bucket's configurations, as S3 answers them for a bucket nobody
// configured (s3_bucket_config_ops.cc).
HttpResponse GetBucketVersioning(S3Call& call);
HttpResponse PutBucketVersioning(S3Call& call);
HttpResponse GetBucketAccelerateConfiguration(S3Call& call);
HttpResponse GetBucketNotificationConfiguration(S3Call& call);
HttpResponse GetBucketRequestPayment(S3Call& call);
HttpResponse GetBucketOwnershipControls(S3Call& call);
HttpResponse GetPublicAccessBlock(S3Call& call);
HttpResponse GetBucketEncryption(S3Call& call);
HttpResponse GetBucketLogging(S3Call& call);
HttpResponse GetBucketAcl(S3Call& call);
HttpResponse GetObjectAcl(S3Call& call);
HttpResponse GetBucketPolicy(S3Call& call);
HttpResponse GetBucketPolicyStatus(S3Call& call);
HttpResponse GetBucketCors(S3Call& call);
HttpResponse GetBucketLifecycleConfiguration(S3Call& call);
HttpResponse GetBucketWebsite(S3Call& call);
HttpResponse GetObjectLockConfiguration(S3Call& call);
HttpResponse GetBucketReplication(S3Call& call);

// Tags (s3_tagging_ops.cc).
HttpResponse GetBucketTagging(S3Call& call);
HttpResponse PutBucketTagging(S3Call& call);
HttpResponse DeleteBucketTagging(S3Call& call);
HttpResponse GetObjectTagging(S3Call& call);
HttpResponse PutObjectTagging(S3Call& call);
HttpResponse DeleteObjectTagging(S3Call& call);

// Multipart uploads (s3_multipart_ops.cc).
HttpResponse CreateMultipartUpload(S3Call& call);
HttpResponse UploadPart(S3Call& call);
HttpResponse CompleteMultipartUpload(S3Call& call);
HttpResponse AbortMultipartUpload(S3Call& call);
HttpResponse ListParts(S3Call& call);
HttpResponse ListMultipartUploads(S3Call& call);

}  // namespace fakeaws::protocol::s3ops
