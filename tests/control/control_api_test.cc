// The control API in process (ControlApi::Handle): each endpoint's answer,
// its refusals, and that a refused request changes nothing.
#include "fakeaws/control.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fakeaws/fake.h"

namespace fakeaws {
namespace {

using ::testing::HasSubstr;
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
  ExpectRefusal(Send("GET", "/_fakeaws/journal?op=x"), 400, "InvalidRequest", "unknown parameter op=x");
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

TEST_F(ControlApiTest, UnknownEndpointsAndMethods) {
  ExpectRefusal(Send("GET", "/_fakeaws/nothing"), 404, "NotFound", "no control endpoint /_fakeaws/nothing");
  const HttpResponse wrong = Send("DELETE", "/_fakeaws/clock");
  ExpectRefusal(wrong, 405, "MethodNotAllowed", "use GET, POST");
  EXPECT_EQ(wrong.headers.Get("Allow"), "GET, POST");
}

}  // namespace
}  // namespace fakeaws
