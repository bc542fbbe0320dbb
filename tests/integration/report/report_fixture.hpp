// The report integration tests' fixture: a cluster.yaml made by `hopper init` in a temporary
// folder, the real hopper binary run there against moto (the binary-wide server with Canonical's
// image), and the local state folder it writes.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"

namespace hopper::test {

inline constexpr const char* k_report_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDk0B0qGzX3r0mYIbq1d8hPw0t7m6wA5n8z8KqvV2X3a test@hopper";

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Runs hopper in the spec's folder against `endpoint` (default: the shared moto) with `keys`.
  HopperRun hopper(const std::vector<std::string>& args);
  // `hopper init` with the fixture's key and admin CIDR plus `extra` flags.
  void init_spec(const std::vector<std::string>& extra = {});
  std::map<std::string, std::string> env() const;
  // The local state folder of cluster `name` in `region` (XDG_STATE_HOME/hopper/<name>-<region>).
  std::filesystem::path state_dir(const std::string& name = "hopper", const std::string& region = "eu-west-1") const;
  static nlohmann::json json_of(const HopperRun& run);

  std::string m_endpoint;
  std::string m_access_key = "testing";
  std::string m_secret_key = "testing";
  TempDir m_dir;
};

}  // namespace hopper::test
