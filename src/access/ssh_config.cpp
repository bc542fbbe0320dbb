#include "access/ssh_config.hpp"

#include <charconv>

#include "util/strings.hpp"

namespace hopper::access {
namespace {

// A value as ssh_config reads it: '%' doubled (paths and names go through token expansion),
// double quotes around anything with a space.
std::string config_value(std::string_view value) {
  std::string out = util::replace_all(value, "%", "%%");
  if (out.find_first_of(" \t") != std::string::npos) out = "\"" + out + "\"";
  return out;
}

}  // namespace

std::string Endpoint::str() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

util::Result<Endpoint> parse_endpoint(std::string_view text, int default_port) {
  const std::string given(util::trim(text));
  Endpoint out;
  out.port = default_port;
  std::string_view port_text;
  if (!given.empty() && given.front() == '[') {
    const std::size_t close = given.find(']');
    if (close == std::string::npos) return util::Error::usage("bad address '" + given + "': missing ']'");
    out.host = given.substr(1, close - 1);
    if (close + 1 < given.size()) {
      if (given[close + 1] != ':') return util::Error::usage("bad address '" + given + "': expected ':' after ']'");
      port_text = std::string_view(given).substr(close + 2);
    }
  } else if (const std::size_t colon = given.rfind(':'); colon != std::string::npos && given.find(':') == colon) {
    out.host = given.substr(0, colon);
    port_text = std::string_view(given).substr(colon + 1);
  } else {
    out.host = given;  // a bare host (an IPv6 address without brackets has no port)
  }
  if (out.host.empty()) return util::Error::usage("bad address '" + given + "': no host (give HOST:PORT)");
  if (!port_text.empty() || (given.size() > 0 && given.back() == ':')) {
    int port = 0;
    const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || port < 1 || port > 65535) {
      return util::Error::usage("bad port in '" + given + "': give a number from 1 to 65535");
    }
    out.port = port;
  }
  return out;
}

std::string host_alias(const std::string& cluster_name, const std::string& role_name) {
  return cluster_name + "-" + role_name;
}

std::string render_ssh_config(const std::vector<SshHost>& hosts, const SshSettings& settings) {
  std::string out;
  for (const auto& line : util::split(settings.header, '\n')) {
    if (!line.empty()) out += "# " + line + "\n";
  }
  std::vector<std::string> aliases;
  for (const auto& host : hosts) {
    aliases.push_back(host.alias);
    out += "\n";
    if (!host.comment.empty()) out += "# " + host.comment + "\n";
    out += "Host " + host.alias + "\n";
    out += "  HostName " + host.host_name + "\n";
    out += "  Port " + std::to_string(host.port) + "\n";
    out += "  HostKeyAlias " + config_value(host.host_key_alias) + "\n";
    if (!host.proxy_jump.empty()) out += "  ProxyJump " + host.proxy_jump + "\n";
  }
  if (hosts.empty()) return out;
  // First obtained value wins in ssh_config: the per-host blocks above, then what they share.
  out += "\n";
  out += "Host " + util::join(aliases, " ") + "\n";
  out += "  User " + config_value(settings.user) + "\n";
  if (settings.identity_file) {
    out += "  IdentityFile " + config_value(settings.identity_file->string()) + "\n";
    out += "  IdentitiesOnly yes\n";
  }
  out += "  UserKnownHostsFile " + config_value(settings.known_hosts.string()) + "\n";
  out += "  GlobalKnownHostsFile /dev/null\n";
  out += "  StrictHostKeyChecking yes\n";
  out += "  UpdateHostKeys no\n";
  out += "  CheckHostIP no\n";
  out += "  ConnectTimeout 20\n";
  out += "  ServerAliveInterval 15\n";
  out += "  ServerAliveCountMax 4\n";
  return out;
}

}  // namespace hopper::access
