// What `hopper up` does after applying: wait until the cluster answers. The Kubernetes API is
// asked through a tunnel over the bastion (access::BackgroundTunnel) with the admin kubeconfig
// hopper keeps in the cluster's state folder, until every expected node (the control plane and
// the Auto Scaling group's desired workers) is Ready. Meanwhile the instances' console output is
// read every so often: a boot script that failed says so there, and the wait stops at once
// showing the tail of that console instead of running into its timeout.
//
// Against a local endpoint (moto, hopper sim) nothing booted: the wait is skipped unless the
// bastion and the API are given stand-ins (--bastion, --api; tests).
//
// Thread-safety: one wait per process.
#pragma once

#include <chrono>
#include <string_view>

#include "access/ssh_setup.hpp"
#include "cli/cluster_run.hpp"
#include "cli/context.hpp"
#include "util/result.hpp"

namespace hopper::cli {

using namespace std::chrono_literals;

inline constexpr std::chrono::milliseconds k_default_wait_timeout = 20min;
inline constexpr const char* k_default_wait_timeout_text = "20m";
inline constexpr std::chrono::milliseconds k_max_wait_timeout = 24h;
// How often the API is asked, and the consoles read (the first read comes at once).
inline constexpr std::chrono::milliseconds k_api_poll_interval = 3s;
inline constexpr std::chrono::milliseconds k_console_poll_interval = 30s;
// Lines of console output shown for a failed or late boot.
inline constexpr std::size_t k_console_tail_lines = 25;

// "90s", "20m", "1h", "1h30m" (a number alone is seconds), at most a day. Error (usage) names the flag.
util::Result<std::chrono::milliseconds> parse_wait_timeout(std::string_view text);

struct WaitRequest {
  access::Overrides overrides;
  std::chrono::milliseconds timeout = k_default_wait_timeout;
};

// False against a local endpoint unless the bastion and the API have stand-ins: nothing booted
// there, so there is nothing to wait for (`up` says so instead).
bool wait_applies(const ClusterRun& run, const WaitRequest& request);

// REQUIRES: wait_applies(run, request). Waits for `run`'s cluster as described above; progress lines go to context.out (context.err
// with -o json). Errors (failed): a boot failed (the tail of its console is printed first), or
// the timeout passed (with the tails of the consoles of the machines not Ready).
util::Status wait_for_cluster(const Context& context, const ClusterRun& run, const WaitRequest& request);

}  // namespace hopper::cli
