// Dates as AWS's wires write them. (The typed API's ISO form,
// FormatTimestamp/ParseTimestamp, is public: fakeaws/clock.h.)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakeaws/clock.h"

namespace fakeaws::base {

// IMF-fixdate, "Thu, 01 Jan 2026 00:00:00 GMT": every response's Date.
std::string HttpDate(Timestamp t);
// IMF-fixdate, RFC 850 or asctime (RFC 9110 §5.6.7); nullopt otherwise.
std::optional<Timestamp> ParseHttpDate(std::string_view s);
// "2026-01-01T00:00:00.000Z": S3 keeps whole seconds (DOC samples end in .000Z).
std::string IsoTimestamp(Timestamp t);
// "20260101T000000Z" (ISO-8601 basic, as X-Amz-Date) and back; nullopt for
// anything else.
std::string AmzDate(Timestamp t);
std::optional<Timestamp> ParseAmzDate(std::string_view s);

}  // namespace fakeaws::base
