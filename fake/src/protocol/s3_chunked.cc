#include "protocol/s3_chunked.h"

#include <cctype>

namespace fakeaws::protocol {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

std::variant<AwsChunkedBody, AwsChunkedError> DecodeAwsChunked(std::string_view raw) {
  AwsChunkedBody out;
  out.payload.reserve(raw.size());
  size_t pos = 0;
  for (;;) {
    const size_t eol = raw.find("\r\n", pos);
    if (eol == std::string_view::npos) return AwsChunkedError::kIncomplete;
    std::string_view header = raw.substr(pos, eol - pos);
    header = header.substr(0, header.find(';'));
    if (header.empty() || header.size() > 15) return AwsChunkedError::kIncomplete;
    size_t size = 0;
    for (char c : header) {
      const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                                : -1;
      if (v < 0) return AwsChunkedError::kIncomplete;
      size = size * 16 + static_cast<size_t>(v);
    }
    pos = eol + 2;
    if (size == 0) break;
    if (raw.size() - pos < size + 2) return AwsChunkedError::kIncomplete;
    out.payload.append(raw.substr(pos, size));
    pos += size;
    if (raw.substr(pos, 2) != "\r\n") return AwsChunkedError::kIncomplete;
    pos += 2;
  }
  // Trailer lines up to a blank line. The end of input stands for the blank
  // line: some clients stop after the last trailer's CRLF (INFERRED leniency).
  while (pos < raw.size()) {
    size_t eol = raw.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = raw.size();
    const std::string_view line = raw.substr(pos, eol - pos);
    pos = eol == raw.size() ? eol : eol + 2;
    if (Trim(line).empty()) break;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return AwsChunkedError::kMalformedTrailer;
    std::string name(Trim(line.substr(0, colon)));
    // A name of only blanks (or a CR) is no name (found by aws_chunked_fuzzer).
    if (name.empty() || name.find_first_of("\r\n") != std::string::npos) return AwsChunkedError::kMalformedTrailer;
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.trailers.emplace_back(std::move(name), std::string(Trim(line.substr(colon + 1))));
  }
  return out;
}

}  // namespace fakeaws::protocol
