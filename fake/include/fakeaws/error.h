// Expected AWS failures travel as values: an AwsError from the domain to the
// protocol encoder, and an Outcome<T> from the typed C++ API to the test.
#pragma once

#include <cassert>
#include <iosfwd>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace fakeaws {

struct AwsError {
  // The error's shape name as clients see it: "ResourceNotFoundException",
  // "ValidationException", "NoSuchKey".
  std::string type;
  std::string message;
  int http_status = 400;
  // Protocol-specific extra elements, in wire order. S3 puts these after
  // <Message> (for example {"BucketName", "b"}); JSON protocols ignore them.
  std::vector<std::pair<std::string, std::string>> details;

  friend bool operator==(const AwsError& a, const AwsError& b) {
    return a.type == b.type && a.message == b.message &&
           a.http_status == b.http_status && a.details == b.details;
  }
};

// The value of a successful call or the AWS error it earned.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : v_(std::move(value)) {}              // NOLINT: implicit by design
  Outcome(AwsError error) : v_(std::move(error)) {}       // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  const AwsError& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, AwsError> v_;
};

// For calls that return nothing on success.
struct Done {
  friend bool operator==(Done, Done) { return true; }
};

// For GoogleTest's failure messages:
// `ResourceNotFoundException (HTTP 400): "No resource found ..."`.
void PrintTo(const AwsError& error, std::ostream* os);
namespace internal {
void PrintOkOutcome(std::ostream* os);
}
template <typename T>
void PrintTo(const Outcome<T>& outcome, std::ostream* os) {
  if (outcome.ok()) {
    internal::PrintOkOutcome(os);
  } else {
    PrintTo(outcome.error(), os);
  }
}

}  // namespace fakeaws
