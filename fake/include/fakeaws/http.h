// HTTP messages as the fake sees them: the single wire entry point
// `Fake::Handle` takes an HttpRequest and returns an HttpResponse, whether the
// bytes came from a socket (fakeaws::Listener) or straight from a test.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fakeaws/error.h"

namespace fakeaws {

// An ordered list of header fields. Lookups ignore case, as HTTP does; the
// order and spelling of names is kept because the bytes on the wire are part
// of what the fake promises.
class Headers {
 public:
  struct Field {
    std::string name;
    std::string value;
  };

  Headers() = default;
  Headers(std::initializer_list<Field> fields) : fields_(fields) {}

  // The first value of `name`, or nullopt.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  // Appends a field (a name may repeat).
  void Add(std::string name, std::string value);
  // Replaces every field named `name` with one field, at the first one's place.
  void Set(std::string name, std::string value);
  void Remove(std::string_view name);
  void Reserve(size_t n) { fields_.reserve(n); }

  const std::vector<Field>& fields() const { return fields_; }
  bool empty() const { return fields_.empty(); }
  size_t size() const { return fields_.size(); }
  auto begin() const { return fields_.begin(); }
  auto end() const { return fields_.end(); }

 private:
  std::vector<Field> fields_;
};

struct HttpRequest {
  std::string method = "GET";
  // The request target as on the request line: path plus `?query`, still
  // percent-encoded.
  std::string target = "/";
  Headers headers;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  Headers headers;
  std::string body;

  // "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body: the bytes a listener
  // writes for this response.
  std::string ToWire() const;
};

// The reason phrase AWS front ends send for `status` ("OK", "Bad Request").
std::string_view ReasonPhrase(int status);

// The AWS error a response carries, read as clients read it
// (wire-format.md §1.4, §4.1): a JSON body's `__type` (namespace dropped)
// and `message`/`Message`, S3's <Error><Code>/<Message>, or the root element
// of Coral's XML-ish refusals. nullopt when the response is no error. An
// error status without a readable body (a HEAD) gives an empty type.
std::optional<AwsError> ErrorInResponse(const HttpResponse& response);

// For GoogleTest's failure messages.
void PrintTo(const HttpRequest& request, std::ostream* os);
void PrintTo(const HttpResponse& response, std::ostream* os);

}  // namespace fakeaws
