// URL text: percent-decoding and -encoding, and query strings. Every reader
// of a request target (the S3 address and router, SigV4's canonical query,
// the control API) decodes through here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fakeaws::base {

// What a '+' means: itself in a path and in SigV4's canonical query, a
// space in a form-encoded query.
enum class Plus { kLiteral, kSpace };

// "%2F" -> "/". nullopt for a broken escape ("%4", "%zz").
std::optional<std::string> PercentDecode(std::string_view s, Plus plus = Plus::kLiteral);
// The same, but a broken escape is kept as written, for readers that name
// what they cannot parse (the journal's key) rather than refuse it.
std::string PercentDecodeLenient(std::string_view s, Plus plus = Plus::kLiteral);
// True when PercentDecode(s) would succeed: every '%' starts an escape.
bool IsPercentEncoded(std::string_view s);

// Keys in a listing answered with encoding-type=url. botocore decodes them
// with unquote_plus (wire-format.md §4.3). Measured against S3 (CAPTURE
// brekkylab/backlot#178, 2026-09-14; ceph/s3-tests#478's screenshot): a
// space is '+', '+' is %2B, '%' is %25, UTF-8 bytes are %XX, and '/' stays
// '/' in keys and common prefixes. The rest as Java's URLEncoder (INFERRED):
// letters, digits and ".-*_" stay; every other byte is %XX.
std::string ListingUrlEncode(std::string_view s);
// RFC 3986 encoding of an object key for a URL path ('/' kept).
std::string PathEncode(std::string_view s);

// A query string, decoded, in order. A parameter without '=' ("?uploads")
// has an empty value; empty parameters ("a=1&&b=2") are skipped.
class Query {
 public:
  // nullopt when an escape is broken.
  static std::optional<Query> Parse(std::string_view raw, Plus plus = Plus::kSpace);
  // Broken escapes kept as written.
  static Query ParseLenient(std::string_view raw, Plus plus = Plus::kSpace);

  bool Has(std::string_view name) const;
  std::optional<std::string> Get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& params() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace fakeaws::base
