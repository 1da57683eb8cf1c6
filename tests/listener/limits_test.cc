// The listener's limits: a body too large and one connection too many get
// the addressed service's own error bytes (the Fake's, via its front door's
// Refuse or Serve of the head), decided before the body is read, and the
// connection closes; nothing grows without bound.
#include <chrono>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <thread>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"
#include "fakeaws/matchers.h"
#include "pipeline/front_door.h"
#include "raw_http.h"

namespace fakeaws::testing {
namespace {

using std::chrono::milliseconds;

// What the listener's twin answers `head` for `refusal`.
HttpResponse Refuse(Fake& fake, HttpRequest head, const internal::Refusal& refusal) {
  internal::FrontDoor door(fake);
  protocol::Call call = door.Identify(head);
  return door.Refuse(std::move(head), std::move(call), refusal).response;
}

HttpRequest Put(const std::string& target, uint64_t declared_length) {
  HttpRequest r;
  r.method = "PUT";
  r.target = target;
  r.headers.Add("Host", "127.0.0.1");
  r.headers.Add("Content-Length", std::to_string(declared_length));
  r.headers.Add("Expect", "100-continue");
  return r;
}

HttpRequest Describe() {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers.Add("Host", "127.0.0.1");
  r.headers.Add("X-Amz-Target", "AmazonForecast.DescribeForecast");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/nope"})";
  r.headers.Add("Content-Length", std::to_string(r.body.size()));
  return r;
}

std::string Head(const HttpRequest& r) {
  const std::string bytes = RequestBytes(r);
  return bytes.substr(0, bytes.find("\r\n\r\n") + 4);
}

HttpRequest Headless(HttpRequest r) {
  r.body.clear();
  return r;
}

TEST(ListenerLimits, ADeclaredBodyOverTheListenersLimitIsEntityTooLargeBeforeAnyByteOfIt) {
  Fake served(Twinned()), twin(Twinned());
  ListenerOptions options;
  options.max_body_bytes = 1000;
  Listener listener(served, options);
  RawConnection c(PortOf(listener.Start()));
  const HttpRequest put = Put("/exports/big.bin", 5'000'000'000);
  ASSERT_TRUE(c.Send(Head(put)));
  // No 100 Continue: the refusal comes at once, then the connection closes.
  const std::string expected = Refuse(twin, put, {internal::Refusal::kBodyTooLarge, 5'000'000'000, 1000}).ToWire();
  EXPECT_NE(expected.find("<Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed "
                          "size</Message><ProposedSize>5000000000</ProposedSize><MaxSizeAllowed>1000</MaxSizeAllowed>"),
            std::string::npos)
      << expected;
  EXPECT_EQ(c.ReadResponse(false, milliseconds(2000)), expected);
  EXPECT_TRUE(c.ClosedByServer(milliseconds(2000)));
}

TEST(ListenerLimits, AnUploadOverTheFakesObjectLimitGetsTheFakesAnswerFromItsHead) {
  Options limited;
  limited.limits.max_object_bytes = 10;
  Fake served(Twinned(limited)), twin(Twinned(limited));
  served.s3().CreateBucket("exports");
  twin.s3().CreateBucket("exports");
  Listener listener(served);
  RawConnection c(PortOf(listener.Start()));
  const HttpRequest put = Put("/exports/eleven.txt", 11);
  ASSERT_TRUE(c.Send(Head(put)));
  const std::string expected = twin.Handle(Headless(put)).ToWire();
  EXPECT_NE(expected.find("<ProposedSize>11</ProposedSize><MaxSizeAllowed>10</MaxSizeAllowed>"), std::string::npos);
  EXPECT_EQ(c.ReadResponse(false, milliseconds(2000)), expected);
  EXPECT_TRUE(c.ClosedByServer(milliseconds(2000)));
  EXPECT_THAT(served.s3().GetObject("exports", "eleven.txt"), IsAwsError("NoSuchKey"));
}

TEST(ListenerLimits, AForecastBodyOverTheLimitIsCoralsBare413) {
  Options limited;
  limited.limits.max_json_body_bytes = 16;
  Fake served(limited);
  Listener listener(served);
  RawConnection c(PortOf(listener.Start()));
  ASSERT_TRUE(c.Send(Head(Describe())));
  EXPECT_EQ(c.ReadResponse(false, milliseconds(2000)),
            "HTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  EXPECT_TRUE(c.ClosedByServer(milliseconds(2000)));
}

TEST(ListenerLimits, AChunkedBodyIsCutOffOnceItPassesTheLimit) {
  Fake served(Twinned()), twin(Twinned());
  served.s3().CreateBucket("exports");
  twin.s3().CreateBucket("exports");
  ListenerOptions options;
  options.max_body_bytes = 1000;
  Listener listener(served, options);
  RawConnection c(PortOf(listener.Start()));
  HttpRequest put;
  put.method = "PUT";
  put.target = "/exports/chunked.bin";
  put.headers.Add("Host", "127.0.0.1");
  put.headers.Add("Transfer-Encoding", "chunked");
  ASSERT_TRUE(c.Send(Head(put)));
  const std::string chunk = "400\r\n" + std::string(1024, 'x') + "\r\n";
  for (int i = 0; i < 3; ++i) c.Send(chunk);  // the server may close before all of it
  const std::string expected = Refuse(twin, put, {internal::Refusal::kBodyTooLarge, 1001, 1000}).ToWire();
  EXPECT_EQ(c.ReadResponse(false, milliseconds(2000)), expected);
  EXPECT_TRUE(c.ClosedByServer(milliseconds(2000)));
  EXPECT_THAT(served.s3().GetObject("exports", "chunked.bin"), IsAwsError("NoSuchKey"));
}

TEST(ListenerLimits, AConnectionOverTheMaximumGetsTheServicesThrottlingErrorAndIsClosed) {
  Fake served(Twinned()), twin(Twinned());
  ListenerOptions options;
  options.max_connections = 2;
  Listener listener(served, options);
  const int port = PortOf(listener.Start());
  auto first = std::make_unique<RawConnection>(port);
  RawConnection second(port);
  for (RawConnection* c : {first.get(), &second}) {
    ASSERT_TRUE(c->Send(RequestBytes(Describe())));
    ASSERT_EQ(c->ReadResponse(), twin.Handle(Describe()).ToWire());
  }
  RawConnection third(port);
  ASSERT_TRUE(third.Send(RequestBytes(Describe())));
  const std::string throttled = Refuse(twin, Describe(), {internal::Refusal::kTooManyConnections, 0, 0}).ToWire();
  EXPECT_NE(throttled.find(R"({"__type":"ThrottlingException","message":"Rate exceeded"})"), std::string::npos)
      << throttled;
  EXPECT_EQ(third.ReadResponse(false, milliseconds(3000)), throttled);
  EXPECT_TRUE(third.ClosedByServer(milliseconds(2000)));

  HttpRequest get;
  get.target = "/exports/key";
  get.headers.Add("Host", "127.0.0.1");
  RawConnection fourth(port);
  ASSERT_TRUE(fourth.Send(RequestBytes(get)));
  const std::string slow_down = Refuse(twin, get, {internal::Refusal::kTooManyConnections, 0, 0}).ToWire();
  EXPECT_NE(slow_down.find("HTTP/1.1 503 Service Unavailable"), std::string::npos);
  EXPECT_NE(slow_down.find("<Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"),
            std::string::npos);
  EXPECT_EQ(fourth.ReadResponse(false, milliseconds(3000)), slow_down);
  EXPECT_TRUE(fourth.ClosedByServer(milliseconds(2000)));

  // A closed connection frees its place.
  first.reset();
  for (int attempt = 0; attempt < 50; ++attempt) {
    RawConnection again(port);
    ASSERT_TRUE(again.Send(RequestBytes(Describe())));
    const std::string answer = again.ReadResponse(false, milliseconds(3000));
    if (answer.find("ThrottlingException") != std::string::npos) {
      Refuse(twin, Describe(), {internal::Refusal::kTooManyConnections, 0, 0});  // keep the numbering
      std::this_thread::sleep_for(milliseconds(20));
      continue;
    }
    EXPECT_EQ(answer, twin.Handle(Describe()).ToWire());
    return;
  }
  FAIL() << "the freed place was never given to a new connection";
}

// A Content-Length that is no number cannot frame a body: S3 answers 400
// BadRequest at once (s3/errors.h), where cpp-httplib alone waited 30 s
// for the body and then sent a bare 413 (issue 13).
TEST(ListenerLimits, AContentLengthThatIsNoNumberIsBadRequestAtOnce) {
  for (const char* length : {"-1", "abc", "5 5"}) {
    Fake served(Twinned()), twin(Twinned());
    served.s3().CreateBucket("exports");
    twin.s3().CreateBucket("exports");
    Listener listener(served);
    RawConnection c(PortOf(listener.Start()));
    HttpRequest put;
    put.method = "PUT";
    put.target = "/exports/k";
    put.headers.Add("Host", "127.0.0.1");
    put.headers.Add("Content-Length", length);
    ASSERT_TRUE(c.Send(Head(put) + "hello"));
    const std::string expected = twin.Handle(put).ToWire();
    EXPECT_NE(expected.find("HTTP/1.1 400 Bad Request"), std::string::npos) << expected;
    EXPECT_NE(expected.find("<Code>BadRequest</Code><Message>An error occurred when parsing the HTTP request."
                            "</Message><RequestId>"),
              std::string::npos)
        << expected;
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(c.ReadResponse(false, milliseconds(2000)), expected) << "Content-Length: " << length;
    EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
    EXPECT_TRUE(c.ClosedByServer(milliseconds(2000)));
    EXPECT_THAT(served.s3().GetObject("exports", "k"), IsAwsError("NoSuchKey"));
  }
}

}  // namespace
}  // namespace fakeaws::testing
