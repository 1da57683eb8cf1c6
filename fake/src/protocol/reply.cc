#include "protocol/reply.h"

#include "base/seeded.h"
#include "protocol/awsjson.h"
#include "protocol/s3_wire.h"

namespace fakeaws::protocol {

std::string JsonRequestId(const ReplyContext& c) {
  return base::SeededUuid(c.seed, base::kJsonRequestIdStream, c.n);
}

std::string S3RequestId(const ReplyContext& c) {
  return base::SeededUpperAlnum(c.seed, base::kS3RequestIdStream, c.n, 16);
}

std::string S3HostId(const ReplyContext& c) { return base::SeededBase64(c.seed, base::kS3HostIdStream, c.n, 56); }

Reply ErrorReply(const Call& call, const AwsError& error, const ReplyContext& context) {
  if (!call.is_s3()) return AwsJsonProtocol::Error(error, {JsonRequestId(context), context.date});
  return S3ErrorReply(error, S3RequestId(context), S3HostId(context), context.date, call.method == "HEAD");
}

}  // namespace fakeaws::protocol
