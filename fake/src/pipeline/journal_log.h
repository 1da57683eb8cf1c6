// The journal's storage (fakeaws::Journal is its public face): a bounded
// ring of entries and the observers told of each request. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakeaws/journal.h"

namespace fakeaws::internal {

// An AWS error, a status of 400 or more, or a dropped connection: what the
// control API's "errors only" means.
bool Failed(const JournalEntry& e);

// Which entries JournalLog::Select returns: those that pass every filter, in
// the order asked, at most `limit` of them (the first in that order). The
// control API pages the journal with it, so a poller of a full journal
// copies a page, not 10,000 entries.
struct JournalQuery {
  std::string operation;          // "" = any
  bool failed_only = false;       // only entries Failed() is true of
  std::optional<uint64_t> after;  // sequence > after
  std::optional<uint64_t> before; // sequence < before
  size_t limit = std::numeric_limits<size_t>::max();
  bool newest_first = false;
};

class JournalLog {
 public:
  explicit JournalLog(size_t capacity) : capacity_(capacity) {}

  std::vector<JournalEntry> Entries() const;
  std::vector<JournalEntry> Entries(std::string_view operation) const;
  std::vector<JournalEntry> Select(const JournalQuery& query) const;
  // The entry with this sequence number, while the journal still holds it.
  std::optional<JournalEntry> Find(uint64_t sequence) const;
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
