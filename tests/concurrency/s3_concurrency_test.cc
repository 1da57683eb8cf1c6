// One fake, many threads, through the S3 wire: puts, reads, listings and
// multipart uploads at once (run under TSan by scripts/sanitize.sh tsan).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"

namespace fakeaws {
namespace {

HttpRequest Request(std::string method, std::string target, std::string body = "") {
  HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  return r;
}

TEST(S3Concurrency, PutsReadsAndListingsShareOneFake) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&fake, t] {
      for (int i = 0; i < 200; ++i) {
        const std::string key = "t" + std::to_string(t) + "/" + std::to_string(i);
        EXPECT_EQ(fake.Handle(Request("PUT", "/exports/" + key, key)).status, 200);
        EXPECT_EQ(fake.Handle(Request("GET", "/exports/" + key)).body, key);
        EXPECT_EQ(fake.Handle(Request("GET", "/exports?list-type=2&delimiter=%2F&max-keys=5")).status, 200);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(fake.s3().ListKeys("exports").size(), 1600u);
}

TEST(S3Concurrency, MultipartUploadsInParallelEachCompleteOnce) {
  Fake fake;
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&fake, t] {
      const std::string key = "/exports/big" + std::to_string(t);
      const HttpResponse created = fake.Handle(Request("POST", key + "?uploads"));
      // No std::regex here: libstdc++'s locale cache trips TSan when threads
      // build regexes at once.
      const size_t start = created.body.find("<UploadId>");
      ASSERT_NE(start, std::string::npos);
      const size_t end = created.body.find("</UploadId>", start);
      const std::string upload = created.body.substr(start + 10, end - start - 10);
      std::string parts;
      for (int p = 1; p <= 3; ++p) {
        const HttpResponse part = fake.Handle(Request(
            "PUT", key + "?partNumber=" + std::to_string(p) + "&uploadId=" + upload, std::string(p == 3 ? 10 : 5 << 20, 'a' + t)));
        ASSERT_EQ(part.status, 200);
        parts += "<Part><PartNumber>" + std::to_string(p) + "</PartNumber><ETag>" +
                 std::string(*part.headers.Get("ETag")) + "</ETag></Part>";
      }
      const std::string body = "<CompleteMultipartUpload>" + parts + "</CompleteMultipartUpload>";
      // Two completions race; exactly one wins, the other finds no upload.
      HttpResponse first, second;
      std::thread racer([&] { second = fake.Handle(Request("POST", key + "?uploadId=" + upload, body)); });
      first = fake.Handle(Request("POST", key + "?uploadId=" + upload, body));
      racer.join();
      EXPECT_EQ((first.status == 200) + (second.status == 200), 1) << first.status << " " << second.status;
      EXPECT_EQ((first.status == 404) + (second.status == 404), 1);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(fake.s3().ListKeys("exports").size(), 6u);
  EXPECT_TRUE(fake.s3().MultipartUploads("exports").empty());
}

}  // namespace
}  // namespace fakeaws
