// Runs every golden S3 wire case (tests/wire/s3/*.http): each response must
// equal, byte for byte, the one its file documents, request ids and upload
// ids aside (golden.h placeholders).
#include <gtest/gtest.h>

#include "golden.h"

namespace fakeaws::testing {
namespace {

const std::string kDir = FAKEAWS_TESTS_DIR "/wire/s3";

std::vector<std::string> RunCase(const GoldenCase& c, bool check) {
  Fake fake(OptionsFor(c));
  GoldenVars vars;
  std::vector<std::string> responses;
  for (const auto& step : c.steps) {
    if (step.kind == GoldenStep::kSetup) {
      const std::string error = ApplySetup(fake, step.setup);
      EXPECT_EQ(error, "") << c.name << " line " << step.line;
      continue;
    }
    const HttpResponse response = fake.Handle(ExpandVars(step.request, vars));
    responses.push_back(response.ToWire());
    const std::string diff = CompareWire(step.expected, responses.back(), &vars);
    if (check) {
      EXPECT_EQ(diff, "") << c.name << ".http, exchange at line " << step.line;
    }
  }
  return responses;
}

class GoldenS3Wire : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenS3Wire, AnswersWithTheDocumentedBytes) {
  const GoldenCase c = LoadGoldenCase(GetParam());
  ASSERT_FALSE(c.source.empty()) << "a golden file must name the source of its bytes";
  ASSERT_FALSE(c.steps.empty());
  RunCase(c, /*check=*/true);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenS3Wire, ::testing::ValuesIn(GoldenFiles(kDir)),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return LoadGoldenCase(info.param).name;
                         });

TEST(S3Determinism, TwoFakesAnswerEveryGoldenCaseIdentically) {
  for (const auto& file : GoldenFiles(kDir)) {
    const GoldenCase c = LoadGoldenCase(file);
    EXPECT_EQ(RunCase(c, false), RunCase(c, false)) << c.name;
  }
}

}  // namespace
}  // namespace fakeaws::testing
