// The one table of S3 operations, and routing by it: which bucket and key a
// request names (path-style or virtual-hosted), which operation it is (the
// name the journal and fault rules use) and which handler answers it, read
// once from the request's head.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/url.h"
#include "fakeaws/error.h"
#include "fakeaws/http.h"

namespace fakeaws::protocol {

struct S3Call;
using S3Handler = HttpResponse (*)(S3Call&);

// Where a request points: from the Host header (virtual-hosted style,
// "<bucket>.localhost:port") or the path ("/<bucket>/<key>").
struct S3Address {
  std::string host;  // the Host header as sent
  std::string bucket;
  std::string key;
  bool has_key = false;
  bool virtual_hosted = false;
  base::Query query;
};

// A row of the table: an operation of botocore's S3 model
// (data/s3/2006-03-01), how a request selects it, and the fake's handler.
struct S3Operation {
  enum Level : uint8_t { kService, kBucket, kObject };
  enum CopySource : uint8_t { kEither, kWith, kWithout };  // the x-amz-copy-source header

  std::string_view name;
  std::string_view method;
  Level level;
  // The query parameter that selects it ("" for none), and a second one it
  // also needs to be named so ("id" tells GetBucketMetricsConfiguration
  // from ListBucketMetricsConfigurations).
  std::string_view param;
  std::string_view with;
  CopySource copy_source = kEither;
  // The fake answers it with `handler` when `param` has `value` (if set)
  // and `answered_with` is there too (if set); nullptr: NotImplemented.
  S3Handler handler = nullptr;
  std::string_view value;
  std::string_view answered_with;
};

struct S3Route {
  S3Address address;
  // What the request names, or nullptr ("s3:Unknown").
  const S3Operation* operation = nullptr;
  // InvalidURI for a broken escape: checked before the signature.
  std::optional<AwsError> invalid_uri;
  // Who answers it, or why nobody does: NotImplemented for what the fake
  // lacks (never a silent 200), MethodNotAllowed for methods S3 refuses on
  // the resource. Checked after the signature.
  S3Handler handler = nullptr;
  std::optional<AwsError> refusal;
};

S3Route RouteS3(const HttpRequest& request);

}  // namespace fakeaws::protocol
