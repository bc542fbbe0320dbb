#include "support/aws_session.hpp"

namespace hopper::test {

std::unique_ptr<TestAws> make_test_aws(const std::string& endpoint, const TestAwsOptions& options) {
  auto aws = std::make_unique<TestAws>();
  aws::AwsConfig config;
  config.profile = "default";
  for (aws::Service service : aws::k_all_services) config.endpoints[service] = endpoint;
  aws::Credentials credentials;
  credentials.access_key_id = options.access_key_id;
  credentials.secret_access_key = options.secret_access_key;
  credentials.source = "test";
  util::Clock& clock = options.clock != nullptr ? *options.clock : util::SystemClock::instance();
  aws->session = std::make_unique<aws::Session>(config, options.region, aws::static_credentials(credentials),
                                                aws->transport, clock, aws->random, options.session);
  return aws;
}

}  // namespace hopper::test
