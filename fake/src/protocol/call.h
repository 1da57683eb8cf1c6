// What the fault layer and the journal know of a request before any handler
// runs: which service and operation it is for and, for S3, which bucket and
// key it names. One function names operations, so the journal, fault rules
// and the routers agree on "AmazonForecast.CreateForecastExportJob" and
// "s3:PutObject".
#pragma once

#include <string>
#include <string_view>

#include "fakeaws/http.h"

namespace fakeaws::internal {

struct Call {
  std::string service;    // "forecast", "forecastquery" or "s3"
  std::string operation;  // the X-Amz-Target, or "s3:" + the S3 API operation
  std::string method;
  std::string bucket;     // S3 only, from the path or a virtual-hosted Host
  std::string key;        // S3 only, percent-decoded
};

Call IdentifyCall(const HttpRequest& request);

// Where an S3 request points: path style (/bucket/key) or virtual-hosted
// (Host: bucket.localhost:port, bucket.s3.region.amazonaws.com). `query` is
// the raw query string without '?'.
struct S3Address {
  std::string bucket;
  std::string key;
  std::string query;
  bool virtual_hosted = false;  // the bucket came from the Host header
};
S3Address ParseS3Address(const HttpRequest& request);

// The S3 API operation a REST request calls ("PutObject", "ListObjectsV2",
// "CreateMultipartUpload"), from its method, address, query sub-resources
// and copy-source header, as botocore's S3 model maps them. "" when the
// request matches no S3 operation. The S3 router should name operations
// with this function too, so faults, journal and router never disagree.
std::string S3OperationName(const HttpRequest& request, const S3Address& address);

}  // namespace fakeaws::internal
