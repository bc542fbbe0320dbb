// The AWS configuration hopper runs with, resolved as the AWS CLI resolves it:
//  - profile: --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default";
//  - files: AWS_SHARED_CREDENTIALS_FILE (~/.aws/credentials), AWS_CONFIG_FILE (~/.aws/config);
//  - region: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`;
//  - endpoint per service: --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
//    profile's [services] section, the profile's endpoint_url, then AWS's default (the
//    configured ones are ignored with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true);
//  - credentials: see credentials.hpp.
//
// Thread-safety: resolve_config is pure given its inputs; AwsConfig is a plain value.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "aws/core/credentials.hpp"
#include "aws/core/service.hpp"
#include "codec/ini.hpp"
#include "net/http.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::aws {

// Reads an environment variable (nullopt when unset). Injected so tests need not touch the
// process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvLookup process_env();

struct ConfigInputs {
  std::optional<std::string> profile_flag;   // --profile
  std::optional<std::string> region_flag;    // --region
  std::optional<std::string> endpoint_flag;  // --endpoint-url (applies to every service)
  EnvLookup env = process_env();
};

struct AwsConfig {
  std::string profile;
  bool profile_explicit = false;   // --profile (env keys are then skipped)
  bool profile_named = false;      // --profile or AWS_PROFILE named it (must exist)
  std::string credentials_path;    // shared credentials file
  std::string config_path;         // config file
  codec::IniFile credentials_file; // empty when the file is absent
  codec::IniFile config_file;
  std::optional<std::string> region;
  std::string region_source;       // "--region", "AWS_REGION", "profile default", ...
  std::map<Service, std::string> endpoints;  // overrides only
  EnvLookup env;

  // The config-file section of the profile (`[default]` or `[profile NAME]`), or nullptr.
  const codec::IniSection* profile_config() const;
  // The credentials-file section of the profile, or nullptr.
  const codec::IniSection* profile_credentials() const;
  // The endpoint to use for `service` in `region`: the override, else AWS's default.
  std::string endpoint(Service service, const std::string& for_region) const;
  // True when any service goes to a non-AWS endpoint (moto, hopper sim, LocalStack).
  bool has_endpoint_override() const { return !endpoints.empty(); }
};

// Reads the files and the environment. Error (ExitCode::usage) for unreadable or malformed
// files, a named profile that exists in neither file, or an invalid endpoint URL.
util::Result<AwsConfig> resolve_config(const ConfigInputs& inputs);

// The credential chain for `config` (see credentials.hpp). `imds_transport` is used only for
// the instance-metadata step; `clock` decides when cached credentials are refreshed.
std::shared_ptr<CredentialProvider> make_credential_chain(const AwsConfig& config,
                                                          net::Transport& imds_transport,
                                                          util::Clock& clock);

}  // namespace hopper::aws
