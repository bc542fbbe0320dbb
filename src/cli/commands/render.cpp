// hopper render [--out DIR]: every file hopper generates for the nodes — user data per role,
// kubeadm configurations, boot scripts, manifests, containerd's configuration and the public PKI —
// written out for review. Never a secret. Needs no AWS access: it uses the cluster CA kept on this
// workstation if there is one, else a throwaway one (and says so).
#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "bootstrap/cloud_init.hpp"
#include "bootstrap/render.hpp"
#include "cli/command.hpp"
#include "cli/local_state.hpp"
#include "spec/load.hpp"
#include "util/fs.hpp"

namespace hopper::cli {
namespace {
namespace fs = std::filesystem;

// Marks a folder as hopper's to replace on the next render.
constexpr const char* k_marker = ".hopper-render";

util::Status prepare_out_dir(const fs::path& out) {
  if (fs::exists(out)) {
    if (!fs::is_directory(out)) return util::Error::usage(out.string() + " exists and is not a folder");
    if (!fs::is_empty(out) && !fs::exists(out / k_marker)) {
      return util::Error::usage(out.string() + " is not empty and was not written by `hopper render`: choose another --out");
    }
    std::error_code ec;
    fs::remove_all(out, ec);
    if (ec) return util::Error::failed("cannot clear " + out.string() + ": " + ec.message());
  }
  HOPPER_TRY(util::ensure_dir(out, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                       fs::perms::others_read | fs::perms::others_exec));
  return util::write_file_atomic(out / k_marker, "written by hopper render; replaced by the next one\n",
                                 fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                                     fs::perms::others_read);
}

util::Result<util::ExitCode> run_render(Context& context, const std::string& out_option) {
  HOPPER_ASSIGN(const spec::ClusterSpec spec, spec::load_valid_spec(context.options.spec_path, *context.err));
  const fs::path state_dir = cluster_state_dir(spec.name, spec.region);
  HOPPER_ASSIGN(const auto kept, load_local_secrets(state_dir));
  bootstrap::ClusterSecrets secrets;
  if (kept) {
    secrets = *kept;
  } else {
    *context.err << "No cluster CA in " << state_dir.string()
                 << ": rendering with a throwaway CA and join token (the cluster's own are made by `hopper plan` or "
                    "`hopper up`), so pki/ and the discovery hash are examples only\n";
    HOPPER_ASSIGN(secrets, bootstrap::generate_secrets(spec, util::SystemClock::instance()));
  }
  const bootstrap::RenderContext render_context = bootstrap::make_render_context(spec);
  HOPPER_ASSIGN(const bootstrap::BootstrapFiles files, bootstrap::render_bootstrap(spec, secrets, render_context));

  const fs::path out = out_option.empty() ? fs::path("hopper-render") : fs::path(out_option);
  HOPPER_TRY(prepare_out_dir(out));
  const auto readable = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read;
  for (const auto& [path, content] : files.files) {
    const fs::path target = out / path;
    HOPPER_TRY(util::ensure_dir(target.parent_path(), fs::perms::owner_all | fs::perms::group_read |
                                                          fs::perms::group_exec | fs::perms::others_read |
                                                          fs::perms::others_exec));
    const bool executable = path.rfind("usr/local/sbin/", 0) == 0;
    HOPPER_TRY(util::write_file_atomic(
        target, content,
        executable ? readable | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec : readable));
  }

  if (context.format() == OutputFormat::json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [path, content] : files.files) list.push_back({{"path", path}, {"bytes", content.size()}});
    *context.out << nlohmann::json{{"out", out.string()}, {"throwaway_ca", !kept.has_value()}, {"files", list}}.dump(2)
                 << "\n";
    return util::ExitCode::ok;
  }
  *context.out << "Wrote " << files.files.size() << " files for cluster " << spec.name << " to " << out.string()
               << "/\n";
  for (const auto& [role, text] : {std::pair<std::string, const std::string&>{"bastion", files.bastion_user_data},
                                   {"control-plane", files.control_plane_user_data},
                                   {"worker", files.worker_user_data}}) {
    *context.out << "  user-data/" << role << ".yaml: " << text.size() << " of " << bootstrap::k_user_data_limit
                 << " bytes"
                 << (bootstrap::is_gzipped(text)                    ? " (gzipped as a whole; the file holds the text)"
                     : text.find("gz+b64") != std::string::npos ? " (larger files gzipped)"
                                                                 : "")
                 << "\n";
  }
  *context.out << "Secrets (the CA key, the join token) are not written: they travel through SSM.\n";
  return util::ExitCode::ok;
}

}  // namespace

void register_render(Registry& registry) {
  auto out = std::make_shared<std::string>();
  CLI::App* sub = registry.add("render", "Write every file the nodes boot with (no secrets) for review",
                               [out](Context& context) { return run_render(context, *out); });
  sub->add_option("--out", *out, "Folder to write to (default ./hopper-render)");
}

}  // namespace hopper::cli
