// Golden wire cases: files that hold requests and the exact responses AWS
// sends for them, each with a header naming the source of its bytes
// (../shared/reference/wire-format.md). One driver runs them all.
//
// Format of a case file:
//   # source: <where the expected bytes come from>      (required)
//   @option <name> <value>     options before the fake is built
//                              (auth <key id> <secret>: verify signatures;
//                              server_time <ISO-8601>: the auth "now")
//   @forecast <name> [STATUS]  seed a forecast
//   @bucket <name>             create an S3 bucket
//   @object <bucket> <key> <text...>   put an object (body: the rest of the line; "\n" is a line break)
//   @advance <milliseconds>    move the fake's clock
//   >>>                        a request: request line, headers, blank line, body
//   <<<                        its expected response: status line, headers, blank line, body
// Setup lines may also sit between exchanges. A block runs to the next
// marker; the newline that ends its last line is not part of it, so a body
// that ends in a newline is followed by one empty line in the file. In an
// expected response, the header value <uuid> matches a lower-case UUID (AWS
// request ids are random) and "NextToken":"<token>" any token; <token> in a
// later request is replaced by the last token received.
//
// S3 placeholders, anywhere in an expected response: <request-id> is the
// response's x-amz-request-id (16 of [A-Z0-9]), <host-id> its x-amz-id-2
// (base64): every occurrence must be that same value. <upload-id> is the
// first multipart upload id a response of the case returned, <upload-id:2>
// the second; requests may use them too. <version-id>, <version-id:2>, ...
// are the version ids (not "null") the case's successful responses
// returned, in the order first seen in an x-amz-version-id header or a
// <VersionId>-like element; S3 makes them up, so a golden names them by
// order.
// scripts/golden_lengths.py counts them at their real lengths (16, 76, 88
// and 32 bytes).
//
// A request body whose first line is "@fill <count> <char>" is <count>
// copies of <char>; one whose first line is "@escaped" is the lines after
// it joined without newlines, with \r \n \t \\ and \xHH decoded (for
// aws-chunked framing). An expected response body may be "@escaped" too.
#pragma once

#include <string>
#include <vector>

#include "fakeaws/fake.h"

namespace fakeaws::testing {

struct GoldenStep {
  enum Kind { kSetup, kExchange } kind;
  std::vector<std::string> setup;  // kSetup: the directive's words
  HttpRequest request;             // kExchange
  std::string expected;            // kExchange: the response in wire form
  int line = 0;
};

struct GoldenCase {
  std::string name;
  std::string source;
  std::vector<std::vector<std::string>> options;
  std::vector<GoldenStep> steps;
};

GoldenCase LoadGoldenCase(const std::string& path);
std::vector<std::string> GoldenFiles(const std::string& dir);
Options OptionsFor(const GoldenCase& c);
// Runs a setup directive on `fake`; returns an error text or "".
std::string ApplySetup(Fake& fake, const std::vector<std::string>& words);
// "" when `actual` is what `expected` describes, else a readable diff.
// `"NextToken":"<token>"` in an expected body matches any token.
std::string CompareWire(const std::string& expected, const std::string& actual);
// The NextToken value in a response, or "".
std::string ExtractToken(const std::string& response);

// Values a case learns from responses (S3 upload ids), for the placeholders
// above.
struct GoldenVars {
  std::vector<std::string> upload_ids;
  std::vector<std::string> version_ids;
};
// CompareWire with the S3 placeholders; learns upload ids from `actual`.
std::string CompareWire(const std::string& expected, const std::string& actual, GoldenVars* vars);
// Replaces <upload-id> placeholders in a request with the learned values.
HttpRequest ExpandVars(HttpRequest request, const GoldenVars& vars);

}  // namespace fakeaws::testing
