#include "s3/body.h"

#include <cstddef>
#include <cstring>
#include <new>

namespace fakeaws::s3 {

Body::Body(std::string_view bytes) {
  if (bytes.empty()) return;
  void* memory = ::operator new(offsetof(Rep, data) + bytes.size());
  rep_ = static_cast<Rep*>(memory);
  new (&rep_->refs) std::atomic<size_t>(1);
  rep_->size = bytes.size();
  std::memcpy(rep_->data, bytes.data(), bytes.size());
}

void Body::Unref() {
  if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    rep_->refs.~atomic();
    ::operator delete(rep_);
  }
  rep_ = nullptr;
}

}  // namespace fakeaws::s3
