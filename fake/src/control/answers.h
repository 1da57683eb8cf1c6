// The control API's answers (fakeaws/control.h): JSON bodies with
// Content-Type application/json, refusals as {"error","message"}.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "base/spec_json.h"
#include "fakeaws/error.h"
#include "fakeaws/http.h"

namespace fakeaws {
class Fake;
}

namespace fakeaws::control {

using base::Json;

HttpResponse JsonAnswer(int status, const Json& body);
HttpResponse Refusal(int status, std::string_view type, const std::string& message);
inline HttpResponse Refusal(const AwsError& error) { return Refusal(error.http_status, error.type, error.message); }

// A query string's parameters, percent-decoded ('+' is a space), or the
// refusal: a parameter not among `known`, or one given twice.
Outcome<std::map<std::string, std::string>> ParseQuery(std::string_view query,
                                                      std::initializer_list<std::string_view> known,
                                                      std::string_view where);
// A whole number in [low, high] from parameter `name` (absent: `fallback`).
Outcome<uint64_t> CountParameter(const std::map<std::string, std::string>& params, const std::string& name,
                                 uint64_t low, uint64_t high, uint64_t fallback);
// A body as JSON members: {"body":"<text>"} when it is UTF-8, else
// {"body_base64":"..."}; with "body_bytes" and "body_truncated". A body cut
// inside a character loses the partial character, not its text form.
void PutBody(Json* out, std::string_view body, bool truncated);

// POST /_fakeaws/faults, DELETE /_fakeaws/faults[/<id>], GET /_fakeaws/faults/<id>
// (faults_journal.cc).
HttpResponse ArmFault(Fake& fake, const Json& body);
HttpResponse FaultCounts(Fake& fake, std::string_view id);
HttpResponse DisarmFault(Fake& fake, std::string_view id);
HttpResponse ClearFaults(Fake& fake);
// GET /_fakeaws/faults: the armed rules and their counts.
HttpResponse ListFaults(Fake& fake);
// GET /_fakeaws/journal[?operation=...&failed=true&after=&before=&limit=&order=&view=],
// GET /_fakeaws/journal/<sequence>, DELETE /_fakeaws/journal.
HttpResponse ReadJournal(Fake& fake, std::string_view query);
HttpResponse ReadJournalEntry(Fake& fake, std::string_view sequence);
HttpResponse ClearJournal(Fake& fake);

// What the page (GET /_fakeaws/ui) shows of the state (state_views.cc):
// GET /_fakeaws/resources[?type=], GET /_fakeaws/forecasts/series?arn=,
// GET /_fakeaws/forecasts/values?arn=&item_id=, GET /_fakeaws/buckets,
// GET /_fakeaws/objects?bucket=&prefix=..., GET /_fakeaws/object?bucket=&key=&max_bytes=.
HttpResponse ListResources(Fake& fake, std::string_view query);
HttpResponse ListForecastSeries(Fake& fake, std::string_view query);
HttpResponse ForecastValues(Fake& fake, std::string_view query);
HttpResponse ListBuckets(Fake& fake);
HttpResponse ListObjects(Fake& fake, std::string_view query);
HttpResponse ReadObject(Fake& fake, std::string_view query);

// GET /_fakeaws/ui: the page itself, HTML with its style and script inline
// (ui_page.cc, from fake/src/control/ui/).
HttpResponse UiPage();

}  // namespace fakeaws::control
