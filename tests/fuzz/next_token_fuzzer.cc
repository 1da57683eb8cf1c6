// NextToken decoding: any string is either a token this fake issued or
// InvalidNextTokenException, never a crash or a page from nowhere.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "forecast/pagination.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string token(reinterpret_cast<const char*>(data), size);
  const fakeaws::forecast::PageTokens tokens(42);
  const fakeaws::Timestamp now(std::chrono::milliseconds(1767225600000));
  auto seq = tokens.Redeem("ListForecastExportJobs", token, now);
  // A token that redeems must be one Issue would produce for that position.
  if (seq && tokens.Redeem("ListForecasts", token, now)) std::abort();
  return 0;
}
