#include "protocol/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace fakeaws::protocol {
namespace {

using nlohmann::json;
using ::testing::Optional;

const Shape& Input(const char* operation) {
  return *ServiceModel::Get("forecast").FindOperation(operation)->input;
}

json ValidExport() {
  return json::parse(R"({"ForecastExportJobName":"weekly_export",
    "ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand",
    "Destination":{"S3Config":{"Path":"s3://exports/weekly",
                               "RoleArn":"arn:aws:iam::123456789012:role/ForecastRole"}}})");
}

// The validators read the fake's own JSON document; tests build bodies with
// nlohmann::json for convenience.
std::optional<AwsError> Constraints(const char* operation, const json& body) {
  const std::string text = body.dump();
  auto doc = ParseJson(text);
  EXPECT_NE(doc, nullptr) << text;
  return CheckConstraints(Input(operation), doc->root());
}

std::optional<AwsError> Types(const char* operation, const std::string& text) {
  auto doc = ParseJson(text);
  EXPECT_NE(doc, nullptr) << text;
  return CheckMemberTypes(Input(operation), doc->root());
}

std::string ConstraintMessage(const char* operation, const json& body) {
  auto error = Constraints(operation, body);
  if (!error) return "<no error>";
  EXPECT_EQ(error->type, "ValidationException");
  EXPECT_EQ(error->http_status, 400);
  return error->message;
}

TEST(ConstraintsTest, ValidRequestPasses) {
  EXPECT_EQ(Constraints("CreateForecastExportJob", ValidExport()), std::nullopt);
}

// The text of a real capture (wire-format.md §2.2), for this operation's member.
TEST(ConstraintsTest, NameBreakingPatternIsOneValidationError) {
  json body = ValidExport();
  body["ForecastExportJobName"] = "compare_multiple_models_CNN-QR_algo";
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", body),
            "1 validation error detected: Value 'compare_multiple_models_CNN-QR_algo' at "
            "'forecastExportJobName' failed to satisfy constraint: Member must satisfy regular "
            "expression pattern: ^[a-zA-Z][a-zA-Z0-9_]*");
}

TEST(ConstraintsTest, MissingRequiredMembersAreNullInModelOrder) {
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", json::object()),
            "3 validation errors detected: "
            "Value null at 'forecastExportJobName' failed to satisfy constraint: Member must not be null; "
            "Value null at 'forecastArn' failed to satisfy constraint: Member must not be null; "
            "Value null at 'destination' failed to satisfy constraint: Member must not be null");
}

TEST(ConstraintsTest, NestedMembersUseDottedLowerCamelPaths) {
  json body = ValidExport();
  body["Destination"]["S3Config"]["Path"] = "https://exports";
  body["Destination"]["S3Config"].erase("RoleArn");
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", body),
            "2 validation errors detected: "
            "Value 'https://exports' at 'destination.s3Config.path' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: ^s3://[a-z0-9].+$; "
            "Value null at 'destination.s3Config.roleArn' failed to satisfy constraint: Member must not be null");
}

TEST(ConstraintsTest, SensitiveTagMembersAreReportedWithoutValue) {
  json body = ValidExport();
  body["Tags"] = json::parse(R"([{"Key":"ok","Value":"v"},{"Key":"bad;key","Value":"v"}])");
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", body),
            "1 validation error detected: Value at 'tags.2.member.key' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
}

TEST(ConstraintsTest, EmptyNameBreaksPatternAndMinimumLength) {
  json body = ValidExport();
  body["ForecastExportJobName"] = "";
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", body),
            "2 validation errors detected: "
            "Value '' at 'forecastExportJobName' failed to satisfy constraint: Member must satisfy "
            "regular expression pattern: ^[a-zA-Z][a-zA-Z0-9_]*; "
            "Value '' at 'forecastExportJobName' failed to satisfy constraint: Member must have "
            "length greater than or equal to 1");
}

TEST(ConstraintsTest, LengthCountsJavaCharacters) {
  json body = ValidExport();
  body["ForecastExportJobName"] = "a" + std::string(63, 'b');
  EXPECT_THAT(ConstraintMessage("CreateForecastExportJob", body),
              ::testing::EndsWith("at 'forecastExportJobName' failed to satisfy constraint: Member "
                                  "must have length less than or equal to 63"));
}

TEST(ConstraintsTest, FormatMustBeCsvOrParquet) {
  json body = ValidExport();
  body["Format"] = "csv";
  EXPECT_EQ(ConstraintMessage("CreateForecastExportJob", body),
            "1 validation error detected: Value 'csv' at 'format' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: ^CSV|PARQUET$");
}

// §2.2: AWS does not hold IAM role ARNs to the published forecast ARN pattern.
TEST(ConstraintsTest, IamRoleArnIsNotRejectedByArnPattern) {
  json body = ValidExport();
  body["Destination"]["S3Config"]["RoleArn"] = "arn:aws:iam::123456789012:role/service-role/Forecast";
  EXPECT_EQ(Constraints("CreateForecastExportJob", body), std::nullopt);
}

TEST(ConstraintsTest, RangeAndEnumConstraints) {
  EXPECT_EQ(ConstraintMessage("ListForecastExportJobs", json::parse(R"({"MaxResults":0})")),
            "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
            "Member must have value greater than or equal to 1");
  EXPECT_EQ(ConstraintMessage("ListForecastExportJobs",
                              json::parse(R"({"Filters":[{"Key":"Status","Value":"ACTIVE","Condition":"EQUALS"}]})")),
            "1 validation error detected: Value 'EQUALS' at 'filters.1.member.condition' failed to "
            "satisfy constraint: Member must satisfy enum value set: [IS, IS_NOT]");
}

TEST(ConstraintsTest, AtMostTenViolationsAreReported) {
  json tags = json::array();
  for (int i = 0; i < 12; ++i) tags.push_back({{"Key", "bad;" + std::to_string(i)}, {"Value", "v"}});
  json body = ValidExport();
  body["Tags"] = tags;
  const std::string message = ConstraintMessage("CreateForecastExportJob", body);
  EXPECT_THAT(message, ::testing::StartsWith("10 validation errors detected: "));
  EXPECT_THAT(message, ::testing::HasSubstr("'tags.10.member.key'"));
  EXPECT_THAT(message, ::testing::Not(::testing::HasSubstr("'tags.11.member.key'")));
}

TEST(MemberTypesTest, WrongJsonTypesAreSerializationExceptions) {
  auto message = [](const char* body) {
    auto error = Types("CreateForecastExportJob", body);
    EXPECT_TRUE(error.has_value()) << body;
    return error ? error->type + ": " + error->message : "";
  };
  EXPECT_EQ(message(R"({"ForecastExportJobName":5})"),
            "SerializationException: class com.amazon.coral.value.json.numbers.TruncatingBigNumber "
            "can not be converted to an String");
  EXPECT_EQ(message(R"({"ForecastExportJobName":true})"),
            "SerializationException: class java.lang.Boolean can not be converted to an String");
  EXPECT_EQ(message(R"({"ForecastExportJobName":["a"]})"),
            "SerializationException: Start of list found where not expected");
  EXPECT_EQ(message(R"({"ForecastExportJobName":{"a":1}})"),
            "SerializationException: Start of structure or map found where not expected.");
  EXPECT_EQ(message(R"({"Tags":"x"})"), "SerializationException: Expected list or null");
  EXPECT_EQ(message(R"({"Destination":"x"})"), "SerializationException: Expected null");
  EXPECT_EQ(message(R"({"Destination":{"S3Config":{"Path":1}}})"),
            "SerializationException: class com.amazon.coral.value.json.numbers.TruncatingBigNumber "
            "can not be converted to an String");
}

TEST(MemberTypesTest, UnknownMembersAndNullsAreIgnored) {
  EXPECT_EQ(Types("CreateForecastExportJob", R"({"Unknown":[1,2],"Tags":null,"Format":null})"),
            std::nullopt);
  auto error = Types("ListForecastExportJobs", R"({"MaxResults":"5"})");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message, "class java.lang.String can not be converted to an Integer");
}

}  // namespace
}  // namespace fakeaws::protocol
