// A fresh moto account behind a logging, fault-injecting proxy, a cluster.yaml made by
// `hopper init` in a temporary folder, and helpers to run the real hopper binary against it and
// to inspect what exists with hopper's own AWS client.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/aws_proxy.hpp"
#include "support/aws_session.hpp"
#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"

namespace hopper::test {

// A fixed ed25519 public key (its private half is not needed: nothing logs in).
inline constexpr const char* k_test_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDk0B0qGzX3r0mYIbq1d8hPw0t7m6wA5n8z8KqvV2X3a test@hopper";

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Runs hopper in the spec's folder against the proxy, with test credentials.
  HopperRun hopper(const std::vector<std::string>& args, std::function<void(int)> on_start = {});
  // Writes a spec by `hopper init` with extra flags, in the fixture's folder.
  void init_spec(const std::vector<std::string>& extra = {});
  // Replaces `from` by `to` in cluster.yaml (REQUIRES: `from` occurs).
  void edit_spec(const std::string& from, const std::string& to);
  std::map<std::string, std::string> env() const;

  // Counts of live resources tagged for `cluster`, by type (instances include the workers the
  // Auto Scaling group launched: they carry the cluster tag too).
  std::map<std::string, int> census(const std::string& cluster = "hopper");

  MotoServer* m_moto = nullptr;
  std::unique_ptr<AwsProxy> m_proxy;
  std::unique_ptr<TestAws> m_aws;  // straight to moto (not through the proxy)
  TempDir m_dir;
};

}  // namespace hopper::test
