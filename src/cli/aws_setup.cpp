#include "cli/aws_setup.hpp"

#include <chrono>

#include "aws/core/error.hpp"
#include "crypto/digest.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {

util::Result<std::unique_ptr<AwsConnection>> connect_aws(const Context& context, const std::string& spec_region) {
  auto connection = std::make_unique<AwsConnection>();
  const GlobalOptions& options = context.options;
  aws::ConfigInputs inputs;
  if (!options.profile.empty()) inputs.profile_flag = options.profile;
  if (!options.endpoint_url.empty()) inputs.endpoint_flag = options.endpoint_url;
  if (!options.region.empty()) inputs.region_flag = options.region;
  if (options.sim) {
    // --sim: every service goes to an embedded simulator that keeps its account in a file.
    sim::SimOptions sim_options = options.sim_options;
    sim_options.timing = options.sim_timing == "aws" ? sim::TimingMode::aws : sim::TimingMode::instant;
    sim_options.state_file = options.sim_state.empty() ? util::state_root() / "sim" / "state.json"
                                                       : util::expand_user(options.sim_state);
    if (!options.sim_request_log.empty()) sim_options.request_log = util::expand_user(options.sim_request_log);
    HOPPER_ASSIGN(connection->simulator, sim::Simulator::start(sim_options));
    inputs.endpoint_flag = connection->simulator->endpoint();
    if (!inputs.region_flag && spec_region.empty()) inputs.region_flag = "eu-west-1";
  }
  HOPPER_ASSIGN(connection->config, aws::resolve_config(inputs));

  std::string region = spec_region;
  if (region.empty()) {
    if (!connection->config.region) {
      return util::Error::usage("no AWS region: pass --region, set AWS_REGION, or run where a cluster.yaml names one");
    }
    region = *connection->config.region;
  } else if (!options.region.empty() && options.region != spec_region) {
    return util::Error::usage("--region " + options.region + " contradicts the spec's region " + spec_region);
  }

  // Jitter needs no secrecy, only independence between runs.
  const std::string seed = crypto::random_bytes(8);
  std::uint64_t value = 0;
  for (char c : seed) value = (value << 8) | static_cast<unsigned char>(c);
  connection->random = std::make_unique<util::SeededRandom>(value);
  connection->credentials =
      aws::make_credential_chain(connection->config, connection->transport, util::SystemClock::instance());
  if (connection->simulator) {
    // The simulator's own keys, whatever the environment holds.
    connection->credentials = aws::static_credentials(
        {options.sim_options.access_key, options.sim_options.secret_key, "", std::nullopt, "hopper sim"});
  }
  // AWS_MAX_ATTEMPTS / max_attempts: a bad value is a usage error before any call.
  HOPPER_ASSIGN(aws::SessionOptions session_options, aws::SessionOptions::from_config(connection->config));
  connection->session = std::make_unique<aws::Session>(connection->config, region, connection->credentials,
                                                       connection->transport, util::SystemClock::instance(),
                                                       *connection->random, std::move(session_options));

  auto identity = aws::sts::get_caller_identity(*connection->session);
  if (!identity) {
    const util::Error& error = identity.error();
    if (aws::is_auth_failure(error)) {
      const auto creds = connection->credentials->credentials();
      const std::string source = creds ? creds->source : std::string("(none)");
      return util::Error::credentials("AWS rejected the credentials from " + source + ": " + error.message());
    }
    return util::Error(error);
  }
  connection->identity = *identity;
  if (identity->arn.rfind("arn:aws-cn:", 0) == 0) connection->partition = "aws-cn";
  if (identity->arn.rfind("arn:aws-us-gov:", 0) == 0) connection->partition = "aws-us-gov";
  return connection;
}

}  // namespace hopper::cli
