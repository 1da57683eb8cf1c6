// S3 through aws-sdk-cpp's S3Client (path-style), in process and over the
// listener: uploads, reads into the caller's stream, ranges, multipart,
// checksums, and the errors as the SDK reports them.
#include <aws/core/utils/HashingUtils.h>
#include <aws/core/utils/memory/stl/AWSStringStream.h>
#include <aws/s3/S3Errors.h>
#include <aws/s3/model/CompleteMultipartUploadRequest.h>
#include <aws/s3/model/CompletedMultipartUpload.h>
#include <aws/s3/model/CompletedPart.h>
#include <aws/s3/model/CreateBucketRequest.h>
#include <aws/s3/model/CreateMultipartUploadRequest.h>
#include <aws/s3/model/GetObjectRequest.h>
#include <aws/s3/model/HeadObjectRequest.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <aws/s3/model/UploadPartRequest.h>
#include <gmock/gmock.h>

#include <sstream>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::S3::S3Errors;
using ::testing::EndsWith;
using ::testing::HasSubstr;

std::string Read(Aws::IOStream& stream) {
  std::ostringstream out;
  out << stream.rdbuf();
  return out.str();
}

std::shared_ptr<Aws::IOStream> Body(const std::string& text) {
  return std::make_shared<Aws::StringStream>(text);
}

class S3Test : public SdkTest {
 protected:
  void SetUp() override {
    s3_ = S3();
    Aws::S3::Model::CreateBucketRequest create;
    create.SetBucket("exports");
    const auto created = s3_->CreateBucket(create);
    ASSERT_TRUE(created.IsSuccess()) << created.GetError().GetMessage();
  }

  Aws::S3::Model::PutObjectOutcome Put(const std::string& key, const std::string& text,
                                       Aws::S3::Model::ChecksumAlgorithm checksum =
                                           Aws::S3::Model::ChecksumAlgorithm::NOT_SET) const {
    Aws::S3::Model::PutObjectRequest put;
    put.SetBucket("exports");
    put.SetKey(key);
    put.SetContentType("text/csv");
    if (checksum != Aws::S3::Model::ChecksumAlgorithm::NOT_SET) put.SetChecksumAlgorithm(checksum);
    put.SetBody(Body(text));
    return s3_->PutObject(put);
  }

  Aws::S3::Model::GetObjectRequest Get(const std::string& key) const {
    Aws::S3::Model::GetObjectRequest get;
    get.SetBucket("exports");
    get.SetKey(key);
    return get;
  }

  std::shared_ptr<Aws::S3::S3Client> s3_;
};

TEST_P(S3Test, PutObjectStoresTheBodyUnderItsKey) {
  const auto put = Put("dir/hello.txt", "hello, fake S3\n");
  ASSERT_TRUE(put.IsSuccess()) << put.GetError().GetMessage();
  const auto stored = fake_.s3().GetObject("exports", "dir/hello.txt");
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored.value().body, "hello, fake S3\n");
  EXPECT_EQ(stored.value().content_type, "text/csv");
  EXPECT_EQ(put.GetResult().GetETag(), stored.value().etag);
}

TEST_P(S3Test, GetObjectWritesIntoTheCallersStream) {
  ASSERT_THAT(fake_.s3().PutObject("exports", "a.csv", "item_id,p50\nitem_1,3\n"), IsOk());
  Aws::S3::Model::GetObjectRequest get = Get("a.csv");
  Aws::StringStream* destination = nullptr;
  get.SetResponseStreamFactory([&destination] {
    destination = Aws::New<Aws::StringStream>("s3_test");
    return destination;
  });
  auto got = s3_->GetObject(get);
  ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetMessage();
  ASSERT_NE(destination, nullptr);
  EXPECT_EQ(&got.GetResult().GetBody(), destination);
  EXPECT_EQ(destination->str(), "item_id,p50\nitem_1,3\n");
  EXPECT_EQ(got.GetResult().GetContentType(), "binary/octet-stream");
}

TEST_P(S3Test, RangedGetObjectReturnsTheRequestedBytes) {
  ASSERT_THAT(fake_.s3().PutObject("exports", "a.csv", "0123456789"), IsOk());
  Aws::S3::Model::GetObjectRequest get = Get("a.csv");
  get.SetRange("bytes=2-5");
  auto got = s3_->GetObject(get);
  ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetMessage();
  EXPECT_EQ(Read(got.GetResult().GetBody()), "2345");
  EXPECT_EQ(got.GetResult().GetContentRange(), "bytes 2-5/10");
  EXPECT_EQ(got.GetResult().GetContentLength(), 4);
}

TEST_P(S3Test, MultipartUploadJoinsItsParts) {
  Aws::S3::Model::CreateMultipartUploadRequest start;
  start.SetBucket("exports");
  start.SetKey("big.csv");
  const auto started = s3_->CreateMultipartUpload(start);
  ASSERT_TRUE(started.IsSuccess()) << started.GetError().GetMessage();
  const std::string upload_id = started.GetResult().GetUploadId();

  // Every part but the last must be at least 5 MiB (EntityTooSmall).
  const std::vector<std::string> parts = {std::string(5 * 1024 * 1024, 'a'), "the last part"};
  Aws::S3::Model::CompletedMultipartUpload completed;
  for (size_t i = 0; i < parts.size(); ++i) {
    Aws::S3::Model::UploadPartRequest upload;
    upload.SetBucket("exports");
    upload.SetKey("big.csv");
    upload.SetUploadId(upload_id);
    upload.SetPartNumber(static_cast<int>(i + 1));
    upload.SetBody(Body(parts[i]));
    const auto uploaded = s3_->UploadPart(upload);
    ASSERT_TRUE(uploaded.IsSuccess()) << uploaded.GetError().GetMessage();
    completed.AddParts(Aws::S3::Model::CompletedPart().WithPartNumber(static_cast<int>(i + 1))
                           .WithETag(uploaded.GetResult().GetETag()));
  }
  Aws::S3::Model::CompleteMultipartUploadRequest complete;
  complete.SetBucket("exports");
  complete.SetKey("big.csv");
  complete.SetUploadId(upload_id);
  complete.SetMultipartUpload(completed);
  const auto done = s3_->CompleteMultipartUpload(complete);
  ASSERT_TRUE(done.IsSuccess()) << done.GetError().GetMessage();
  EXPECT_THAT(done.GetResult().GetETag(), EndsWith("-2\""));

  auto got = s3_->GetObject(Get("big.csv"));
  ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetMessage();
  EXPECT_EQ(Read(got.GetResult().GetBody()), parts[0] + parts[1]);
  EXPECT_EQ(got.GetResult().GetETag(), done.GetResult().GetETag());
}

// The SDK checks a GetObject body against the object's checksum as it
// arrives; the HTTP client feeds its hashes (CurlHttpClient's WriteData).
TEST_P(S3Test, ChecksumOfAnUploadIsValidatedOnRead) {
  const auto put = Put("a.csv", "item_id,p50\nitem_1,3\n", Aws::S3::Model::ChecksumAlgorithm::CRC32);
  ASSERT_TRUE(put.IsSuccess()) << put.GetError().GetMessage();
  EXPECT_EQ(put.GetResult().GetChecksumCRC32(),
            Aws::Utils::HashingUtils::Base64Encode(
                Aws::Utils::HashingUtils::CalculateCRC32(Aws::String("item_id,p50\nitem_1,3\n"))));
  Aws::S3::Model::GetObjectRequest get = Get("a.csv");
  get.SetChecksumMode(Aws::S3::Model::ChecksumMode::ENABLED);
  auto got = s3_->GetObject(get);
  ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetMessage();
  EXPECT_EQ(got.GetResult().GetChecksumCRC32(), put.GetResult().GetChecksumCRC32());
  EXPECT_EQ(Read(got.GetResult().GetBody()), "item_id,p50\nitem_1,3\n");
}

// HEAD errors have no body, so the SDK knows only the status
// (reference item 4): no exception name, "No response body.".
TEST_P(S3Test, HeadObjectOfAMissingKeyIsA404WithoutBody) {
  Aws::S3::Model::HeadObjectRequest head;
  head.SetBucket("exports");
  head.SetKey("missing.csv");
  const auto outcome = s3_->HeadObject(head);
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetResponseCode(), Aws::Http::HttpResponseCode::NOT_FOUND);
  EXPECT_EQ(error.GetErrorType(), S3Errors::RESOURCE_NOT_FOUND);
  EXPECT_EQ(error.GetExceptionName(), "");
  EXPECT_EQ(error.GetMessage(), "No response body.");
}

TEST_P(S3Test, GetObjectOfAMissingKeyIsNoSuchKey) {
  const auto outcome = s3_->GetObject(Get("missing.csv"));
  ASSERT_FALSE(outcome.IsSuccess());
  const auto& error = outcome.GetError();
  EXPECT_EQ(error.GetErrorType(), S3Errors::NO_SUCH_KEY);
  EXPECT_EQ(error.GetExceptionName(), "NoSuchKey");
  EXPECT_EQ(error.GetMessage(), "The specified key does not exist.");
  EXPECT_FALSE(error.GetRequestId().empty());  // from the XML body (reference item 4)
}

FAKEAWS_BOTH_TRANSPORTS(S3Test);

}  // namespace
}  // namespace fakeaws::sdk_test
