// Reading an instance's console output (EC2 GetConsoleOutput): the host keys cloud-init prints
// there, and the tail shown when a boot fails.
//
// Thread-safety: free functions over a shared Client; safe from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/host_keys.hpp"
#include "aws/ec2/client.hpp"
#include "util/clock.hpp"
#include "util/result.hpp"

namespace hopper::access {

using namespace std::chrono_literals;

// How long hopper waits for an instance to print its host keys: cloud-init prints them at the end
// of the boot (after the node's boot script), and EC2 updates the console output with a delay.
inline constexpr std::chrono::milliseconds k_host_keys_timeout = 20min;

// The console output of `instance_id`: the most recent (Latest=true, Nitro instances), else what
// EC2 has (older instance types answer Latest with an error). Empty when there is none yet.
util::Result<std::string> read_console(const aws::ec2::Client& ec2, const std::string& instance_id);

// What a node's boot script prints on the console when a step fails (bootstrap/scripts/lib.cpp):
// "hopper: FAILED at step N (name); see /var/log/hopper-boot.log".
inline constexpr const char* k_boot_failure_marker = "hopper: FAILED at step";

// The console line that says the boot failed (from the marker on, carriage returns dropped), or
// nullopt when there is none. Pure.
std::optional<std::string> find_boot_failure(std::string_view console);

// Reads the console of `instance_id` until it shows host keys, at most `timeout` (0: once).
// `on_wait` is called once, before the first wait, to say so. Errors: the AWS call failed, or
// (failed) no keys within `timeout`, saying what to do.
util::Result<std::vector<HostKey>> wait_for_host_keys(const aws::ec2::Client& ec2, util::Clock& clock,
                                                      const std::string& instance_id, std::chrono::milliseconds timeout,
                                                      const std::function<void()>& on_wait);

}  // namespace hopper::access
