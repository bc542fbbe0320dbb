// hopper ssh [bastion|control-plane|worker N|INSTANCE-ID] [-- command...]: OpenSSH to a machine of
// the cluster through the bastion, its host key checked against hopper's known_hosts; ssh gets
// the terminal and its exit code is hopper's.
#include <ostream>

#include "access/child_signals.hpp"
#include "cli/access_options.hpp"
#include "cli/command.hpp"
#include "util/clock.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {

struct SshFlags {
  std::vector<std::string> words;  // the machine, then (without --) the command
  bool tty = false;
  access::OverrideFlags overrides;
};

bool is_number(const std::string& word) {
  return !word.empty() && word.find_first_not_of("0123456789") == std::string::npos;
}

// The machine's words and the command's: "worker" takes a number after it; the other names are
// one word; nothing given means the control plane.
std::pair<std::vector<std::string>, std::vector<std::string>> split_words(const std::vector<std::string>& words) {
  if (words.empty()) return {{"control-plane"}, {}};
  std::size_t machine_words = 1;
  if (util::to_lower(words[0]) == "worker" && words.size() > 1 && is_number(words[1])) machine_words = 2;
  return {{words.begin(), words.begin() + static_cast<std::ptrdiff_t>(machine_words)},
          {words.begin() + static_cast<std::ptrdiff_t>(machine_words), words.end()}};
}

util::Result<util::ExitCode> run_ssh(Context& context, const SshFlags& flags) {
  auto [machine_words, command] = split_words(flags.words);
  // app.cpp keeps the words after "--" for us: `hopper ssh -- uptime` is the control plane's.
  command.insert(command.end(), context.after_dashes.begin(), context.after_dashes.end());
  HOPPER_ASSIGN(ClusterAccess cluster, open_cluster_access(context, flags.overrides));
  HOPPER_ASSIGN(const access::Machine machine, access::select_machine(cluster.machines, machine_words));
  HOPPER_ASSIGN(const access::SshAccess ssh,
                access::prepare_ssh(*cluster.ec2, util::SystemClock::instance(), cluster.request, cluster.machines,
                                    {machine}, access::Unusable::fail, *context.err));
  warn_if_no_key(cluster, *context.err);
  std::vector<std::string> argv{"ssh", "-F", ssh.config_path.string()};
  if (flags.tty) argv.push_back("-t");
  argv.insert(argv.end(), {"--", ssh.alias_of(machine)});
  argv.insert(argv.end(), command.begin(), command.end());
  if (context.options.debug) *context.err << "running: " << util::join(argv, " ") << "\n";

  access::ChildSignals signals;
  util::ProcessOptions process;
  process.inherit_stdio = true;
  process.on_start = [&](int pid) { signals.set_child(pid); };
  HOPPER_ASSIGN(const util::ProcessResult ran, util::run_process(argv, process).context("running ssh"));
  signals.set_child(0);
  return static_cast<util::ExitCode>(ran.exit_code);
}

}  // namespace

void register_ssh(Registry& registry) {
  auto flags = std::make_shared<SshFlags>();
  CLI::App* sub = registry.add(
      "ssh", "SSH to a machine of the cluster through the bastion (default: the control plane)",
      [flags](Context& context) { return run_ssh(context, *flags); });
  sub->add_option("machine", flags->words,
                  "bastion, control-plane, worker N or an instance id; then -- and a command to run there");
  sub->add_flag("-t,--tty", flags->tty, "Give the command a terminal (ssh -t)");
  add_override_options(sub, flags->overrides, OverrideSet::bastion_and_control_plane);
  sub->footer(
      "ssh exits with the command's exit code (255 when ssh itself fails). Host keys come from the\n"
      "instances' console output, never trusted on first use. Examples:\n"
      "  hopper ssh                            # the control plane\n"
      "  hopper ssh worker 2 -- sudo crictl ps\n"
      "  hopper ssh bastion -- uptime");
}

}  // namespace hopper::cli
