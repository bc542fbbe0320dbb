#include "cli/app.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "util/log.hpp"
#include "util/terminal.hpp"

namespace hopper::cli {
namespace {

constexpr const char* k_exit_codes =
    "Exit codes:\n"
    "  0  ok\n"
    "  1  failed\n"
    "  2  bad usage, invalid spec, or a confirmation needed without a terminal (pass --yes)\n"
    "  3  credentials missing or rejected, or permission denied\n"
    "  4  plan has changes (plan --detailed-exitcode)\n";

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("-f,--spec", options.spec_path, "Cluster spec file")->capture_default_str();
  app.add_option("-o,--output", options.output, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  app.add_flag("--debug", options.debug, "Print diagnostic detail (one line per AWS call)");
  app.add_flag("--no-color", options.no_color, "Never colour the output (NO_COLOR works too)");
  app.add_flag("--yes", options.yes, "Answer yes to confirmation prompts");
  app.add_option("--region", options.region, "AWS region (default: the spec's; else AWS_REGION, the profile)");
  app.add_option("--profile", options.profile, "AWS profile from ~/.aws/config and ~/.aws/credentials");
  app.add_option("--endpoint-url", options.endpoint_url,
                 "Send every AWS call to this endpoint (moto, hopper sim); AWS_ENDPOINT_URL works too");
}

}  // namespace

CLI::App* Registry::add(const std::string& name, const std::string& description, Action action) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->fallthrough();  // global options work after the verb too: hopper validate -f x.yaml
  Action* slot = chosen;
  sub->callback([slot, action = std::move(action)] { *slot = action; });
  return sub;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Context context;
  context.out = &out;
  context.err = &err;
  Action chosen;

  CLI::App app("hopper builds a self-managed Kubernetes cluster on AWS, and removes it.", "hopper");
  app.set_version_flag("--version", std::string("hopper ") + HOPPER_VERSION);
  app.require_subcommand(0, 1);
  app.footer(k_exit_codes);
  add_global_options(app, context.options);

  Registry registry{app, context, &chosen};
  register_init(registry);
  register_validate(registry);
  register_plan(registry);
  register_up(registry);
  register_down(registry);
  register_sim(registry);
  register_render(registry);
  register_image(registry);
  register_status(registry);
  register_cost(registry);
  register_diagram(registry);
  register_iam_policy(registry);
  register_ssh(registry);
  register_ssh_config(registry);
  register_tunnel(registry);
  register_kubeconfig(registry);
  register_version(registry);

  // Only `hopper ssh` takes words after "--" (the remote command).
  const auto dashes = std::find(args.begin(), args.end(), "--");
  context.after_dashes.assign(dashes == args.end() ? dashes : dashes + 1, args.end());
  std::vector<std::string> reversed(std::make_reverse_iterator(dashes), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << "hopper " << HOPPER_VERSION << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    // CLI11 puts help-in-subcommand into its own exception too.
    if (e.get_exit_code() == 0) {
      out << e.what();
      return 0;
    }
    err << "error: " << e.what() << "\n" << "Run 'hopper --help' for usage.\n";
    return static_cast<int>(util::ExitCode::usage);
  }

  util::configure_color(context.options.no_color);
  util::set_log_level(context.options.debug ? util::LogLevel::debug : util::LogLevel::info);

  if (!chosen) {
    out << app.help();
    return 0;
  }
  if (dashes != args.end() && !app.got_subcommand("ssh")) {
    err << "error: '--' and a command after it are for `hopper ssh` only\n" << "Run 'hopper --help' for usage.\n";
    return static_cast<int>(util::ExitCode::usage);
  }
  try {
    auto result = chosen(context);
    if (!result) {
      err << util::paint(util::Color::red, "error: ") << result.error().message() << "\n";
      return static_cast<int>(result.error().exit_code());
    }
    return static_cast<int>(*result);
  } catch (const std::exception& e) {
    err << "error: internal error: " << e.what() << "\n";
    return static_cast<int>(util::ExitCode::failed);
  }
}

}  // namespace hopper::cli
