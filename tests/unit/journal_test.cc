// The journal: every request, with operation, input, answer and time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"
#include "pipeline/core.h"
#include "pipeline/front_door.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using test_support::CreateExportJob;
using test_support::DescribeExportJob;
using test_support::ForecastRequest;
using test_support::S3Request;

TEST(Journal, RecordsOperationInputAnswerAndTime) {
  Fake fake;
  fake.clock().Advance(std::chrono::seconds(90));
  fake.Handle(DescribeExportJob("nope"));
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 1u);
  const JournalEntry& e = entries[0];
  EXPECT_EQ(e.sequence, 0u);
  EXPECT_EQ(e.service, "forecast");
  EXPECT_EQ(e.operation, "AmazonForecast.DescribeForecastExportJob");
  EXPECT_EQ(FormatTimestamp(e.time), "2026-01-01T00:01:30Z");
  EXPECT_EQ(e.input(), DescribeExportJob("nope").body);
  EXPECT_EQ(e.request.headers.Get("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(e.status, 400);
  EXPECT_EQ(e.error_type, "ResourceNotFoundException");
  EXPECT_EQ(e.error_message,
            "No resource found arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/nope");
  EXPECT_FALSE(e.connection_dropped);
  EXPECT_EQ(e.fault, "");
}

TEST(Journal, RecordsRefusalsBeforeTheServiceToo) {
  Fake fake;
  fake.Handle(ForecastRequest("ListForecasts", "{not json"));
  fake.Handle(ForecastRequest("NoSuchOperation", "{}"));
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].error_type, "SerializationException");
  EXPECT_EQ(entries[1].operation, "AmazonForecast.NoSuchOperation");
  EXPECT_EQ(entries[1].error_type, "UnknownOperationException");
}

TEST(Journal, RecordsS3MethodBucketAndKey) {
  Fake fake;
  fake.Handle(S3Request("PUT", "/exports/weekly/a%20b.csv", "hello"));
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.service, "s3");
  EXPECT_EQ(e.operation, "s3:PutObject");
  EXPECT_EQ(e.request.method, "PUT");
  EXPECT_EQ(e.bucket, "exports");
  EXPECT_EQ(e.key, "weekly/a b.csv");
  EXPECT_EQ(e.input(), "hello");
  EXPECT_NE(e.status, 0);
}

TEST(Journal, CutsLargeS3Bodies) {
  Fake fake;
  fake.Handle(S3Request("PUT", "/exports/big", std::string(JournalEntry::kBodyLimit + 10, 'x')));
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.input().size(), JournalEntry::kBodyLimit);
  EXPECT_TRUE(e.request_body_truncated);
}

TEST(Journal, RecordsTheAnswerAsTheClientGotIt) {
  Fake fake;
  const HttpResponse answer = fake.Handle(DescribeExportJob("nope"));
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.response.status, 400);
  EXPECT_EQ(e.response.body, answer.body);
  EXPECT_EQ(e.response.headers.fields().size(), answer.headers.fields().size());
  EXPECT_EQ(e.response.headers.Get("x-amzn-RequestId"), answer.headers.Get("x-amzn-RequestId"));
  EXPECT_FALSE(e.response_body_truncated);
}

TEST(Journal, CutsLargeResponseBodies) {
  Fake fake;
  fake.s3().CreateBucket("exports");
  fake.s3().PutObject("exports", "big", std::string(JournalEntry::kBodyLimit + 10, 'x'));
  const HttpResponse answer = fake.Handle(S3Request("GET", "/exports/big"));
  ASSERT_EQ(answer.body.size(), JournalEntry::kBodyLimit + 10);
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.response.body.size(), JournalEntry::kBodyLimit);
  EXPECT_TRUE(e.response_body_truncated);
  EXPECT_EQ(e.response.headers.Get("Content-Length"), std::to_string(JournalEntry::kBodyLimit + 10));
}

TEST(Journal, KeepsNoAnswerForADroppedConnection) {
  Fake fake;
  fake.faults().Arm(FaultRule::DropConnection());
  fake.faults().Arm(FaultRule::DropConnectionAfterHandling());
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 2u);
  // Before handling there was no answer; after it, the handler's status
  // stays in `status`, but the client got nothing, and that is what
  // `response` tells.
  EXPECT_EQ(entries[0].status, 0);
  EXPECT_EQ(entries[1].status, 200);
  for (const JournalEntry& e : entries) {
    EXPECT_TRUE(e.connection_dropped);
    EXPECT_EQ(e.response.status, 0);
    EXPECT_TRUE(e.response.headers.empty());
    EXPECT_TRUE(e.response.body.empty());
    EXPECT_TRUE(internal::Failed(e));
  }
}

// The control API's journal pages (GET /_fakeaws/journal?order=newest&limit=...).
TEST(Journal, SelectsAPageNewestFirst) {
  Fake fake;
  for (int i = 0; i < 6; ++i) {
    fake.Handle(i % 2 ? DescribeExportJob("nope") : ForecastRequest("ListForecasts", "{}"));
  }
  const internal::JournalLog& log = internal::FrontDoor(fake).core().journal;
  auto sequences = [](const std::vector<JournalEntry>& entries) {
    std::vector<uint64_t> out;
    for (const auto& e : entries) out.push_back(e.sequence);
    return out;
  };
  internal::JournalQuery newest;
  newest.newest_first = true;
  newest.limit = 2;
  EXPECT_THAT(sequences(log.Select(newest)), ::testing::ElementsAre(5, 4));
  newest.before = 4;
  EXPECT_THAT(sequences(log.Select(newest)), ::testing::ElementsAre(3, 2));
  internal::JournalQuery failures;
  failures.failed_only = true;
  failures.after = 1;
  EXPECT_THAT(sequences(log.Select(failures)), ::testing::ElementsAre(3, 5));
  internal::JournalQuery lists;
  lists.operation = "AmazonForecast.ListForecasts";
  EXPECT_THAT(sequences(log.Select(lists)), ::testing::ElementsAre(0, 2, 4));
}

TEST(Journal, FindsAnEntryBySequenceWhileItIsKept) {
  Options options;
  options.journal_capacity = 2;
  Fake fake(options);
  for (int i = 0; i < 3; ++i) fake.Handle(ForecastRequest("ListForecasts", "{}"));
  const internal::JournalLog& log = internal::FrontDoor(fake).core().journal;
  ASSERT_TRUE(log.Find(2).has_value());
  EXPECT_EQ(log.Find(2)->sequence, 2u);
  EXPECT_FALSE(log.Find(0).has_value());  // dropped
  EXPECT_FALSE(log.Find(7).has_value());  // never made
}

TEST(Journal, FiltersByOperation) {
  Fake fake;
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  fake.Handle(DescribeExportJob("a"));
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  const auto lists = fake.journal().Entries("AmazonForecast.ListForecasts");
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].sequence, 0u);
  EXPECT_EQ(lists[1].sequence, 2u);
}

TEST(Journal, KeepsOnlyTheNewestEntriesUpToItsCapacity) {
  Options options;
  options.journal_capacity = 3;
  Fake fake(options);
  for (int i = 0; i < 5; ++i) fake.Handle(ForecastRequest("ListForecasts", "{}"));
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries.front().sequence, 2u);
  EXPECT_EQ(entries.back().sequence, 4u);
  EXPECT_EQ(fake.journal().dropped(), 2u);
  EXPECT_EQ(fake.journal().capacity(), 3u);
}

TEST(Journal, DefaultsToTenThousandEntries) { EXPECT_EQ(Fake().journal().capacity(), 10'000u); }

TEST(Journal, ClearsOnDemand) {
  Fake fake;
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  fake.journal().Clear();
  EXPECT_EQ(fake.journal().size(), 0u);
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  EXPECT_EQ(fake.journal().Entries().at(0).sequence, 1u);  // numbering goes on
}

TEST(Journal, CanBeSwitchedOff) {
  Options options;
  options.journal_capacity = 0;
  Fake fake(options);
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  EXPECT_EQ(fake.journal().size(), 0u);
}

TEST(Journal, PrintsAnEntryOnOneLine) {
  Fake fake;
  fake.Handle(DescribeExportJob("nope"));
  fake.Handle(S3Request("GET", "/exports/a.csv"));
  const auto entries = fake.journal().Entries();
  EXPECT_EQ(::testing::PrintToString(entries[0]),
            "#0 AmazonForecast.DescribeForecastExportJob -> 400 ResourceNotFoundException");
  EXPECT_THAT(::testing::PrintToString(entries[1]), ::testing::StartsWith("#1 s3:GetObject (GET exports/a.csv) -> "));
}

}  // namespace
}  // namespace fakeaws
