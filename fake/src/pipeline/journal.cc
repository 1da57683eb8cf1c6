#include "fakeaws/journal.h"

#include <algorithm>

namespace fakeaws {

std::vector<JournalEntry> Journal::Entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  out.reserve(count_);
  ForEachLocked([&](const JournalEntry& e) { out.push_back(e); });
  return out;
}

std::vector<JournalEntry> Journal::Entries(std::string_view operation) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  ForEachLocked([&](const JournalEntry& e) {
    if (e.operation == operation) out.push_back(e);
  });
  return out;
}

size_t Journal::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return count_;
}

uint64_t Journal::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

void Journal::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  ring_.clear();
  head_ = 0;
  count_ = 0;
  dropped_ = 0;
}

void Journal::AddObserver(RequestObserver* observer) {
  std::lock_guard<std::mutex> lock(mu_);
  observers_.push_back(observer);
}

void Journal::RemoveObserver(RequestObserver* observer) {
  std::lock_guard<std::mutex> lock(mu_);
  observers_.erase(std::remove(observers_.begin(), observers_.end(), observer), observers_.end());
}

bool Journal::HasObservers() const {
  std::lock_guard<std::mutex> lock(mu_);
  return !observers_.empty();
}

void Journal::Record(JournalEntry entry) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (count_ < capacity_) {
    // Until the first wrap-around the oldest entry is ring_[0].
    ring_.push_back(std::move(entry));
    ++count_;
    return;
  }
  ring_[head_] = std::move(entry);
  head_ = (head_ + 1) % ring_.size();
  ++dropped_;
}

void Journal::Notify(const std::string& operation, const HttpRequest& request,
                     const HttpResponse& response) const {
  std::vector<RequestObserver*> observers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    observers = observers_;
  }
  // No lock held: an observer may read the journal or call the fake.
  for (RequestObserver* o : observers) o->OnRequest(operation, request, response);
}

}  // namespace fakeaws
