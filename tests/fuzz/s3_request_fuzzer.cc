// Fuzzes the S3 REST-XML request path through Fake::Handle: the input is a
// request written as "METHOD TARGET\nName: value\n...\n\nbody" (the golden
// wire files seed it), so routing, addressing, percent-decoding, aws-chunked
// bodies, checksums, XML bodies and ranges all see hostile bytes. Any crash,
// hang, leak or sanitizer report is a bug; so is a 5xx other than 501, or a
// change to the object no well-formed write addressed.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fakeaws/fake.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  fakeaws::Fake fake;
  fake.s3().CreateBucket("exports");
  fake.s3().PutObject("exports", "keep", "original");
  fakeaws::HttpRequest prepare;
  prepare.method = "POST";
  prepare.target = "/exports/big?uploads";
  fake.Handle(prepare);

  fakeaws::HttpRequest request;
  const size_t split = input.find("\n\n");
  std::string_view head = input.substr(0, split);
  if (split != std::string_view::npos) request.body = std::string(input.substr(split + 2));
  const size_t eol = head.find('\n');
  const std::string_view first = head.substr(0, eol);
  const size_t space = first.find(' ');
  request.method = std::string(first.substr(0, space));
  request.target = space == std::string_view::npos ? "" : std::string(first.substr(space + 1));
  head = eol == std::string_view::npos ? "" : head.substr(eol + 1);
  while (!head.empty()) {
    const size_t end = head.find('\n');
    const std::string_view line = head.substr(0, end);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      request.headers.Add(std::string(line.substr(0, colon)), std::string(value));
    }
    head = end == std::string_view::npos ? "" : head.substr(end + 1);
  }
  const bool writes_keep = request.target.find("keep") != std::string::npos ||
                           request.target.find('%') != std::string::npos ||
                           request.target.find("delete") != std::string::npos ||
                           request.headers.Get("Host").has_value();
  const fakeaws::HttpResponse response = fake.Handle(request);
  if (response.status >= 500 && response.status != 501) std::abort();
  if (!writes_keep) {
    auto kept = fake.s3().GetObject("exports", "keep");
    if (!kept.ok() || kept->body != "original") std::abort();
  }
  return 0;
}
