// Runs every golden Forecast wire case (tests/wire/forecast/*.http): each
// response must equal, byte for byte, the one its file documents.
#include <gtest/gtest.h>

#include <algorithm>

#include "golden.h"
#include "protocol/model.h"

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

// Every service error a golden case shows is one the operation's model
// lists (Coral's own errors aside): the fake never answers an error type a
// generated SDK client would not recognise for that operation.
TEST(GoldenForecastWireErrors, ServiceErrorsAreAmongTheOperationsModelledErrors) {
  const std::vector<std::string> framework = {
      "ValidationException", "SerializationException", "UnknownOperationException", "NotImplemented",
      "MissingAuthenticationTokenException", "IncompleteSignatureException", "InvalidSignatureException",
      "UnrecognizedClientException", "ThrottlingException", "AccessDeniedException"};
  size_t checked = 0;
  for (const auto& file : GoldenFiles(kDir)) {
    const GoldenCase c = LoadGoldenCase(file);
    for (const auto& step : c.steps) {
      if (step.kind != GoldenStep::kExchange) continue;
      const std::string target = std::string(step.request.headers.Get("X-Amz-Target").value_or(""));
      const size_t dot = target.find('.');
      const size_t type_at = step.expected.find("{\"__type\":\"");
      if (dot == std::string::npos || type_at == std::string::npos) continue;
      const size_t start = type_at + 11;
      const std::string type = step.expected.substr(start, step.expected.find('"', start) - start);
      if (type.find('#') != std::string::npos || std::find(framework.begin(), framework.end(), type) != framework.end()) continue;
      const auto& model = protocol::ServiceModel::Get(target.compare(0, dot, "AmazonForecastRuntime") == 0 ? "forecastquery" : "forecast");
      const protocol::Operation* op = model.FindOperation(target.substr(dot + 1));
      ASSERT_NE(op, nullptr) << c.name << ": " << target;
      EXPECT_NE(std::find(op->errors.begin(), op->errors.end(), type), op->errors.end())
          << c.name << " line " << step.line << ": " << target << " answers " << type << ", which its model does not list";
      ++checked;
    }
  }
  EXPECT_GE(checked, 50u);
}

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
