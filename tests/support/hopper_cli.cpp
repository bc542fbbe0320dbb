#include "support/hopper_cli.hpp"

#include <gtest/gtest.h>

namespace hopper::test {

HopperRun run_hopper(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                     const std::string& cwd, const std::string& stdin_data, std::function<void(int pid)> on_start) {
  std::vector<std::string> argv{HOPPER_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  util::ProcessOptions options;
  // Never inherit the developer's AWS setup.
  for (const char* name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                           "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                           "NO_COLOR"}) {
    options.env[name] = std::nullopt;
  }
  options.env["AWS_EC2_METADATA_DISABLED"] = "true";
  options.env["AWS_CONFIG_FILE"] = "/dev/null";
  options.env["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
  for (const auto& [name, value] : env) options.env[name] = value;
  if (!cwd.empty()) options.cwd = cwd;
  options.stdin_data = stdin_data;
  options.timeout = std::chrono::minutes(10);
  options.on_start = std::move(on_start);
  auto result = util::run_process(argv, options);
  if (!result) {
    ADD_FAILURE() << result.error().message();
    return {};
  }
  return {result->exit_code, result->out, result->err};
}

}  // namespace hopper::test
