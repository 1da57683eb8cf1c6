// The control API in process (ControlApi::Handle): each endpoint's answer,
// its refusals, and that a refused request changes nothing.
#include "fakeaws/control.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/sha256.h"
#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;

HttpRequest Control(const std::string& method, const std::string& path, const std::string& body = "") {
  HttpRequest r;
  r.method = method;
  r.target = path;
  r.headers.Add("Host", "127.0.0.1:4566");
  r.body = body;
  return r;
}

HttpRequest Aws(const std::string& operation, const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body;
  return r;
}

json Body(const HttpResponse& r) { return json::parse(r.body); }

class ControlApiTest : public ::testing::Test {
 protected:
  HttpResponse Send(const std::string& method, const std::string& path, const std::string& body = "") {
    HttpResponse r = api_.Handle(Control(method, path, body));
    EXPECT_EQ(r.headers.Get("Content-Type"), "application/json");
    EXPECT_EQ(r.headers.Get("Content-Length"), std::to_string(r.body.size()));
    return r;
  }
  void ExpectRefusal(const HttpResponse& r, int status, const std::string& type, const std::string& message) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(Body(r)["error"], type) << r.body;
    EXPECT_THAT(Body(r)["message"].get<std::string>(), HasSubstr(message));
  }

  Fake fake_;
  ControlApi api_{fake_};
};

TEST(ControlApiAccepts, PathsUnderThePrefixOnPathStyleHosts) {
  auto at = [](const std::string& host, const std::string& target) {
    HttpRequest r = Control("GET", target);
    r.headers.Set("Host", host);
    return ControlApi::Accepts(r);
  };
  EXPECT_TRUE(at("127.0.0.1:4566", "/_fakeaws/health"));
  EXPECT_TRUE(at("localhost:4566", "/_fakeaws/clock?x=1"));
  EXPECT_TRUE(at("[::1]:4566", "/_fakeaws/health"));
  EXPECT_TRUE(at("", "/_fakeaws"));
  // An S3 key of a virtual-hosted bucket, or a bucket path: S3's.
  EXPECT_FALSE(at("exports.localhost:4566", "/_fakeaws/health"));
  EXPECT_FALSE(at("exports.s3.us-east-1.amazonaws.com", "/_fakeaws/health"));
  EXPECT_FALSE(at("127.0.0.1:4566", "/_fakeawsx/health"));
  EXPECT_FALSE(at("127.0.0.1:4566", "/exports/_fakeaws/health"));
}

TEST_F(ControlApiTest, HealthNamesTheAccountAndRegion) {
  const HttpResponse r = Send("GET", "/_fakeaws/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok","account_id":"123456789012","region":"us-east-1"})");
}

TEST_F(ControlApiTest, APageFromAnotherSiteMayNotDriveTheFake) {
  const Timestamp before = fake_.clock().Now();
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"Origin", "http://evil.example"},
           {"Origin", "http://localhost:3000"},  // another port is another origin
           {"Sec-Fetch-Site", "cross-site"}}) {
    HttpRequest r = Control("POST", "/_fakeaws/clock", R"({"advance_ms":60000})");
    r.headers.Add(name, value);
    ExpectRefusal(api_.Handle(r), 403, "Forbidden", "not a page from another site");
  }
  EXPECT_EQ(fake_.clock().Now(), before);

  // The control page's own requests are same-origin.
  HttpRequest own = Control("POST", "/_fakeaws/clock", R"({"advance_ms":60000})");
  own.headers.Add("Origin", "http://127.0.0.1:4566");
  own.headers.Add("Sec-Fetch-Site", "same-origin");
  EXPECT_EQ(api_.Handle(own).status, 200);
  EXPECT_EQ(fake_.clock().Now(), before + std::chrono::minutes(1));
}

TEST_F(ControlApiTest, ClockShowsAndMovesTime) {
  EXPECT_EQ(Send("GET", "/_fakeaws/clock").body, R"({"now":"2026-01-01T00:00:00Z","mode":"manual","step_ms":1000})");
  EXPECT_EQ(Send("POST", "/_fakeaws/clock", R"({"advance_ms":90000})").body,
            R"({"now":"2026-01-01T00:01:30Z","mode":"manual","step_ms":1000})");
  EXPECT_EQ(Send("POST", "/_fakeaws/clock", R"({"set":"2026-01-02T00:00:00Z"})").body,
            R"({"now":"2026-01-02T00:00:00Z","mode":"manual","step_ms":1000})");
  EXPECT_EQ(Send("POST", "/_fakeaws/clock", R"({"mode":"step","step_ms":250})").body,
            R"({"now":"2026-01-02T00:00:00Z","mode":"step","step_ms":250})");
  fake_.Handle(Aws("ListForecasts", "{}"));
  EXPECT_EQ(Body(Send("GET", "/_fakeaws/clock"))["now"], "2026-01-02T00:00:00.250Z");
  // Frozen: AWS requests no longer move it.
  Send("POST", "/_fakeaws/clock", R"({"mode":"manual"})");
  fake_.Handle(Aws("ListForecasts", "{}"));
  EXPECT_EQ(Body(Send("GET", "/_fakeaws/clock"))["now"], "2026-01-02T00:00:00.250Z");
}

TEST_F(ControlApiTest, AdvancingTheClockFinishesJobs) {
  Options options;
  options.lifecycle = LifecycleDurations::Observable();
  Fake fake(options);
  ControlApi api(fake);
  api.Handle(Control("POST", "/_fakeaws/buckets", R"({"name":"exports"})"));
  api.Handle(Control("POST", "/_fakeaws/forecasts", R"({"name":"demand"})"));
  ASSERT_EQ(fake.Handle(Aws("CreateForecastExportJob",
                            R"({"ForecastExportJobName":"j","ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand","Destination":{"S3Config":{"Path":"s3://exports/j/","RoleArn":"arn:aws:iam::123456789012:role/R"}}})"))
                .status,
            200);
  const std::string job = fake.forecast().ForecastExportJobArn("demand", "j");
  EXPECT_EQ(fake.forecast().GetForecastExportJob(job)->status, "CREATE_PENDING");
  api.Handle(Control("POST", "/_fakeaws/clock", R"({"advance_ms":600000})"));
  EXPECT_EQ(fake.forecast().GetForecastExportJob(job)->status, "ACTIVE");
  EXPECT_FALSE(fake.s3().ListKeys("exports", "j/").empty());
}

TEST_F(ControlApiTest, ClockRefusalsChangeNothing) {
  Send("POST", "/_fakeaws/clock", R"({"advance_ms":1000})");
  const std::string before = Send("GET", "/_fakeaws/clock").body;
  ExpectRefusal(Send("POST", "/_fakeaws/clock", R"({"set":"2025-01-01T00:00:00Z"})"), 400, "InvalidRequest",
                "time does not go back");
  ExpectRefusal(Send("POST", "/_fakeaws/clock", R"({"mode":"fast","advance_ms":5})"), 400, "InvalidRequest",
                "mode must be");
  ExpectRefusal(Send("POST", "/_fakeaws/clock", R"({"advance_ms":-5})"), 400, "InvalidRequest", "advance_ms");
  ExpectRefusal(Send("POST", "/_fakeaws/clock", R"({"advance":5})"), 400, "InvalidRequest", "unknown member 'advance'");
  ExpectRefusal(Send("POST", "/_fakeaws/clock", "not json"), 400, "InvalidRequest", "JSON object");
  EXPECT_EQ(Send("GET", "/_fakeaws/clock").body, before);
}

TEST_F(ControlApiTest, SeedsAForecastAsThePublicApiWould) {
  const HttpResponse r = Send("POST", "/_fakeaws/forecasts",
                              R"({"name":"demand","series":["a",{"item_id":"b"}],"horizon":3,"tags":[{"key":"t","value":"v"}]})");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"arn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand"})");
  const auto info = fake_.forecast().GetForecast("arn:aws:forecast:us-east-1:123456789012:forecast/demand");
  ASSERT_TRUE(info.has_value());
  EXPECT_EQ(info->status, "ACTIVE");
  // The fake's own refusal, as its AWS error.
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts", R"({"name":"demand"})"), 400, "ResourceAlreadyExistsException",
                "already exists");
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts", R"({"name":"1bad"})"), 400, "ValidationException",
                "forecastName");
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts", R"({"name":"x","hrizon":3})"), 400, "InvalidRequest",
                "unknown member 'hrizon'");
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts", R"({"horizon":3})"), 400, "InvalidRequest", "name is required");
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts", R"({"name":"x","series":[1]})"), 400, "InvalidRequest",
                "series[0]");
}

TEST_F(ControlApiTest, CreatesABucket) {
  EXPECT_EQ(Send("POST", "/_fakeaws/buckets", R"({"name":"exports"})").body, R"({"name":"exports"})");
  EXPECT_TRUE(fake_.s3().HasBucket("exports"));
  ExpectRefusal(Send("POST", "/_fakeaws/buckets", R"({"name":"Bad_Name"})"), 400, "InvalidBucketName", "");
  ExpectRefusal(Send("POST", "/_fakeaws/buckets", R"({"bucket":"x"})"), 400, "InvalidRequest", "{\"name\"");
}

TEST_F(ControlApiTest, ResetForgetsEverything) {
  Send("POST", "/_fakeaws/forecasts", R"({"name":"demand"})");
  Send("POST", "/_fakeaws/clock", R"({"advance_ms":5000})");
  const std::string first_answer = Fake().Handle(Aws("ListForecasts", "{}")).ToWire();
  fake_.Handle(Aws("ListForecasts", "{}"));
  EXPECT_EQ(Send("POST", "/_fakeaws/reset").status, 200);
  // Request numbers (and so request ids) start over too.
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).ToWire(), first_answer);
}

TEST_F(ControlApiTest, StateGoesOutAndComesBack) {
  Send("POST", "/_fakeaws/forecasts", R"({"name":"demand"})");
  const HttpResponse saved = api_.Handle(Control("GET", "/_fakeaws/state"));
  ASSERT_EQ(saved.status, 200);
  Fake other;
  ControlApi other_api(other);
  EXPECT_EQ(other_api.Handle(Control("PUT", "/_fakeaws/state", saved.body)).status, 200);
  EXPECT_EQ(other.Snapshot().value(), saved.body);
  ExpectRefusal(other_api.Handle(Control("PUT", "/_fakeaws/state", "{}")), 400, "InvalidRequest", "snapshot");
  EXPECT_EQ(other.Snapshot().value(), saved.body);
}

TEST_F(ControlApiTest, ArmsFaultsThatAwsRequestsMeet) {
  const HttpResponse armed = Send("POST", "/_fakeaws/faults",
                                  R"({"error":"ThrottlingException","operation":"AmazonForecast.ListForecasts"})");
  ASSERT_EQ(armed.status, 200) << armed.body;
  EXPECT_EQ(Body(armed)["id"], 1);
  const HttpResponse throttled = fake_.Handle(Aws("ListForecasts", "{}"));
  EXPECT_EQ(throttled.status, 400);
  EXPECT_EQ(throttled.body, R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 200);  // once by default
  EXPECT_EQ(Send("GET", "/_fakeaws/faults/1").body, R"({"id":1,"fired":1,"matched":2})");

  Send("POST", "/_fakeaws/faults",
       R"({"error":{"type":"InternalFailure","message":"boom","http_status":500},"always":true})");
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 500);
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 500);
  EXPECT_EQ(Send("DELETE", "/_fakeaws/faults/2").status, 200);
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 200);

  Send("POST", "/_fakeaws/faults", R"({"action":"drop_connection","operation":"AmazonForecast.ListForecasts"})");
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 0);  // dropped
  EXPECT_TRUE(fake_.journal().Entries().back().connection_dropped);
  Send("POST", "/_fakeaws/faults", R"({"action":"latency","latency_ms":250,"times":1})");
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 200);
  EXPECT_EQ(fake_.journal().Entries().back().fault, "latency +250 ms on any request, from call 1, 1 time");
  Send("POST", "/_fakeaws/faults", R"({"error":"AccessDenied","s3":{"method":"GET","bucket":"exp*"}})");
  HttpRequest get = Control("GET", "/exports/key");
  EXPECT_EQ(fake_.Handle(get).status, 403);
  EXPECT_EQ(Send("DELETE", "/_fakeaws/faults").status, 200);
}

TEST_F(ControlApiTest, RefusesFaultsItCannotArm) {
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"error":"Oops"})"), 400, "InvalidRequest",
                "unknown error Oops; name one of AccessDenied, InternalError, InternalFailure");
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"action":"explode"})"), 400, "InvalidRequest",
                "action must be");
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"action":"latency"})"), 400, "InvalidRequest",
                "needs \"latency_ms\"");
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"error":"SlowDown","probability":2})"), 400,
                "InvalidRequest", "probability");
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"error":"SlowDown","times":0})"), 400, "InvalidRequest",
                "times must be");
  ExpectRefusal(Send("POST", "/_fakeaws/faults", R"({"error":"SlowDown","when":1})"), 400, "InvalidRequest",
                "unknown member 'when'");
  ExpectRefusal(Send("GET", "/_fakeaws/faults/x"), 400, "InvalidRequest", "no fault x");
  // Nothing was armed by any of them.
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 200);
}

TEST_F(ControlApiTest, ReadsAndClearsTheJournal) {
  fake_.Handle(Aws("ListForecasts", "{}"));
  fake_.Handle(Aws("DescribeForecast", R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/x"})"));
  Send("GET", "/_fakeaws/health");  // not an AWS request: not journaled
  const json all = Body(Send("GET", "/_fakeaws/journal"));
  ASSERT_EQ(all["entries"].size(), 2u);
  EXPECT_EQ(all["entries"][0]["operation"], "AmazonForecast.ListForecasts");
  EXPECT_EQ(all["entries"][0]["status"], 200);
  EXPECT_EQ(all["entries"][0]["request"]["body"], "{}");
  EXPECT_EQ(all["entries"][1]["error_type"], "ResourceNotFoundException");
  EXPECT_EQ(all["dropped"], 0);
  const json one = Body(Send("GET", "/_fakeaws/journal?operation=AmazonForecast.DescribeForecast"));
  ASSERT_EQ(one["entries"].size(), 1u);
  EXPECT_EQ(one["entries"][0]["sequence"], 1);
  ExpectRefusal(Send("GET", "/_fakeaws/journal?op=x"), 400, "InvalidRequest", "unknown parameter op; it takes operation");
  EXPECT_EQ(Send("DELETE", "/_fakeaws/journal").status, 200);
  EXPECT_TRUE(Body(Send("GET", "/_fakeaws/journal"))["entries"].empty());
}

TEST_F(ControlApiTest, ResetAlsoClearsTheJournalAndFaults) {
  Send("POST", "/_fakeaws/faults", R"({"error":"ThrottlingException","always":true})");
  fake_.Handle(Aws("ListForecasts", "{}"));
  Send("POST", "/_fakeaws/reset");
  EXPECT_TRUE(Body(Send("GET", "/_fakeaws/journal"))["entries"].empty());
  EXPECT_EQ(fake_.Handle(Aws("ListForecasts", "{}")).status, 200);
}

HttpRequest S3(const std::string& method, const std::string& target, const std::string& body = "") {
  HttpRequest r = Control(method, target, body);
  return r;
}

std::vector<uint64_t> Sequences(const json& answer) {
  std::vector<uint64_t> out;
  for (const auto& e : answer["entries"]) out.push_back(e["sequence"].get<uint64_t>());
  return out;
}

TEST_F(ControlApiTest, JournalPagesNewestFirstWithFilters) {
  for (int i = 0; i < 5; ++i) {
    fake_.Handle(i % 2 ? Aws("DescribeForecast", R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/x"})")
                       : Aws("ListForecasts", "{}"));
  }
  const json top = Body(Send("GET", "/_fakeaws/journal?order=newest&limit=2&view=summary"));
  EXPECT_THAT(Sequences(top), ElementsAre(4, 3));
  EXPECT_EQ(top["size"], 5);
  EXPECT_EQ(top["capacity"], 10000);
  // A summary is the row: no request or response.
  EXPECT_FALSE(top["entries"][0].contains("request"));
  EXPECT_EQ(top["entries"][1]["error_type"], "ResourceNotFoundException");
  EXPECT_THAT(Sequences(Body(Send("GET", "/_fakeaws/journal?order=newest&limit=2&before=3"))), ElementsAre(2, 1));
  EXPECT_THAT(Sequences(Body(Send("GET", "/_fakeaws/journal?after=2"))), ElementsAre(3, 4));
  EXPECT_THAT(Sequences(Body(Send("GET", "/_fakeaws/journal?failed=true"))), ElementsAre(1, 3));
  EXPECT_THAT(Sequences(Body(Send("GET", "/_fakeaws/journal?failed=true&operation=AmazonForecast.ListForecasts"))),
              ElementsAre());
  // The full listing keeps its shape and adds the answer.
  const json full = Body(Send("GET", "/_fakeaws/journal?limit=1"));
  EXPECT_EQ(full["entries"][0]["request"]["body"], "{}");
  EXPECT_EQ(full["entries"][0]["response"]["status"], 200);
  EXPECT_EQ(full["entries"][0]["response"]["body"], R"({"Forecasts":[]})");
}

TEST_F(ControlApiTest, JournalRefusesParametersItDoesNotKnow) {
  fake_.Handle(Aws("ListForecasts", "{}"));
  ExpectRefusal(Send("GET", "/_fakeaws/journal?limit=0"), 400, "InvalidRequest", "limit must be a whole number");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?after=-1"), 400, "InvalidRequest", "after must be");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?before=1x"), 400, "InvalidRequest", "before must be");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?order=sideways"), 400, "InvalidRequest", "order must be oldest or newest");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?failed=yes"), 400, "InvalidRequest", "failed must be true or false");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?view=all"), 400, "InvalidRequest", "view must be full or summary");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?limit=1&limit=2"), 400, "InvalidRequest", "limit is given twice");
  ExpectRefusal(Send("GET", "/_fakeaws/journal?limit=99999999999999999999999"), 400, "InvalidRequest", "limit");
}

TEST_F(ControlApiTest, JournalEntryShowsTheExactRequestAndResponse) {
  const HttpRequest sent = Aws("DescribeForecast", R"({"ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/x"})");
  const HttpResponse answered = fake_.Handle(sent);
  const json e = Body(Send("GET", "/_fakeaws/journal/0"));
  EXPECT_EQ(e["sequence"], 0);
  EXPECT_EQ(e["operation"], "AmazonForecast.DescribeForecast");
  EXPECT_EQ(e["request"]["method"], "POST");
  EXPECT_EQ(e["request"]["headers"][0], json::array({"X-Amz-Target", "AmazonForecast.DescribeForecast"}));
  EXPECT_EQ(e["request"]["body"], sent.body);
  EXPECT_EQ(e["request"]["body_truncated"], false);
  EXPECT_EQ(e["response"]["status"], 400);
  ASSERT_EQ(e["response"]["headers"].size(), answered.headers.size());
  for (size_t i = 0; i < answered.headers.size(); ++i) {
    EXPECT_EQ(e["response"]["headers"][i],
              json::array({answered.headers.fields()[i].name, answered.headers.fields()[i].value}));
  }
  EXPECT_EQ(e["response"]["body"], answered.body);
  EXPECT_EQ(e["body_limit"], JournalEntry::kBodyLimit);
}

TEST_F(ControlApiTest, JournalEntryMarksCutBodiesAndGivesBinaryAsBase64) {
  fake_.s3().CreateBucket("exports");
  const std::string big(JournalEntry::kBodyLimit + 1, 'x');
  fake_.Handle(S3("PUT", "/exports/big.csv", big));
  fake_.Handle(S3("GET", "/exports/big.csv"));
  const std::string binary("\x00\xff\xfe<script>", 11);
  fake_.Handle(S3("PUT", "/exports/blob", binary));
  fake_.Handle(S3("GET", "/exports/blob"));

  const json put = Body(Send("GET", "/_fakeaws/journal/0"));
  EXPECT_EQ(put["request"]["body"], big.substr(0, JournalEntry::kBodyLimit));
  EXPECT_EQ(put["request"]["body_truncated"], true);
  const json get = Body(Send("GET", "/_fakeaws/journal/1"));
  EXPECT_EQ(get["response"]["body_bytes"], JournalEntry::kBodyLimit);
  EXPECT_EQ(get["response"]["body_truncated"], true);
  const json blob = Body(Send("GET", "/_fakeaws/journal/3"));
  EXPECT_FALSE(blob["response"].contains("body"));
  EXPECT_EQ(blob["response"]["body_base64"], base::Base64Encode(binary));
  EXPECT_EQ(blob["response"]["body_truncated"], false);
}

TEST_F(ControlApiTest, JournalEntryCutInsideACharacterStaysText) {
  fake_.s3().CreateBucket("exports");
  // "é" is two bytes; the journal's cut falls between them.
  std::string body(JournalEntry::kBodyLimit - 1, 'a');
  body += "\xc3\xa9tail";
  fake_.Handle(S3("PUT", "/exports/text", body));
  const json put = Body(Send("GET", "/_fakeaws/journal/0"));
  EXPECT_EQ(put["request"]["body"], std::string(JournalEntry::kBodyLimit - 1, 'a'));
  EXPECT_EQ(put["request"]["body_truncated"], true);
}

TEST_F(ControlApiTest, JournalEntryRefusals) {
  fake_.Handle(Aws("ListForecasts", "{}"));
  ExpectRefusal(Send("GET", "/_fakeaws/journal/abc"), 400, "InvalidRequest", "abc is not a sequence number");
  ExpectRefusal(Send("GET", "/_fakeaws/journal/-1"), 400, "InvalidRequest", "not a sequence number");
  ExpectRefusal(Send("GET", "/_fakeaws/journal/7"), 404, "NotFound", "no entry 7");
  ExpectRefusal(Send("DELETE", "/_fakeaws/journal/0"), 405, "MethodNotAllowed", "use GET");
}

TEST_F(ControlApiTest, JournalOfKeysThatAreNotUtf8StillAnswers) {
  fake_.s3().CreateBucket("exports");
  fake_.Handle(S3("PUT", "/exports/%FF%FE", "x"));
  const HttpResponse r = Send("GET", "/_fakeaws/journal");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Body(r)["entries"][0]["key"], "\xef\xbf\xbd\xef\xbf\xbd");  // U+FFFD twice
}

TEST_F(ControlApiTest, ListsArmedFaultsWithTheirCounts) {
  Send("POST", "/_fakeaws/faults", R"({"error":"ThrottlingException","operation":"AmazonForecast.ListForecasts"})");
  Send("POST", "/_fakeaws/faults", R"({"action":"latency","latency_ms":20,"always":true,"s3":{"method":"PUT"}})");
  Send("POST", "/_fakeaws/faults", R"({"error":"SlowDown"})");
  Send("DELETE", "/_fakeaws/faults/3");
  fake_.Handle(Aws("ListForecasts", "{}"));
  const json faults = Body(Send("GET", "/_fakeaws/faults"))["faults"];
  ASSERT_EQ(faults.size(), 2u);
  EXPECT_EQ(faults[0]["id"], 1);
  EXPECT_EQ(faults[0]["rule"],
            FaultRule::Error(errors::ThrottlingException()).On("AmazonForecast.ListForecasts").Describe());
  EXPECT_EQ(faults[0]["action"], "error");
  EXPECT_EQ(faults[0]["error"]["type"], "ThrottlingException");
  EXPECT_EQ(faults[0]["times"], 1);
  EXPECT_EQ(faults[0]["fired"], 1);
  EXPECT_EQ(faults[0]["matched"], 1);
  EXPECT_EQ(faults[0]["spent"], true);
  EXPECT_EQ(faults[1]["action"], "latency");
  EXPECT_EQ(faults[1]["always"], true);
  EXPECT_EQ(faults[1]["latency_ms"], 20);
  EXPECT_EQ(faults[1]["s3"], json({{"method", "PUT"}, {"bucket", "*"}, {"key", "*"}}));
  EXPECT_EQ(faults[1]["spent"], false);
}

TEST_F(ControlApiTest, ListsForecastResourcesByTypeWithTheirFiles) {
  Send("POST", "/_fakeaws/buckets", R"({"name":"exports"})");
  Send("POST", "/_fakeaws/forecasts", R"({"name":"demand","series":["a","b"],"horizon":2})");
  ASSERT_EQ(fake_.Handle(Aws("CreateForecastExportJob",
                             R"({"ForecastExportJobName":"j","ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand","Destination":{"S3Config":{"Path":"s3://exports/j/","RoleArn":"arn:aws:iam::123456789012:role/R"}}})"))
                .status,
            200);
  const json all = Body(Send("GET", "/_fakeaws/resources"))["resources"];
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]["type"], "forecast-export-job");  // newest first
  EXPECT_EQ(all[1]["type"], "forecast");
  const json jobs = Body(Send("GET", "/_fakeaws/resources?type=forecast-export-job"))["resources"];
  ASSERT_EQ(jobs.size(), 1u);
  const json& job = jobs[0];
  EXPECT_EQ(job["arn"], "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/j");
  EXPECT_EQ(job["name"], "j");
  EXPECT_EQ(job["status"], "ACTIVE");
  EXPECT_EQ(job["parent_arn"], "arn:aws:forecast:us-east-1:123456789012:forecast/demand");
  EXPECT_EQ(job["creation_time"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(job["destination_path"], "s3://exports/j/");
  ASSERT_FALSE(job["exported_objects"].empty());
  for (const auto& url : job["exported_objects"]) {
    const std::string key = url.get<std::string>().substr(std::string("s3://exports/").size());
    EXPECT_TRUE(fake_.s3().GetObject("exports", key).ok()) << key;
  }
  EXPECT_TRUE(Body(Send("GET", "/_fakeaws/resources?type=monitor"))["resources"].empty());
  ExpectRefusal(Send("GET", "/_fakeaws/resources?type=forecasts"), 400, "InvalidRequest", "unknown type forecasts");
  ExpectRefusal(Send("GET", "/_fakeaws/resources?kind=x"), 400, "InvalidRequest", "unknown parameter kind");
}

TEST_F(ControlApiTest, ForecastValuesAreWhatQueryForecastAnswers) {
  Send("POST", "/_fakeaws/forecasts",
       R"({"name":"demand","dimensions":["store"],"series":[{"item_id":"a","dimension_values":["s1"]},)"
       R"({"item_id":"a","dimension_values":["s2"]},{"item_id":"b","dimension_values":["s1"]}],"horizon":3})");
  const std::string arn = "arn:aws:forecast:us-east-1:123456789012:forecast/demand";
  const json series = Body(Send("GET", "/_fakeaws/forecasts/series?arn=" + arn));
  EXPECT_EQ(series["forecast_types"], json::array({"0.1", "0.5", "0.9"}));
  EXPECT_EQ(series["dimensions"], json::array({"store"}));
  EXPECT_EQ(series["total"], 3);
  EXPECT_EQ(series["truncated"], false);
  EXPECT_EQ(series["series"][2], json({{"item_id", "b"}, {"dimension_values", {"s1"}}}));
  EXPECT_EQ(Body(Send("GET", "/_fakeaws/forecasts/series?limit=1&arn=" + arn))["series"].size(), 1u);

  const json values = Body(Send("GET", "/_fakeaws/forecasts/values?arn=" + arn + "&item_id=a"));
  ASSERT_EQ(values["series"].size(), 2u);
  const json& s2 = values["series"][1];
  EXPECT_EQ(s2["dimension_values"], json::array({"s2"}));
  EXPECT_EQ(s2["dates"], json::array({"2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"}));
  HttpRequest query = Aws("QueryForecast", R"({"ForecastArn":")" + arn + R"(","Filters":{"item_id":"a","store":"s2"}})");
  query.headers.Set("X-Amz-Target", "AmazonForecastRuntime.QueryForecast");
  const json queried = Body(fake_.Handle(query))["Forecast"]["Predictions"];
  const char* columns[] = {"p10", "p50", "p90"};
  for (size_t t = 0; t < 3; ++t) {
    for (size_t d = 0; d < 3; ++d) {
      EXPECT_DOUBLE_EQ(s2["values"][t][d].get<double>(), queried[columns[t]][d]["Value"].get<double>());
    }
  }
}

TEST_F(ControlApiTest, ForecastValuesRefusals) {
  Send("POST", "/_fakeaws/forecasts", R"({"name":"demand","status":"CREATE_IN_PROGRESS"})");
  const std::string arn = "arn:aws:forecast:us-east-1:123456789012:forecast/demand";
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/values?item_id=a"), 400, "InvalidRequest", "arn is required");
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/values?arn=" + arn), 400, "InvalidRequest", "item_id is required");
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/values?arn=" + arn + "&item_id=item_1"), 400,
                "ResourceInUseException", "CREATE_IN_PROGRESS");
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/series?arn=arn:nothing"), 400, "ResourceNotFoundException", "");
  fake_.forecast().SetForecastStatus(arn, "ACTIVE");
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/values?arn=" + arn + "&item_id=zzz"), 400,
                "ResourceNotFoundException", "no time series");
  ExpectRefusal(Send("GET", "/_fakeaws/forecasts/series?arn=" + arn + "&limit=0"), 400, "InvalidRequest", "limit");
  ExpectRefusal(Send("POST", "/_fakeaws/forecasts/values"), 405, "MethodNotAllowed", "use GET");
}

TEST_F(ControlApiTest, ListsBucketsAndKeysWithSizeAndEtag) {
  Send("POST", "/_fakeaws/buckets", R"({"name":"exports"})");
  Send("POST", "/_fakeaws/buckets", R"({"name":"archive"})");
  fake_.s3().PutObject("exports", "w/a.csv", "a,b\n");
  fake_.s3().PutObject("exports", "w/b c.csv", "x");
  fake_.s3().PutObject("exports", "w/sub/d.csv", "d");
  const json buckets = Body(Send("GET", "/_fakeaws/buckets"))["buckets"];
  ASSERT_EQ(buckets.size(), 2u);
  EXPECT_EQ(buckets[0]["name"], "archive");
  EXPECT_EQ(buckets[1]["region"], "us-east-1");

  const json page = Body(Send("GET", "/_fakeaws/objects?bucket=exports&prefix=w%2F&delimiter=%2F&max_keys=1"));
  ASSERT_EQ(page["objects"].size(), 1u);
  EXPECT_EQ(page["objects"][0],
            json({{"key", "w/a.csv"}, {"size", 4}, {"etag", fake_.s3().GetObject("exports", "w/a.csv")->etag},
                  {"last_modified", "2026-01-01T00:00:00Z"}}));
  EXPECT_EQ(page["truncated"], true);
  EXPECT_EQ(page["next_start_after"], "w/a.csv");
  const json rest = Body(Send("GET", "/_fakeaws/objects?bucket=exports&prefix=w/&delimiter=/&start_after=w%2Fa.csv"));
  ASSERT_EQ(rest["objects"].size(), 1u);
  EXPECT_EQ(rest["objects"][0]["key"], "w/b c.csv");
  EXPECT_EQ(rest["common_prefixes"], json::array({"w/sub/"}));
  EXPECT_EQ(rest["truncated"], false);
  EXPECT_FALSE(rest.contains("next_start_after"));

  ExpectRefusal(Send("GET", "/_fakeaws/objects?bucket=nothing"), 404, "NoSuchBucket", "");
  ExpectRefusal(Send("GET", "/_fakeaws/objects"), 400, "InvalidRequest", "bucket is required");
  ExpectRefusal(Send("GET", "/_fakeaws/objects?bucket=exports&max_keys=1001"), 400, "InvalidRequest",
                "max_keys must be a whole number from 1 to 1000");
}

TEST_F(ControlApiTest, ReadsAnObjectUpToACap) {
  Send("POST", "/_fakeaws/buckets", R"({"name":"exports"})");
  PutObjectOptions csv;
  csv.content_type = "text/csv";
  fake_.s3().PutObject("exports", "<script>alert(1)</script>.csv", "item_id,p50\na,1\n", csv);
  const json whole = Body(Send("GET", "/_fakeaws/object?bucket=exports&key=%3Cscript%3Ealert(1)%3C%2Fscript%3E.csv"));
  EXPECT_EQ(whole["key"], "<script>alert(1)</script>.csv");
  EXPECT_EQ(whole["body"], "item_id,p50\na,1\n");
  EXPECT_EQ(whole["size"], 16);
  EXPECT_EQ(whole["content_type"], "text/csv");
  EXPECT_EQ(whole["body_truncated"], false);
  const json head = Body(Send("GET", "/_fakeaws/object?bucket=exports&max_bytes=4&key=%3Cscript%3Ealert(1)%3C/script%3E.csv"));
  EXPECT_EQ(head["body"], "item");
  EXPECT_EQ(head["body_bytes"], 4);
  EXPECT_EQ(head["size"], 16);
  EXPECT_EQ(head["body_truncated"], true);

  fake_.s3().PutObject("exports", "blob", std::string("\x89PNG\x00", 5));
  EXPECT_EQ(Body(Send("GET", "/_fakeaws/object?bucket=exports&key=blob"))["body_base64"], "iVBORwA=");
  ExpectRefusal(Send("GET", "/_fakeaws/object?bucket=exports&key=none"), 404, "NoSuchKey", "");
  ExpectRefusal(Send("GET", "/_fakeaws/object?bucket=exports"), 400, "InvalidRequest", "key is required");
  ExpectRefusal(Send("GET", "/_fakeaws/object?bucket=exports&key=blob&max_bytes=99999999999"), 400,
                "InvalidRequest", "max_bytes");
}

TEST_F(ControlApiTest, HostileQueriesAreRefusedNotFollowed) {
  for (const std::string target :
       {"/_fakeaws/objects?bucket=%zz", "/_fakeaws/object?bucket=&key=", "/_fakeaws/objects?bucket=exports&&&",
        "/_fakeaws/forecasts/values?arn=%00&item_id=%FF", "/_fakeaws/journal?limit=%31%30", "/_fakeaws/resources?=",
        "/_fakeaws/journal/18446744073709551616", "/_fakeaws/objects?bucket=exports&max_keys="}) {
    const HttpResponse r = Send("GET", target);
    EXPECT_GE(r.status, 200) << target;
    EXPECT_LT(r.status, 500) << target;
    EXPECT_FALSE(json::parse(r.body, nullptr, false).is_discarded()) << target;
  }
}

TEST_F(ControlApiTest, ServesThePageWithOnlyItsOwnScriptAllowed) {
  const HttpResponse page = api_.Handle(Control("GET", "/_fakeaws/ui"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.headers.Get("Content-Length"), std::to_string(page.body.size()));
  EXPECT_EQ(page.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_THAT(page.body, HasSubstr("<title>fakeaws</title>"));
  EXPECT_THAT(page.body, Not(HasSubstr("@@UI_")));  // every part filled in
  // Nothing comes from elsewhere: no script, style or image by URL.
  EXPECT_THAT(page.body, Not(HasSubstr(" src=")));
  EXPECT_THAT(page.body, Not(HasSubstr("stylesheet")));
  const size_t open = page.body.find("<script>") + 8;
  const size_t close = page.body.find("</script>");
  ASSERT_LT(open, close);
  const auto digest = base::Sha256Digest(std::string_view(page.body).substr(open, close - open));
  const std::string hash = base::Base64Encode(std::string_view(reinterpret_cast<const char*>(digest.data()), 32));
  const std::string csp(page.headers.Get("Content-Security-Policy").value_or(""));
  EXPECT_THAT(csp, HasSubstr("default-src 'none'"));
  EXPECT_THAT(csp, HasSubstr("script-src 'sha256-" + hash + "';"));
  EXPECT_THAT(csp, HasSubstr("connect-src 'self'"));
  EXPECT_EQ(api_.Handle(Control("GET", "/_fakeaws/ui/")).body, page.body);
  ExpectRefusal(Send("POST", "/_fakeaws/ui"), 405, "MethodNotAllowed", "use GET");
}

TEST_F(ControlApiTest, UnknownEndpointsAndMethods) {
  ExpectRefusal(Send("GET", "/_fakeaws/nothing"), 404, "NotFound", "no control endpoint /_fakeaws/nothing");
  const HttpResponse wrong = Send("DELETE", "/_fakeaws/clock");
  ExpectRefusal(wrong, 405, "MethodNotAllowed", "use GET, POST");
  EXPECT_EQ(wrong.headers.Get("Allow"), "GET, POST");
}

}  // namespace
}  // namespace fakeaws
