// The export story through aws-sdk-cpp, in process and over the listener:
// CreateForecastExportJob, DescribeForecastExportJob through each status to
// ACTIVE, then the parts listed with ListObjectsV2 and read with GetObject.
#include <aws/core/utils/DateTime.h>
#include <aws/forecast/model/CreateForecastExportJobRequest.h>
#include <aws/forecast/model/DescribeForecastExportJobRequest.h>
#include <aws/s3/model/GetObjectRequest.h>
#include <aws/s3/model/ListObjectsV2Request.h>
#include <gmock/gmock.h>

#include <chrono>
#include <sstream>

#include "fakeaws/matchers.h"
#include "sdk_fixture.h"

namespace fakeaws::sdk_test {
namespace {

using Aws::ForecastService::Model::CreateForecastExportJobRequest;
using Aws::ForecastService::Model::DataDestination;
using Aws::ForecastService::Model::DescribeForecastExportJobRequest;

using ::testing::ElementsAre;
using ::testing::StartsWith;

Options ObservableLifecycle() {
  Options options;
  options.lifecycle = LifecycleDurations::Observable();  // 1 min pending, 5 min in progress
  return options;
}

class ExportStoryTest : public SdkTest {
 protected:
  ExportStoryTest() : SdkTest(ObservableLifecycle()) {}

  void SetUp() override {
    ASSERT_THAT(fake_.s3().CreateBucket("exports"), IsOk());
    ForecastSpec spec;
    spec.name = "demand";
    spec.series = {{"item_1"}, {"item_2"}};
    spec.horizon = 3;
    forecast_arn_ = fake_.forecast().PutForecast(spec).value();
  }

  CreateForecastExportJobRequest CreateRequest(const std::string& job) const {
    Aws::ForecastService::Model::S3Config s3;
    s3.SetPath("s3://exports/" + job);
    s3.SetRoleArn(fake_.forecast().RoleArn("ForecastExportRole"));
    DataDestination destination;
    destination.SetS3Config(s3);
    CreateForecastExportJobRequest request;
    request.SetForecastExportJobName(job);
    request.SetForecastArn(forecast_arn_);
    request.SetDestination(destination);
    return request;
  }

  std::string forecast_arn_;
};

TEST_P(ExportStoryTest, CreatedJobGoesThroughEachStatusToActive) {
  auto forecast = Forecast();
  auto created = forecast->CreateForecastExportJob(CreateRequest("weekly"));
  ASSERT_TRUE(created.IsSuccess()) << created.GetError().GetMessage();
  EXPECT_EQ(created.GetResult().GetForecastExportJobArn(), fake_.forecast().ForecastExportJobArn("demand", "weekly"));

  DescribeForecastExportJobRequest describe;
  describe.SetForecastExportJobArn(created.GetResult().GetForecastExportJobArn());
  std::vector<std::string> statuses;
  for (auto step : {std::chrono::minutes(0), std::chrono::minutes(2), std::chrono::minutes(5)}) {
    fake_.clock().Advance(step);
    auto described = forecast->DescribeForecastExportJob(describe);
    ASSERT_TRUE(described.IsSuccess()) << described.GetError().GetMessage();
    statuses.push_back(described.GetResult().GetStatus());
  }
  EXPECT_THAT(statuses, ElementsAre("CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"));
}

// The SDK reads timestamps only as JSON numbers (epoch seconds); an ISO
// string would come back as 1970 without an error (reference item 1).
TEST_P(ExportStoryTest, TimestampsReadBackAsTheFakesTime) {
  auto forecast = Forecast();
  auto created = forecast->CreateForecastExportJob(CreateRequest("weekly"));
  ASSERT_TRUE(created.IsSuccess());
  fake_.clock().Advance(std::chrono::minutes(7));
  DescribeForecastExportJobRequest describe;
  describe.SetForecastExportJobArn(created.GetResult().GetForecastExportJobArn());
  auto described = forecast->DescribeForecastExportJob(describe);
  ASSERT_TRUE(described.IsSuccess());
  EXPECT_EQ(described.GetResult().GetCreationTime().ToGmtString(Aws::Utils::DateFormat::ISO_8601),
            "2026-01-01T00:00:00Z");
  EXPECT_EQ(described.GetResult().GetLastModificationTime().ToGmtString(Aws::Utils::DateFormat::ISO_8601),
            "2026-01-01T00:06:00Z");
}

TEST_P(ExportStoryTest, PartsAreListedAndReadThroughS3) {
  auto created = Forecast()->CreateForecastExportJob(CreateRequest("weekly"));
  ASSERT_TRUE(created.IsSuccess());
  fake_.clock().Advance(std::chrono::minutes(7));
  const auto job = fake_.forecast().GetForecastExportJob(created.GetResult().GetForecastExportJobArn());
  ASSERT_TRUE(job.has_value());
  ASSERT_EQ(job->status, "ACTIVE");

  auto s3 = S3();
  Aws::S3::Model::ListObjectsV2Request list;
  list.SetBucket("exports");
  list.SetPrefix("weekly/");
  auto listed = s3->ListObjectsV2(list);
  ASSERT_TRUE(listed.IsSuccess()) << listed.GetError().GetMessage();
  const auto& objects = listed.GetResult().GetContents();
  ASSERT_EQ(objects.size(), fake_.s3().ListKeys("exports", "weekly/").size());
  ASSERT_EQ(objects.size(), 4u);  // four parts, whatever the item count (wire-format.md §3.1)

  for (const auto& object : objects) {
    // Named after when the export ran: it finished at 00:06 (INFERRED, wire-format.md §3.1).
    EXPECT_THAT(object.GetKey(), StartsWith("weekly/weekly_2026-01-01T00-06-00Z_part"));
    EXPECT_EQ(object.GetLastModified().ToGmtString(Aws::Utils::DateFormat::ISO_8601), "2026-01-01T00:06:00Z");
    Aws::S3::Model::GetObjectRequest get;
    get.SetBucket("exports");
    get.SetKey(object.GetKey());
    auto got = s3->GetObject(get);
    ASSERT_TRUE(got.IsSuccess()) << got.GetError().GetMessage();
    std::ostringstream body;
    body << got.GetResult().GetBody().rdbuf();
    EXPECT_EQ(body.str(), fake_.s3().GetObject("exports", object.GetKey()).value().body);
    EXPECT_THAT(body.str(), StartsWith("item_id,date,p10,p50,p90\n"));
    EXPECT_EQ(got.GetResult().GetContentLength(), object.GetSize());
  }
}

FAKEAWS_BOTH_TRANSPORTS(ExportStoryTest);

}  // namespace
}  // namespace fakeaws::sdk_test
