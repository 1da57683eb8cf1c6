#include "protocol/s3_wire.h"

#include <optional>
#include <variant>

#include "base/base64.h"
#include "base/time_text.h"
#include "protocol/call.h"
#include "protocol/framework_errors.h"
#include "protocol/s3_call.h"
#include "protocol/s3_xml.h"
#include "protocol/sigv4.h"
#include "s3/checksum.h"
#include "s3/errors.h"
#include "s3/service.h"

namespace fakeaws::protocol {

Reply S3ErrorReply(const AwsError& error, const std::string& request_id, const std::string& host_id,
                   const std::string& date, bool head) {
  HttpResponse r;
  r.status = error.http_status;
  r.headers.Add("x-amz-request-id", request_id);
  r.headers.Add("x-amz-id-2", host_id);
  r.headers.Add("Content-Type", "application/xml");
  if (!head) {
    // Real S3 sends NoSuchLifecycleConfiguration without the XML declaration
    // (two records: s3/errors.h), every other error with it.
    if (error.type != "NoSuchLifecycleConfiguration") r.body.append(kXmlDeclaration);
    XmlWriter xml(&r.body);
    xml.Open("Error").Element("Code", error.type).Element("Message", error.message);
    for (const auto& [name, value] : error.details) xml.Element(name, value);
    xml.Element("RequestId", request_id).Element("HostId", host_id).Close("Error");
  }
  r.headers.Add("Content-Length", std::to_string(r.body.size()));
  r.headers.Add("Date", date);
  r.headers.Add("Server", "AmazonS3");
  // InvalidRange tells the object's size in Content-Range too (INFERRED
  // from many fakes, wire-format.md §4.1).
  if (error.type == "InvalidRange") {
    for (const auto& [name, value] : error.details) {
      if (name == "ActualObjectSize") r.headers.Add("Content-Range", "bytes */" + value);
    }
  }
  AwsError read = head ? AwsError{"", "", error.http_status, {}} : error;
  return {std::move(r), std::move(read)};
}

HttpResponse S3Call::Error(const AwsError& e) {
  Reply reply = S3ErrorReply(e, request_id, host_id, date, head());
  error = std::move(reply.error);
  return std::move(reply.response);
}

HttpResponse S3Call::Error(const AwsError& e, const Headers& own) {
  HttpResponse plain = Error(e);
  HttpResponse r;
  r.status = plain.status;
  r.body = std::move(plain.body);
  const auto& fields = plain.headers.fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    r.headers.Add(fields[i].name, fields[i].value);
    if (i == 1) {
      for (const auto& field : own) r.headers.Add(field.name, field.value);
    }
  }
  return r;
}

Outcome<std::optional<std::string>> VersionIdParam(const S3Call& call) {
  auto id = call.address.query.Get("versionId");
  if (!id) return std::optional<std::string>();
  if (id->empty()) return s3::EmptyVersionId();
  return std::optional<std::string>(std::move(*id));
}

std::optional<HttpResponse> FindObjectVersion(S3Call& call, s3::FoundVersion* found) {
  auto version = VersionIdParam(call);
  if (!version.ok()) return call.Error(version.error());
  auto got = call.s3.store().GetVersion(call.bucket(), call.key(), version.value());
  if (!got.ok()) return call.Error(got.error());
  const s3::FoundVersion& v = got.value();
  if (!v.object) {
    const bool named = version.value().has_value();
    Headers own{{"x-amz-delete-marker", "true"}};
    if (named) own.Add("Last-Modified", base::HttpDate(v.last_modified));
    own.Add("x-amz-version-id", v.version_id);
    return call.Error(named ? s3::MethodNotAllowed(call.request.method, "DeleteMarker") : s3::NoSuchKey(call.key()),
                      own);
  }
  *found = std::move(got.value());
  return std::nullopt;
}

S3Response::S3Response(const S3Call& call, int status) {
  response_.status = status;
  response_.headers.Add("x-amz-request-id", call.request_id);
  response_.headers.Add("x-amz-id-2", call.host_id);
  response_.headers.Add("Date", call.date);
}

S3Response& S3Response::Header(std::string name, std::string value) {
  response_.headers.Add(std::move(name), std::move(value));
  return *this;
}

S3Response& S3Response::Checksum(const s3::Checksum& checksum, bool with_type) {
  if (checksum.empty()) return *this;
  Header("x-amz-checksum-" + std::string(s3::AlgorithmHeaderSuffix(checksum.algorithm)), ChecksumValue(checksum));
  if (!with_type) return *this;
  return Header("x-amz-checksum-type",
                checksum.type == s3::ChecksumType::kComposite ? "COMPOSITE" : "FULL_OBJECT");
}

HttpResponse S3Response::Finish(std::string body, uint64_t content_length, const std::string* content_type) {
  if (content_type) response_.headers.Add("Content-Type", *content_type);
  response_.headers.Add("Content-Length", std::to_string(content_length));
  response_.headers.Add("Server", "AmazonS3");
  response_.body = std::move(body);
  return std::move(response_);
}

HttpResponse S3Response::Xml(std::string body) {
  static const std::string kXml = "application/xml";
  const uint64_t length = body.size();
  return Finish(std::move(body), length, &kXml);
}

HttpResponse S3Response::XmlWithoutContentType(std::string body) {
  const uint64_t length = body.size();
  return Finish(std::move(body), length, nullptr);
}

HttpResponse S3Response::Empty() { return Finish("", 0, nullptr); }

HttpResponse S3Response::Bodiless() {
  response_.headers.Add("Server", "AmazonS3");
  return std::move(response_);
}

HttpResponse S3Response::Content(const std::string& content_type, std::string body, uint64_t content_length) {
  return Finish(std::move(body), content_length, &content_type);
}

std::string ChecksumValue(const s3::Checksum& checksum) {
  std::string value = base::Base64Encode(checksum.digest);
  if (checksum.type == s3::ChecksumType::kComposite) value += "-" + std::to_string(checksum.parts);
  return value;
}

namespace {

// S3's answers to SigV4 verdicts (catalog: s3/errors.h).
// `region`: the endpoint's. Every bucket of the fake lives there (a
// CreateBucket naming another region is refused), so it is also the region
// S3 would expect for any bucket; a fake with buckets in several regions
// would answer with the bucket's.
std::optional<AwsError> CheckSignature(const HttpRequest& request, const AuthOptions& auth,
                                       const std::string& region) {
  SigV4Request in{&request, /*s3=*/true, region, "s3", ServerNow(auth)};
  const SigV4Verdict v = VerifySigV4(in, auth.credentials);
  switch (v.kind) {
    case SigV4Verdict::kOk: return std::nullopt;
    case SigV4Verdict::kMissing: return s3::AccessDenied();
    case SigV4Verdict::kBothForms: return s3::OnlyOneAuthMechanism();
    case SigV4Verdict::kIncomplete: return s3::AuthorizationHeaderMalformed(v.incomplete_message);
    case SigV4Verdict::kBadDate: return s3::InvalidRequestDate();
    case SigV4Verdict::kExpired:
    case SigV4Verdict::kNotYetCurrent: return s3::RequestTimeTooSkewed(v.request_date, v.server_now);
    case SigV4Verdict::kPresignExpired:
      return s3::RequestHasExpired(v.expires_seconds, v.request_time + std::chrono::seconds(v.expires_seconds),
                                   v.server_now);
    case SigV4Verdict::kWrongScope:
      // One sentence at a time, the region first (Swift s3api's order).
      if (v.region_wrong) {
        return v.query_auth ? s3::AuthorizationQueryWrongRegion(v.scope_region, region)
                            : s3::AuthorizationHeaderWrongRegion(v.scope_region, region);
      }
      return s3::AuthorizationWrongService(v.scope_service, v.query_auth);
    case SigV4Verdict::kHostNotSigned:
      return s3::AuthorizationHeaderMalformed("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    case SigV4Verdict::kUnknownAccessKey: return s3::InvalidAccessKeyId(v.access_key);
    case SigV4Verdict::kMismatch:
      return s3::SignatureDoesNotMatch(v.access_key, v.string_to_sign, v.signature_provided, v.canonical_request);
  }
  return std::nullopt;
}

}  // namespace

Reply HandleS3(s3::Service& service, const Options& options, const Call& call, HttpRequest request,
               const ReplyContext& context) {
  const S3Route& route = call.s3;
  S3Call s3_call{service, request, route.address, context.n, S3RequestId(context), S3HostId(context),
                 context.date, context.now, std::nullopt};
  auto refuse = [&](const AwsError& error) { return Reply{s3_call.Error(error), std::move(s3_call.error)}; };
  // S3's front end cannot frame a request whose Content-Length is no
  // number: nothing after it is looked at.
  if (HasMalformedContentLength(request.headers)) return refuse(s3::BadRequest());
  if (const size_t max = options.limits.max_header_section_bytes; HeaderSectionBytes(request) > max) {
    return refuse(s3::RequestHeaderSectionTooLarge(max));
  }
  if (route.invalid_uri) return refuse(*route.invalid_uri);
  if (options.auth.verify_signatures) {
    if (auto error = CheckSignature(request, options.auth, options.region)) return refuse(*error);
  }
  if (route.refusal) return refuse(*route.refusal);
  HttpResponse response = route.handler(s3_call);
  return {std::move(response), std::move(s3_call.error)};
}

}  // namespace fakeaws::protocol
