// A tag on a Forecast resource (the model's Tag: a key and a value), as the
// domain keeps it; the typed API's Tag is only what a test hands in or reads.
#pragma once

#include <string>

namespace fakeaws::forecast {

struct ResourceTag {
  std::string key;
  std::string value;
};

}  // namespace fakeaws::forecast
