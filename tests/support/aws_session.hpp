// A real aws::Session over libcurl, pointed at a loopback endpoint (moto, hopper sim, a test
// server), with static credentials. For integration tests of the AWS layer and above.
#pragma once

#include <memory>
#include <string>

#include "aws/core/session.hpp"
#include "net/curl_transport.hpp"
#include "util/clock.hpp"

namespace hopper::test {

struct TestAws {
  net::CurlTransport transport;
  util::SeededRandom random{42};
  std::unique_ptr<aws::Session> session;
};

struct TestAwsOptions {
  std::string region = "eu-west-1";
  std::string access_key_id = "testing";
  std::string secret_access_key = "testing";
  aws::SessionOptions session;
  util::Clock* clock = nullptr;  // default: the system clock
};

// A session whose every service goes to `endpoint`.
std::unique_ptr<TestAws> make_test_aws(const std::string& endpoint, const TestAwsOptions& options = {});

}  // namespace hopper::test
