// fakeaws::Fake: an in-memory Amazon Forecast and S3 for tests.
//
//   fakeaws::Fake fake;                       // virtual clock, seed 0
//   fake.s3().CreateBucket("exports");
//   auto arn = fake.forecast().PutForecast({.name = "demand"}).value();
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

// Why a front end (fakeaws::Listener) answers a request it did not read in
// full: see Fake::Refuse.
struct FrontEndRefusal {
  enum Kind {
    kBodyTooLarge,        // the body is, or is declared to be, over the front end's limit
    kTooManyConnections,  // the front end holds as many connections as it may
  };
  Kind kind = kBodyTooLarge;
  uint64_t body_bytes = 0;      // kBodyTooLarge: the declared (or so far received) size
  uint64_t max_body_bytes = 0;  // kBodyTooLarge: the limit
};

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
  HttpResponse Handle(HttpRequest request);
  // For front ends that stop reading a request (fakeaws::Listener): answers
  // `head`, a request without its body, as the service it addresses
  // refuses it. A body too large is S3's EntityTooLarge (<ProposedSize>
  // body_bytes, <MaxSizeAllowed> max_body_bytes) or Coral's bare 413; too
  // many connections is S3's 503 SlowDown or Forecast's ThrottlingException
  // "Rate exceeded". Numbered, journaled and faulted like any request.
  HttpResponse Refuse(HttpRequest head, const FrontEndRefusal& refusal);

  ForecastApi& forecast() { return forecast_; }
  const ForecastApi& forecast() const { return forecast_; }
  S3Api& s3() { return s3_; }
  const S3Api& s3() const { return s3_; }
  Clock& clock();
  const Options& options() const;
  // Every request answered, oldest first (fakeaws/journal.h).
  Journal& journal();
  const Journal& journal() const;
  // Failures to inject in front of the handlers (fakeaws/faults.h).
  Faults& faults();

 private:
  HttpResponse Answer(HttpRequest request, const FrontEndRefusal* refusal);

  std::unique_ptr<internal::Core> core_;
  ForecastApi forecast_;
  S3Api s3_;
};

// For GoogleTest's failure messages.
void PrintTo(const Fake& fake, std::ostream* os);

}  // namespace fakeaws
