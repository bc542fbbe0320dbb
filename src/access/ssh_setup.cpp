#include "access/ssh_setup.hpp"

#include <set>

#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::access {
namespace fs = std::filesystem;
namespace {

std::string describe(const Machine& machine) {
  std::string out = machine.role == Role::control_plane ? "control plane" : machine.role_name();
  for (char& c : out) c = c == '-' ? ' ' : c;
  return out + " " + machine.instance_id;
}

// Where `machine` is reached at, or why it cannot be.
util::Result<Endpoint> address_of(const Machine& machine, const AccessRequest& request) {
  const Overrides& o = request.overrides;
  if (machine.role == Role::bastion && o.bastion) return *o.bastion;
  if (machine.role == Role::control_plane && o.control_plane) return *o.control_plane;
  if (request.local_endpoint) {
    const char* flag = machine.role == Role::bastion         ? "--bastion HOST:PORT"
                       : machine.role == Role::control_plane ? "--control-plane HOST:PORT"
                                                             : "";
    return util::Error::failed(not_booted_message("the " + describe(machine), flag));
  }
  if (machine.state == "stopped" || machine.state == "stopping") {
    return util::Error::failed("the " + describe(machine) + " is " + machine.state + ": start it first");
  }
  const std::string& ip = machine.role == Role::bastion ? machine.public_ip : machine.private_ip;
  if (ip.empty()) {
    return util::Error::failed("the " + describe(machine) + " has no " +
                               (machine.role == Role::bastion ? "public" : "private") + " address yet");
  }
  return Endpoint{ip, 22};
}

const std::optional<HostKey>& key_override(const Machine& machine, const Overrides& o) {
  static const std::optional<HostKey> none;
  if (machine.role == Role::bastion) return o.bastion_host_key;
  if (machine.role == Role::control_plane) return o.control_plane_host_key;
  return none;
}

// The host keys of `machine`, into `known` (keyed by instance id).
util::Status ensure_host_keys(const aws::ec2::Client& ec2, util::Clock& clock, const AccessRequest& request,
                              const Machine& machine, KnownHosts& known, std::ostream& log) {
  if (const auto& key = key_override(machine, request.overrides)) {
    known[machine.instance_id] = {*key};
    return {};
  }
  if (const auto it = known.find(machine.instance_id); it != known.end() && !it->second.empty()) return {};
  const auto timeout = request.local_endpoint ? std::chrono::milliseconds(0) : request.host_key_timeout;
  auto keys = wait_for_host_keys(ec2, clock, machine.instance_id, timeout, [&] {
    log << "Waiting for the " << describe(machine) << " to print its SSH host keys on its console (it is still "
        << "booting; up to " << util::format_duration(timeout) << ")...\n"
        << std::flush;
  });
  if (!keys) {
    if (request.local_endpoint) {
      const char* flag = machine.role == Role::bastion ? " (pass --bastion-host-key)"
                         : machine.role == Role::control_plane ? " (pass --control-plane-host-key)"
                                                                : "";
      return util::Error::failed("the console output of the " + describe(machine) +
                                 " holds no SSH host keys: a local endpoint's console is canned text" + flag);
    }
    return std::move(keys).error();
  }
  known[machine.instance_id] = std::move(*keys);
  return {};
}

std::string comment_of(const Machine& machine, const Endpoint& endpoint, bool overridden) {
  std::string out = describe(machine) + " (" + endpoint.str();
  if (overridden) out += ", override";
  if (!machine.availability_zone.empty()) out += ", " + machine.availability_zone;
  return out + ")";
}

}  // namespace

std::string SshAccess::alias_of(const Machine& machine) const {
  for (const auto& host : hosts) {
    if (host.host_key_alias == machine.instance_id) return host.alias;
  }
  return "";
}

util::Result<Overrides> parse_overrides(const OverrideFlags& flags) {
  Overrides out;
  const auto endpoint = [](const std::string& text, const char* flag, int port,
                           std::optional<Endpoint>& into) -> util::Status {
    if (text.empty()) return {};
    HOPPER_ASSIGN(into, parse_endpoint(text, port).context(flag));
    return {};
  };
  const auto key = [](const std::string& text, const char* flag, std::optional<HostKey>& into) -> util::Status {
    if (text.empty()) return {};
    HOPPER_ASSIGN(into, parse_host_key(text).context(flag));
    return {};
  };
  HOPPER_TRY(endpoint(flags.bastion, "--bastion", 22, out.bastion));
  HOPPER_TRY(key(flags.bastion_host_key, "--bastion-host-key", out.bastion_host_key));
  HOPPER_TRY(endpoint(flags.control_plane, "--control-plane", 22, out.control_plane));
  HOPPER_TRY(key(flags.control_plane_host_key, "--control-plane-host-key", out.control_plane_host_key));
  HOPPER_TRY(endpoint(flags.api, "--api", 6443, out.api));
  if (!flags.ssh_user.empty()) {
    // ssh_config takes the value as one word; a user name never holds spaces or quotes.
    if (flags.ssh_user.find_first_of(" \t\"'%") != std::string::npos) {
      return util::Error::usage("--ssh-user: '" + flags.ssh_user + "' is not a user name");
    }
    out.ssh_user = flags.ssh_user;
  }
  return out;
}

fs::path cluster_state_dir(const std::string& name, const std::string& region) {
  return util::state_root() / (name + "-" + region);
}

util::Status ensure_state_dir(const fs::path& dir) {
  HOPPER_TRY(util::ensure_dir(dir.parent_path()));
  return util::ensure_dir(dir);
}

std::optional<fs::path> private_key_of(const fs::path& public_key_path) {
  if (public_key_path.extension() != ".pub") return std::nullopt;
  fs::path key = public_key_path;
  key.replace_extension();
  std::error_code ec;
  if (!fs::is_regular_file(key, ec)) return std::nullopt;
  return key;
}

std::string not_booted_message(const std::string& what, const std::string& override_flag) {
  std::string out = "cannot reach " + what +
                    ": the AWS endpoint is a local emulator, whose instances are records, not machines (the "
                    "cluster itself was not booted)";
  if (!override_flag.empty()) out += "; for a test, give its stand-in with " + override_flag;
  return out;
}

util::Result<SshAccess> prepare_ssh(const aws::ec2::Client& ec2, util::Clock& clock, const AccessRequest& request,
                                    const Machines& machines, const std::vector<Machine>& wanted, Unusable unusable,
                                    std::ostream& log) {
  if (!machines.bastion) {
    return util::Error::failed("cluster " + request.cluster_name + " has no running bastion" +
                               (machines.all().empty() ? " (no instances at all: run `hopper up`)" : std::string()) +
                               ": its machines are reached only through one");
  }
  SshAccess out;
  out.machines = machines;
  out.config_path = request.state_dir / k_ssh_config_file;
  out.known_hosts_path = request.state_dir / k_known_hosts_file;
  out.bastion_alias = host_alias(request.cluster_name, machines.bastion->role_name());
  HOPPER_TRY(ensure_state_dir(request.state_dir));

  KnownHosts known;
  if (fs::exists(out.known_hosts_path)) {
    HOPPER_ASSIGN(const std::string text, util::read_file(out.known_hosts_path));
    known = parse_known_hosts(text);
  }
  std::set<std::string> live;
  for (const auto& m : machines.all()) live.insert(m.instance_id);
  for (auto it = known.begin(); it != known.end();) {
    it = it->first.rfind("i-", 0) == 0 && live.count(it->first) == 0 ? known.erase(it) : std::next(it);
  }

  std::vector<Machine> order{*machines.bastion};
  for (const auto& m : wanted) {
    if (m.instance_id != machines.bastion->instance_id) order.push_back(m);
  }
  for (const auto& machine : order) {
    const bool is_bastion = machine.role == Role::bastion;
    auto endpoint = address_of(machine, request);
    util::Status keys = endpoint ? ensure_host_keys(ec2, clock, request, machine, known, log) : util::Status();
    if (!endpoint || !keys.ok()) {
      util::Error error = endpoint ? util::Error(keys.error()) : util::Error(endpoint.error());
      if (unusable == Unusable::fail || is_bastion) return error;
      out.notes.push_back(host_alias(request.cluster_name, machine.role_name()) + ": " + error.message());
      continue;
    }
    const bool overridden = (machine.role == Role::bastion && request.overrides.bastion) ||
                            (machine.role == Role::control_plane && request.overrides.control_plane);
    SshHost host;
    host.alias = host_alias(request.cluster_name, machine.role_name());
    host.host_name = endpoint->host;
    host.port = endpoint->port;
    host.host_key_alias = machine.instance_id;
    host.proxy_jump = is_bastion ? "" : out.bastion_alias;
    host.comment = comment_of(machine, *endpoint, overridden);
    out.hosts.push_back(std::move(host));
  }

  if (request.overrides.ssh_user) out.settings.user = *request.overrides.ssh_user;
  out.settings.identity_file = private_key_of(request.public_key_path);
  out.settings.known_hosts = out.known_hosts_path;
  out.settings.header = "hopper: SSH to cluster " + request.cluster_name + " in " + request.region +
                        " (generated by hopper; host keys from the instances' console output)";
  HOPPER_TRY(util::write_file_atomic(out.known_hosts_path, render_known_hosts(known)));
  HOPPER_TRY(util::write_file_atomic(out.config_path, render_ssh_config(out.hosts, out.settings)));
  return out;
}

}  // namespace hopper::access
