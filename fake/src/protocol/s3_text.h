// Text forms S3's REST wire uses: percent-encoding (paths, queries and the
// encoding-type=url listings), HTTP and ISO 8601 dates, and query strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fakeaws/clock.h"

namespace fakeaws::protocol {

// Percent-decodes `s`; in a query, '+' is a space. nullopt for a broken
// escape ("%4", "%zz").
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// Keys in a listing answered with encoding-type=url. botocore decodes them
// with unquote_plus (wire-format.md §4.3), so a space may be '+' and a '+'
// must be escaped. Java's URLEncoder rules, which S3 is taken to use
// (INFERRED): letters, digits and ".-*_" stay; space is '+'; every other
// byte is %XX.
std::string ListingUrlEncode(std::string_view s);

// RFC 3986 encoding of an object key for a URL path ('/' kept).
std::string PathEncode(std::string_view s);

// "Thu, 01 Jan 2026 00:00:00 GMT".
std::string HttpDate(Timestamp t);
// IMF-fixdate, RFC 850 or asctime (RFC 9110 §5.6.7); nullopt otherwise.
std::optional<Timestamp> ParseHttpDate(std::string_view s);
// "2026-01-01T00:00:00.000Z": S3 keeps whole seconds (DOC samples end in .000Z).
std::string IsoTimestamp(Timestamp t);

// A request's query string, decoded, in order. A parameter without '='
// ("?uploads") has an empty value.
class Query {
 public:
  // nullopt when an escape is broken.
  static std::optional<Query> Parse(std::string_view raw);
  bool Has(std::string_view name) const;
  std::optional<std::string> Get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& params() const { return params_; }

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace fakeaws::protocol
