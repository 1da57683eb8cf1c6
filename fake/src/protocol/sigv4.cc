#include "protocol/sigv4.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include "base/ascii.h"
#include "base/digest.h"
#include "base/sha256.h"
#include "base/time_text.h"
#include "base/url.h"

namespace fakeaws::protocol {
namespace {

// Header values in the canonical request: trimmed, runs of spaces as one.
std::string CanonicalHeaderValue(std::string_view v) {
  std::string out;
  bool space = false;
  for (char c : base::TrimSpaces(v)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Hex(const std::array<uint8_t, 32>& d) { return base::HexLower(d); }

std::string_view AsView(const std::array<uint8_t, 32>& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
}

// Removes "." and ".." segments and doubled slashes (non-S3 services
// normalize the path before signing).
std::string NormalizePath(std::string_view path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    const size_t slash = path.find('/', i);
    const std::string_view seg = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.emplace_back(seg);
    }
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  if (out.empty() || (path.size() > 1 && path.back() == '/')) out += "/";
  return out;
}

struct AuthorizationHeader {
  std::string credential, signed_headers, signature;
};

AuthorizationHeader ParseAuthorization(std::string_view header) {
  AuthorizationHeader out;
  const size_t space = header.find(' ');
  std::string_view rest = space == std::string_view::npos ? "" : header.substr(space + 1);
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string item = base::TrimSpaces(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
    const size_t eq = item.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "Credential") out.credential = value;
    else if (key == "SignedHeaders") out.signed_headers = value;
    else if (key == "Signature") out.signature = value;
  }
  return out;
}

}  // namespace

std::string SigV4UriEncode(std::string_view s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || (keep_slash && c == '/')) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

Timestamp ServerNow(const AuthOptions& auth) {
  if (auth.server_time) return auth.server_time();
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

SigV4Verdict VerifySigV4(const SigV4Request& in, const std::map<std::string, std::string>& credentials) {
  const HttpRequest& r = *in.request;
  SigV4Verdict v;
  const std::string_view target = r.target;
  const size_t q = target.find('?');
  const std::string_view path = target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? "" : target.substr(q + 1);
  auto params = base::Query::ParseLenient(query, base::Plus::kLiteral).params();
  const bool query_auth = std::any_of(params.begin(), params.end(),
                                      [](const auto& p) { return p.first == "X-Amz-Algorithm"; });
  const auto authorization = r.headers.Get("Authorization");
  if (authorization && query_auth) {
    v.kind = SigV4Verdict::kBothForms;
    return v;
  }
  if (!authorization && !query_auth) {
    v.kind = SigV4Verdict::kMissing;
    return v;
  }

  v.query_auth = query_auth;
  AuthorizationHeader auth;
  std::string amz_date;
  std::string expires;  // X-Amz-Expires (query-string auth)
  if (authorization) {
    auth = ParseAuthorization(*authorization);
    // The list and wording of kinesalite's IncompleteSignatureException
    // (wire-format.md §2.1).
    std::string missing;
    if (auth.credential.empty()) missing += "Authorization header requires 'Credential' parameter. ";
    if (auth.signature.empty()) missing += "Authorization header requires 'Signature' parameter. ";
    if (auth.signed_headers.empty()) missing += "Authorization header requires 'SignedHeaders' parameter. ";
    amz_date = std::string(r.headers.Get("X-Amz-Date").value_or(""));
    if (amz_date.empty() && !r.headers.Has("Date")) {
      missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }
    if (!missing.empty()) {
      v.kind = SigV4Verdict::kIncomplete;
      v.incomplete_message = missing + "Authorization=" + std::string(*authorization);
      return v;
    }
  } else {
    auto get = [&](const char* name) {
      for (const auto& p : params) {
        if (p.first == name) return p.second;
      }
      return std::string();
    };
    auth.credential = get("X-Amz-Credential");
    auth.signed_headers = get("X-Amz-SignedHeaders");
    auth.signature = get("X-Amz-Signature");
    amz_date = get("X-Amz-Date");
    expires = get("X-Amz-Expires");
    std::string missing;
    for (const char* p : {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"}) {
      if (get(p).empty()) missing += std::string("AWS query-string parameters must include '") + p + "'. ";
    }
    if (!missing.empty()) {
      v.kind = SigV4Verdict::kIncomplete;
      v.incomplete_message = missing + "Re-examine the query-string parameters.";
      return v;
    }
  }
  v.signature_provided = auth.signature;
  const size_t slash = auth.credential.find('/');
  v.access_key = auth.credential.substr(0, slash);
  const std::string scope = slash == std::string::npos ? "" : auth.credential.substr(slash + 1);

  std::vector<std::string> signed_names;
  for (size_t i = 0; i <= auth.signed_headers.size();) {
    const size_t semi = auth.signed_headers.find(';', i);
    signed_names.push_back(base::AsciiLower(auth.signed_headers.substr(i, semi - i)));
    if (semi == std::string::npos) break;
    i = semi + 1;
  }
  const bool host_signed = std::find(signed_names.begin(), signed_names.end(), "host") != signed_names.end();

  // The scope is date/region/service/aws4_request. Only region and service
  // are checked here; a wrong date or terminator still fails the signature.
  std::vector<std::string> scope_parts;
  for (size_t i = 0; i <= scope.size();) {
    const size_t next = scope.find('/', i);
    scope_parts.push_back(scope.substr(i, next == std::string::npos ? std::string::npos : next - i));
    if (next == std::string::npos) break;
    i = next + 1;
  }
  v.scope_region = scope_parts.size() > 1 ? scope_parts[1] : "";
  v.scope_service = scope_parts.size() > 2 ? scope_parts[2] : "";
  // A credential that is not keyid/date/region/service/term has its own
  // answer at AWS ("Credential must have exactly 5 slash-delimited
  // elements"), not built here: it falls through to the key and signature.
  const bool scope_complete = scope_parts.size() == 4;
  v.region_wrong = scope_complete && v.scope_region != in.region;
  v.service_wrong = scope_complete && v.scope_service != in.service;
  const bool scope_wrong = v.region_wrong || v.service_wrong;

  // The request's time: X-Amz-Date, else the Date header.
  v.server_now = in.server_now;
  std::optional<Timestamp> request_time;
  if (!amz_date.empty()) {
    v.request_date = amz_date;
    request_time = base::ParseAmzDate(amz_date);
  } else {
    v.request_date = std::string(r.headers.Get("Date").value_or(""));
    request_time = base::ParseHttpDate(v.request_date);
  }
  // The verdict on the date alone, or kOk.
  auto date_verdict = [&]() -> SigV4Verdict::Kind {
    if (!request_time) return SigV4Verdict::kBadDate;
    v.request_time = *request_time;
    if (in.s3 && query_auth) {
      // A presigned URL lives X-Amz-Expires seconds from X-Amz-Date, however
      // long that is; S3 does not apply the 15-minute window to it.
      char* end = nullptr;
      const long long secs = std::strtoll(expires.c_str(), &end, 10);
      if (expires.empty() || *end != '\0' || secs < 0) return SigV4Verdict::kOk;
      v.expires_seconds = secs;
      if (*request_time + std::chrono::seconds(secs) < in.server_now) return SigV4Verdict::kPresignExpired;
      return SigV4Verdict::kOk;
    }
    if (*request_time < in.server_now - kMaxSkew) return SigV4Verdict::kExpired;
    if (*request_time > in.server_now + kMaxSkew) return SigV4Verdict::kNotYetCurrent;
    return SigV4Verdict::kOk;
  };

  if (in.s3) {
    if (!host_signed) {
      v.kind = SigV4Verdict::kHostNotSigned;
      return v;
    }
    if (scope_wrong) {
      v.kind = SigV4Verdict::kWrongScope;
      return v;
    }
    if (auto k = date_verdict(); k != SigV4Verdict::kOk) {
      v.kind = k;
      return v;
    }
  } else {
    if (auto k = date_verdict(); k != SigV4Verdict::kOk) {
      v.kind = k;
      return v;
    }
    if (!host_signed) {
      v.kind = SigV4Verdict::kHostNotSigned;
      return v;
    }
    if (scope_wrong) {
      v.kind = SigV4Verdict::kWrongScope;
      return v;
    }
  }
  auto secret = credentials.find(v.access_key);
  if (secret == credentials.end()) {
    v.kind = SigV4Verdict::kUnknownAccessKey;
    return v;
  }

  // The canonical request.
  std::string canonical = r.method + "\n";
  if (in.s3) {
    canonical += SigV4UriEncode(base::PercentDecodeLenient(path), /*keep_slash=*/true);
  } else {
    canonical += SigV4UriEncode(NormalizePath(path), /*keep_slash=*/true);
  }
  canonical += "\n";
  std::vector<std::pair<std::string, std::string>> encoded;
  for (const auto& [k, val] : params) {
    if (k == "X-Amz-Signature") continue;
    encoded.emplace_back(SigV4UriEncode(k, false), SigV4UriEncode(val, false));
  }
  std::sort(encoded.begin(), encoded.end());
  for (size_t i = 0; i < encoded.size(); ++i) {
    canonical += (i ? "&" : "") + encoded[i].first + "=" + encoded[i].second;
  }
  canonical += "\n";
  for (const auto& name : signed_names) {
    std::string joined;
    for (const auto& f : r.headers) {
      if (base::AsciiLower(f.name) == name) joined += (joined.empty() ? "" : ",") + CanonicalHeaderValue(f.value);
    }
    canonical += name + ":" + joined + "\n";
  }
  canonical += "\n" + auth.signed_headers + "\n";
  std::string payload_hash;
  if (query_auth && in.s3) {
    payload_hash = "UNSIGNED-PAYLOAD";
  } else if (auto h = r.headers.Get("X-Amz-Content-Sha256")) {
    payload_hash = std::string(*h);
  } else {
    payload_hash = Hex(base::Sha256Digest(r.body));
  }
  canonical += payload_hash;

  v.canonical_request = canonical;
  v.string_to_sign = "AWS4-HMAC-SHA256\n" + amz_date + "\n" + scope + "\n" + Hex(base::Sha256Digest(canonical));

  // kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
  std::array<uint8_t, 32> key = base::HmacSha256("AWS4" + secret->second, scope.substr(0, scope.find('/')));
  size_t from = scope.find('/');
  while (from != std::string::npos) {
    const size_t next = scope.find('/', from + 1);
    key = base::HmacSha256(AsView(key), scope.substr(from + 1, next == std::string::npos ? std::string::npos : next - from - 1));
    from = next;
  }
  const std::string expected = Hex(base::HmacSha256(AsView(key), v.string_to_sign));
  if (expected != auth.signature) v.kind = SigV4Verdict::kMismatch;
  return v;
}

}  // namespace fakeaws::protocol
