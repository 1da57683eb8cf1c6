// How a request is named and routed, once, before any handler runs: the
// journal, fault rules, the listener and the S3 router all read this.
#include <gtest/gtest.h>

#include "protocol/call.h"

namespace fakeaws::protocol {
namespace {

HttpRequest S3(const std::string& method, const std::string& target, const std::string& host = "127.0.0.1:9000") {
  HttpRequest r;
  r.method = method;
  r.target = target;
  r.headers.Add("Host", host);
  return r;
}

std::string Op(const HttpRequest& r) { return IdentifyCall(r).operation; }

TEST(IdentifyCall, NamesJsonOperationsByTheirTarget) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast.CreateForecastExportJob");
  const Call call = IdentifyCall(r);
  EXPECT_EQ(call.service, Service::kForecast);
  EXPECT_EQ(call.operation, "AmazonForecast.CreateForecastExportJob");
  r.headers.Set("X-Amz-Target", "AmazonForecastRuntime.QueryForecast");
  EXPECT_EQ(IdentifyCall(r).service, Service::kForecastQuery);
}

// botocore's S3 model: data/s3/2006-03-01/service-2.json, "http" of each operation.
TEST(IdentifyCall, NamesS3OperationsAsTheModelMapsThem) {
  EXPECT_EQ(Op(S3("GET", "/")), "s3:ListBuckets");
  EXPECT_EQ(Op(S3("PUT", "/exports")), "s3:CreateBucket");
  EXPECT_EQ(Op(S3("HEAD", "/exports")), "s3:HeadBucket");
  EXPECT_EQ(Op(S3("DELETE", "/exports")), "s3:DeleteBucket");
  EXPECT_EQ(Op(S3("GET", "/exports")), "s3:ListObjects");
  EXPECT_EQ(Op(S3("GET", "/exports?list-type=2&prefix=weekly%2F&encoding-type=url")), "s3:ListObjectsV2");
  EXPECT_EQ(Op(S3("GET", "/exports?location")), "s3:GetBucketLocation");
  EXPECT_EQ(Op(S3("POST", "/exports?delete")), "s3:DeleteObjects");
  EXPECT_EQ(Op(S3("PUT", "/exports/a.csv")), "s3:PutObject");
  EXPECT_EQ(Op(S3("GET", "/exports/a.csv")), "s3:GetObject");
  EXPECT_EQ(Op(S3("HEAD", "/exports/a.csv")), "s3:HeadObject");
  EXPECT_EQ(Op(S3("DELETE", "/exports/a.csv")), "s3:DeleteObject");
  EXPECT_EQ(Op(S3("POST", "/exports/a.csv?uploads")), "s3:CreateMultipartUpload");
  EXPECT_EQ(Op(S3("PUT", "/exports/a.csv?partNumber=1&uploadId=u")), "s3:UploadPart");
  EXPECT_EQ(Op(S3("POST", "/exports/a.csv?uploadId=u")), "s3:CompleteMultipartUpload");
  EXPECT_EQ(Op(S3("DELETE", "/exports/a.csv?uploadId=u")), "s3:AbortMultipartUpload");
  EXPECT_EQ(Op(S3("GET", "/exports/a.csv?uploadId=u")), "s3:ListParts");
  EXPECT_EQ(Op(S3("GET", "/exports/a.csv?tagging")), "s3:GetObjectTagging");
  HttpRequest copy = S3("PUT", "/exports/b.csv");
  copy.headers.Add("x-amz-copy-source", "/exports/a.csv");
  EXPECT_EQ(Op(copy), "s3:CopyObject");
  EXPECT_EQ(Op(S3("PATCH", "/exports/a.csv")), "s3:Unknown");
}

TEST(IdentifyCall, ReadsBucketAndDecodedKeyFromThePath) {
  const Call call = IdentifyCall(S3("PUT", "/exports/weekly/a%20b%2Bc.csv?x-id=PutObject"));
  EXPECT_EQ(call.bucket(), "exports");
  EXPECT_EQ(call.key(), "weekly/a b+c.csv");
}

// wire-format.md §4.3: hostname endpoints make clients put the bucket in Host.
TEST(IdentifyCall, ReadsTheBucketFromAVirtualHostedHost) {
  Call call = IdentifyCall(S3("GET", "/weekly/a.csv", "exports.localhost:9000"));
  EXPECT_EQ(call.bucket(), "exports");
  EXPECT_EQ(call.key(), "weekly/a.csv");
  EXPECT_EQ(call.operation, "s3:GetObject");
  call = IdentifyCall(S3("GET", "/?list-type=2", "my.bucket.s3.us-west-2.amazonaws.com"));
  EXPECT_EQ(call.bucket(), "my.bucket");
  EXPECT_EQ(call.operation, "s3:ListObjectsV2");
  EXPECT_EQ(IdentifyCall(S3("GET", "/b/k", "s3.us-east-1.amazonaws.com")).bucket(), "b");
  EXPECT_EQ(IdentifyCall(S3("GET", "/b/k", "localhost:9000")).bucket(), "b");
}

// One table names and routes: what the journal calls a request is what
// answers it, and an operation the fake lacks is named all the same.
TEST(IdentifyCall, NamesAndRoutesFromOneTable) {
  Call listed = IdentifyCall(S3("GET", "/exports?list-type=2"));
  EXPECT_NE(listed.s3.handler, nullptr);
  EXPECT_FALSE(listed.s3.refusal);

  const Call website = IdentifyCall(S3("GET", "/exports?website"));
  EXPECT_EQ(website.operation, "s3:GetBucketWebsite");
  EXPECT_NE(website.s3.handler, nullptr);

  const Call put_website = IdentifyCall(S3("PUT", "/exports?website"));
  EXPECT_EQ(put_website.operation, "s3:PutBucketWebsite");
  EXPECT_EQ(put_website.s3.handler, nullptr);
  ASSERT_TRUE(put_website.s3.refusal);
  EXPECT_EQ(put_website.s3.refusal->type, "NotImplemented");

  const Call metrics = IdentifyCall(S3("GET", "/exports?metrics&id=daily"));
  EXPECT_EQ(metrics.operation, "s3:GetBucketMetricsConfiguration");
  EXPECT_EQ(Op(S3("GET", "/exports?metrics")), "s3:ListBucketMetricsConfigurations");

  const Call patch = IdentifyCall(S3("PATCH", "/exports/a.csv"));
  ASSERT_TRUE(patch.s3.refusal);
  EXPECT_EQ(patch.s3.refusal->type, "MethodNotAllowed");
}

// Only list-type=2 is ListObjectsV2's; the other values are named the same
// but not answered.
TEST(IdentifyCall, AnswersOnlyTheSubresourceValueTheModelNames) {
  const Call v1 = IdentifyCall(S3("GET", "/exports?list-type=1"));
  EXPECT_EQ(v1.operation, "s3:ListObjectsV2");
  EXPECT_EQ(v1.s3.handler, nullptr);
}

TEST(IdentifyCall, ABrokenEscapeIsInvalidUriButTheKeyIsStillNamed) {
  const Call call = IdentifyCall(S3("GET", "/exports/a%zz.csv"));
  ASSERT_TRUE(call.s3.invalid_uri);
  EXPECT_EQ(call.s3.invalid_uri->type, "InvalidURI");
  EXPECT_EQ(call.key(), "a%zz.csv");
}

}  // namespace
}  // namespace fakeaws::protocol
