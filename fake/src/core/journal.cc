#include "fakeaws/journal.h"

#include <algorithm>

namespace fakeaws {

std::vector<JournalEntry> Journal::Entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return {entries_.begin(), entries_.end()};
}

std::vector<JournalEntry> Journal::Entries(std::string_view operation) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  for (const auto& e : entries_) {
    if (e.operation == operation) out.push_back(e);
  }
  return out;
}

size_t Journal::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

uint64_t Journal::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

void Journal::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
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
  if (entries_.size() == capacity_) {
    entries_.pop_front();
    ++dropped_;
  }
  entries_.push_back(std::move(entry));
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
