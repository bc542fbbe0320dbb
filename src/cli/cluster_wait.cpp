#include "cli/cluster_wait.hpp"

#include <charconv>
#include <memory>
#include <optional>
#include <ostream>
#include <map>
#include <set>
#include <sstream>

#include "access/console.hpp"
#include "access/machines.hpp"
#include "access/tunnel.hpp"
#include "aws/core/error.hpp"
#include "aws/ec2/client.hpp"
#include "cli/local_state.hpp"
#include "report/kube_api.hpp"
#include "util/clock.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {

using Clock = std::chrono::steady_clock;

// How long ssh may take to bring the forward up before the attempt counts as failed.
constexpr auto k_tunnel_start_timeout = 30s;

std::string machine_label(const access::Machine& machine) {
  return (machine.role == access::Role::control_plane ? std::string("control plane") : machine.role_name()) + " " +
         machine.instance_id;
}

// The tail of `machine`'s console, indented, under a line that says whose it is.
void print_tail(std::ostream& err, const access::Machine& machine, const std::string& console) {
  const std::string tail = access::console_tail(console, k_console_tail_lines);
  err << "Console output of the " << machine_label(machine) << " (last " << k_console_tail_lines << " lines):\n";
  if (tail.empty()) err << "    (none yet)\n";
  for (const auto& line : util::split(tail, '\n')) err << "    " << line << "\n";
}

// The machines whose nodes boot Kubernetes: the control plane and the workers.
std::vector<access::Machine> nodes_of(const access::Machines& machines) {
  std::vector<access::Machine> out;
  if (machines.control_plane) out.push_back(*machines.control_plane);
  out.insert(out.end(), machines.workers.begin(), machines.workers.end());
  return out;
}

// True when `node` is `machine`'s (kubelet registers the instance's private DNS name and address).
bool node_of(const report::NodeInfo& node, const access::Machine& machine) {
  if (!machine.private_ip.empty() && node.internal_ip == machine.private_ip) return true;
  const std::string host = machine.private_dns_name.substr(0, machine.private_dns_name.find('.'));
  return !host.empty() && (node.name == machine.private_dns_name || node.name == host);
}

class ClusterWait {
 public:
  ClusterWait(const Context& context, const ClusterRun& run, const WaitRequest& request)
      : m_context(context),
        m_run(run),
        m_request(request),
        m_log(context.format() == OutputFormat::json ? *context.err : *context.out),
        m_ec2(run.cloud->ec2) {}

  util::Status run() {
    const std::filesystem::path state_dir = cluster_state_dir(m_run.spec.name, m_run.spec.region);
    const std::filesystem::path admin = state_dir / k_admin_kubeconfig_file;
    HOPPER_ASSIGN(const std::string text, util::read_file(admin).context("reading the admin kubeconfig"));
    HOPPER_ASSIGN(m_credentials, report::parse_kubeconfig(text).context(admin.string()));
    m_access.cluster_name = m_run.spec.name;
    m_access.region = m_run.spec.region;
    m_access.state_dir = state_dir;
    m_access.public_key_path = m_run.spec.ssh_key.resolved_path;
    m_access.local_endpoint = m_run.aws->session->uses_local_endpoint();
    m_access.overrides = m_request.overrides;
    m_access.host_key_timeout = 0ms;  // read the bastion's console once per round: this loop waits
    m_expected = 1 + m_run.spec.workers.desired;

    m_log << "Waiting for the cluster: the Kubernetes API through the bastion and " << m_expected
          << " Ready node(s) (up to " << util::format_duration(m_request.timeout) << "; --no-wait skips this)...\n"
          << std::flush;
    const auto started = Clock::now();
    const auto deadline = started + m_request.timeout;
    auto next_console = started;
    for (;;) {
      // The machines are looked up again only when something reads them: the console check, a
      // tunnel to (re)make, the timeout's report; not on every look at the API.
      bool refreshed = false;
      if (Clock::now() >= next_console) {
        HOPPER_TRY(refresh_machines());
        refreshed = true;
        HOPPER_TRY(check_consoles());
        next_console = Clock::now() + k_console_poll_interval;
      }
      if (!refreshed && !(m_tunnel && m_tunnel->alive())) HOPPER_TRY(refresh_machines());
      if (ask_api()) {
        m_log << "Cluster " << m_run.spec.name << " is ready: " << m_ready << "/" << m_expected << " nodes Ready ("
              << util::format_duration(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started))
              << ").\n"
              << std::flush;
        return {};
      }
      if (Clock::now() >= deadline) return timed_out();
      util::SystemClock::instance().sleep_for(k_api_poll_interval);
    }
  }

 private:
  // Says `reason` once when it changes (what the wait is waiting on).
  void note(const std::string& reason) {
    m_reason = reason;
    if (reason == m_said) return;
    m_said = reason;
    m_log << "  " << reason << "\n" << std::flush;
  }

  util::Status refresh_machines() {
    HOPPER_ASSIGN(m_machines, access::find_machines(m_ec2, m_run.spec.name));
    return {};
  }

  // A failed boot script stops the wait at once: no point waiting for a node that will not come.
  util::Status check_consoles() {
    for (const auto& machine : nodes_of(m_machines)) {
      auto console = access::read_console(m_ec2, machine.instance_id);
      if (!console) {
        if (aws::is_auth_failure(console.error())) return std::move(console).error();
        continue;  // a console not readable yet is not a failure
      }
      m_consoles[machine.instance_id] = *console;
      if (const auto failure = access::find_boot_failure(*console)) {
        print_tail(*m_context.err, machine, *console);
        return util::Error::failed("the boot of the " + machine_label(machine) + " failed: " + *failure +
                                   " (the console tail is above; `hopper ssh " +
                                   (machine.role == access::Role::control_plane ? std::string("control-plane")
                                                                                : "worker " + std::to_string(machine.index)) +
                                   " -- sudo cat /var/log/hopper-boot.log` shows the whole log)");
      }
    }
    return {};
  }

  // The tunnel, made (again) when there is none or ssh ended. False with a note when it cannot be
  // made yet (the bastion still booting, its keys not printed yet).
  bool ensure_tunnel() {
    if (m_tunnel && m_tunnel->alive()) return true;
    if (m_tunnel) note("the tunnel through the bastion ended (" + std::string(util::trim(m_tunnel->output())) + "); again");
    m_tunnel.reset();
    access::Endpoint api;
    if (m_request.overrides.api) {
      api = *m_request.overrides.api;
    } else if (m_machines.control_plane && !m_machines.control_plane->private_ip.empty()) {
      api = {m_machines.control_plane->private_ip, access::k_api_port};
    } else {
      note("no running control plane yet");
      return false;
    }
    std::ostringstream ssh_log;
    auto ssh = access::prepare_ssh(m_ec2, util::SystemClock::instance(), m_access, m_machines, {},
                                   access::Unusable::fail, ssh_log);
    if (!ssh) {
      note("the bastion is not reachable yet: " + ssh.error().message());
      return false;
    }
    auto port = access::pick_free_port();
    if (!port) {
      note(port.error().message());
      return false;
    }
    access::TunnelOptions options;
    options.ssh_config = ssh->config_path;
    options.bastion_alias = ssh->bastion_alias;
    options.local_port = *port;
    options.target = api;
    auto tunnel = access::BackgroundTunnel::start(options, k_tunnel_start_timeout);
    if (!tunnel) {
      note(tunnel.error().message());
      return false;
    }
    m_tunnel = std::move(*tunnel);
    return true;
  }

  // One look at the API; true when every expected node is Ready.
  bool ask_api() {
    if (!ensure_tunnel()) return false;
    const report::KubeApiReader reader(m_run.aws->transport, m_credentials, "127.0.0.1:" + std::to_string(m_tunnel->port()));
    auto nodes = reader.nodes();
    if (!nodes) {
      note("the Kubernetes API does not answer yet: " + nodes.error().message());
      return false;
    }
    if (!m_api_answered) {
      m_api_answered = true;
      m_log << "  the Kubernetes API answers\n" << std::flush;
    }
    m_nodes = *nodes;
    m_ready = 0;
    for (const auto& node : m_nodes) m_ready += node.ready ? 1 : 0;
    note(std::to_string(m_ready) + "/" + std::to_string(m_expected) + " nodes Ready" +
         (m_nodes.size() > static_cast<std::size_t>(m_ready)
              ? " (" + std::to_string(m_nodes.size()) + " registered)"
              : std::string()));
    return m_ready >= m_expected;
  }

  // The timeout: say what was missing and show the consoles of the machines that are not Ready.
  util::Status timed_out() {
    HOPPER_TRY(refresh_machines());
    std::vector<access::Machine> late;
    for (const auto& machine : nodes_of(m_machines)) {
      bool ready = false;
      for (const auto& node : m_nodes) ready = ready || (node.ready && node_of(node, machine));
      // Before the API answered, the control plane is the one to look at.
      if (!m_api_answered ? machine.role == access::Role::control_plane : !ready) late.push_back(machine);
    }
    for (const auto& machine : late) {
      auto console = access::read_console(m_ec2, machine.instance_id);
      print_tail(*m_context.err, machine, console ? *console : m_consoles[machine.instance_id]);
    }
    return util::Error::failed("cluster " + m_run.spec.name + " was not ready within " +
                               util::format_duration(m_request.timeout) + ": " + m_reason +
                               " (the cluster stays; `hopper up` waits again, `hopper status` shows it)");
  }

  const Context& m_context;
  const ClusterRun& m_run;
  const WaitRequest& m_request;
  std::ostream& m_log;
  const aws::ec2::Client& m_ec2;
  access::AccessRequest m_access;
  report::KubeCredentials m_credentials;
  access::Machines m_machines;
  std::unique_ptr<access::BackgroundTunnel> m_tunnel;
  std::map<std::string, std::string> m_consoles;  // instance id -> last console read
  std::vector<report::NodeInfo> m_nodes;
  int m_expected = 0;
  int m_ready = 0;
  bool m_api_answered = false;
  std::string m_reason = "nothing answered yet";
  std::string m_said;
};

}  // namespace

util::Result<std::chrono::milliseconds> parse_wait_timeout(std::string_view text) {
  const std::string given(util::trim(text));
  std::chrono::milliseconds total{0};
  std::string_view rest = given;
  if (rest.empty()) return util::Error::usage("--wait-timeout: give a duration such as 20m, 90s or 1h");
  while (!rest.empty()) {
    long long number = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (error != std::errc() || number < 0) {
      return util::Error::usage("--wait-timeout: '" + given + "' is not a duration (20m, 90s, 1h30m)");
    }
    // No part of a duration under a day is above 86400 (seconds): a bigger number cannot overflow.
    if (number > 86400) return util::Error::usage("--wait-timeout: '" + given + "' is more than a day");
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    const char unit = rest.empty() ? 's' : rest.front();
    if (!rest.empty()) rest.remove_prefix(1);
    if (unit == 's') {
      total += std::chrono::seconds(number);
    } else if (unit == 'm') {
      total += std::chrono::minutes(number);
    } else if (unit == 'h') {
      total += std::chrono::hours(number);
    } else {
      return util::Error::usage("--wait-timeout: unit '" + std::string(1, unit) + "' in '" + given +
                                "': use s, m or h");
    }
  }
  if (total.count() == 0) return util::Error::usage("--wait-timeout: must be more than 0 (use --no-wait not to wait)");
  if (total > k_max_wait_timeout) return util::Error::usage("--wait-timeout: '" + given + "' is more than a day");
  return total;
}

bool wait_applies(const ClusterRun& run, const WaitRequest& request) {
  return !run.aws->session->uses_local_endpoint() || (request.overrides.bastion && request.overrides.api);
}

util::Status wait_for_cluster(const Context& context, const ClusterRun& run, const WaitRequest& request) {
  ClusterWait wait(context, run, request);
  return wait.run();
}

}  // namespace hopper::cli
