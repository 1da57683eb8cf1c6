// The journal, the fault layer and observers under many threads: nothing
// lost, nothing counted twice, and chance that does not depend on the
// interleaving. Run under TSan by scripts/sanitize.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

HttpRequest List() {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast.ListForecasts");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = "{}";
  return r;
}

void FromThreads(Fake& fake, int threads, int each) {
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&fake, each] {
      for (int i = 0; i < each; ++i) fake.Handle(List());
    });
  }
  for (auto& t : pool) t.join();
}

class CountingObserver : public RequestObserver {
 public:
  void OnRequest(const std::string&, const HttpRequest&, const HttpResponse&) override { ++calls; }
  std::atomic<int> calls{0};
};

TEST(JournalConcurrencyTest, RecordsAndReportsEveryRequestOnce) {
  Fake fake;
  CountingObserver observer;
  fake.journal().AddObserver(&observer);
  FromThreads(fake, 4, 50);
  fake.journal().RemoveObserver(&observer);
  EXPECT_EQ(observer.calls.load(), 200);
  const auto entries = fake.journal().Entries();
  ASSERT_EQ(entries.size(), 200u);
  std::vector<uint64_t> seen;
  for (const auto& e : entries) seen.push_back(e.sequence);
  std::sort(seen.begin(), seen.end());
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], i);
}

TEST(FaultsConcurrencyTest, CountEveryFiringAndDrawTheSameChanceAsOneThread) {
  auto arm = [](Fake& f) {
    return f.faults().Arm(FaultRule::Error(errors::ThrottlingException())
                              .On("AmazonForecast.ListForecasts")
                              .Always()
                              .WithProbability(0.5));
  };
  Fake fake;
  const auto id = arm(fake);
  FromThreads(fake, 4, 50);
  int faulted = 0;
  for (const auto& e : fake.journal().Entries()) faulted += e.fault.empty() ? 0 : 1;
  EXPECT_EQ(fake.faults().Matched(id), 200);
  EXPECT_EQ(fake.faults().Fired(id), faulted);

  // Which calls fire depends only on the call count, so the total equals a
  // single-threaded run's with the same seed.
  Fake sequential;
  arm(sequential);
  int expected = 0;
  for (int i = 0; i < 200; ++i) expected += sequential.Handle(List()).status == 400 ? 1 : 0;
  EXPECT_EQ(faulted, expected);
}

}  // namespace
}  // namespace fakeaws
