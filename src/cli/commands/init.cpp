// hopper init: writes a commented cluster spec to start from (spec/render_init.hpp).
#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/command.hpp"
#include "spec/load.hpp"
#include "spec/render_init.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace hopper::cli {
namespace {

namespace fs = std::filesystem;

struct InitFlags {
  std::string name = "hopper";
  std::string region = "eu-west-1";
  std::string zones;  // "a,b" or "eu-west-1a,eu-west-1b"
  std::string ssh_public_key = std::string(spec::k_default_public_key_path);
  std::string admin_cidr;
  bool force = false;
};

// The flags as InitOptions, or the usage Error naming every bad flag.
util::Result<spec::InitOptions> to_options(const InitFlags& flags) {
  spec::InitOptions options;
  options.name = flags.name;
  options.region = flags.region;
  options.ssh_public_key_path = flags.ssh_public_key;
  std::vector<std::string> problems;
  if (!flags.zones.empty()) {
    for (const auto& zone : util::split(flags.zones, ',')) {
      const std::string trimmed(util::trim(zone));
      if (trimmed.empty()) {
        problems.push_back("--zones: '" + flags.zones + "' has an empty entry (expected e.g. a,b,c)");
        break;
      }
      options.zones.push_back(trimmed);
    }
  }
  if (!flags.admin_cidr.empty()) {
    // A bare address means just that address.
    const bool bare = util::Ipv4::parse(flags.admin_cidr).has_value();
    auto cidr = util::Cidr::parse(bare ? flags.admin_cidr + "/32" : flags.admin_cidr);
    if (cidr) options.admin_cidr = *cidr;
    else problems.push_back("--admin-cidr: " + cidr.error().message());
  }
  for (auto& problem : spec::check_init_options(options)) problems.push_back(std::move(problem));
  if (!problems.empty()) return util::Error::usage(util::join(problems, "; "));
  return options;
}

// `--region` given before the verb (`hopper --region us-east-2 init`) belongs to the global
// options; init's own --region, after the verb, wins. Looked up by name so that init does not
// depend on which global options exist.
std::string chosen_region(const CLI::App& root, const CLI::Option& own, const std::string& own_value) {
  if (own.count() > 0) return own_value;
  const CLI::Option* global = root.get_option_no_throw("--region");
  if (global != nullptr && global->count() > 0) return global->as<std::string>();
  return own_value;
}

util::Result<util::ExitCode> run_init(Context& context, const InitFlags& flags) {
  HOPPER_ASSIGN(const spec::InitOptions options, to_options(flags));
  const fs::path path = context.options.spec_path;
  std::error_code ec;
  if (!flags.force && fs::exists(path, ec)) {
    return util::Error::usage(path.string() + " already exists; pass --force to overwrite it");
  }
  const std::string text = spec::render_init(options);

  // The file must load as written; only the key file may be missing (init can run before
  // ssh-keygen). Anything else is a bug in render_init, caught before it reaches the user.
  const fs::path base_dir = fs::absolute(path, ec).parent_path();
  const spec::LoadResult check = spec::load_spec_text(text, path.string(), base_dir);
  std::string key_problem;
  for (const auto& problem : check.problems) {
    if (problem.severity != spec::Problem::Severity::error) continue;
    if (problem.path != "sshKey.publicKeyPath") {
      return util::Error::failed("internal error: init rendered a spec that does not load: " + problem.format());
    }
    key_problem = problem.message;
  }

  HOPPER_TRY(util::write_file_atomic(path, text,
                                     fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                         fs::perms::others_read));

  const auto zones = spec::init_zone_names(options);
  std::ostream& out = *context.out;
  out << "Wrote " << path.string() << ": cluster " << options.name << " in " << options.region << " ("
      << (zones.size() == 1 ? "zone " : "zones ") << util::join(zones, ", ") << ").\n";
  out << "Next:\n";
  if (!options.admin_cidr) {
    out << "  - Nobody can SSH to the bastion yet: put your address in bastion.sshAllowedCIDRs\n"
           "    (e.g. 203.0.113.7/32), or run init again with --admin-cidr and --force.\n";
  }
  if (!key_problem.empty()) out << "  - SSH key: " << key_problem << ".\n";
  const bool default_path = context.options.spec_path == GlobalOptions{}.spec_path;
  out << "  - Review the file, then check it: hopper validate"
      << (default_path ? "" : " -f " + util::shell_quote(path.string())) << "\n";
  return util::ExitCode::ok;
}

}  // namespace

void register_init(Registry& registry) {
  auto flags = std::make_shared<InitFlags>();
  auto region_option = std::make_shared<CLI::Option*>(nullptr);
  const CLI::App* root = &registry.app;  // outlives every action: both live in cli::run()
  CLI::App* sub = registry.add("init", "Write a commented cluster spec (-f, default ./cluster.yaml) to start from",
                               [flags, region_option, root](Context& context) {
                                 InitFlags chosen = *flags;
                                 chosen.region = chosen_region(*root, **region_option, flags->region);
                                 return run_init(context, chosen);
                               });
  sub->add_option("--name", flags->name, "Cluster name")->capture_default_str();
  *region_option = sub->add_option("--region", flags->region, "AWS region")->capture_default_str();
  sub->add_option("--zones", flags->zones, "Availability zones, comma-separated: a,b,c or eu-west-1a,... "
                                           "(default: the region's first zone)");
  sub->add_option("--ssh-public-key", flags->ssh_public_key, "SSH public key installed on every instance")
      ->capture_default_str();
  sub->add_option("--admin-cidr", flags->admin_cidr,
                  "Address allowed to SSH to the bastion, e.g. 203.0.113.7/32 (default: nobody)");
  sub->add_flag("--force", flags->force, "Overwrite an existing spec file");
}

}  // namespace hopper::cli
