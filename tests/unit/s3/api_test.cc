// The typed C++ S3 API and the wire reach one store; hostile requests never
// crash the fake or change what it holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <random>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

HttpRequest Request(std::string method, std::string target, std::string body = "", Headers headers = {}) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

TEST(S3Api, ObjectsPutOnTheWireAreReadThroughTheApi) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  auto put = fake.Handle(Request("PUT", "/exports/a.csv", "hello world",
                                 {{"Content-Type", "text/csv"}, {"x-amz-meta-Job", "weekly"},
                                  {"x-amz-checksum-crc32", "DUoRhQ=="}}));
  ASSERT_EQ(put.status, 200) << put.body;
  auto got = fake.s3().GetObject("exports", "a.csv");
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->body, "hello world");
  EXPECT_EQ(got->content_type, "text/csv");
  EXPECT_EQ(got->etag, "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  EXPECT_EQ(got->metadata, (std::map<std::string, std::string>{{"job", "weekly"}}));
  EXPECT_EQ(got->checksum_algorithm, "CRC32");
  EXPECT_EQ(got->checksum, "DUoRhQ==");
}

TEST(S3Api, ObjectsPutThroughTheApiAreReadOnTheWire) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  PutObjectOptions options;
  options.content_type = "application/json";
  options.cache_control = "no-cache";
  ASSERT_THAT(fake.s3().PutObject("exports", "dir/x.json", "{}", options), IsOk());
  auto get = fake.Handle(Request("GET", "/exports/dir/x.json"));
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "{}");
  EXPECT_EQ(get.headers.Get("Content-Type"), "application/json");
  EXPECT_EQ(get.headers.Get("Cache-Control"), "no-cache");
}

TEST(S3Api, TagsPutThroughTheApiAreHeldToS3sRules) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  PutObjectOptions options;
  options.tags = {{"team", "forecast"}};
  ASSERT_THAT(fake.s3().PutObject("exports", "tagged", "x", options), IsOk());
  EXPECT_EQ(fake.Handle(Request("HEAD", "/exports/tagged")).headers.Get("x-amz-tagging-count"), "1");
  EXPECT_EQ(fake.s3().GetObject("exports", "tagged")->tags, options.tags);

  options.tags = {{"aws:team", "forecast"}};
  EXPECT_THAT(fake.s3().PutObject("exports", "reserved", "x", options),
              IsAwsError("InvalidTag", "Your TagKey cannot be prefixed with aws:"));
  EXPECT_THAT(fake.s3().GetObject("exports", "reserved"), IsAwsError("NoSuchKey"));
}

TEST(S3Api, ListsBucketsObjectsAndUploads) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  for (const char* key : {"a", "dir/b", "dir/c"}) ASSERT_THAT(fake.s3().PutObject("exports", key, "x"), IsOk());
  auto listing = fake.s3().ListObjects("exports", "", "/");
  ASSERT_THAT(listing, IsOk());
  EXPECT_EQ(listing->keys, std::vector<std::string>{"a"});
  EXPECT_EQ(listing->common_prefixes, std::vector<std::string>{"dir/"});
  EXPECT_EQ(fake.s3().ListKeys("exports", "dir/"), (std::vector<std::string>{"dir/b", "dir/c"}));
  EXPECT_EQ(fake.s3().ListObjects("nowhere", "", "").error().type, "NoSuchBucket");
  ASSERT_EQ(fake.s3().ListBuckets().size(), 1u);
  EXPECT_EQ(fake.s3().ListBuckets()[0].region, "us-east-1");

  EXPECT_EQ(fake.Handle(Request("POST", "/exports/big?uploads")).status, 200);
  ASSERT_EQ(fake.s3().MultipartUploads("exports").size(), 1u);
  EXPECT_EQ(fake.s3().MultipartUploads("exports")[0].key, "big");

  EXPECT_EQ(fake.s3().DeleteBucket("exports").error().type, "BucketNotEmpty");
  for (const char* key : {"a", "dir/b", "dir/c"}) ASSERT_THAT(fake.s3().DeleteObject("exports", key), IsOk());
  EXPECT_THAT(fake.s3().DeleteBucket("exports"), IsOk());
  EXPECT_FALSE(fake.s3().HasBucket("exports"));
}

// Random methods, targets, headers and bodies: every answer is an HTTP
// status S3 uses, and the bucket's one object is untouched unless a request
// was a well-formed write to it.
TEST(S3Robustness, HostileRequestsNeverCrashNorCorruptState) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  ASSERT_THAT(fake.s3().PutObject("exports", "keep", "original"), IsOk());
  std::mt19937 rng(11);
  const std::vector<std::string> methods = {"GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS", ""};
  const std::vector<std::string> targets = {"/", "/exports", "/exports/", "/exports/x", "/exports/x?uploads",
                                            "/exports/x?uploadId=", "/exports?delete", "/exports?list-type=2",
                                            "/exports/x?partNumber=99999&uploadId=u", "%", "", "/%", "/exports?%",
                                            "/exports?max-keys=99999999999999999999", "/exports/x?uploadId=%ZZ"};
  const std::vector<std::string> header_names = {"Content-Encoding", "x-amz-content-sha256", "x-amz-trailer",
                                                 "x-amz-decoded-content-length", "Content-MD5", "Range",
                                                 "x-amz-copy-source", "x-amz-checksum-crc32", "Host",
                                                 "x-amz-sdk-checksum-algorithm", "If-Match", "Content-Length"};
  const std::vector<std::string> header_values = {"aws-chunked", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "x-amz-checksum-crc32",
                                                  "-1", "zz", "bytes=-", "bytes=9-1", "/exports/keep", "/", "", "*",
                                                  "AAAAAA==", "exports.localhost", "CRC32", "18446744073709551616"};
  const std::string alphabet = "0123456789abcdef\r\n;:<>/=&x-amz-checksum-crc32 CompleteMultipartUpload";
  for (int i = 0; i < 5000; ++i) {
    HttpRequest r;
    r.method = methods[rng() % methods.size()];
    r.target = targets[rng() % targets.size()];
    for (int h = rng() % 4; h > 0; --h) {
      r.headers.Add(header_names[rng() % header_names.size()], header_values[rng() % header_values.size()]);
    }
    for (int n = rng() % 80; n > 0; --n) r.body += alphabet[rng() % alphabet.size()];
    const HttpResponse response = fake.Handle(r);
    EXPECT_TRUE(response.status == 200 || response.status == 204 || response.status == 206 ||
                response.status == 304 || (response.status >= 400 && response.status <= 416) ||
                response.status == 501)
        << response.status;
  }
  auto kept = fake.s3().GetObject("exports", "keep");
  ASSERT_THAT(kept, IsOk());
  EXPECT_EQ(kept->body, "original");
}

}  // namespace
}  // namespace fakeaws
