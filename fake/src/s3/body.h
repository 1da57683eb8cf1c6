// An object's bytes: immutable and shared. Copying a Body copies a pointer,
// so a GetObject takes the bytes out of the store's lock without copying
// them, and a stored body costs one allocation with a 16-byte header
// (bench/s3_bench.cc measures the memory per stored object).
#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace fakeaws::s3 {

class Body {
 public:
  Body() = default;
  explicit Body(std::string_view bytes);
  Body(const Body& other) : rep_(other.rep_) { Ref(); }
  Body(Body&& other) noexcept : rep_(std::exchange(other.rep_, nullptr)) {}
  Body& operator=(Body other) noexcept {
    std::swap(rep_, other.rep_);
    return *this;
  }
  ~Body() { Unref(); }

  size_t size() const { return rep_ ? rep_->size : 0; }
  bool empty() const { return size() == 0; }
  const char* data() const { return rep_ ? rep_->data : ""; }
  std::string_view view() const { return {data(), size()}; }
  operator std::string_view() const { return view(); }  // NOLINT: bytes are bytes

 private:
  struct Rep {
    std::atomic<size_t> refs;
    size_t size;
    char data[1];  // `size` bytes follow
  };
  void Ref() const {
    if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void Unref();
  Rep* rep_ = nullptr;
};

}  // namespace fakeaws::s3
