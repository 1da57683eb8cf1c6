// Everything that makes one fake differ from another. Two fakes built from
// equal Options and fed the same requests answer with the same bytes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "fakeaws/clock.h"

namespace fakeaws {

// How long a resource stays in each transitional status before the next one,
// on the fake's clock. All zero (the default) means a created resource is
// ACTIVE at once and a deleted one is gone at once.
struct LifecycleDurations {
  std::chrono::milliseconds create_pending{0};      // CREATE_PENDING -> CREATE_IN_PROGRESS
  std::chrono::milliseconds create_in_progress{0};  // CREATE_IN_PROGRESS -> ACTIVE/CREATE_FAILED
  std::chrono::milliseconds stopping{0};            // CREATE_STOPPING -> CREATE_STOPPED
  std::chrono::milliseconds delete_pending{0};      // DELETE_PENDING -> DELETE_IN_PROGRESS
  std::chrono::milliseconds delete_in_progress{0};  // DELETE_IN_PROGRESS -> gone

  // Durations that make every transitional status observable: 1 min pending,
  // 5 min in progress, 30 s for stopping and each delete step.
  static LifecycleDurations Observable();
};

// Amazon Forecast's quotas (LimitExceededException). Defaults are AWS's, from
// ../shared/reference/forecast-developer-guide/limits.md; each is adjustable,
// as most are at AWS.
struct ForecastQuotas {
  int concurrent_forecast_export_jobs = 3;
  int forecast_export_jobs = 1000;
  int concurrent_forecasts = 3;
  int forecasts = 10;
  int concurrent_dataset_import_jobs = 3;
  int dataset_import_jobs = 1000;
  int concurrent_predictors = 3;
  int predictors = 500;
  int concurrent_predictor_backtest_export_jobs = 3;
  int predictor_backtest_export_jobs = 1000;
  int dataset_groups = 500;
  int datasets = 1500;
  int concurrent_stop_resource_per_type = 3;
  int tags_per_resource = 50;  // not adjustable at AWS
};

// How an export job splits its rows into part files. AWS writes several
// parts even for tiny forecasts (wire-format.md §3.1); one item's rows are
// never split across parts.
struct ExportLayout {
  // Items are spread over this many parts (fewer when there are fewer items).
  int parts = 4;
  // A part is closed once it holds at least this many rows.
  size_t max_rows_per_part = 1'000'000;
};

// Signature checking. Off by default: requests with any signature, or none,
// are served. On, requests must carry a valid SigV4 signature (header or
// query string) from one of `credentials`, scoped to the fake's region and
// the service's signing name ("forecast" for Forecast and forecastquery,
// "s3"), dated within 15 minutes of the server's time (a presigned S3 URL:
// before X-Amz-Date + X-Amz-Expires), and get AWS's exact auth errors
// otherwise (wire-format.md §2.1; S3: §4.1).
struct AuthOptions {
  bool verify_signatures = false;
  // Access key id -> secret access key.
  std::map<std::string, std::string> credentials;
  // The "now" a request's date is checked against. Empty (the default): the
  // wall clock, because real clients sign with wall time whatever the fake's
  // (usually virtual) clock says. Set it to test with fixed request dates:
  //   options.auth.server_time = [] { return fakeaws::Timestamp(...); };
  // Called from the threads that serve requests.
  std::function<Timestamp()> server_time;
};

// Sizes past which a request gets AWS's "too large" error instead of being
// held in memory. S3's defaults are AWS's; Forecast's are INFERRED
// (fake/src/forecast/errors.h says why). Lower them to test a client's
// handling of the errors without moving gigabytes.
struct RequestLimits {
  // S3: one PutObject or UploadPart body (the decoded size of an aws-chunked
  // one) above this is EntityTooLarge, decided from Content-Length or
  // x-amz-decoded-content-length before the body is read where they say
  // so; a CopyObject source above it is InvalidRequest. 5 GiB at AWS.
  uint64_t max_object_bytes = 5'368'709'120;
  // S3: user metadata (x-amz-meta-* names and values) above this is
  // MetadataTooLarge. 2 KB at AWS.
  size_t max_user_metadata_bytes = 2048;
  // The request line and header lines ("name: value\r\n") together: S3
  // answers RequestHeaderSectionTooLarge above 8192; Forecast's answer
  // and limit are INFERRED (the same number).
  size_t max_header_section_bytes = 8192;
  // Forecast: a JSON body (or a Content-Length) above this is refused with
  // a bare 413, as Coral's HTTP layer does (INFERRED size; DynamoDB's is 16 MiB).
  uint64_t max_json_body_bytes = 16 * 1024 * 1024;
};

struct Options {
  std::string account_id = "123456789012";
  std::string region = "us-east-1";
  // Seeds request ids, generated forecast values and pagination tokens.
  uint64_t seed = 0;
  // 2026-01-01T00:00:00Z.
  Timestamp clock_start = Timestamp(std::chrono::milliseconds(1767225600000));
  ClockMode clock_mode = ClockMode::kManual;
  // For ClockMode::kStepPerRequest: how far each request moves the clock.
  std::chrono::milliseconds clock_step{1000};

  LifecycleDurations lifecycle;
  ForecastQuotas quotas;
  ExportLayout export_layout;

  // When false, every well-formed IAM role ARN in `account_id` can be assumed.
  // When true, only roles added with ForecastApi::AddRole can; an export job
  // with any other role ends CREATE_FAILED.
  bool roles_must_exist = false;

  AuthOptions auth;
  RequestLimits limits;

  // How many requests the journal keeps (the oldest go first); 0 keeps none.
  size_t journal_capacity = 10'000;
};

}  // namespace fakeaws
