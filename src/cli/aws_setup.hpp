// Connecting to AWS for a command: the AWS configuration from the flags and the environment (as
// the AWS CLI resolves it), the region (the spec's, or --region / the environment without a
// spec), a Session over libcurl, and the credentials checked with STS GetCallerIdentity before
// anything else (a missing or rejected credential is exit code 3, saying where hopper looked).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "aws/core/session.hpp"
#include "aws/sts/caller_identity.hpp"
#include "cli/context.hpp"
#include "net/curl_transport.hpp"
#include "sim/simulator.hpp"
#include "util/clock.hpp"

namespace hopper::cli {

struct AwsConnection {
  // With --sim: the embedded simulator, declared first so that it outlives everything using it.
  std::unique_ptr<sim::Simulator> simulator;
  net::CurlTransport transport;
  std::unique_ptr<util::SeededRandom> random;
  aws::AwsConfig config;
  std::shared_ptr<aws::CredentialProvider> credentials;
  std::unique_ptr<aws::Session> session;
  aws::sts::CallerIdentity identity;
  std::string partition = "aws";
};

// `spec_region`: the region of the loaded spec, or empty when the command runs without one.
// Errors: usage (a --region that contradicts the spec, no region at all, a bad endpoint URL),
// credentials (none found or rejected), failed (the endpoint cannot be reached).
util::Result<std::unique_ptr<AwsConnection>> connect_aws(const Context& context, const std::string& spec_region);

}  // namespace hopper::cli
