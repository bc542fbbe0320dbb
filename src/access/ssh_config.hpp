// The ssh_config hopper hands OpenSSH: one Host block per machine of the cluster
// ("<cluster>-bastion", "<cluster>-control-plane", "<cluster>-worker-N"), the private machines
// reached with ProxyJump through the bastion, each checked against hopper's known_hosts under its
// instance id (HostKeyAlias) with StrictHostKeyChecking yes, as user ubuntu with the spec's key.
//
// `hopper ssh` writes it to the cluster's state folder and runs `ssh -F` on it; `hopper
// ssh-config` prints the same text for plain ssh and scp (a file given with -F, or an Include).
//
// Thread-safety: pure functions.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace hopper::access {

inline constexpr const char* k_ssh_user = "ubuntu";  // the Ubuntu images' login user

// A host and port, as given with --bastion 127.0.0.1:2222.
struct Endpoint {
  std::string host;
  int port = 22;
  bool operator==(const Endpoint&) const = default;
  // "host:port" ("[::1]:port" for IPv6).
  std::string str() const;
};

// Parses "HOST", "HOST:PORT" or "[IPv6]:PORT"; `default_port` when none is given. Error (usage)
// for an empty host or a port outside 1..65535.
util::Result<Endpoint> parse_endpoint(std::string_view text, int default_port);

struct SshHost {
  std::string alias;           // the Host name ("hopper-control-plane")
  std::string host_name;       // HostName: an address
  int port = 22;
  std::string host_key_alias;  // the known_hosts name of its keys (the instance id)
  std::string proxy_jump;      // alias of the bastion; empty for the bastion itself
  std::string comment;         // a line above the block ("control plane i-0abc, 10.0.1.10, eu-west-1a")
};

struct SshSettings {
  std::string user = k_ssh_user;                       // the login user on every machine
  std::optional<std::filesystem::path> identity_file;  // none: ssh asks the agent (and its defaults)
  std::filesystem::path known_hosts;
  std::string header;  // comment lines at the top (without "# ")
};

// The ssh_config text: a block per host (in order), then one block of the settings every host
// shares (User, IdentityFile, known_hosts, StrictHostKeyChecking yes, keep-alives). Paths are
// quoted and '%' escaped as ssh_config wants. REQUIRES: aliases unique and free of spaces.
std::string render_ssh_config(const std::vector<SshHost>& hosts, const SshSettings& settings);

// "<cluster>-<role>", the alias of a machine role ("bastion", "control-plane", "worker-2").
std::string host_alias(const std::string& cluster_name, const std::string& role_name);

}  // namespace hopper::access
