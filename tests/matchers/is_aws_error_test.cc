// IsAwsError and HasHttpStatus over every value that can carry an AWS error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::DescribeMatcher;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using test_support::DescribeExportJob;
using test_support::ForecastRequest;

template <typename T, typename M>
std::string Explain(const M& matcher, const T& value) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, value, &listener);
  return listener.str();
}

HttpResponse JsonError(int status, const std::string& body) {
  HttpResponse r;
  r.status = status;
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body;
  return r;
}

// wire-format.md §4.1, the REAL NoSuchBucket capture.
HttpResponse S3NoSuchBucket() {
  HttpResponse r;
  r.status = 404;
  r.headers.Add("Content-Type", "application/xml");
  r.body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code><Message>The "
      "specified bucket does not exist</Message><BucketName>bucketav-clean-files2</BucketName>"
      "<RequestId>QRN2ST0SDNGGGMCD</RequestId><HostId>JiyCd7RRDjasxosfjcsggJiZm6ukcqJLb/wQ7n0K07BzKkJ8qhfIu/"
      "wfCNyroNCx/ET8TOjm0Rg=</HostId></Error>";
  return r;
}

TEST(IsAwsError, DescribesTheExpectedTypeAndMessage) {
  EXPECT_EQ(DescribeMatcher<HttpResponse>(IsAwsError("ResourceNotFoundException")),
            "is an AWS error of type ResourceNotFoundException");
  EXPECT_EQ(DescribeMatcher<HttpResponse>(IsAwsError("LimitExceededException", HasSubstr("Quota"))),
            "is an AWS error of type LimitExceededException whose message has substring \"Quota\"");
  EXPECT_EQ(DescribeMatcher<AwsError>(IsAwsError("NoSuchKey", "The specified key does not exist."), true),
            "is not an AWS error of type NoSuchKey whose message is equal to "
            "\"The specified key does not exist.\"");
}

TEST(IsAwsError, ReadsAJsonErrorAsBotocoreDoes) {
  const HttpResponse r = JsonError(400, R"({"__type":"ResourceNotFoundException","Message":"No resource found x"})");
  EXPECT_THAT(r, IsAwsError("ResourceNotFoundException", "No resource found x"));
  EXPECT_EQ(Explain(IsAwsError("ResourceNotFoundException"), r),
            "which is a 400 response with AWS error ResourceNotFoundException and message "
            "\"No resource found x\"");
}

TEST(IsAwsError, StripsANamespaceAndReadsLowerCaseMessage) {
  const HttpResponse r =
      JsonError(400, R"({"__type":"com.amazon.coral.availability#ThrottlingException","message":"Rate exceeded"})");
  EXPECT_THAT(r, IsAwsError("ThrottlingException", "Rate exceeded"));
}

TEST(IsAwsError, ExplainsWhichPartDiffered) {
  const HttpResponse r = JsonError(400, R"({"__type":"LimitExceededException","Message":"Quota limit of 3 concurrently creating forecast exports has been reached"})");
  EXPECT_EQ(Explain(IsAwsError("ResourceInUseException"), r),
            "which is a 400 response with AWS error LimitExceededException and message \"Quota limit of 3 "
            "concurrently creating forecast exports has been reached\", whose type differs");
  EXPECT_EQ(Explain(IsAwsError("LimitExceededException", StartsWith("Quota limit of 5")), r),
            "which is a 400 response with AWS error LimitExceededException and message \"Quota limit of 3 "
            "concurrently creating forecast exports has been reached\", whose message doesn't match");
}

TEST(IsAwsError, SaysWhatASuccessLooksLike) {
  Fake fake;
  const HttpResponse r = fake.Handle(ForecastRequest("ListForecasts", "{}"));
  EXPECT_THAT(r, Not(IsAwsError("ResourceNotFoundException")));
  EXPECT_EQ(Explain(IsAwsError("ResourceNotFoundException"), r),
            "which is a 200 response with no AWS error, body {\"Forecasts\":[]}");
}

TEST(IsAwsError, ReadsTheFakesOwnErrors) {
  Fake fake;
  EXPECT_THAT(fake.Handle(DescribeExportJob("nope")),
              IsAwsError("ResourceNotFoundException", HasSubstr("forecast-export-job/demand/nope")));
  EXPECT_THAT(fake.Handle(ForecastRequest("ListForecasts", "not json")), IsAwsError("SerializationException"));
}

TEST(IsAwsError, ReadsS3XmlErrors) {
  EXPECT_THAT(S3NoSuchBucket(), IsAwsError("NoSuchBucket", "The specified bucket does not exist"));
  EXPECT_EQ(Explain(IsAwsError("NoSuchKey"), S3NoSuchBucket()),
            "which is a 404 response with AWS error NoSuchBucket and message \"The specified bucket does "
            "not exist\", whose type differs");
}

TEST(IsAwsError, ReadsCoralsXmlishRefusal) {
  Fake fake;
  HttpRequest get = ForecastRequest("ListForecasts", "{}");
  get.method = "GET";
  EXPECT_THAT(fake.Handle(get), IsAwsError("AccessDeniedException",
                                           "Unable to determine service/operation name to be authorized"));
}

TEST(IsAwsError, ABodilessErrorHasNoType) {
  HttpResponse head_404;
  head_404.status = 404;
  EXPECT_THAT(head_404, Not(IsAwsError("NoSuchKey")));
  EXPECT_EQ(Explain(IsAwsError("NoSuchKey"), head_404),
            "which is a 404 response with no error code in its body (clients see only the status)");
}

TEST(IsAwsError, WorksOnAwsErrorAndOutcome) {
  Fake fake;
  Outcome<S3Object> missing = fake.s3().GetObject("nope", "k");
  EXPECT_THAT(missing, IsAwsError("NoSuchBucket"));
  EXPECT_THAT(missing.error(), IsAwsError("NoSuchBucket", "The specified bucket does not exist"));
  EXPECT_EQ(Explain(IsAwsError("NoSuchKey"), missing),
            "which is a failed Outcome (HTTP 404) with AWS error NoSuchBucket and message \"The specified "
            "bucket does not exist\", whose type differs");
  EXPECT_EQ(Explain(IsAwsError("NoSuchKey"), missing.error()),
            "which is an AwsError (HTTP 404) with AWS error NoSuchBucket and message \"The specified "
            "bucket does not exist\", whose type differs");

  Outcome<Done> created = fake.s3().CreateBucket("exports");
  EXPECT_EQ(Explain(IsAwsError("NoSuchBucket"), created), "which is a successful Outcome with no AWS error");
}

TEST(IsAwsError, WorksOnJournalEntries) {
  Fake fake;
  fake.Handle(DescribeExportJob("nope"));
  const JournalEntry entry = fake.journal().Entries().at(0);
  EXPECT_THAT(entry, IsAwsError("ResourceNotFoundException"));
  EXPECT_EQ(Explain(IsAwsError("InvalidInputException"), entry),
            "which is request #0 to AmazonForecast.DescribeForecastExportJob, answered 400 with AWS error "
            "ResourceNotFoundException and message \"No resource found "
            "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/nope\", whose type differs");
}

TEST(HasHttpStatus, DescribesAndExplains) {
  EXPECT_EQ(DescribeMatcher<HttpResponse>(HasHttpStatus(404)), "has HTTP status 404 (Not Found)");
  EXPECT_EQ(DescribeMatcher<HttpResponse>(HasHttpStatus(503), true),
            "doesn't have HTTP status 503 (Service Unavailable)");
  EXPECT_THAT(S3NoSuchBucket(), HasHttpStatus(404));
  EXPECT_EQ(Explain(HasHttpStatus(200), S3NoSuchBucket()),
            "which has HTTP status 404 (Not Found) and AWS error NoSuchBucket");
  HttpResponse dropped;
  dropped.status = 0;
  EXPECT_EQ(Explain(HasHttpStatus(200), dropped), "which is a dropped connection, with no HTTP status");
}

TEST(HasHttpStatus, WorksOnJournalEntriesAndErrors) {
  Fake fake;
  fake.Handle(ForecastRequest("ListForecasts", "{}"));
  EXPECT_THAT(fake.journal().Entries().at(0), HasHttpStatus(200));
  EXPECT_THAT(fake.s3().GetObject("nope", "k").error(), HasHttpStatus(404));
}

}  // namespace
}  // namespace fakeaws
