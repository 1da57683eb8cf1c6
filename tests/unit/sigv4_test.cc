#include "protocol/sigv4.h"

#include <gtest/gtest.h>

#include "core/digest.h"
#include "core/sha256.h"

namespace fakeaws::protocol {
namespace {

const std::map<std::string, std::string> kCredentials = {
    {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}};

TEST(Sha256Test, MatchesFips180Vectors) {
  EXPECT_EQ(internal::HexLower(internal::Sha256Digest("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(internal::HexLower(internal::Sha256Digest("")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(internal::HexLower(internal::Sha256Digest(std::string(1000000, 'a'))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// RFC 4231, test case 2.
TEST(HmacSha256Test, MatchesRfc4231) {
  EXPECT_EQ(internal::HexLower(internal::HmacSha256("Jefe", "what do ya want for nothing?")),
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
  EXPECT_EQ(VerifySigV4({&json, false}, kCredentials).kind, SigV4Verdict::kOk);
  const HttpRequest s3 = SignedS3Request();
  EXPECT_EQ(VerifySigV4({&s3, true}, kCredentials).kind, SigV4Verdict::kOk);
}

TEST(SigV4Test, AnyChangeToWhatWasSignedIsAMismatch) {
  HttpRequest body_changed = SignedForecastRequest();
  body_changed.body += " ";
  EXPECT_EQ(VerifySigV4({&body_changed, false}, kCredentials).kind, SigV4Verdict::kMismatch);
  HttpRequest header_changed = SignedForecastRequest();
  header_changed.headers.Set("X-Amz-Target", "AmazonForecast.DeleteForecast");
  EXPECT_EQ(VerifySigV4({&header_changed, false}, kCredentials).kind, SigV4Verdict::kMismatch);
  HttpRequest query_changed = SignedS3Request();
  query_changed.target += "&max-keys=1";
  auto verdict = VerifySigV4({&query_changed, true}, kCredentials);
  EXPECT_EQ(verdict.kind, SigV4Verdict::kMismatch);
  EXPECT_NE(verdict.canonical_request.find("max-keys=1"), std::string::npos);
  EXPECT_EQ(verdict.string_to_sign.rfind("AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/s3/aws4_request\n", 0), 0u);
}

TEST(SigV4Test, WrongSecretIsAMismatchAndUnknownKeyIsUnknown) {
  const HttpRequest r = SignedForecastRequest();
  EXPECT_EQ(VerifySigV4({&r, false}, {{"AKIDEXAMPLE", "other"}}).kind, SigV4Verdict::kMismatch);
  auto verdict = VerifySigV4({&r, false}, {{"AKIDOTHER", "x"}});
  EXPECT_EQ(verdict.kind, SigV4Verdict::kUnknownAccessKey);
  EXPECT_EQ(verdict.access_key, "AKIDEXAMPLE");
}

TEST(SigV4Test, MissingIncompleteAndBothForms) {
  HttpRequest none;
  EXPECT_EQ(VerifySigV4({&none, false}, kCredentials).kind, SigV4Verdict::kMissing);

  HttpRequest incomplete;
  incomplete.headers.Add("Authorization", "AWS4-HMAC-SHA256 Signature=abc");
  auto verdict = VerifySigV4({&incomplete, false}, kCredentials);
  EXPECT_EQ(verdict.kind, SigV4Verdict::kIncomplete);
  EXPECT_EQ(verdict.incomplete_message,
            "Authorization header requires 'Credential' parameter. Authorization header requires "
            "'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' "
            "or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Signature=abc");

  HttpRequest both = SignedS3Request();
  both.target += "&X-Amz-Algorithm=AWS4-HMAC-SHA256";
  EXPECT_EQ(VerifySigV4({&both, true}, kCredentials).kind, SigV4Verdict::kBothForms);
}

TEST(SigV4Test, HostMustBeSigned) {
  HttpRequest r = SignedForecastRequest();
  r.headers.Set("Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/forecast/aws4_request, "
                "SignedHeaders=content-type;x-amz-date, Signature=00");
  EXPECT_EQ(VerifySigV4({&r, false}, kCredentials).kind, SigV4Verdict::kHostNotSigned);
}

TEST(SigV4UriEncodeTest, EncodesAllButUnreserved) {
  EXPECT_EQ(SigV4UriEncode("a b+c/d~e", true), "a%20b%2Bc/d~e");
  EXPECT_EQ(SigV4UriEncode("a/b", false), "a%2Fb");
  EXPECT_EQ(PercentDecode("a%2Fb%zz%4"), "a/b%zz%4");
}

}  // namespace
}  // namespace fakeaws::protocol
