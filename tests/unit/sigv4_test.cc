#include <gtest/gtest.h>

#include "base/digest.h"
#include "base/sha256.h"
#include "protocol/sigv4.h"

namespace fakeaws::protocol {
namespace {

const std::map<std::string, std::string> kCredentials = {
    {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}};

// 2026-01-01T00:00:00Z, the instant the requests below were signed at.
const Timestamp kSignedAt(std::chrono::milliseconds(1767225600000));

// What the fake checks a Forecast / S3 request against, with the server's
// now at `now`.
SigV4Request Json(const HttpRequest& r, Timestamp now = kSignedAt) { return {&r, false, "us-east-1", "forecast", now}; }
SigV4Request S3(const HttpRequest& r, Timestamp now = kSignedAt) { return {&r, true, "us-east-1", "s3", now}; }

TEST(Sha256Test, MatchesFips180Vectors) {
  EXPECT_EQ(base::HexLower(base::Sha256Digest("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(base::HexLower(base::Sha256Digest("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(base::HexLower(base::Sha256Digest(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// RFC 4231, test case 2.
TEST(HmacSha256Test, MatchesRfc4231) {
  EXPECT_EQ(base::HexLower(base::HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// Signed by botocore 1.43.11 (SigV4Auth) with the credentials above at
// 2026-01-01T00:00:00Z: an independent implementation of the same algorithm.
HttpRequest SignedForecastRequest() {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers = {{"Host", "127.0.0.1:4566"},
               {"X-Amz-Target", "AmazonForecast.DescribeForecast"},
               {"Content-Type", "application/x-amz-json-1.1"},
               {"X-Amz-Date", "20260101T000000Z"},
               {"Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/forecast/aws4_request, "
                "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                "Signature=56860561736c78b85d046a4897139245dfadf2927682feab372d50c9c5605656"}};
  r.body = R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand"})";
  return r;
}

// Signed by botocore's S3SigV4Auth: an encoded key and query parameters.
HttpRequest SignedS3Request() {
  HttpRequest r;
  r.method = "GET";
  r.target = "/my-bucket/dir/hello%20world%2Bplus.txt?list-type=2&prefix=a%2Fb&encoding-type=url";
  r.headers = {{"Host", "127.0.0.1:4566"},
               {"X-Amz-Date", "20260101T000000Z"},
               {"X-Amz-Content-SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
               {"Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, "
                "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                "Signature=9cc8bae389343a4697b84f82310f8165d1683c73fef4cac30151423014aad81a"}};
  return r;
}

TEST(SigV4Test, AcceptsBotocoreSignatures) {
  const HttpRequest json = SignedForecastRequest();
  EXPECT_EQ(VerifySigV4(Json(json), kCredentials).kind, SigV4Verdict::kOk);
  const HttpRequest s3 = SignedS3Request();
  EXPECT_EQ(VerifySigV4(S3(s3), kCredentials).kind, SigV4Verdict::kOk);
}

TEST(SigV4Test, AnyChangeToWhatWasSignedIsAMismatch) {
  HttpRequest body_changed = SignedForecastRequest();
  body_changed.body += " ";
  EXPECT_EQ(VerifySigV4(Json(body_changed), kCredentials).kind, SigV4Verdict::kMismatch);
  HttpRequest header_changed = SignedForecastRequest();
  header_changed.headers.Set("X-Amz-Target", "AmazonForecast.DeleteForecast");
  EXPECT_EQ(VerifySigV4(Json(header_changed), kCredentials).kind, SigV4Verdict::kMismatch);
  HttpRequest query_changed = SignedS3Request();
  query_changed.target += "&max-keys=1";
  auto verdict = VerifySigV4(S3(query_changed), kCredentials);
  EXPECT_EQ(verdict.kind, SigV4Verdict::kMismatch);
  EXPECT_NE(verdict.canonical_request.find("max-keys=1"), std::string::npos);
  EXPECT_EQ(verdict.string_to_sign.rfind("AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/s3/aws4_request\n", 0), 0u);
}

TEST(SigV4Test, WrongSecretIsAMismatchAndUnknownKeyIsUnknown) {
  const HttpRequest r = SignedForecastRequest();
  EXPECT_EQ(VerifySigV4(Json(r), {{"AKIDEXAMPLE", "other"}}).kind, SigV4Verdict::kMismatch);
  auto verdict = VerifySigV4(Json(r), {{"AKIDOTHER", "x"}});
  EXPECT_EQ(verdict.kind, SigV4Verdict::kUnknownAccessKey);
  EXPECT_EQ(verdict.access_key, "AKIDEXAMPLE");
}

TEST(SigV4Test, MissingIncompleteAndBothForms) {
  HttpRequest none;
  EXPECT_EQ(VerifySigV4(Json(none), kCredentials).kind, SigV4Verdict::kMissing);

  HttpRequest incomplete;
  incomplete.headers.Add("Authorization", "AWS4-HMAC-SHA256 Signature=abc");
  auto verdict = VerifySigV4(Json(incomplete), kCredentials);
  EXPECT_EQ(verdict.kind, SigV4Verdict::kIncomplete);
  EXPECT_EQ(verdict.incomplete_message,
            "Authorization header requires 'Credential' parameter. Authorization header requires "
            "'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' "
            "or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Signature=abc");

  HttpRequest both = SignedS3Request();
  both.target += "&X-Amz-Algorithm=AWS4-HMAC-SHA256";
  EXPECT_EQ(VerifySigV4(S3(both), kCredentials).kind, SigV4Verdict::kBothForms);
}

TEST(SigV4Test, HostMustBeSigned) {
  HttpRequest r = SignedForecastRequest();
  r.headers.Set("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/forecast/aws4_request, "
                "SignedHeaders=content-type;x-amz-date, Signature=00");
  EXPECT_EQ(VerifySigV4(Json(r), kCredentials).kind, SigV4Verdict::kHostNotSigned);
}

TEST(SigV4Test, TheDateMayBeFifteenMinutesEitherSideOfTheServersNow) {
  using std::chrono::seconds;
  const HttpRequest r = SignedForecastRequest();
  EXPECT_EQ(VerifySigV4(Json(r, kSignedAt + seconds(900)), kCredentials).kind, SigV4Verdict::kOk);
  EXPECT_EQ(VerifySigV4(Json(r, kSignedAt - seconds(900)), kCredentials).kind, SigV4Verdict::kOk);
  auto expired = VerifySigV4(Json(r, kSignedAt + seconds(901)), kCredentials);
  EXPECT_EQ(expired.kind, SigV4Verdict::kExpired);
  EXPECT_EQ(expired.request_date, "20260101T000000Z");
  EXPECT_EQ(expired.server_now, kSignedAt + seconds(901));
  EXPECT_EQ(VerifySigV4(Json(r, kSignedAt - seconds(901)), kCredentials).kind, SigV4Verdict::kNotYetCurrent);
  const HttpRequest s3 = SignedS3Request();
  EXPECT_EQ(VerifySigV4(S3(s3, kSignedAt + seconds(901)), kCredentials).kind, SigV4Verdict::kExpired);
}

TEST(SigV4Test, AnUnreadableDateIsBadDate) {
  HttpRequest r = SignedForecastRequest();
  r.headers.Set("X-Amz-Date", "2026-01-01");
  auto verdict = VerifySigV4(Json(r), kCredentials);
  EXPECT_EQ(verdict.kind, SigV4Verdict::kBadDate);
  EXPECT_EQ(verdict.request_date, "2026-01-01");
}

TEST(SigV4Test, TheScopeMustNameTheRegionAndService) {
  const HttpRequest r = SignedForecastRequest();
  auto west = VerifySigV4({&r, false, "us-west-2", "forecast", kSignedAt}, kCredentials);
  EXPECT_EQ(west.kind, SigV4Verdict::kWrongScope);
  EXPECT_TRUE(west.region_wrong);
  EXPECT_FALSE(west.service_wrong);
  EXPECT_EQ(west.scope_region, "us-east-1");
  auto other = VerifySigV4({&r, false, "us-east-1", "s3", kSignedAt}, kCredentials);
  EXPECT_EQ(other.kind, SigV4Verdict::kWrongScope);
  EXPECT_FALSE(other.region_wrong);
  EXPECT_TRUE(other.service_wrong);
  EXPECT_EQ(other.scope_service, "forecast");
}

// Coral looks at the date before the scope; S3 the other way round.
TEST(SigV4Test, CoralChecksTheDateFirstAndS3TheScope) {
  const auto late = kSignedAt + std::chrono::hours(1);
  const HttpRequest json = SignedForecastRequest();
  EXPECT_EQ(VerifySigV4({&json, false, "us-west-2", "forecast", late}, kCredentials).kind, SigV4Verdict::kExpired);
  const HttpRequest s3 = SignedS3Request();
  EXPECT_EQ(VerifySigV4({&s3, true, "us-west-2", "s3", late}, kCredentials).kind, SigV4Verdict::kWrongScope);
}

TEST(SigV4Test, APresignedS3UrlLivesForXAmzExpires) {
  HttpRequest r;
  r.method = "GET";
  r.target =
      "/exports/part0.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20251231%2Fus-east-1%2Fs3"
      "%2Faws4_request&X-Amz-Date=20251231T230000Z&X-Amz-Expires=7200&X-Amz-SignedHeaders=host&X-Amz-Signature="
      "b59376f03249c0d5da5092a57fc087aae264be9ebecb610002c0e90e12fb5189";
  r.headers = {{"Host", "127.0.0.1:9000"}};
  // Signed 23:00 for two hours (botocore's S3SigV4QueryAuth).
  EXPECT_EQ(VerifySigV4(S3(r, kSignedAt), kCredentials).kind, SigV4Verdict::kOk);
  EXPECT_EQ(VerifySigV4(S3(r, kSignedAt + std::chrono::hours(1)), kCredentials).kind, SigV4Verdict::kOk);
  auto expired = VerifySigV4(S3(r, kSignedAt + std::chrono::hours(1) + std::chrono::seconds(1)), kCredentials);
  EXPECT_EQ(expired.kind, SigV4Verdict::kPresignExpired);
  EXPECT_EQ(expired.expires_seconds, 7200);
}

TEST(SigV4UriEncodeTest, EncodesAllButUnreserved) {
  EXPECT_EQ(SigV4UriEncode("a b+c/d~e", true), "a%20b%2Bc/d~e");
  EXPECT_EQ(SigV4UriEncode("a/b", false), "a%2Fb");
}

}  // namespace
}  // namespace fakeaws::protocol
