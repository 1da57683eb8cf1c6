// The control API's answers (fakeaws/control.h): JSON bodies with
// Content-Type application/json, refusals as {"error","message"}.
#pragma once

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

// POST /_fakeaws/faults, DELETE /_fakeaws/faults[/<id>], GET /_fakeaws/faults/<id>
// (faults_journal.cc).
HttpResponse ArmFault(Fake& fake, const Json& body);
HttpResponse FaultCounts(Fake& fake, std::string_view id);
HttpResponse DisarmFault(Fake& fake, std::string_view id);
HttpResponse ClearFaults(Fake& fake);
// GET /_fakeaws/journal[?operation=...], DELETE /_fakeaws/journal.
HttpResponse ReadJournal(Fake& fake, std::string_view query);
HttpResponse ClearJournal(Fake& fake);

}  // namespace fakeaws::control
