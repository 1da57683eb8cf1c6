// Every golden wire case (tests/wire/forecast/*.http), played over a socket
// against a listener and in process against a twin fake through the same
// front door: the two byte streams must be identical. Status line, headers
// (same names, values and order: the listener writes the fake's headers as
// they are and adds none, not even Keep-Alive or Connection) and body. (A
// front door's Date is the server's time, not the fake's clock as in
// Fake::Handle: both fakes here are given one fixed server time.)
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "fakeaws/fake.h"
#include "fakeaws/listener.h"
#include "golden.h"
#include "pipeline/front_door.h"
#include "raw_http.h"

namespace fakeaws::testing {
namespace {

const std::string kDir = FAKEAWS_TESTS_DIR "/wire/forecast";

// What a socket client must add to a golden request: a Host (HTTP/1.1) and
// the length of its body. The twin gets the same request.
HttpRequest AsSent(HttpRequest r) {
  if (!r.headers.Has("Host")) r.headers.Add("Host", "127.0.0.1");
  if (!r.headers.Has("Content-Length") && !r.headers.Has("Transfer-Encoding")) {
    r.headers.Add("Content-Length", std::to_string(r.body.size()));
  }
  return r;
}

class SocketEqualsHandle : public ::testing::TestWithParam<std::string> {};

TEST_P(SocketEqualsHandle, ForEveryExchangeOfTheCase) {
  const GoldenCase c = LoadGoldenCase(GetParam());
  Options options = OptionsFor(c);
  if (!options.auth.server_time) options.auth.server_time = [t = options.clock_start] { return t; };
  Fake served(options);
  Fake twin(options);
  internal::FrontDoor twin_door(twin);
  Listener listener(served);
  const int port = PortOf(listener.Start());
  auto connection = std::make_unique<RawConnection>(port);
  ASSERT_TRUE(connection->ok());
  std::string last_token;
  for (const auto& step : c.steps) {
    if (step.kind == GoldenStep::kSetup) {
      ASSERT_EQ(ApplySetup(served, step.setup), "");
      ASSERT_EQ(ApplySetup(twin, step.setup), "");
      continue;
    }
    HttpRequest request = AsSent(step.request);
    if (const size_t at = request.body.find("<token>"); at != std::string::npos) {
      request.body.replace(at, 7, last_token);
      request.headers.Set("Content-Length", std::to_string(request.body.size()));
    }
    ASSERT_TRUE(connection->Send(RequestBytes(request)));
    const std::string expected = twin_door.Serve(request, twin_door.Identify(request)).response.ToWire();
    const std::string actual = connection->ReadResponse(request.method == "HEAD");
    EXPECT_EQ(actual, expected) << c.name << ".http, exchange at line " << step.line;
    // A body refused unread (Coral's 413) ends the connection.
    if (expected.rfind("HTTP/1.1 413 ", 0) == 0) {
      EXPECT_TRUE(connection->ClosedByServer(std::chrono::milliseconds(2000)));
      connection = std::make_unique<RawConnection>(port);
    }
    last_token = ExtractToken(expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, SocketEqualsHandle, ::testing::ValuesIn(GoldenFiles(kDir)),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return LoadGoldenCase(info.param).name;
                         });

}  // namespace
}  // namespace fakeaws::testing
