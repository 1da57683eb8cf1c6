// MockObserver: expectations on each request instead of reading the journal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakeaws/matchers.h"
#include "support/requests.h"

namespace fakeaws {
namespace {

using ::testing::_;
using ::testing::Field;
using ::testing::InSequence;
using test_support::CreateExportJob;
using test_support::DescribeExportJob;

TEST(MockObserver, SeesEachRequestWithItsAnswer) {
  Fake fake;
  MockObserver observer(fake);
  InSequence in_order;
  EXPECT_CALL(observer, OnRequest("AmazonForecast.DescribeForecastExportJob",
                                  Field(&HttpRequest::body, ::testing::HasSubstr("nope")),
                                  IsAwsError("ResourceNotFoundException")));
  EXPECT_CALL(observer, OnRequest("AmazonForecast.CreateForecastExportJob", _,
                                  IsAwsError("ResourceNotFoundException", ::testing::HasSubstr("forecast/demand"))));
  fake.Handle(DescribeExportJob("nope"));
  fake.Handle(CreateExportJob("weekly"));
}

TEST(MockObserver, SeesWhatTheClientReceivesWhenAFaultDropsTheConnection) {
  Fake fake;
  fake.faults().Arm(FaultRule::DropConnection().On("AmazonForecast.ListForecasts"));
  MockObserver observer(fake);
  EXPECT_CALL(observer, OnRequest("AmazonForecast.ListForecasts", _,
                                  Field(&HttpResponse::status, 0)));
  fake.Handle(test_support::ForecastRequest("ListForecasts", "{}"));
}

TEST(MockObserver, StopsObservingWhenDestroyed) {
  Fake fake;
  {
    MockObserver observer(fake);
    EXPECT_CALL(observer, OnRequest(_, _, _)).Times(1);
    fake.Handle(test_support::ForecastRequest("ListForecasts", "{}"));
  }
  fake.Handle(test_support::ForecastRequest("ListForecasts", "{}"));  // no observer left to call
  EXPECT_EQ(fake.journal().size(), 2u);
}

}  // namespace
}  // namespace fakeaws
