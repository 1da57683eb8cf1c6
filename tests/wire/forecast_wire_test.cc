// Runs every golden Forecast wire case (tests/wire/forecast/*.http): each
// response must equal, byte for byte, the one its file documents.
#include <gtest/gtest.h>

#include "golden.h"

namespace fakeaws::testing {
namespace {

const std::string kDir = FAKEAWS_TESTS_DIR "/wire/forecast";

// Runs a case on a fresh fake and returns every response's wire bytes.
std::vector<std::string> RunCase(const GoldenCase& c, bool check) {
  Fake fake(OptionsFor(c));
  std::vector<std::string> responses;
  std::string last_token;
  for (const auto& step : c.steps) {
    if (step.kind == GoldenStep::kSetup) {
      const std::string error = ApplySetup(fake, step.setup);
      EXPECT_EQ(error, "") << c.name << " line " << step.line;
      continue;
    }
    HttpRequest request = step.request;
    if (const size_t at = request.body.find("<token>"); at != std::string::npos) {
      request.body.replace(at, 7, last_token);
    }
    responses.push_back(fake.Handle(request).ToWire());
    last_token = ExtractToken(responses.back());
    if (check) {
      EXPECT_EQ(CompareWire(step.expected, responses.back()), "")
          << c.name << ".http, exchange at line " << step.line;
    }
  }
  return responses;
}

class GoldenForecastWire : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenForecastWire, AnswersWithTheDocumentedBytes) {
  const GoldenCase c = LoadGoldenCase(GetParam());
  ASSERT_FALSE(c.source.empty()) << "a golden file must name the source of its bytes";
  ASSERT_FALSE(c.steps.empty());
  RunCase(c, /*check=*/true);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenForecastWire, ::testing::ValuesIn(GoldenFiles(kDir)),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return LoadGoldenCase(info.param).name;
                         });

// Determinism: two fakes with the same options fed the same requests answer
// with the same bytes, request ids included.
TEST(Determinism, TwoFakesAnswerEveryGoldenCaseIdentically) {
  for (const auto& file : GoldenFiles(kDir)) {
    const GoldenCase c = LoadGoldenCase(file);
    EXPECT_EQ(RunCase(c, false), RunCase(c, false)) << c.name;
  }
}

TEST(Determinism, DifferentSeedsGiveDifferentRequestIds) {
  Options a, b;
  b.seed = 1;
  Fake fa(a), fb(b);
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast.ListForecasts");
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = "{}";
  EXPECT_NE(fa.Handle(r).headers.Get("x-amzn-RequestId"), fb.Handle(r).headers.Get("x-amzn-RequestId"));
}

}  // namespace
}  // namespace fakeaws::testing
