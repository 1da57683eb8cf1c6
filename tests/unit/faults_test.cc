// Faults: errors byte for byte, latency, dropped connections, on the nth
// call, n times, with a seeded probability; every firing in the journal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"
#include "pipeline/core.h"
#include "pipeline/front_door.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using test_support::CreateExportJob;
using test_support::DescribeExportJob;
using test_support::ForecastRequest;
using test_support::S3Request;

// What a front end with a socket (the listener) gets for `request`.
internal::Delivery Serve(Fake& fake, HttpRequest request) {
  internal::FrontDoor door(fake);
  protocol::Call call = door.Identify(request);
  return door.Serve(std::move(request), std::move(call));
}

constexpr const char* kCreate = "AmazonForecast.CreateForecastExportJob";
constexpr const char* kList = "AmazonForecast.ListForecasts";

HttpRequest List() { return ForecastRequest("ListForecasts", "{}"); }

void SeedDemand(Fake& fake) {
  fake.s3().CreateBucket("exports");
  ForecastSpec spec;
  spec.name = "demand";
  ASSERT_THAT(fake.forecast().PutForecast(spec), IsOk());
}

TEST(Faults, ThrottlingAnswersWithCoralsBytes) {
  Fake faulted, twin;
  faulted.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList));
  const HttpResponse r = faulted.Handle(List());
  const HttpResponse unfaulted = twin.Handle(List());
  // wire-format.md §2.1: {"__type":"ThrottlingException","message":"Rate exceeded"}, 400,
  // with the headers every Coral response carries (§1.2), request id as for any request #0.
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body, R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
  ASSERT_EQ(r.headers.size(), 4u);
  EXPECT_EQ(r.headers.fields()[0].name, "x-amzn-RequestId");
  EXPECT_EQ(r.headers.Get("x-amzn-RequestId"), unfaulted.headers.Get("x-amzn-RequestId"));
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(r.headers.Get("Content-Length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.headers.Get("Date"), "Thu, 01 Jan 2026 00:00:00 GMT");
}

// The fault's LimitExceeded must be indistinguishable from the one the
// service raises itself when the quota is reached.
TEST(Faults, InjectedLimitExceededEqualsTheServicesOwnByteForByte) {
  Options natural_options;
  natural_options.lifecycle = LifecycleDurations::Observable();  // the first job stays in progress
  natural_options.quotas.concurrent_forecast_export_jobs = 1;
  Fake natural(natural_options);
  Options faulted_options;
  faulted_options.lifecycle = LifecycleDurations::Observable();
  Fake faulted(faulted_options);
  SeedDemand(natural);
  SeedDemand(faulted);
  faulted.faults().Arm(
      FaultRule::Error(errors::LimitExceededException(1, "forecast exports")).On(kCreate).FromCall(2));

  EXPECT_EQ(natural.Handle(CreateExportJob("a")).ToWire(), faulted.Handle(CreateExportJob("a")).ToWire());
  const HttpResponse expected = natural.Handle(CreateExportJob("b"));
  ASSERT_THAT(expected, IsAwsError("LimitExceededException",
                                   "Quota limit of 1 concurrently creating forecast exports has been reached"));
  EXPECT_EQ(faulted.Handle(CreateExportJob("b")).ToWire(), expected.ToWire());
}

TEST(Faults, S3SlowDownAnswersWithS3sErrorDocument) {
  Fake faulted, twin;
  faulted.faults().Arm(FaultRule::Error(errors::S3SlowDown()).OnS3("PUT", "exports", "weekly/*"));
  const HttpResponse r = faulted.Handle(S3Request("PUT", "/exports/weekly/a.csv", "x"));
  const HttpResponse unfaulted = twin.Handle(S3Request("PUT", "/exports/weekly/a.csv", "x"));
  const std::string id(r.headers.Get("x-amz-request-id").value_or(""));
  const std::string host_id(r.headers.Get("x-amz-id-2").value_or(""));
  // wire-format.md §4.1: declaration, one newline, one line of XML; ids equal the headers.
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code><Message>Please "
                    "reduce your request rate.</Message><RequestId>" +
                        id + "</RequestId><HostId>" + host_id + "</HostId></Error>");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id, unfaulted.headers.Get("x-amz-request-id").value_or("?"));
  EXPECT_EQ(host_id, unfaulted.headers.Get("x-amz-id-2").value_or("?"));
  EXPECT_EQ(r.headers.Get("Content-Type"), "application/xml");
  EXPECT_EQ(r.headers.Get("Server"), "AmazonS3");
  EXPECT_THAT(r, IsAwsError("SlowDown", "Please reduce your request rate."));
}

TEST(Faults, S3ErrorsOnHeadHaveNoBody) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::S3InternalError()).OnS3("", "*").Always());
  const HttpResponse head = fake.Handle(S3Request("HEAD", "/exports/a.csv"));
  EXPECT_EQ(head.status, 500);
  EXPECT_EQ(head.body, "");
  EXPECT_THAT(fake.Handle(S3Request("GET", "/exports/a.csv")),
              IsAwsError("InternalError", "We encountered an internal error. Please try again."));
}

TEST(Faults, FireFromTheNthMatchingCallForNTimes) {
  Fake fake;
  const auto id = fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList).FromCall(2).Times(2));
  std::vector<int> statuses;
  for (int i = 0; i < 5; ++i) {
    fake.Handle(DescribeExportJob("other"));  // never counted: another operation
    statuses.push_back(fake.Handle(List()).status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 400, 400, 200, 200}));
  EXPECT_EQ(fake.faults().Fired(id), 2);
  EXPECT_EQ(fake.faults().Matched(id), 5);
}

TEST(Faults, AlwaysKeepsFiring) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::ServiceUnavailable()).On(kList).Always());
  for (int i = 0; i < 5; ++i) {
    EXPECT_THAT(fake.Handle(List()), IsAwsError("ServiceUnavailable"));
  }
  EXPECT_THAT(fake.Handle(List()), HasHttpStatus(503));
}

std::vector<bool> Firings(uint64_t seed, bool interleave) {
  Options options;
  options.seed = seed;
  Fake fake(options);
  fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList).Always().WithProbability(0.5));
  std::vector<bool> fired;
  for (int i = 0; i < 64; ++i) {
    if (interleave) fake.Handle(DescribeExportJob("x"));
    fired.push_back(fake.Handle(List()).status == 400);
  }
  return fired;
}

TEST(Faults, ChanceIsSeededSoAReplayFailsTheSameWay) {
  const std::vector<bool> a = Firings(7, false);
  EXPECT_EQ(a, Firings(7, false));
  EXPECT_EQ(a, Firings(7, true));  // other traffic does not shift the draws
  EXPECT_NE(a, Firings(8, false));
  const auto fired = std::count(a.begin(), a.end(), true);
  EXPECT_GT(fired, 10);
  EXPECT_LT(fired, 54);
}

TEST(Faults, ProbabilityZeroNeverFires) {
  Fake fake;
  const auto id = fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).Always().WithProbability(0));
  for (int i = 0; i < 20; ++i) EXPECT_EQ(fake.Handle(List()).status, 200);
  EXPECT_EQ(fake.faults().Fired(id), 0);
}

TEST(Faults, AFiredFaultIsInTheJournal) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList));
  fake.Handle(List());
  fake.Handle(List());
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].fault, "ThrottlingException (HTTP 400) on AmazonForecast.ListForecasts, from call 1, 1 time");
  EXPECT_EQ(entries[0].error_type, "ThrottlingException");
  EXPECT_EQ(entries[1].fault, "");
  EXPECT_EQ(::testing::PrintToString(entries[0]),
            "#0 AmazonForecast.ListForecasts -> 400 ThrottlingException [fault: ThrottlingException (HTTP "
            "400) on AmazonForecast.ListForecasts, from call 1, 1 time]");
}

TEST(Faults, LatencyDelaysTheRealAnswer) {
  Fake fake;
  fake.faults().Arm(FaultRule::Latency(std::chrono::milliseconds(250)).On(kList));
  const internal::Delivery slow = Serve(fake, List());
  EXPECT_EQ(slow.response.status, 200);
  EXPECT_EQ(slow.response.body, R"({"Forecasts":[]})");
  EXPECT_EQ(slow.delay, std::chrono::milliseconds(250));
  EXPECT_EQ(Serve(fake, List()).delay, std::chrono::milliseconds(0));

  fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList).WithLatency(std::chrono::seconds(1)));
  const internal::Delivery slow_error = Serve(fake, List());
  EXPECT_THAT(slow_error.response, IsAwsError("ThrottlingException"));
  EXPECT_EQ(slow_error.delay, std::chrono::seconds(1));
}

// In process there is no socket to wait on: the answer comes at once, and
// the journal names the fault.
TEST(Faults, LatencyInProcessIsInTheJournalOnly) {
  Fake fake;
  fake.faults().Arm(FaultRule::Latency(std::chrono::milliseconds(250)).On(kList));
  EXPECT_EQ(fake.Handle(List()).status, 200);
  EXPECT_EQ(fake.journal().Entries().at(0).fault, "latency +250 ms on AmazonForecast.ListForecasts, from call 1, 1 time");
}

TEST(Faults, DroppingBeforeHandlingChangesNothing) {
  Fake fake;
  SeedDemand(fake);
  fake.faults().Arm(FaultRule::DropConnection().On(kCreate));
  const internal::Delivery d = Serve(fake, CreateExportJob("weekly"));
  EXPECT_TRUE(d.drop_connection);
  const HttpResponse& r = d.response;
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.body, "");
  EXPECT_THAT(fake.Handle(DescribeExportJob("weekly")), IsAwsError("ResourceNotFoundException"));
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.status, 0);
  EXPECT_TRUE(e.connection_dropped);
}

// The classic trap: the service acted, the client never heard, its retry
// finds the job already there.
TEST(Faults, DroppingAfterHandlingKeepsTheEffect) {
  Fake fake;
  SeedDemand(fake);
  fake.faults().Arm(FaultRule::DropConnectionAfterHandling().On(kCreate));
  const HttpResponse r = fake.Handle(CreateExportJob("weekly"));
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(fake.Handle(CreateExportJob("weekly")), IsAwsError("ResourceAlreadyExistsException"));
  const JournalEntry e = fake.journal().Entries().at(0);
  EXPECT_EQ(e.status, 200);
  EXPECT_TRUE(e.connection_dropped);
  EXPECT_EQ(e.fault, "dropped connection after handling on AmazonForecast.CreateForecastExportJob, from call 1, 1 time");
}

TEST(Faults, S3RulesMatchMethodAndGlobs) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::S3SlowDown()).OnS3("PUT", "exp*", "weekly/*.csv").Always());
  EXPECT_THAT(fake.Handle(S3Request("PUT", "/exports/weekly/a.csv", "x")), IsAwsError("SlowDown"));
  EXPECT_THAT(fake.Handle(S3Request("PUT", "/exports/weekly/sub/b.csv", "x")), IsAwsError("SlowDown"));
  EXPECT_THAT(fake.Handle(S3Request("PUT", "/exports/weekly/a.txt", "x")), Not(IsAwsError("SlowDown")));
  EXPECT_THAT(fake.Handle(S3Request("GET", "/exports/weekly/a.csv")), Not(IsAwsError("SlowDown")));
  EXPECT_THAT(fake.Handle(S3Request("PUT", "/other/weekly/a.csv", "x")), Not(IsAwsError("SlowDown")));
  EXPECT_THAT(fake.Handle(List()), Not(IsAwsError("SlowDown")));
}

TEST(Faults, AnS3OperationRuleMatchesByName) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::S3AccessDenied()).On("s3:ListObjectsV2"));
  EXPECT_THAT(fake.Handle(S3Request("GET", "/exports?list-type=2")), IsAwsError("AccessDenied", "Access Denied"));
}

TEST(Faults, ARuleWithoutTargetMatchesEveryRequestInItsOwnProtocol) {
  Fake fake;
  fake.faults().Arm(FaultRule::Error(errors::InternalFailure()).Times(2));
  const HttpResponse json = fake.Handle(List());
  EXPECT_EQ(json.body,
            R"({"__type":"InternalFailure","Message":"The request processing has failed because of an unknown error, exception or failure."})");
  EXPECT_THAT(fake.Handle(S3Request("GET", "/exports/a")), HasHttpStatus(500));
}

TEST(Faults, TheFirstFiringRuleWinsAndEveryMatchingRuleCounts) {
  Fake fake;
  const auto first = fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList));
  const auto second = fake.faults().Arm(FaultRule::Error(errors::ServiceUnavailable()).On(kList).Times(5));
  EXPECT_THAT(fake.Handle(List()), IsAwsError("ThrottlingException"));
  EXPECT_THAT(fake.Handle(List()), IsAwsError("ServiceUnavailable"));
  EXPECT_EQ(fake.faults().Matched(first), 2);
  EXPECT_EQ(fake.faults().Fired(first), 1);
  EXPECT_EQ(fake.faults().Matched(second), 2);
  EXPECT_EQ(fake.faults().Fired(second), 1);
}

TEST(Faults, DisarmAndClearStopRulesButKeepTheirCounts) {
  Fake fake;
  const auto a = fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList).Always());
  fake.Handle(List());
  fake.faults().Disarm(a);
  EXPECT_EQ(fake.Handle(List()).status, 200);
  EXPECT_EQ(fake.faults().Fired(a), 1);
  const auto b = fake.faults().Arm(FaultRule::DropConnection().Always());
  fake.faults().Clear();
  EXPECT_EQ(fake.Handle(List()).status, 200);
  EXPECT_EQ(fake.faults().Fired(b), 0);
}

TEST(Faults, ListsTheArmedRulesWithTheirCounts) {
  Fake fake;
  const FaultRule rule = FaultRule::Error(errors::ThrottlingException()).On(kList);
  const int once = fake.faults().Arm(rule);
  const int gone = fake.faults().Arm(FaultRule::Latency(std::chrono::milliseconds(5)));
  fake.faults().Disarm(gone);
  fake.Handle(List());
  fake.Handle(List());
  const auto armed = internal::FrontDoor(fake).core().faults.ArmedRules();
  ASSERT_EQ(armed.size(), 1u);
  EXPECT_EQ(armed[0].id, once);
  EXPECT_EQ(armed[0].rule.Describe(), rule.Describe());
  EXPECT_EQ(armed[0].fired, 1);
  EXPECT_EQ(armed[0].matched, 2);
  EXPECT_TRUE(armed[0].spent());
}

TEST(Faults, DescribeSaysWhatWhereAndWhen) {
  EXPECT_EQ(FaultRule::Error(errors::S3SlowDown()).OnS3("PUT", "exports", "weekly/*").FromCall(3).Times(2).Describe(),
            "SlowDown (HTTP 503) on S3 PUT exports/weekly/*, from call 3, 2 times");
  EXPECT_EQ(FaultRule::Latency(std::chrono::milliseconds(40)).Always().WithProbability(0.25).Describe(),
            "latency +40 ms on any request, from call 1, always, with probability 0.25");
  EXPECT_EQ(FaultRule::DropConnection().On("s3:GetObject").Describe(),
            "dropped connection on s3:GetObject, from call 1, 1 time");
}

// STYLE.md #2: gMock may run matchers many times; they must not move time,
// use up faults or add requests.
TEST(Faults, MatchersNeverUseUpAFaultOrMoveTheClock) {
  Fake fake;
  SeedDemand(fake);
  const auto id = fake.faults().Arm(FaultRule::Error(errors::ThrottlingException()).On(kList).Times(2));
  const HttpResponse r = fake.Handle(List());
  const Timestamp before = fake.clock().Now();
  for (int i = 0; i < 10; ++i) {
    EXPECT_THAT(r, IsAwsError("ThrottlingException"));
    EXPECT_THAT(fake, Called(kList).Returning(IsAwsError("ThrottlingException")));
    EXPECT_THAT(fake, Not(HasObject("exports", HasSubstr("x"))));
  }
  EXPECT_EQ(fake.clock().Now(), before);
  EXPECT_EQ(fake.faults().Fired(id), 1);
  EXPECT_EQ(fake.faults().Matched(id), 1);
  EXPECT_EQ(fake.journal().size(), 1u);
  EXPECT_THAT(fake.Handle(List()), IsAwsError("ThrottlingException"));
}

}  // namespace
}  // namespace fakeaws
