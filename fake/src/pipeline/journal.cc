#include <algorithm>

#include "pipeline/journal_log.h"

namespace fakeaws::internal {

std::vector<JournalEntry> JournalLog::Entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  out.reserve(count_);
  ForEachLocked([&](const JournalEntry& e) { out.push_back(e); });
  return out;
}

std::vector<JournalEntry> JournalLog::Entries(std::string_view operation) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  ForEachLocked([&](const JournalEntry& e) {
    if (e.operation == operation) out.push_back(e);
  });
  return out;
}

bool Failed(const JournalEntry& e) { return !e.error_type.empty() || e.status >= 400 || e.connection_dropped; }

std::vector<JournalEntry> JournalLog::Select(const JournalQuery& q) const {
  auto passes = [&q](const JournalEntry& e) {
    return (q.operation.empty() || e.operation == q.operation) && (!q.failed_only || Failed(e)) &&
           (!q.after || e.sequence > *q.after) && (!q.before || e.sequence < *q.before);
  };
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<JournalEntry> out;
  for (size_t i = 0; i < count_ && out.size() < q.limit; ++i) {
    const size_t at = q.newest_first ? count_ - 1 - i : i;
    const JournalEntry& e = ring_[(head_ + at) % ring_.size()];
    if (passes(e)) out.push_back(e);
  }
  return out;
}

std::optional<JournalEntry> JournalLog::Find(uint64_t sequence) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<JournalEntry> found;
  ForEachLocked([&](const JournalEntry& e) {
    if (e.sequence == sequence) found = e;
  });
  return found;
}

size_t JournalLog::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return count_;
}

uint64_t JournalLog::dropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

void JournalLog::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  ring_.clear();
  head_ = 0;
  count_ = 0;
  dropped_ = 0;
}

void JournalLog::AddObserver(RequestObserver* observer) {
  std::lock_guard<std::mutex> lock(mu_);
  observers_.push_back(observer);
}

void JournalLog::RemoveObserver(RequestObserver* observer) {
  std::lock_guard<std::mutex> lock(mu_);
  observers_.erase(std::remove(observers_.begin(), observers_.end(), observer), observers_.end());
}

bool JournalLog::HasObservers() const {
  std::lock_guard<std::mutex> lock(mu_);
  return !observers_.empty();
}

void JournalLog::Record(JournalEntry entry) {
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

void JournalLog::Notify(const std::string& operation, const HttpRequest& request,
                     const HttpResponse& response) const {
  std::vector<RequestObserver*> observers;
  {
    std::lock_guard<std::mutex> lock(mu_);
    observers = observers_;
  }
  for (RequestObserver* o : observers) o->OnRequest(operation, request, response);
}

}  // namespace fakeaws::internal

namespace fakeaws {

std::vector<JournalEntry> Journal::Entries() const { return log_->Entries(); }
std::vector<JournalEntry> Journal::Entries(std::string_view operation) const { return log_->Entries(operation); }
size_t Journal::size() const { return log_->size(); }
size_t Journal::capacity() const { return log_->capacity(); }
uint64_t Journal::dropped() const { return log_->dropped(); }
void Journal::Clear() { log_->Clear(); }
void Journal::AddObserver(RequestObserver* observer) { log_->AddObserver(observer); }
void Journal::RemoveObserver(RequestObserver* observer) { log_->RemoveObserver(observer); }

}  // namespace fakeaws
