// The journal's storage (fakeaws::Journal is its public face): a bounded
// ring of entries and the observers told of each request. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/journal.h"

namespace fakeaws::internal {

class JournalLog {
 public:
  explicit JournalLog(size_t capacity) : capacity_(capacity) {}

  std::vector<JournalEntry> Entries() const;
  std::vector<JournalEntry> Entries(std::string_view operation) const;
  size_t size() const;
  size_t capacity() const { return capacity_; }
  uint64_t dropped() const;
  void Clear();
  void AddObserver(RequestObserver* observer);
  void RemoveObserver(RequestObserver* observer);

  bool HasObservers() const;
  void Record(JournalEntry entry);
  // Calls each observer with no lock held: an observer may read the
  // journal or call the fake.
  void Notify(const std::string& operation, const HttpRequest& request, const HttpResponse& response) const;

 private:
  // Calls `fn` on each entry, oldest first; mu_ held.
  template <typename Fn>
  void ForEachLocked(Fn fn) const {
    for (size_t i = 0; i < count_; ++i) fn(ring_[(head_ + i) % ring_.size()]);
  }

  const size_t capacity_;
  mutable std::mutex mu_;
  // A ring of at most capacity_ entries: recording into a full journal
  // reuses the oldest slot instead of allocating.
  std::vector<JournalEntry> ring_;
  size_t head_ = 0;  // the oldest entry
  size_t count_ = 0;
  uint64_t dropped_ = 0;
  std::vector<RequestObserver*> observers_;
};

}  // namespace fakeaws::internal
