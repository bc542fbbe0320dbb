#include "aws/core/credentials.hpp"

#include <filesystem>
#include <mutex>

#include <nlohmann/json.hpp>

#include "aws/core/config.hpp"
#include "aws/core/imds.hpp"
#include "util/clock.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace hopper::aws {
namespace {

using Clock = std::chrono::system_clock;
// Refresh temporary credentials this long before they expire (botocore's mandatory window).
constexpr auto k_refresh_window = std::chrono::minutes(10);

class StaticProvider final : public CredentialProvider {
 public:
  explicit StaticProvider(Credentials c) : m_credentials(std::move(c)) {}
  util::Result<Credentials> credentials() override { return m_credentials; }
  void invalidate() override {}

 private:
  Credentials m_credentials;
};

// One step of the chain: nullopt when this source is not configured; an Error when it is
// configured but broken (partial keys, a failing credential_process).
using Step = std::function<util::Result<std::optional<Credentials>>()>;

util::Error credentials_error(const std::string& message) { return util::Error::credentials(message); }

std::optional<std::string> section_value(const codec::IniSection* section, const std::string& key) {
  if (section == nullptr) return std::nullopt;
  const auto it = section->find(key);
  if (it == section->end() || it->second.empty()) return std::nullopt;
  return it->second;
}

util::Result<std::optional<Credentials>> keys_from_section(const codec::IniSection* section,
                                                           const std::string& where) {
  const auto id = section_value(section, "aws_access_key_id");
  const auto secret = section_value(section, "aws_secret_access_key");
  if (!id && !secret) return std::optional<Credentials>{};
  if (!id || !secret) {
    return credentials_error(where + " has only one of aws_access_key_id and aws_secret_access_key");
  }
  Credentials c;
  c.access_key_id = *id;
  c.secret_access_key = *secret;
  c.session_token = section_value(section, "aws_session_token").value_or("");
  c.source = where;
  return std::optional<Credentials>(std::move(c));
}

util::Result<Credentials> parse_credentials_json(const std::string& text, const std::string& where,
                                                 bool process_format) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const std::exception&) {
    return credentials_error(where + " did not print valid JSON");
  }
  if (!doc.is_object()) return credentials_error(where + " did not print a JSON object");
  // Checked by hand: json::value() throws when "Version" holds a string.
  const auto version = doc.find("Version");
  if (process_format && (version == doc.end() || !version->is_number() || version->get<double>() != 1.0)) {
    return credentials_error(where + " printed an unsupported Version (expected 1)");
  }
  if (!process_format && doc.contains("Code") && doc["Code"] != "Success") {
    return credentials_error(where + " answered Code " + doc["Code"].dump());
  }
  Credentials c;
  const auto get = [&](const char* key) {
    return doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : std::string();
  };
  c.access_key_id = get("AccessKeyId");
  c.secret_access_key = get("SecretAccessKey");
  c.session_token = get(process_format ? "SessionToken" : "Token");
  if (c.access_key_id.empty() || c.secret_access_key.empty()) {
    return credentials_error(where + " gave no AccessKeyId/SecretAccessKey");
  }
  if (const std::string expiration = get("Expiration"); !expiration.empty()) {
    Clock::time_point t;
    if (!util::parse_iso8601(expiration, t)) {
      return credentials_error(where + " gave an unreadable Expiration");
    }
    c.expiration = t;
  }
  c.source = where;
  return c;
}

// Walks the steps in order, remembers which one answered, and refreshes from that one when the
// credentials near their expiration.
class ChainProvider final : public CredentialProvider {
 public:
  ChainProvider(std::vector<std::pair<std::string, Step>> steps, util::Clock& clock)
      : m_steps(std::move(steps)), m_clock(clock) {}

  util::Result<Credentials> credentials() override {
    std::lock_guard lock(m_mutex);
    if (m_cached && !near_expiry(*m_cached)) return *m_cached;
    if (m_chosen) {
      HOPPER_ASSIGN(auto refreshed, (*m_chosen)());
      if (refreshed) {
        m_cached = std::move(*refreshed);
        return *m_cached;
      }
    }
    std::vector<std::string> looked;
    for (auto& [description, step] : m_steps) {
      HOPPER_ASSIGN(auto found, step());
      looked.push_back(description);
      if (found) {
        m_chosen = &step;
        m_cached = std::move(*found);
        return *m_cached;
      }
    }
    return credentials_error("no AWS credentials found; hopper looked in " + util::join(looked, ", ") +
                             " (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use --profile)");
  }

  void invalidate() override {
    std::lock_guard lock(m_mutex);
    m_cached.reset();
  }

 private:
  bool near_expiry(const Credentials& c) const {
    return c.expiration && m_clock.wall_now() + k_refresh_window >= *c.expiration;
  }

  std::vector<std::pair<std::string, Step>> m_steps;
  util::Clock& m_clock;
  std::mutex m_mutex;
  std::optional<Credentials> m_cached;
  Step* m_chosen = nullptr;
};

}  // namespace

std::shared_ptr<CredentialProvider> static_credentials(Credentials credentials) {
  return std::make_shared<StaticProvider>(std::move(credentials));
}

std::shared_ptr<CredentialProvider> make_credential_chain(const AwsConfig& config,
                                                          net::Transport& imds_transport,
                                                          util::Clock& clock) {
  std::vector<std::pair<std::string, Step>> steps;
  const EnvLookup env = config.env;

  if (!config.profile_explicit) {
    steps.emplace_back("the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)",
                       [env]() -> util::Result<std::optional<Credentials>> {
                         const auto id = env("AWS_ACCESS_KEY_ID");
                         const auto secret = env("AWS_SECRET_ACCESS_KEY");
                         const bool has_id = id && !id->empty();
                         const bool has_secret = secret && !secret->empty();
                         if (!has_id && !has_secret) return std::optional<Credentials>{};
                         if (!has_id || !has_secret) {
                           return credentials_error(
                               "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
                         }
                         Credentials c;
                         c.access_key_id = *id;
                         c.secret_access_key = *secret;
                         c.session_token = env("AWS_SESSION_TOKEN").value_or(env("AWS_SECURITY_TOKEN").value_or(""));
                         c.source = "environment";
                         return std::optional<Credentials>(std::move(c));
                       });
  }

  const std::string profile = config.profile;
  const std::string credentials_where = "profile '" + profile + "' in " + config.credentials_path;
  const codec::IniSection* file_section = config.profile_credentials();
  std::optional<codec::IniSection> file_copy;
  if (file_section != nullptr) file_copy = *file_section;
  steps.emplace_back(credentials_where + (std::filesystem::exists(config.credentials_path) ? "" : " (no such file)"),
                     [file_copy, credentials_where]() {
                       return keys_from_section(file_copy ? &*file_copy : nullptr, credentials_where);
                     });

  const std::string config_where = "profile '" + profile + "' in " + config.config_path;
  std::optional<codec::IniSection> config_copy;
  if (const auto* s = config.profile_config()) config_copy = *s;
  steps.emplace_back(config_where + " (credential_process, keys)",
                     [config_copy, config_where, profile]() -> util::Result<std::optional<Credentials>> {
                       const codec::IniSection* section = config_copy ? &*config_copy : nullptr;
                       if (auto command = section_value(section, "credential_process")) {
                         const std::string where = "credential_process of " + config_where;
                         auto run = util::run_process({"/bin/sh", "-c", *command},
                                                      util::ProcessOptions{.timeout = std::chrono::minutes(2)});
                         if (!run) return credentials_error(where + ": " + run.error().message());
                         if (run->exit_code != 0) {
                           return credentials_error(where + " exited with status " +
                                                    std::to_string(run->exit_code) + ": " +
                                                    std::string(util::trim(run->err)));
                         }
                         HOPPER_ASSIGN(auto c, parse_credentials_json(run->out, where, true));
                         return std::optional<Credentials>(std::move(c));
                       }
                       HOPPER_ASSIGN(auto keys, keys_from_section(section, config_where));
                       if (keys) return keys;
                       if (section_value(section, "role_arn") || section_value(section, "sso_session") ||
                           section_value(section, "sso_start_url")) {
                         return credentials_error(
                             config_where +
                             " uses role_arn or SSO, which hopper does not resolve itself; add "
                             "credential_process = aws configure export-credentials --profile " + profile +
                             " --format process to that profile");
                       }
                       return std::optional<Credentials>{};
                     });

  auto imds = std::make_shared<ImdsClient>(imds_transport, env);
  const std::string imds_where =
      imds->enabled() ? "instance metadata at " + imds->endpoint()
                      : std::string("instance metadata (disabled by AWS_EC2_METADATA_DISABLED)");
  steps.emplace_back(imds_where, [imds]() -> util::Result<std::optional<Credentials>> {
    if (!imds->enabled()) return std::optional<Credentials>{};
    auto role = imds->get("meta-data/iam/security-credentials/");
    if (!role) return std::optional<Credentials>{};  // not on EC2, or no role attached
    const std::string name(util::trim(util::split(*role, '\n').front()));
    if (name.empty()) return std::optional<Credentials>{};
    auto body = imds->get("meta-data/iam/security-credentials/" + name);
    // A role is attached but its credentials do not come: a credentials problem (exit code 3).
    if (!body) return credentials_error("instance role " + name + ": " + body.error().message());
    HOPPER_ASSIGN(auto c, parse_credentials_json(*body, "instance role " + name, false));
    return std::optional<Credentials>(std::move(c));
  });

  return std::make_shared<ChainProvider>(std::move(steps), clock);
}

}  // namespace hopper::aws
