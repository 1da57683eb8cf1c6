// AWS Signature Version 4 for a plain HTTP client: what an SDK does before
// every request. Hand-written (SHA-256 and HMAC included) so the sample
// needs nothing but cpp-httplib; production code would use its SDK's signer.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace demo::sigv4 {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // "" for long-term keys
};

struct Request {
  std::string method = "POST";
  std::string path = "/";
  std::string query;  // already canonical (sorted, encoded) or ""
  // Every header here is signed; Host must be among them.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Adds X-Amz-Date (and X-Amz-Security-Token) and Authorization to `request`.
void Sign(Request& request, const Credentials& credentials, const std::string& region,
          const std::string& service, std::chrono::system_clock::time_point now);

std::string Sha256Hex(std::string_view data);
// Raw 32-byte MAC.
std::string HmacSha256(std::string_view key, std::string_view data);

}  // namespace demo::sigv4
