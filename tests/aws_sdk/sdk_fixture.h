// aws-sdk-cpp against a fake, one fixture for both ways a C++ test reaches it:
// in process (fakeaws::AwsSdk) and over a socket (fakeaws::Listener and the
// SDK's curl client). TEST_P bodies run once for each; a difference between
// the two is a bug in one of them.
#pragma once

#include <aws/core/client/ClientConfiguration.h>
#include <aws/forecast/ForecastServiceClient.h>
#include <aws/forecastquery/ForecastQueryServiceClient.h>
#include <aws/s3/S3Client.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "fakeaws/aws_sdk.h"
#include "fakeaws/fake.h"
#include "fakeaws/listener.h"

namespace fakeaws::sdk_test {

enum class Transport { kInProcess, kListener };

inline std::string TransportName(const ::testing::TestParamInfo<Transport>& info) {
  return info.param == Transport::kInProcess ? "InProcess" : "OverListener";
}

class SdkTest : public ::testing::TestWithParam<Transport> {
 protected:
  explicit SdkTest(Options options = {}, AwsSdkOptions sdk_options = {})
      : fake_(std::move(options)), sdk_(fake_, std::move(sdk_options)) {
    if (GetParam() == Transport::kListener) {
      listener_ = std::make_unique<Listener>(fake_);
      endpoint_ = listener_->Start();
    }
  }

  // The configuration AwsSdk gives, pointed at the listener when the test
  // runs over it.
  Aws::Client::ClientConfiguration Config() const {
    Aws::Client::ClientConfiguration config = sdk_.ClientConfiguration();
    if (listener_) config.endpointOverride = endpoint_;
    return config;
  }
  Aws::S3::S3ClientConfiguration S3Config() const {
    Aws::S3::S3ClientConfiguration config = sdk_.S3ClientConfiguration();
    if (listener_) config.endpointOverride = endpoint_;
    return config;
  }

  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> Forecast(
      Aws::Client::ClientConfiguration config) const {
    return std::make_shared<Aws::ForecastService::ForecastServiceClient>(
        sdk_.Credentials(), nullptr, Aws::ForecastService::ForecastServiceClientConfiguration(config));
  }
  std::shared_ptr<Aws::ForecastService::ForecastServiceClient> Forecast() const {
    if (!listener_) return sdk_.ForecastClient();
    return Forecast(Config());
  }
  std::shared_ptr<Aws::ForecastQueryService::ForecastQueryServiceClient> ForecastQuery() const {
    if (!listener_) return sdk_.ForecastQueryClient();
    return std::make_shared<Aws::ForecastQueryService::ForecastQueryServiceClient>(
        sdk_.Credentials(), nullptr, Aws::ForecastQueryService::ForecastQueryServiceClientConfiguration(Config()));
  }
  std::shared_ptr<Aws::S3::S3Client> S3(Aws::S3::S3ClientConfiguration config) const {
    return std::make_shared<Aws::S3::S3Client>(sdk_.Credentials(), nullptr, config);
  }
  std::shared_ptr<Aws::S3::S3Client> S3() const {
    if (!listener_) return sdk_.S3Client();
    return S3(S3Config());
  }

  // The operation's calls in the journal.
  size_t Calls(const std::string& operation) const { return fake_.journal().Entries(operation).size(); }

  Fake fake_;
  AwsSdk sdk_;
  std::unique_ptr<Listener> listener_;
  std::string endpoint_;
};

#define FAKEAWS_BOTH_TRANSPORTS(Suite)                                                            \
  INSTANTIATE_TEST_SUITE_P(, Suite,                                                               \
                           ::testing::Values(::fakeaws::sdk_test::Transport::kInProcess,          \
                                             ::fakeaws::sdk_test::Transport::kListener),          \
                           ::fakeaws::sdk_test::TransportName)

}  // namespace fakeaws::sdk_test
