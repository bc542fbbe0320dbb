// hopper sim serve: the local AWS simulator on 127.0.0.1 (sim/simulator.hpp), and the global
// --sim options with which every command talks to an embedded one instead of AWS.
#include <csignal>
#include <ostream>

#include "cli/command.hpp"
#include "sim/frontend.hpp"
#include "sim/seed.hpp"
#include "sim/simulator.hpp"
#include "util/fs.hpp"

namespace hopper::cli {
namespace {

struct ServeFlags {
  sim::SimOptions options;
  std::string state;
  std::string request_log;
  std::string timing = "instant";
  int seed_unrelated = 0;
  std::string seed_region = "eu-west-1";
};

// Blocks until SIGINT or SIGTERM. REQUIRES: both are blocked in every thread (see run_serve).
void wait_for_signal(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
}

util::Result<util::ExitCode> run_serve(Context& context, ServeFlags flags) {
  flags.options.timing = flags.timing == "aws" ? sim::TimingMode::aws : sim::TimingMode::instant;
  if (!flags.state.empty()) flags.options.state_file = util::expand_user(flags.state);
  if (!flags.request_log.empty()) flags.options.request_log = util::expand_user(flags.request_log);
  // Block the signals before the server's threads start, so that they inherit the mask and the
  // signal reaches sigwait() here.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  HOPPER_ASSIGN(auto simulator, sim::Simulator::start(flags.options));
  if (flags.seed_unrelated > 0) {
    simulator->frontend().with_world([&](sim::World& world) {
      sim::seed_unrelated(world, flags.seed_region, flags.seed_unrelated);
      return 0;
    });
    HOPPER_TRY(simulator->frontend().persist());
  }
  std::ostream& out = *context.out;
  out << "hopper sim serving the AWS APIs on " << simulator->endpoint() << " (timing "
      << flags.timing << ", time scale " << flags.options.time_scale << ")\n"
      << "  state: " << (flags.options.state_file.empty() ? std::string("in memory") : flags.options.state_file.string()) << "\n"
      << "Use it with:\n"
      << "  export AWS_ENDPOINT_URL=" << simulator->endpoint() << "\n"
      << "  export AWS_ACCESS_KEY_ID=" << flags.options.access_key << " AWS_SECRET_ACCESS_KEY=" << flags.options.secret_key << "\n"
      << "  export AWS_EC2_METADATA_DISABLED=true\n"
      << "Stop with Ctrl-C.\n";
  out.flush();
  wait_for_signal(signals);
  simulator->stop();
  out << "hopper sim stopped\n";
  return util::ExitCode::ok;
}

void add_fault_options(CLI::App& app, const std::string& prefix, sim::SimOptions& options, std::string& timing) {
  app.add_option("--" + prefix + "timing", timing, "AWS durations: instant (default) or aws (NAT ~1-2 min, instance ~15-30 s, AMI ~3-6 min)")
      ->check(CLI::IsMember({"instant", "aws"}));
  app.add_option("--" + prefix + "time-scale", options.time_scale, "Multiply every AWS duration (0.1: ten times faster)")
      ->check(CLI::PositiveNumber);
  app.add_option("--" + prefix + "throttle-rate", options.faults.throttle_rate, "Share of calls answered with throttling (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--" + prefix + "error-rate", options.faults.error_rate, "Share of calls answered with a 5xx (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--" + prefix + "drop-rate", options.faults.drop_rate, "Share of calls whose connection drops (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--" + prefix + "lost-answer-rate", options.faults.lost_answer_rate,
                 "Share of changes that take effect but whose answer is lost (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--" + prefix + "consistency-delay-ms", options.faults.consistency_delay_ms,
                 "A new id answers NotFound for this long (eventual consistency)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--" + prefix + "seed", options.faults.seed, "Seed of the faults and durations (same seed, same run)");
}

}  // namespace

void register_sim(Registry& registry) {
  // The global --sim group: every command may run against an embedded simulator.
  GlobalOptions& global = registry.context.options;
  CLI::Option_group* group = registry.app.add_option_group("Simulator", "Run against hopper's local AWS simulator");
  group->add_flag("--sim", global.sim,
                  "Talk to an embedded AWS simulator (state in $XDG_STATE_HOME/hopper/sim/state.json) instead of AWS");
  group->add_option("--sim-state", global.sim_state, "The simulator's state file");
  group->add_option("--sim-request-log", global.sim_request_log, "Write the simulator's request log (JSON lines) here");
  CLI::App* group_app = group;
  add_fault_options(*group_app, "sim-", global.sim_options, global.sim_timing);

  auto flags = std::make_shared<ServeFlags>();
  CLI::App* sim = registry.app.add_subcommand("sim", "hopper's local simulator of the AWS APIs it uses");
  sim->require_subcommand(1);
  sim->fallthrough();
  CLI::App* serve = sim->add_subcommand("serve", "Serve the simulated AWS APIs on 127.0.0.1 until Ctrl-C");
  serve->fallthrough();
  Action* slot = registry.chosen;
  serve->callback([slot, flags] { *slot = [flags](Context& context) { return run_serve(context, *flags); }; });
  serve->add_option("--port", flags->options.port, "TCP port (0: any free one)")->check(CLI::Range(0, 65535));
  serve->add_option("--state", flags->state, "Keep the simulated account in this file (default: in memory)");
  serve->add_option("--access-key", flags->options.access_key, "Access key id the simulator accepts")->capture_default_str();
  serve->add_option("--secret-key", flags->options.secret_key, "Secret key the simulator checks signatures with");
  serve->add_option("--request-log", flags->request_log, "Write one JSON line per request here");
  serve->add_option("--region", flags->options.default_region, "Region of unsigned requests")->capture_default_str();
  serve->add_option("--seed-unrelated", flags->seed_unrelated, "Start with about N resources of other clusters (benchmarks)");
  serve->add_option("--seed-region", flags->seed_region, "Region for --seed-unrelated")->capture_default_str();
  add_fault_options(*serve, "", flags->options, flags->timing);
}

}  // namespace hopper::cli
