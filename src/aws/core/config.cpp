#include "aws/core/config.hpp"

#include <cstdlib>
#include <filesystem>

#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

util::Result<codec::IniFile> read_ini_if_present(const std::string& path) {
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec) || std::filesystem::is_directory(path, ec)) {
    return codec::IniFile{};
  }
  HOPPER_ASSIGN(const std::string text, util::read_file(path));
  auto parsed = codec::parse_ini(text, path);
  if (!parsed) return util::Error::usage(parsed.error().message());
  return std::move(parsed).value();
}

bool truthy(const std::optional<std::string>& value) {
  if (!value) return false;
  const std::string v = util::to_lower(util::trim(*value));
  return v == "1" || v == "true" || v == "yes" || v == "on";
}

std::optional<std::string> non_empty(std::optional<std::string> value) {
  if (value && util::trim(*value).empty()) return std::nullopt;
  return value;
}

}  // namespace

EnvLookup process_env() {
  return [](const std::string& name) { return util::env(name.c_str()); };
}

const codec::IniSection* AwsConfig::profile_config() const {
  if (profile == "default") {
    if (const auto* s = config_file.section("default")) return s;
  }
  return config_file.section("profile " + profile);
}

const codec::IniSection* AwsConfig::profile_credentials() const {
  return credentials_file.section(profile);
}

std::string AwsConfig::endpoint(Service service, const std::string& for_region) const {
  const auto it = endpoints.find(service);
  return it != endpoints.end() ? it->second : default_endpoint(service, for_region);
}

util::Result<AwsConfig> resolve_config(const ConfigInputs& inputs) {
  AwsConfig config;
  config.env = inputs.env;
  const auto& env = inputs.env;
  const std::filesystem::path home = util::home_dir();

  if (inputs.profile_flag) {
    config.profile = *inputs.profile_flag;
    config.profile_explicit = true;
    config.profile_named = true;
  } else if (auto p = non_empty(env("AWS_PROFILE"))) {
    config.profile = *p;
    config.profile_named = true;
  } else if (auto q = non_empty(env("AWS_DEFAULT_PROFILE"))) {
    config.profile = *q;
    config.profile_named = true;
  } else {
    config.profile = "default";
  }

  config.credentials_path = non_empty(env("AWS_SHARED_CREDENTIALS_FILE"))
                                .value_or((home / ".aws" / "credentials").string());
  config.config_path = non_empty(env("AWS_CONFIG_FILE")).value_or((home / ".aws" / "config").string());
  config.credentials_path = util::expand_user(config.credentials_path).string();
  config.config_path = util::expand_user(config.config_path).string();
  HOPPER_ASSIGN(config.credentials_file, read_ini_if_present(config.credentials_path));
  HOPPER_ASSIGN(config.config_file, read_ini_if_present(config.config_path));

  const codec::IniSection* profile_config = config.profile_config();
  if (config.profile_named && config.profile != "default" && profile_config == nullptr &&
      config.profile_credentials() == nullptr) {
    return util::Error::usage("AWS profile '" + config.profile + "' not found in " +
                              config.credentials_path + " or " + config.config_path);
  }
  const auto profile_value = [&](const std::string& key) -> std::optional<std::string> {
    if (profile_config == nullptr) return std::nullopt;
    const auto it = profile_config->find(key);
    if (it == profile_config->end() || it->second.empty()) return std::nullopt;
    return it->second;
  };

  if (inputs.region_flag) {
    config.region = *inputs.region_flag;
    config.region_source = "--region";
  } else if (auto r = non_empty(env("AWS_REGION"))) {
    config.region = *r;
    config.region_source = "AWS_REGION";
  } else if (auto d = non_empty(env("AWS_DEFAULT_REGION"))) {
    config.region = *d;
    config.region_source = "AWS_DEFAULT_REGION";
  } else if (auto from_profile = profile_value("region")) {
    config.region = *from_profile;
    config.region_source = "profile " + config.profile + " in " + config.config_path;
  }

  const bool ignore_configured = truthy(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
  const codec::IniSection* services = nullptr;
  if (auto name = profile_value("services")) services = config.config_file.section("services " + *name);
  for (Service service : k_all_services) {
    const ServiceInfo& info = service_info(service);
    std::optional<std::string> url;
    std::string origin;
    if (inputs.endpoint_flag) {
      url = inputs.endpoint_flag;
      origin = "--endpoint-url";
    } else if (!ignore_configured) {
      const std::string specific = "AWS_ENDPOINT_URL_" + std::string(info.env_suffix);
      if ((url = non_empty(env(specific)))) {
        origin = specific;
      } else if ((url = non_empty(env("AWS_ENDPOINT_URL")))) {
        origin = "AWS_ENDPOINT_URL";
      } else if (services != nullptr) {
        const auto it = services->find(std::string(info.config_key) + ".endpoint_url");
        if (it != services->end() && !it->second.empty()) {
          url = it->second;
          origin = "[services] in " + config.config_path;
        }
      }
      if (!url) {
        if ((url = profile_value("endpoint_url"))) origin = "endpoint_url in " + config.config_path;
      }
    }
    if (!url) continue;
    std::string trimmed(util::trim(*url));
    while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
    auto parsed = net::parse_url(trimmed);
    if (!parsed) return util::Error::usage(parsed.error().message() + " (from " + origin + ")");
    config.endpoints[service] = trimmed;
  }
  return config;
}

}  // namespace hopper::aws
