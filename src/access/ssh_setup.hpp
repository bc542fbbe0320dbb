// Getting ready to run OpenSSH against a cluster: where each machine is, the host keys it must
// present (hopper's known_hosts, filled from the console output), and the ssh_config that ties
// them together, both written to the cluster's state folder (0600).
//
// Against a local endpoint (moto, hopper sim) the instances are records, not machines: no
// address of theirs is ever dialled. Explicit overrides (--bastion HOST:PORT and the like, for
// tests and debugging) give a machine an address and a host key instead.
//
// Thread-safety: one preparation per cluster at a time (it rewrites files in the state folder).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "access/console.hpp"
#include "access/host_keys.hpp"
#include "access/machines.hpp"
#include "access/ssh_config.hpp"
#include "aws/ec2/client.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::access {

inline constexpr const char* k_known_hosts_file = "known_hosts";
inline constexpr const char* k_ssh_config_file = "ssh_config";

// Test and debug overrides: where a machine is (as seen from the workstation for the bastion, from
// the bastion for the others) and the host key it presents.
struct Overrides {
  std::optional<Endpoint> bastion;                 // --bastion HOST:PORT
  std::optional<HostKey> bastion_host_key;         // --bastion-host-key "<type> <base64>"
  std::optional<Endpoint> control_plane;           // --control-plane HOST:PORT
  std::optional<HostKey> control_plane_host_key;   // --control-plane-host-key "<type> <base64>"
  std::optional<Endpoint> api;                     // --api HOST:PORT (the API server, seen from the bastion)
  std::optional<std::string> ssh_user;             // --ssh-user NAME (the stand-ins' login user)
};

// The overrides as typed on the command line (empty: not given).
struct OverrideFlags {
  std::string bastion;
  std::string bastion_host_key;
  std::string control_plane;
  std::string control_plane_host_key;
  std::string api;
  std::string ssh_user;
};
// Errors (usage) name the flag and what is wrong with its value.
util::Result<Overrides> parse_overrides(const OverrideFlags& flags);

struct AccessRequest {
  std::string cluster_name;
  std::string region;
  std::filesystem::path state_dir;        // the cluster's state folder (created 0700)
  std::filesystem::path public_key_path;  // the spec's key; its private half is the path without .pub
  bool local_endpoint = false;            // Session::uses_local_endpoint()
  Overrides overrides;
  std::chrono::milliseconds host_key_timeout = k_host_keys_timeout;
};

// What to do with a machine that cannot be reached (no address, no host key).
enum class Unusable { fail, skip };

struct SshAccess {
  Machines machines;
  std::vector<SshHost> hosts;      // the machines that can be reached, bastion first
  std::vector<std::string> notes;  // one line per machine left out (Unusable::skip), and why
  SshSettings settings;
  std::filesystem::path config_path;
  std::filesystem::path known_hosts_path;
  std::string bastion_alias;

  // The Host alias of `machine`.
  std::string alias_of(const Machine& machine) const;
};

// The cluster's state folder: util::state_root() / "<name>-<region>" (cli/local_state.hpp keeps its
// secrets and admin kubeconfig there, ssh and tunnel their files).
std::filesystem::path cluster_state_dir(const std::string& name, const std::string& region);
// Creates the state root and the cluster's folder `dir` in it (0700) if they are missing.
util::Status ensure_state_dir(const std::filesystem::path& dir);

// The private key of `public_key_path` (the path without .pub) when that file exists.
std::optional<std::filesystem::path> private_key_of(const std::filesystem::path& public_key_path);

// Makes `wanted` (and the bastion, which every other machine is reached through) reachable: an
// address for each, its host keys in known_hosts (override, else kept from before, else read from
// its console, waiting up to `request.host_key_timeout` while it boots; `log` says so), then writes
// known_hosts and ssh_config. With Unusable::fail a machine that cannot be reached is an error
// that says why (against a local endpoint: the cluster was not booted); with Unusable::skip it is
// left out and noted. Keys of instances that no longer exist are dropped from known_hosts.
util::Result<SshAccess> prepare_ssh(const aws::ec2::Client& ec2, util::Clock& clock, const AccessRequest& request,
                                    const Machines& machines, const std::vector<Machine>& wanted, Unusable unusable,
                                    std::ostream& log);

// The sentence for a local endpoint: its instances were never booted.
std::string not_booted_message(const std::string& what, const std::string& override_flag);

}  // namespace hopper::access
