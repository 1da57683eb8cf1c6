// The S3 domain store: listing order and paging, multipart completion,
// conditional writes. Expected ETags and checksums were computed with
// Python's hashlib and zlib, not with the code under test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/base64.h"
#include "base/digest.h"
#include "base/seeded.h"
#include "fakeaws/matchers.h"
#include "s3/errors.h"
#include "s3/store.h"

namespace fakeaws::s3 {
namespace {

const Timestamp kNow(std::chrono::milliseconds(1767225600000));

NewObject Bytes(std::string_view s) {
  NewObject o;
  o.body = Body(s);
  return o;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_THAT(store_.CreateBucket("bkt", kNow), IsOk()); }
  void Put(const std::string& key, std::string_view bytes = "x") {
    ASSERT_THAT(store_.PutObject("bkt", key, Bytes(bytes), kNow), IsOk()) << key;
  }
  std::vector<std::string> Keys(const Listing& l) {
    std::vector<std::string> out;
    for (const auto& o : l.objects) out.push_back(o.key);
    return out;
  }
  Store store_{"us-east-1"};
};

TEST_F(StoreTest, ListsInUtf8ByteOrder) {
  for (const char* k : {"b", "a", "\xc3\xa9", "B", "a/b", "~"}) Put(k);
  auto l = store_.ListObjects("bkt", {});
  ASSERT_THAT(l, IsOk());
  EXPECT_EQ(Keys(l.value()), (std::vector<std::string>{"B", "a", "a/b", "b", "~", "\xc3\xa9"}));
}

TEST_F(StoreTest, DelimiterRollsKeysIntoCommonPrefixesThatCountOnce) {
  for (const char* k : {"a.txt", "dir/1", "dir/2", "dir/sub/3", "dis", "z/9"}) Put(k);
  ListQuery q;
  q.delimiter = "/";
  q.max_keys = 2;
  auto page1 = store_.ListObjects("bkt", q).value();
  EXPECT_EQ(Keys(page1), std::vector<std::string>{"a.txt"});
  EXPECT_EQ(page1.common_prefixes, std::vector<std::string>{"dir/"});
  EXPECT_TRUE(page1.truncated);
  q.after = page1.last;
  auto page2 = store_.ListObjects("bkt", q).value();
  EXPECT_EQ(Keys(page2), std::vector<std::string>{"dis"});
  EXPECT_EQ(page2.common_prefixes, std::vector<std::string>{"z/"});
  EXPECT_FALSE(page2.truncated);
}

TEST_F(StoreTest, PrefixAndDelimiterListOneLevel) {
  for (const char* k : {"dir/1", "dir/sub/2", "dir/sub/3", "dirt"}) Put(k);
  ListQuery q;
  q.prefix = "dir/";
  q.delimiter = "/";
  auto l = store_.ListObjects("bkt", q).value();
  EXPECT_EQ(Keys(l), std::vector<std::string>{"dir/1"});
  EXPECT_EQ(l.common_prefixes, std::vector<std::string>{"dir/sub/"});
}

TEST_F(StoreTest, MaxKeysZeroReturnsNothingAndNothingMore) {
  Put("a");
  ListQuery q;
  q.max_keys = 0;
  auto l = store_.ListObjects("bkt", q).value();
  EXPECT_TRUE(l.objects.empty());
  EXPECT_FALSE(l.truncated);
}

TEST_F(StoreTest, ReCreateInUsEast1IsOkElsewhereBucketAlreadyOwnedByYou) {
  EXPECT_THAT(store_.CreateBucket("bkt", kNow), IsOk());
  Store eu("eu-west-1");
  ASSERT_THAT(eu.CreateBucket("bkt", kNow), IsOk());
  EXPECT_EQ(eu.CreateBucket("bkt", kNow).error(), BucketAlreadyOwnedByYou("bkt"));
}

TEST_F(StoreTest, LocationConstraintRules) {
  EXPECT_EQ(store_.CreateBucket("ccc", std::string("us-east-1"), kNow).error(), InvalidLocationConstraint("us-east-1"));
  ASSERT_THAT(store_.CreateBucket("ccc", std::string("eu-west-1"), kNow), IsOk());
  EXPECT_EQ(store_.GetBucket("ccc").value().region, "eu-west-1");
  Store eu("eu-west-1");
  EXPECT_EQ(eu.CreateBucket("ddd", std::nullopt, kNow).error(), UnspecifiedLocationConstraint());
  EXPECT_EQ(eu.CreateBucket("ddd", std::string("ap-south-1"), kNow).error(), IllegalLocationConstraint("ap-south-1"));
  EXPECT_THAT(eu.CreateBucket("ddd", std::string("eu-west-1"), kNow), IsOk());
}

TEST_F(StoreTest, BucketNames) {
  for (const char* good : {"abc", "my.bucket-1", "a1b"}) EXPECT_TRUE(IsValidBucketName(good)) << good;
  for (const std::string& bad : std::vector<std::string>{"ab", "Abc", "a..b", "-ab", "ab-", "192.168.1.1", "xn--abc",
                                                         "abc-s3alias", "a_b", std::string(64, 'a')}) {
    EXPECT_FALSE(IsValidBucketName(bad)) << bad;
  }
}

TEST_F(StoreTest, ConditionalWrites) {
  Put("k", "one");
  WriteConditions none_match;
  none_match.if_none_match = "*";
  EXPECT_EQ(store_.PutObject("bkt", "k", Bytes("two"), kNow, none_match).error(), PreconditionFailed("If-None-Match"));
  WriteConditions match;
  match.if_match = "\"0000\"";
  EXPECT_EQ(store_.PutObject("bkt", "k", Bytes("two"), kNow, match).error(), PreconditionFailed("If-Match"));
  EXPECT_EQ(store_.PutObject("bkt", "absent", Bytes("two"), kNow, match).error(), NoSuchKey("absent"));
  EXPECT_EQ(store_.GetObject("bkt", "k").value().body.view(), "one");
}

TEST_F(StoreTest, ObjectAttributesSurviveTheCompactForm) {
  NewObject o = Bytes("data");
  o.attributes.content_type = "text/csv";
  o.attributes.cache_control = "no-cache";
  o.attributes.metadata = {{"a", "1"}};
  o.checksum = {ChecksumAlgorithm::kSha256, ChecksumType::kFullObject, 0, Digest(ChecksumAlgorithm::kSha256, "data")};
  ASSERT_THAT(store_.PutObject("bkt", "k", o, kNow), IsOk());
  const ObjectInfo got = store_.GetObject("bkt", "k").value();
  EXPECT_EQ(got.attributes, o.attributes);
  EXPECT_EQ(got.checksum, o.checksum);
  EXPECT_EQ(got.ETag(), "\"8d777f385d3dfec8815d20f7496026dc\"");
}

class MultipartTest : public StoreTest {
 protected:
  void Part(int n, const std::string& bytes) {
    ASSERT_TRUE(store_
                    .UploadPart("bkt", "big", "u1", n, Body(bytes), base::Md5Digest(bytes),
                                {ChecksumAlgorithm::kCrc32, ChecksumType::kFullObject, 0,
                                 Digest(ChecksumAlgorithm::kCrc32, bytes)},
                                kNow)
                    .ok());
  }
  CompletedPart Completed(int n, const std::string& etag, const std::string& crc_b64) {
    CompletedPart p{n, etag, {}};
    std::string raw;
    base::Base64Decode(crc_b64, &raw);
    p.checksums[ChecksumAlgorithm::kCrc32] = raw;
    return p;
  }
  void Begin(ChecksumType type) {
    UploadSpec spec;
    spec.checksum_algorithm = ChecksumAlgorithm::kCrc32;
    spec.checksum_type = type;
    ASSERT_THAT(store_.CreateMultipartUpload("bkt", "big", "u1", spec, kNow), IsOk());
    Part(1, std::string(5 * 1024 * 1024, 'a'));
    Part(2, "b");
  }
  const std::string kEtag1 = "\"79b281060d337b9b2b84ccf390adcf74\"";
  const std::string kEtag2 = "\"92eb5ffee6ae2fec3ad71c777531578f\"";
};

TEST_F(MultipartTest, CompletionJoinsPartsWithMd5OfMd5sAndCompositeChecksum) {
  Begin(ChecksumType::kComposite);
  auto done = store_.CompleteMultipartUpload("bkt", "big", "u1",
                                             {Completed(1, kEtag1, "r/zBbw=="), Completed(2, kEtag2, "cb7v+Q==")}, kNow);
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(done.value().ETag(), "\"e5a8c5272b26fc10581a21089559b006-2\"");
  EXPECT_EQ(base::Base64Encode(done.value().checksum.digest), "dYPmEQ==");
  EXPECT_EQ(done.value().checksum.parts, 2);
  EXPECT_EQ(done.value().size(), 5u * 1024 * 1024 + 1);
  EXPECT_EQ(store_.ListMultipartUploads("bkt", {}).value().uploads.size(), 0u);
}

TEST_F(MultipartTest, FullObjectChecksumIsTheJoinedBytesCrc) {
  Begin(ChecksumType::kFullObject);
  auto done = store_.CompleteMultipartUpload("bkt", "big", "u1",
                                             {Completed(1, kEtag1, "r/zBbw=="), Completed(2, kEtag2, "cb7v+Q==")}, kNow);
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(base::Base64Encode(done.value().checksum.digest), "rBxv8Q==");
  EXPECT_EQ(done.value().checksum.type, ChecksumType::kFullObject);
}

TEST_F(MultipartTest, RefusalsLeaveTheUploadInPlace) {
  Begin(ChecksumType::kComposite);
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1",
                                           {Completed(2, kEtag2, "cb7v+Q=="), Completed(1, kEtag1, "r/zBbw==")}, kNow)
                .error(),
            InvalidPartOrder());
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1", {Completed(3, kEtag2, "cb7v+Q==")}, kNow).error(),
            InvalidPart("u1", 3, kEtag2));
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1", {Completed(1, "\"beef\"", "r/zBbw==")}, kNow).error(),
            InvalidPart("u1", 1, "\"beef\""));
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1", {CompletedPart{1, kEtag1, {}}}, kNow).error(),
            MissingPartChecksum(ChecksumAlgorithm::kCrc32, 1));
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1",
                                           {Completed(2, kEtag2, "cb7v+Q=="), Completed(3, kEtag2, "cb7v+Q==")}, kNow)
                .error(),
            InvalidPart("u1", 3, kEtag2));
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "other", "u1", {Completed(1, kEtag1, "r/zBbw==")}, kNow).error(),
            NoSuchUpload("u1"));
  EXPECT_EQ(store_.ListMultipartUploads("bkt", {}).value().uploads.size(), 1u);
  EXPECT_THAT(store_.GetObject("bkt", "big"), IsAwsError("NoSuchKey"));
}

TEST_F(MultipartTest, EveryPartButTheLastIsAtLeastFiveMiB) {
  ASSERT_THAT(store_.CreateMultipartUpload("bkt", "big", "u1", {}, kNow), IsOk());
  ASSERT_THAT(store_.UploadPart("bkt", "big", "u1", 1, Body("b"), base::Md5Digest("b"), {}, kNow), IsOk());
  ASSERT_THAT(store_.UploadPart("bkt", "big", "u1", 2, Body("b"), base::Md5Digest("b"), {}, kNow), IsOk());
  EXPECT_EQ(store_.CompleteMultipartUpload("bkt", "big", "u1", {{1, kEtag2, {}}, {2, kEtag2, {}}}, kNow).error(),
            EntityTooSmall(1, kMinPartSize, 1, "92eb5ffee6ae2fec3ad71c777531578f"));
  EXPECT_THAT(store_.CompleteMultipartUpload("bkt", "big", "u1", {{2, kEtag2, {}}}, kNow), IsOk());
}

TEST_F(MultipartTest, ListsPartsInPages) {
  Begin(ChecksumType::kComposite);
  auto page = store_.ListParts("bkt", "big", "u1", 0, 1).value();
  ASSERT_EQ(page.parts.size(), 1u);
  EXPECT_TRUE(page.truncated);
  EXPECT_EQ(page.next_marker, 1);
  page = store_.ListParts("bkt", "big", "u1", 1, 1).value();
  ASSERT_EQ(page.parts.size(), 1u);
  EXPECT_EQ(page.parts[0].number, 2);
  EXPECT_FALSE(page.truncated);
}

}  // namespace
}  // namespace fakeaws::s3
