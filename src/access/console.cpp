#include "access/console.hpp"

#include "aws/core/error.hpp"
#include "aws/ec2/instances.hpp"
#include "model/wait.hpp"

namespace hopper::access {

util::Result<std::string> read_console(const aws::ec2::Client& ec2, const std::string& instance_id) {
  auto latest = aws::ec2::get_console_output(ec2, instance_id, true);
  if (latest || !aws::api_error(latest.error()) || aws::is_auth_failure(latest.error())) {
    return std::move(latest).context("reading the console output of " + instance_id);
  }
  // Xen instance types (t2, m4, ...) refuse Latest=true (UnsupportedOperation): ask without it.
  return aws::ec2::get_console_output(ec2, instance_id, false).context("reading the console output of " + instance_id);
}

std::optional<std::string> find_boot_failure(std::string_view console) {
  const std::size_t at = console.rfind(k_boot_failure_marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string line(console.substr(at, console.find('\n', at) - at));
  std::erase(line, '\r');
  return line;
}

util::Result<std::vector<HostKey>> wait_for_host_keys(const aws::ec2::Client& ec2, util::Clock& clock,
                                                      const std::string& instance_id, std::chrono::milliseconds timeout,
                                                      const std::function<void()>& on_wait) {
  bool said = false;
  model::PollOptions options;
  options.first_delay = 3s;
  options.factor = 1.3;
  options.max_delay = 15s;
  options.timeout = timeout;
  auto keys = model::poll<std::vector<HostKey>>(
      clock, "the SSH host keys of " + instance_id + " on its console", options,
      [&]() -> util::Result<model::PollStep<std::vector<HostKey>>> {
        HOPPER_ASSIGN(const std::string console, read_console(ec2, instance_id));
        auto found = parse_console_host_keys(console);
        if (!found.empty()) return model::PollStep<std::vector<HostKey>>::done(std::move(found));
        if (!said && timeout.count() > 0 && on_wait) on_wait();
        said = true;
        return model::PollStep<std::vector<HostKey>>::pending(console.empty() ? "no console output yet"
                                                                              : "booting (no host keys printed yet)");
      });
  if (!keys) {
    if (aws::api_error(keys.error())) return keys;
    return util::Error::failed("no SSH host keys on the console of " + instance_id +
                               (timeout.count() > 0 ? " after " + util::format_duration(timeout) : std::string()) +
                               ": cloud-init prints them when the boot ends; check the boot with `aws ec2 "
                               "get-console-output --instance-id " + instance_id + "`, or wait and try again");
  }
  return keys;
}

}  // namespace hopper::access
