// What the fault layer, the journal, the listener's screening and the
// routers know of a request, read once from its head: which service and
// operation it is for and, for S3, where it points and who answers it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fakeaws/http.h"
#include "fakeaws/options.h"
#include "protocol/s3_router.h"

namespace fakeaws::protocol {

enum class Service : uint8_t { kForecast, kForecastQuery, kS3 };

// "forecast", "forecastquery", "s3": the journal's words, and the JSON
// services' model names.
std::string_view ServiceName(Service service);

struct Call {
  Service service = Service::kS3;
  // As clients name it: the X-Amz-Target for JSON services
  // ("AmazonForecast.CreateForecastExportJob"), "s3:" plus the S3 API
  // operation ("s3:PutObject"; "s3:Unknown" for none).
  std::string operation;
  std::string method;
  S3Route s3;  // S3 only

  bool is_s3() const { return service == Service::kS3; }
  const std::string& bucket() const { return s3.address.bucket; }
  const std::string& key() const { return s3.address.key; }
};

// X-Amz-Target names the JSON services; everything else is S3 (DESIGN.md).
// Reads the head only (method, target, headers): the body plays no part.
Call IdentifyCall(const HttpRequest& request);

// True when the fake refuses the request for what its head says, whatever
// its body: a size over a limit (a JSON body over Coral's, an upload over
// S3's: Options::limits), or a Content-Length that is not a number, which
// no body can be read by. A front end that stops reading can then answer
// the head alone with what the whole request would get, at once.
bool AnsweredByHead(const Call& call, const HttpRequest& head, const RequestLimits& limits);

// A Content-Length header that is not a decimal number ("-1", "abc").
bool HasMalformedContentLength(const Headers& headers);

}  // namespace fakeaws::protocol
