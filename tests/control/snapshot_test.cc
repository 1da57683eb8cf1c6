// Fake::Snapshot / Restore / Reset: a restored fake answers the next
// requests with the bytes the saved one would have sent, and a snapshot that
// cannot be restored changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fakeaws/fake.h"
#include "fakeaws/matchers.h"
#include "observable_options.h"

namespace fakeaws {
namespace {

using ::testing::HasSubstr;

HttpRequest Call(const std::string& operation, const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.headers.Add("X-Amz-Target", "AmazonForecast." + operation);
  r.headers.Add("Content-Type", "application/x-amz-json-1.1");
  r.body = body;
  return r;
}

HttpRequest CreateJob(const std::string& name) {
  return Call("CreateForecastExportJob",
              R"({"ForecastExportJobName":")" + name +
                  R"(","ForecastArn":"arn:aws:forecast:us-east-1:123456789012:forecast/demand",)"
                  R"("Destination":{"S3Config":{"Path":"s3://exports/)" +
                  name + R"(/","RoleArn":"arn:aws:iam::123456789012:role/R"}},"Tags":[{"Key":"k","Value":"v"}]})");
}

std::string JobArn(const std::string& name) {
  return "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/" + name;
}

// A fake with something of everything: seeded forecasts (one with explicit
// rows and dimensions), jobs in several states, tags, a role, a bucket.
void Populate(Fake& fake) {
  ASSERT_THAT(fake.s3().CreateBucket("exports"), IsOk());
  ForecastSpec demand;
  demand.name = "demand";
  demand.dimensions = {"store"};
  demand.series = {ForecastSeries("item_1", {"s1"}), ForecastSeries("item_2", {"s2"})};
  demand.horizon = 5;
  demand.tags = {{"team", "ml"}};
  ASSERT_THAT(fake.forecast().PutForecast(demand), IsOk());
  ForecastSpec explicit_rows;
  explicit_rows.name = "explicit";
  explicit_rows.forecast_types = {"mean"};
  explicit_rows.rows = {{"a", {}, Timestamp(std::chrono::milliseconds(1767225600000)), {1.25}},
                        {"a", {}, Timestamp(std::chrono::milliseconds(1767312000000)), {0.1}}};
  explicit_rows.status = "CREATE_IN_PROGRESS";
  ASSERT_THAT(fake.forecast().PutForecast(explicit_rows), IsOk());
  fake.forecast().AddRole(fake.forecast().RoleArn("R"));
  ASSERT_EQ(fake.Handle(CreateJob("first")).status, 200);
  fake.clock().Advance(std::chrono::minutes(10));  // "first" is ACTIVE and exported
  ASSERT_EQ(fake.Handle(CreateJob("second")).status, 200);
  ASSERT_EQ(fake.Handle(CreateJob("third")).status, 200);
  fake.clock().Advance(std::chrono::seconds(90));  // both in progress
  ASSERT_EQ(fake.Handle(Call("StopResource", R"({"ResourceArn":")" + JobArn("third") + R"("})")).status, 200);
}

// What a client would see next: lists with their tokens, describes, the
// lifecycle finishing on the clock, and the export files.
std::vector<std::string> Conversation(Fake& fake) {
  std::vector<std::string> out;
  auto say = [&](const HttpRequest& r) {
    out.push_back(fake.Handle(r).ToWire());
    return out.back();
  };
  const std::string page = say(Call("ListForecastExportJobs", R"({"MaxResults":1})"));
  const auto token = nlohmann::json::parse(page.substr(page.find("\r\n\r\n") + 4)).value("NextToken", "");
  say(Call("ListForecastExportJobs", R"({"MaxResults":1,"NextToken":")" + token + R"("})"));
  for (const char* job : {"first", "second", "third"}) {
    say(Call("DescribeForecastExportJob", R"({"ForecastExportJobArn":")" + JobArn(job) + R"("})"));
  }
  say(CreateJob("fourth"));
  fake.clock().Advance(std::chrono::minutes(10));
  say(Call("ListForecastExportJobs", "{}"));
  say(Call("ListTagsForResource", R"({"ResourceArn":")" + JobArn("second") + R"("})"));
  say(Call("ListForecasts", "{}"));
  for (const auto& key : fake.s3().ListKeys("exports")) out.push_back(key + "=" + fake.s3().GetObject("exports", key)->body);
  return out;
}

TEST(Snapshot, ARestoredFakeAnswersAsTheSavedOneWould) {
  Fake original(Observable());
  Populate(original);
  auto snapshot = original.Snapshot();
  ASSERT_THAT(snapshot, IsOk());

  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(snapshot.value()), IsOk());
  EXPECT_EQ(restored.Snapshot().value(), snapshot.value());
  EXPECT_EQ(Conversation(restored), Conversation(original));
}

HttpRequest S3(const std::string& method, const std::string& target, std::vector<Headers::Field> headers = {},
               std::string body = "") {
  HttpRequest r;
  r.method = method;
  r.target = target;
  r.headers.Add("Host", "127.0.0.1:4566");
  for (auto& h : headers) r.headers.Add(h.name, h.value);
  r.headers.Add("Content-Length", std::to_string(body.size()));
  r.body = std::move(body);
  return r;
}

TEST(Snapshot, KeepsTheTagsOfObjectsAndBuckets) {
  const std::string tagging =
      "<Tagging><TagSet><Tag><Key>cost-center</Key><Value>42</Value></Tag></TagSet></Tagging>";
  Fake original(Observable());
  ASSERT_THAT(original.s3().CreateBucket("exports"), IsOk());
  ASSERT_EQ(original.Handle(S3("PUT", "/exports/a", {{"x-amz-tagging", "team=forecast&stage=dev"}}, "x")).status,
            200);
  ASSERT_EQ(original.Handle(S3("PUT", "/exports?tagging", {{"Content-MD5", "BvCPjwcRaeWshfFj/TVYJQ=="}}, tagging))
                .status,
            204);
  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(original.Snapshot().value()), IsOk());
  for (const auto& request : {S3("GET", "/exports/a?tagging"), S3("HEAD", "/exports/a"), S3("GET", "/exports?tagging")}) {
    const auto answer = original.Handle(request);
    EXPECT_EQ(answer.status, 200) << request.target;
    EXPECT_EQ(restored.Handle(request).ToWire(), answer.ToWire()) << request.target;
  }
}

TEST(Snapshot, KeepsEveryVersionAndDeleteMarkerAndTheIdsStillToCome) {
  const std::string enabled = "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>";
  const std::string enabled_md5 = "8qj8HSeDu3APPMQZVG06WQ==";
  Fake original(Observable());
  ASSERT_THAT(original.s3().CreateBucket("exports"), IsOk());
  ASSERT_EQ(original.Handle(S3("PUT", "/exports/a", {}, "before")).status, 200);
  ASSERT_EQ(original.Handle(S3("PUT", "/exports?versioning", {{"Content-MD5", enabled_md5}}, enabled)).status, 200);
  const auto second = original.Handle(S3("PUT", "/exports/a", {{"x-amz-tagging", "v=2"}}, "second"));
  ASSERT_EQ(second.status, 200);
  const std::string second_id(*second.headers.Get("x-amz-version-id"));
  ASSERT_EQ(original.Handle(S3("DELETE", "/exports/a")).status, 204);
  ASSERT_EQ(original.Handle(S3("PUT", "/exports/b", {}, "b")).status, 200);

  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(original.Snapshot().value()), IsOk());
  for (const auto& request : {S3("GET", "/exports?versions"), S3("GET", "/exports?versioning"),
                              S3("GET", "/exports/a"), S3("GET", "/exports/a?versionId=null"),
                              S3("GET", "/exports/a?versionId=" + second_id),
                              S3("GET", "/exports/a?tagging&versionId=" + second_id), S3("HEAD", "/exports/b"),
                              // The next ids: the restored fake makes those the saved one would.
                              S3("PUT", "/exports/c", {}, "c"), S3("DELETE", "/exports/b")}) {
    EXPECT_EQ(restored.Handle(request).ToWire(), original.Handle(request).ToWire()) << request.target;
  }
}

TEST(Snapshot, KeepsS3ObjectsWithTheirAttributesAndChecksums) {
  Fake original(Observable());
  ASSERT_THAT(original.s3().CreateBucket("exports"), IsOk());
  ASSERT_EQ(original.Handle(S3("PUT", "/exports/data/a.json",
                               {{"Content-Type", "application/json"},
                                {"Cache-Control", "no-cache"},
                                {"x-amz-meta-owner", "ml"},
                                {"x-amz-checksum-crc32", "DUoRhQ=="},
                                {"x-amz-sdk-checksum-algorithm", "CRC32"}},
                               "hello world"))
                .status,
            200);
  ASSERT_EQ(original.Handle(S3("PUT", "/exports/bin", {}, std::string("\0\xff\x01", 3))).status, 200);
  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(original.Snapshot().value()), IsOk());
  for (const auto& request : {S3("GET", "/exports/data/a.json", {{"x-amz-checksum-mode", "ENABLED"}}),
                              S3("HEAD", "/exports/data/a.json"), S3("GET", "/exports/bin"),
                              S3("GET", "/exports?list-type=2"), S3("GET", "/")}) {
    EXPECT_EQ(restored.Handle(request).ToWire(), original.Handle(request).ToWire()) << request.target;
  }
}

TEST(Snapshot, KeepsTheETagOfAMultipartObject) {
  Fake original(Observable());
  ASSERT_THAT(original.s3().CreateBucket("exports"), IsOk());
  const HttpResponse created = original.Handle(S3("POST", "/exports/big?uploads"));
  ASSERT_EQ(created.status, 200) << created.body;
  const size_t at = created.body.find("<UploadId>") + 10;
  const std::string id = created.body.substr(at, created.body.find("</UploadId>") - at);
  const HttpResponse part = original.Handle(S3("PUT", "/exports/big?partNumber=1&uploadId=" + id, {}, "part one"));
  ASSERT_EQ(part.status, 200) << part.body;
  const HttpResponse done = original.Handle(S3(
      "POST", "/exports/big?uploadId=" + id, {},
      "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + std::string(*part.headers.Get("ETag")) +
          "</ETag></Part></CompleteMultipartUpload>"));
  ASSERT_EQ(done.status, 200) << done.body;
  ASSERT_THAT(original.s3().GetObject("exports", "big")->etag, ::testing::EndsWith("-1\""));
  Fake restored(Observable());
  ASSERT_THAT(restored.Restore(original.Snapshot().value()), IsOk());
  for (const auto& request : {S3("HEAD", "/exports/big"), S3("GET", "/exports?list-type=2")}) {
    EXPECT_EQ(restored.Handle(request).ToWire(), original.Handle(request).ToWire()) << request.target;
  }
}

TEST(Snapshot, RestoreReplacesWhatWasThere) {
  Fake saved(Observable());
  const std::string empty = saved.Snapshot().value();
  Fake busy(Observable());
  Populate(busy);
  ASSERT_THAT(busy.Restore(empty), IsOk());
  EXPECT_EQ(busy.Snapshot().value(), empty);
  EXPECT_TRUE(busy.forecast().ListForecastExportJobs().empty());
  EXPECT_FALSE(busy.s3().HasBucket("exports"));
}

TEST(Snapshot, QuotaCountsFollowTheRestoredResources) {
  Options options = Observable();
  options.quotas.concurrent_forecast_export_jobs = 2;
  Fake original(options);
  Populate(original);  // "second" is creating, "third" stopping
  Fake restored(options);
  ASSERT_THAT(restored.Restore(original.Snapshot().value()), IsOk());
  // One more fits; the one after is over the quota, counted from the
  // restored resources, in both fakes alike.
  EXPECT_EQ(restored.Handle(CreateJob("fourth")).ToWire(), original.Handle(CreateJob("fourth")).ToWire());
  const HttpResponse over = restored.Handle(CreateJob("fifth"));
  EXPECT_EQ(over.ToWire(), original.Handle(CreateJob("fifth")).ToWire());
  EXPECT_THAT(over.body, HasSubstr("LimitExceededException"));
}

TEST(Snapshot, ResetGivesTheStateOfANewFake) {
  Fake fake(Observable());
  Populate(fake);
  fake.Reset();
  Fake fresh(Observable());
  EXPECT_EQ(fake.Snapshot().value(), fresh.Snapshot().value());
  EXPECT_EQ(fake.Handle(Call("ListForecasts", "{}")).ToWire(), fresh.Handle(Call("ListForecasts", "{}")).ToWire());
}

TEST(Snapshot, RefusesASnapshotOfAnotherAccountRegionOrSeed) {
  Fake original(Observable());
  Populate(original);
  const std::string snapshot = original.Snapshot().value();
  for (auto change : {+[](Options& o) { o.account_id = "210987654321"; }, +[](Options& o) { o.region = "eu-west-1"; },
                      +[](Options& o) { o.seed = 9; }}) {
    Options other = Observable();
    change(other);
    Fake fake(other);
    const std::string before = fake.Snapshot().value();
    auto restored = fake.Restore(snapshot);
    EXPECT_THAT(restored, IsAwsError("InvalidRequest", HasSubstr("taken with account 123456789012, region us-east-1, seed 0")));
    EXPECT_EQ(fake.Snapshot().value(), before);
  }
}

TEST(Snapshot, RefusesABrokenDocumentAndChangesNothing) {
  Fake original(Observable());
  Populate(original);
  const auto good = nlohmann::json::parse(original.Snapshot().value());
  std::vector<std::pair<std::string, nlohmann::json>> broken;
  auto with = [&](const std::string& what, auto edit) {
    nlohmann::json doc = good;
    edit(doc);
    broken.emplace_back(what, doc);
  };
  with("version", [](auto& d) { d["fakeaws_snapshot"] = 1; });
  with("clock mode", [](auto& d) { d["clock"]["mode"] = "fast"; });
  with("clock time", [](auto& d) { d["clock"]["now"] = "yesterday"; });
  with("missing requests", [](auto& d) { d.erase("requests"); });
  with("kind", [](auto& d) { d["forecast"]["resources"][0]["kind"] = "predictor"; });
  with("status", [](auto& d) { d["forecast"]["resources"][0]["status"] = "FINE"; });
  with("duplicate seq", [](auto& d) { d["forecast"]["resources"][1]["seq"] = d["forecast"]["resources"][0]["seq"]; });
  with("seq past next_seq", [](auto& d) { d["forecast"]["next_seq"] = 1; });
  with("spec member", [](auto& d) { d["forecast"]["resources"][0]["spec"]["hrizon"] = 3; });
  with("tags", [](auto& d) { d["forecast"]["resources"][0]["tags"] = "none"; });
  with("bucket", [](auto& d) { d["s3"]["buckets"][0]["name"] = "Not_A_Bucket"; });
  with("object body", [](auto& d) { d["s3"]["buckets"][0]["objects"][0]["body_base64"] = "***"; });

  Fake fake(Observable());
  ASSERT_THAT(fake.s3().CreateBucket("kept"), IsOk());
  const std::string before = fake.Snapshot().value();
  for (const auto& [what, doc] : broken) {
    auto restored = fake.Restore(doc.dump());
    EXPECT_THAT(restored, IsAwsError("InvalidRequest", HasSubstr("snapshot"))) << what;
    EXPECT_EQ(fake.Snapshot().value(), before) << what;
  }
  EXPECT_THAT(fake.Restore("not json"), IsAwsError("InvalidRequest", "snapshot: not a JSON object"));
  EXPECT_THAT(fake.Restore("[]"), IsAwsError("InvalidRequest", "snapshot: not a JSON object"));
  EXPECT_EQ(fake.Snapshot().value(), before);
}

}  // namespace
}  // namespace fakeaws
