// AWS credentials and the providers that find them, in the AWS CLI's order:
//   1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN) — skipped when --profile
//      was given explicitly, as the CLI does;
//   2. the profile's keys in the shared credentials file (~/.aws/credentials);
//   3. the profile's credential_process (config file);
//   4. the profile's keys in the config file (~/.aws/config);
//   5. the EC2 instance role through IMDSv2 (never IMDSv1), unless AWS_EC2_METADATA_DISABLED.
// Secrets never appear in messages or logs: Credentials has no printer and errors name only
// where hopper looked.
//
// Thread-safety: a CredentialProvider may be called from several threads at once.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "util/result.hpp"

namespace hopper::aws {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::string source;         // where they came from, e.g. "environment", "profile dev (~/.aws/credentials)"
};

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;
  // Current credentials, refreshed before they expire. Error (ExitCode::credentials) says where
  // hopper looked when none are found.
  virtual util::Result<Credentials> credentials() = 0;
  // Forgets cached credentials so the next call fetches fresh ones (after ExpiredToken).
  virtual void invalidate() = 0;
};

// A provider that always answers `credentials` (tests, the simulator's own clients).
std::shared_ptr<CredentialProvider> static_credentials(Credentials credentials);

}  // namespace hopper::aws
