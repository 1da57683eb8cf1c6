// fakeaws::Listener over plain POSIX sockets: the bytes a client reads are
// Fake::Handle's bytes for the same request, byte for byte (status line,
// headers in Handle's order, body; the listener adds no header of its own),
// and the traps of Debian's cpp-httplib 0.11.4 (cpp-httplib-notes.md) stay
// closed.
#include <chrono>
#include <ctime>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"
#include "fakeaws/matchers.h"
#include "raw_http.h"

namespace fakeaws::testing {
namespace {

using std::chrono::milliseconds;

HttpRequest ForecastCall(const std::string& operation, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.headers.Add("Host", "127.0.0.1");
  r.headers.Add("X-Amz-Target", "AmazonForecast." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.headers.Add("Content-Length", std::to_string(body.size()));
  r.body = std::move(body);
  return r;
}

HttpRequest Describe() {
  return ForecastCall("DescribeForecast",
                      R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand"})");
}

ListenerOptions WithThreads(size_t threads) {
  ListenerOptions o;
  o.threads = threads;
  return o;
}

HttpRequest S3Get(const std::string& target, std::vector<Headers::Field> extra = {}) {
  HttpRequest r;
  r.method = "GET";
  r.target = target;
  r.headers.Add("Host", "127.0.0.1");
  for (auto& f : extra) r.headers.Add(f.name, f.value);
  return r;
}

// A fake behind a listener, and a twin fed the same requests in process:
// equal options and equal requests give equal bytes (DESIGN.md), so the
// twin's answer is what the socket must carry (Twinned: the same Date too).
class ListenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ForecastSpec demand;
    demand.name = "demand";
    for (Fake* f : {&served_, &twin_}) ASSERT_THAT(f->forecast().PutForecast(demand), IsOk());
    port_ = PortOf(listener_.Start());
  }

  // Sends `request` over `c` and expects the twin's bytes back.
  void ExpectSameBytes(RawConnection& c, const HttpRequest& request) {
    ASSERT_TRUE(c.Send(RequestBytes(request)));
    const std::string expected = twin_.Handle(request).ToWire();
    EXPECT_EQ(c.ReadResponse(request.method == "HEAD"), expected);
  }

  Fake served_{Twinned()};
  Fake twin_{Twinned()};
  Listener listener_{served_};
  int port_ = 0;
};

TEST_F(ListenerTest, AnswersWithFakeHandlesBytes) {
  RawConnection c(port_);
  ASSERT_TRUE(c.ok());
  ExpectSameBytes(c, Describe());
  ExpectSameBytes(c, ForecastCall("DescribeForecast", R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/nope"})"));
  ExpectSameBytes(c, ForecastCall("NoSuchOperation", "{}"));
  ExpectSameBytes(c, S3Get("/bucket/key"));
  HttpRequest head = S3Get("/bucket/key");
  head.method = "HEAD";
  ExpectSameBytes(c, head);
}

TEST_F(ListenerTest, KeepsOneConnectionAliveForManyRequests) {
  // cpp-httplib's default closes a connection after 5 requests.
  RawConnection c(port_);
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(c.Send(RequestBytes(Describe())));
    ASSERT_EQ(c.ReadResponse(), twin_.Handle(Describe()).ToWire()) << "request " << i;
  }
}

TEST_F(ListenerTest, BodiesLargerThan8KiBReachTheFake) {
  // Debian's cpp-httplib answers 413 to bodies over 8,192 bytes unless told
  // otherwise (cpp-httplib-notes.md). JSON allows the padding.
  RawConnection c(port_);
  for (size_t padding : {size_t{10'000}, size_t{64 * 1024}, size_t{2 * 1024 * 1024}}) {
    HttpRequest r = Describe();
    r.body.insert(1, std::string(padding, ' '));
    r.headers.Set("Content-Length", std::to_string(r.body.size()));
    ExpectSameBytes(c, r);
  }
}

TEST_F(ListenerTest, AnswersExpectContinueBeforeTheBody) {
  // Without an immediate 100 Continue, curl-based clients (aws-sdk-cpp)
  // wait a second before sending the body.
  RawConnection c(port_);
  HttpRequest r = Describe();
  r.headers.Add("Expect", "100-continue");
  const std::string bytes = RequestBytes(r);
  const size_t head_end = bytes.find("\r\n\r\n") + 4;
  ASSERT_TRUE(c.Send(bytes.substr(0, head_end)));
  EXPECT_EQ(c.ReadResponse(false, milliseconds(500)), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(c.Send(bytes.substr(head_end)));
  EXPECT_EQ(c.ReadResponse(), twin_.Handle(r).ToWire());
}

TEST_F(ListenerTest, DecodesAChunkedBodyBeforeTheFakeSeesIt) {
  HttpRequest r = Describe();
  r.headers.Remove("Content-Length");
  r.headers.Add("Transfer-Encoding", "chunked");
  const std::string body = r.body;
  std::string wire = RequestBytes(HttpRequest{r.method, r.target, r.headers, ""});
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size() - 10);
  wire += std::string(size) + "\r\n" + body.substr(0, body.size() - 10) + "\r\na\r\n" + body.substr(body.size() - 10) +
          "\r\n0\r\n\r\n";
  RawConnection c(port_);
  ASSERT_TRUE(c.Send(wire));
  EXPECT_EQ(c.ReadResponse(), twin_.Handle(r).ToWire());
}

TEST_F(ListenerTest, AnswersPipelinedRequestsInOrder) {
  RawConnection c(port_);
  const HttpRequest missing = ForecastCall("DescribeForecast", R"({"ForecastArn":"nope"})");
  ASSERT_TRUE(c.Send(RequestBytes(Describe()) + RequestBytes(missing) + RequestBytes(Describe())));
  EXPECT_EQ(c.ReadResponse(), twin_.Handle(Describe()).ToWire());
  EXPECT_EQ(c.ReadResponse(), twin_.Handle(missing).ToWire());
  EXPECT_EQ(c.ReadResponse(), twin_.Handle(Describe()).ToWire());
}

TEST_F(ListenerTest, ClosesAfterAnsweringConnectionClose) {
  RawConnection c(port_);
  HttpRequest r = Describe();
  r.headers.Add("Connection", "close");
  ExpectSameBytes(c, r);
  EXPECT_TRUE(c.ClosedByServer());
}

TEST_F(ListenerTest, LeavesRangeHeadersToTheFake) {
  // cpp-httplib answers a Range it cannot parse with its own bare 416
  // before any handler runs; S3 ignores such a header (RFC 9110 14.2).
  RawConnection c(port_);
  for (const char* range : {"bytes=5-2", "bytes=x", "bytes=0-1,4-5", "bytes=0-3"}) {
    ExpectSameBytes(c, S3Get("/bucket/key", {{"Range", range}}));
    ExpectSameBytes(c, S3Get("/bucket/key", {{"range", range}}));
  }
}

// cpp-httplib 0.11.4 drops a header whose value is empty and percent-decodes
// the others; S3 keeps both as sent ("x-amz-meta-meta1:" stays, with an
// empty value; issue 13). The fake sees the client's bytes.
TEST_F(ListenerTest, HeaderValuesReachTheFakeAsSent) {
  for (Fake* f : {&served_, &twin_}) ASSERT_THAT(f->s3().CreateBucket("exports"), IsOk());
  HttpRequest put;
  put.method = "PUT";
  put.target = "/exports/k";
  put.headers.Add("Host", "127.0.0.1");
  put.headers.Add("x-amz-meta-empty", "");
  put.headers.Add("x-amz-meta-escaped", "a%41b+c");
  put.headers.Add("Content-Encoding", "deflate, gzip");
  put.body = "hello";
  put.headers.Add("Content-Length", "5");
  RawConnection c(port_);
  ExpectSameBytes(c, put);
  auto stored = served_.s3().GetObject("exports", "k");
  ASSERT_THAT(stored, IsOk());
  const std::map<std::string, std::string> expected{{"empty", ""}, {"escaped", "a%41b+c"}};
  EXPECT_EQ(stored->metadata, expected);
  EXPECT_EQ(stored->content_encoding, "deflate, gzip");
  // An empty Content-MD5 is no digest at all: InvalidDigest, as in process.
  HttpRequest empty_md5 = put;
  empty_md5.headers.Add("Content-MD5", "");
  ExpectSameBytes(c, empty_md5);
  EXPECT_NE(twin_.Handle(empty_md5).body.find("<Code>InvalidDigest</Code>"), std::string::npos);
}

TEST_F(ListenerTest, RoutesEveryPath) {
  RawConnection c(port_);
  ExpectSameBytes(c, S3Get("/bucket/line%0Abreak"));           // `.` does not match a newline
  ExpectSameBytes(c, S3Get("/bucket/" + std::string(4000, 'k')));  // deep regex recursion
  ExpectSameBytes(c, S3Get("/bucket/%ZZ?x=%41"));
}

TEST_F(ListenerTest, ServesTheControlApiWithoutTakingARequestNumber) {
  RawConnection c(port_);
  ASSERT_TRUE(c.Send(RequestBytes(S3Get("/_fakeaws/health"))));
  const std::string health = c.ReadResponse();
  EXPECT_EQ(health.substr(0, 15), "HTTP/1.1 200 OK");
  EXPECT_NE(health.find(R"("status":"ok")"), std::string::npos) << health;
  // The next AWS request is still the fake's first: same id as the twin's.
  ExpectSameBytes(c, Describe());
}

TEST_F(ListenerTest, ADroppedConnectionFaultClosesWithoutAnAnswer) {
  served_.faults().Arm(FaultRule::DropConnection().On("AmazonForecast.DescribeForecast"));
  RawConnection dropped(port_);
  ASSERT_TRUE(dropped.Send(RequestBytes(Describe())));
  EXPECT_TRUE(dropped.ClosedByServer()) << "the client must read no byte before the close";
  // The twin never saw that request, so it skips the request number too.
  twin_.Handle(Describe());
  RawConnection next(port_);
  ExpectSameBytes(next, Describe());
}

TEST_F(ListenerTest, ALatencyFaultDelaysTheSameAnswer) {
  served_.faults().Arm(FaultRule::Latency(milliseconds(300)));
  RawConnection c(port_);
  const auto start = std::chrono::steady_clock::now();
  ExpectSameBytes(c, Describe());
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(300));
}

TEST(Listener, StopCutsAFaultDelayShort) {
  Fake fake;
  fake.faults().Arm(FaultRule::Latency(std::chrono::minutes(10)));
  Listener listener(fake);
  RawConnection c(PortOf(listener.Start()));
  ASSERT_TRUE(c.Send(RequestBytes(Describe())));
  std::this_thread::sleep_for(milliseconds(100));  // the request is in its delay
  const auto start = std::chrono::steady_clock::now();
  listener.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// Real clients correct their clocks by Date (aws-sdk-cpp resends past 4
// minutes of skew): over a socket it tells the time signatures are checked
// against, the wall clock by default, whatever the fake's clock says.
TEST(Listener, DatesAnswersByTheWallClockWhileTheFakesClockIsVirtual) {
  Fake fake;  // its clock stands at 2026-01-01
  Listener listener(fake);
  RawConnection c(PortOf(listener.Start()));
  ASSERT_TRUE(c.Send(RequestBytes(Describe())));
  const std::string answer = c.ReadResponse();
  const size_t at = answer.find("\r\nDate: ");
  ASSERT_NE(at, std::string::npos) << answer;
  const std::string date = answer.substr(at + 8, answer.find("\r\n", at + 8) - at - 8);
  std::tm tm{};
  ASSERT_NE(strptime(date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm), nullptr) << date;
  const auto shown = std::chrono::system_clock::from_time_t(timegm(&tm));
  EXPECT_LT(std::chrono::abs(std::chrono::system_clock::now() - shown), std::chrono::seconds(5)) << date;
  EXPECT_EQ(FormatTimestamp(fake.journal().Entries().at(0).time), "2026-01-01T00:00:00Z");
  EXPECT_EQ(fake.Handle(Describe()).headers.Get("Date"), "Thu, 01 Jan 2026 00:00:00 GMT");
}

TEST(Listener, ControlApiCanBeSwitchedOff) {
  Fake served(Twinned()), twin(Twinned());
  ListenerOptions options;
  options.control_api = false;
  Listener listener(served, options);
  RawConnection c(PortOf(listener.Start()));
  const HttpRequest r = S3Get("/_fakeaws/health");
  ASSERT_TRUE(c.Send(RequestBytes(r)));
  EXPECT_EQ(c.ReadResponse(), twin.Handle(r).ToWire());
}

TEST(Listener, StartsOnAFreePortThatAcceptsAtOnce) {
  Fake fake;
  Listener a(fake), b(fake);
  const std::string endpoint = a.Start();
  EXPECT_EQ(endpoint, "http://127.0.0.1:" + std::to_string(a.port()));
  EXPECT_GT(a.port(), 0);
  // No wait: the socket listens when Start returns.
  RawConnection c(a.port());
  EXPECT_TRUE(c.ok());
  b.Start();
  EXPECT_NE(a.port(), b.port());
}

TEST(Listener, StopIsIdempotentAndStartServesAgain) {
  Fake fake;
  Listener listener(fake);
  listener.Stop();  // never started
  listener.Start();
  listener.Stop();
  listener.Stop();
  EXPECT_EQ(listener.port(), -1);
  EXPECT_EQ(listener.endpoint(), "");
  RawConnection c(PortOf(listener.Start()));
  ASSERT_TRUE(c.Send(RequestBytes(Describe())));
  EXPECT_EQ(c.ReadResponse().substr(0, 12), "HTTP/1.1 400");  // no forecast "demand" here
}

TEST(Listener, StopRightAfterStartDoesNotHang) {
  // cpp-httplib's stop() does nothing until its accept loop has started.
  Fake fake;
  for (int i = 0; i < 50; ++i) {
    Listener listener(fake);
    listener.Start();
  }
}

TEST(Listener, StopClosesIdleKeepAliveConnections) {
  // cpp-httplib's own keep-alive loop holds stop() until every idle
  // connection's keep-alive timeout (60 s as configured before) ran out. The
  // bound here only tells "returns" from "hangs"; bench/ measures the time.
  Fake fake;
  Listener listener(fake, WithThreads(2));
  const int port = PortOf(listener.Start());
  std::vector<std::unique_ptr<RawConnection>> clients;
  for (int i = 0; i < 16; ++i) {
    clients.push_back(std::make_unique<RawConnection>(port));
    ASSERT_TRUE(clients.back()->Send(RequestBytes(Describe())));
    ASSERT_NE(clients.back()->ReadResponse(), "");
  }
  const auto start = std::chrono::steady_clock::now();
  listener.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  for (auto& c : clients) EXPECT_TRUE(c->ClosedByServer(milliseconds(1000)));
  EXPECT_FALSE(RawConnection(port).ok());
}

TEST(Listener, ServesMoreConnectionsThanWorkersAtOnce) {
  // Each open connection holds a worker; the pool grows instead of making
  // the next client wait for an idle one to be closed.
  Fake fake;
  Listener listener(fake, WithThreads(2));
  const int port = PortOf(listener.Start());
  std::vector<std::unique_ptr<RawConnection>> clients;
  for (int i = 0; i < 24; ++i) {
    clients.push_back(std::make_unique<RawConnection>(port));
    ASSERT_TRUE(clients.back()->Send(RequestBytes(Describe())));
    EXPECT_NE(clients.back()->ReadResponse(false, milliseconds(3000)), "") << "connection " << i;
  }
}

TEST(Listener, BindsOnlyLoopbackUnlessAskedExplicitly) {
  Fake fake;
  ListenerOptions any_address;
  any_address.host = "0.0.0.0";
  Listener refused(fake, any_address);
  EXPECT_THROW(refused.Start(), std::invalid_argument);
  any_address.allow_non_loopback = true;
  Listener allowed(fake, any_address);
  EXPECT_GT(PortOf(allowed.Start()), 0);
}

TEST(Listener, ATakenPortIsASystemError) {
  Fake fake;
  Listener first(fake);
  first.Start();
  ListenerOptions same_port;
  same_port.port = first.port();
  Listener second(fake, same_port);
  EXPECT_THROW(second.Start(), std::system_error);
  EXPECT_EQ(second.port(), -1);
}

}  // namespace
}  // namespace fakeaws::testing
