// fakeaws::Fake: an in-memory Amazon Forecast and S3 for tests.
//
//   fakeaws::Fake fake;                       // virtual clock, seed 0
//   fake.s3().CreateBucket("exports");
//   fakeaws::ForecastSpec spec;
//   spec.name = "demand";
//   std::string arn = fake.forecast().PutForecast(spec).value();
//   fakeaws::HttpResponse r = fake.Handle(request);   // the wire entry point
//
// A Fake is safe for concurrent use from many threads. Two fakes share
// nothing: make one per test. Given equal Options and the same requests, two
// fakes answer with the same bytes.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>

#include "fakeaws/clock.h"
#include "fakeaws/faults.h"
#include "fakeaws/forecast.h"
#include "fakeaws/http.h"
#include "fakeaws/journal.h"
#include "fakeaws/options.h"
#include "fakeaws/s3.h"

namespace fakeaws {

namespace internal {
struct Core;
class FrontDoor;
}  // namespace internal

class Fake {
 public:
  explicit Fake(Options options = {});
  ~Fake();
  Fake(const Fake&) = delete;
  Fake& operator=(const Fake&) = delete;

  // The fake's whole state (resources, objects, clock, request count) as a
  // JSON document, and back: a restored fake answers the next requests as
  // the saved one would have. Restore refuses a snapshot taken with another
  // account, region or seed, and changes nothing then; Snapshot fails for
  // a kind of resource it does not cover yet. Take and restore
  // snapshots between requests: they are not atomic across services.
  Outcome<std::string> Snapshot();
  Outcome<Done> Restore(const std::string& snapshot);
  // The journal and armed faults are test instruments, not AWS state: no
  // snapshot holds them.
  // Back to the state of a new Fake with the same Options: no resources or
  // objects, the clock at its start, an empty journal, no armed faults.
  void Reset();

  // Answers one HTTP request as AWS would: Forecast (JSON 1.1) when
  // X-Amz-Target names AmazonForecast or AmazonForecastRuntime, S3 otherwise.
  // Its Date is the fake's clock. An injected dropped connection answers
  // status 0 (no headers, no body); an injected latency is not waited here,
  // only by front ends with a socket (fakeaws::Listener).
  HttpResponse Handle(HttpRequest request);

  ForecastApi& forecast() { return forecast_; }
  const ForecastApi& forecast() const { return forecast_; }
  S3Api& s3() { return s3_; }
  const S3Api& s3() const { return s3_; }
  Clock& clock() { return clock_; }
  const Clock& clock() const { return clock_; }
  const Options& options() const;
  // Every request answered, oldest first (fakeaws/journal.h).
  Journal& journal() { return journal_; }
  const Journal& journal() const { return journal_; }
  // Failures to inject in front of the handlers (fakeaws/faults.h).
  Faults& faults() { return faults_; }

 private:
  // Front ends with a socket (src/pipeline/front_door.h) serve through the core.
  friend class internal::FrontDoor;

  std::unique_ptr<internal::Core> core_;
  ForecastApi forecast_;
  S3Api s3_;
  Clock clock_;
  Journal journal_;
  Faults faults_;
};

// For GoogleTest's failure messages.
void PrintTo(const Fake& fake, std::ostream* os);

}  // namespace fakeaws
