// `hopper init` and `hopper validate`, run as the real binary in a temporary folder with HOME
// pointed at a temporary home that holds ~/.ssh/id_ed25519.pub.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/hopper_cli.hpp"
#include "support/temp_dir.hpp"
#include "util/strings.hpp"

namespace hopper {
namespace {

namespace fs = std::filesystem;

// The public half of a throwaway key made with ssh-keygen.
const std::string k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper\n";

const std::string k_nobody_warning =
    "warning: bastion.sshAllowedCIDRs: nobody can reach the bastion; set bastion.sshAllowedCIDRs to your address, "
    "e.g. 203.0.113.7/32";

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out = util::split(text, '\n');
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

class InitValidateTest : public ::testing::Test {
 protected:
  void SetUp() override { m_home.write(".ssh/id_ed25519.pub", k_public_key); }

  test::HopperRun hopper(const std::vector<std::string>& args) {
    return test::run_hopper(args, {{"HOME", m_home.path().string()}}, m_work.path().string());
  }
  fs::path work(const std::string& name) const { return m_work.path() / name; }

  test::TempDir m_home;
  test::TempDir m_work;
};

TEST_F(InitValidateTest, InitThenValidateSucceeds) {
  const auto init = hopper({"init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(lines(init.out).front(), "Wrote cluster.yaml: cluster hopper in eu-west-1 (zone eu-west-1a).");
  EXPECT_NE(init.out.find("Nobody can SSH to the bastion yet"), std::string::npos) << init.out;
  EXPECT_NE(init.out.find("hopper validate\n"), std::string::npos) << init.out;
  EXPECT_EQ(init.err, "");
  const std::string text = read(work("cluster.yaml"));
  EXPECT_NE(text.find("apiVersion: hopper/v1alpha1\nkind: Cluster\n"), std::string::npos);
  EXPECT_NE(text.find("\n# "), std::string::npos);  // commented
  EXPECT_EQ(fs::status(work("cluster.yaml")).permissions() & fs::perms::others_read, fs::perms::others_read);

  const auto validate = hopper({"validate"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_EQ(validate.out, "cluster.yaml: valid (cluster hopper in eu-west-1, 1 zone, Kubernetes 1.36, 1 warning)\n");
  ASSERT_EQ(lines(validate.err).size(), 1u) << validate.err;
  EXPECT_NE(validate.err.find(": " + k_nobody_warning), std::string::npos) << validate.err;
  EXPECT_EQ(validate.err.rfind("cluster.yaml:", 0), 0u) << validate.err;
}

TEST_F(InitValidateTest, InitFlagsShapeTheSpec) {
  m_work.write("keys/ops.pub", k_public_key);
  const auto init = hopper({"init", "--name", "prod", "--region", "us-east-2", "--zones", "a, b,us-east-2c",
                            "--admin-cidr", "203.0.113.7", "--ssh-public-key", "keys/ops.pub"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(lines(init.out).front(),
            "Wrote cluster.yaml: cluster prod in us-east-2 (zones us-east-2a, us-east-2b, us-east-2c).");
  EXPECT_EQ(init.out.find("Nobody can SSH"), std::string::npos);
  const std::string text = read(work("cluster.yaml"));
  EXPECT_NE(text.find("  sshAllowedCIDRs:\n    - 203.0.113.7/32\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    - name: us-east-2c\n      privateSubnet: 10.0.32.0/20"), std::string::npos) << text;

  const auto validate = hopper({"validate"});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_EQ(validate.out, "cluster.yaml: valid (cluster prod in us-east-2, 3 zones, Kubernetes 1.36)\n");
  EXPECT_EQ(validate.err, "");
}

TEST_F(InitValidateTest, InitSaysWhenTheKeyIsMissing) {
  fs::remove(m_home.path() / ".ssh/id_ed25519.pub");
  const auto init = hopper({"init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("SSH key: ~/.ssh/id_ed25519.pub does not exist (create a key with: ssh-keygen -t ed25519)"),
            std::string::npos)
      << init.out;
}

TEST_F(InitValidateTest, InitRefusesToOverwrite) {
  m_work.write("cluster.yaml", "mine\n");
  const auto again = hopper({"init"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err, "error: cluster.yaml already exists; pass --force to overwrite it\n");
  EXPECT_EQ(read(work("cluster.yaml")), "mine\n");

  const auto forced = hopper({"init", "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_NE(read(work("cluster.yaml")).find("kind: Cluster"), std::string::npos);
}

TEST_F(InitValidateTest, InitChecksItsFlagsBeforeWriting) {
  const auto zone = hopper({"init", "--zones", "a,q"});
  EXPECT_EQ(zone.exit_code, 2);
  EXPECT_EQ(zone.err, "error: --zones: eu-west-1q is not a zone of region eu-west-1 (its zones: eu-west-1a, "
                      "eu-west-1b, eu-west-1c)\n");
  const auto region = hopper({"init", "--region", "eu-west-9"});
  EXPECT_EQ(region.exit_code, 2);
  EXPECT_EQ(region.err, "error: --region: 'eu-west-9' is not an AWS region hopper knows (did you mean eu-west-1?)\n");
  const auto cidr = hopper({"init", "--admin-cidr", "10.0.0.1/16", "--name", "Hopper"});
  EXPECT_EQ(cidr.exit_code, 2);
  EXPECT_EQ(cidr.err, "error: --admin-cidr: 10.0.0.1/16 has host bits set (did you mean 10.0.0.0/16?); --name: "
                      "'Hopper' may contain only lowercase letters, digits and hyphens (it is used in AWS names, "
                      "tags and DNS labels)\n");
  EXPECT_FALSE(fs::exists(work("cluster.yaml")));
}

TEST_F(InitValidateTest, ValidatePrintsEveryProblemAndExits2) {
  const auto init = hopper({"init", "--admin-cidr", "203.0.113.7/32"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  std::string text = read(work("cluster.yaml"));
  text = util::replace_all(text, "name: hopper", "name: Hopper");
  text = util::replace_all(text, "publicSubnet: 10.0.16.0/20", "publicSubnet: 10.9.0.0/20");
  text = util::replace_all(text, "  min: 1\n", "  min: two\n");
  text = util::replace_all(text, "  sshAllowedCIDRs:\n    - 203.0.113.7/32\n", "  sshAllowedCIDRs: []\n");
  m_work.write("bad.yaml", text);

  const auto validate = hopper({"validate", "-f", "bad.yaml"});
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_EQ(validate.out, "");
  const auto printed = lines(validate.err);
  ASSERT_EQ(printed.size(), 5u) << validate.err;
  EXPECT_EQ(printed[0].substr(0, 9), "bad.yaml:");
  EXPECT_NE(printed[0].find(": name: 'Hopper' may contain only lowercase letters"), std::string::npos);
  EXPECT_NE(printed[1].find(": network.zones[0].publicSubnet: 10.9.0.0/20 is outside network.vpcCIDR 10.0.0.0/16"),
            std::string::npos);
  EXPECT_NE(printed[2].find(": " + k_nobody_warning), std::string::npos);
  EXPECT_NE(printed[3].find(": workers.min: expected an integer, got 'two'"), std::string::npos);
  EXPECT_EQ(printed[4], "error: bad.yaml: 3 errors (see above)");
}

TEST_F(InitValidateTest, GlobalOptionsWorkAfterTheVerb) {
  const auto init = hopper({"init", "-f", "sub.yaml", "--admin-cidr", "203.0.113.7/32"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(fs::exists(work("sub.yaml")));
  EXPECT_FALSE(fs::exists(work("cluster.yaml")));
  EXPECT_NE(init.out.find("hopper validate -f sub.yaml\n"), std::string::npos) << init.out;
  for (const auto& args : std::vector<std::vector<std::string>>{{"validate", "-f", "sub.yaml"},
                                                                 {"validate", "--spec", "sub.yaml", "--no-color"},
                                                                 {"-f", "sub.yaml", "validate"}}) {
    const auto validate = hopper(args);
    EXPECT_EQ(validate.exit_code, 0) << util::join(args, " ") << ": " << validate.err;
    EXPECT_EQ(validate.out, "sub.yaml: valid (cluster hopper in eu-west-1, 1 zone, Kubernetes 1.36)\n");
  }
}

TEST_F(InitValidateTest, JsonOutput) {
  ASSERT_EQ(hopper({"init"}).exit_code, 0);
  const auto valid = hopper({"validate", "-o", "json"});
  EXPECT_EQ(valid.exit_code, 0) << valid.err;
  const auto report = nlohmann::json::parse(valid.out);
  EXPECT_EQ(report["valid"], true);
  EXPECT_EQ(report["file"], "cluster.yaml");
  ASSERT_EQ(report["problems"].size(), 1u);
  const auto& warning = report["problems"][0];
  EXPECT_EQ(warning["severity"], "warning");
  EXPECT_EQ(warning["path"], "bastion.sshAllowedCIDRs");
  EXPECT_EQ(warning["file"], "cluster.yaml");
  EXPECT_GT(warning["line"].get<int>(), 0);
  EXPECT_EQ(warning["column"], 20);
  EXPECT_EQ(warning["message"],
            "nobody can reach the bastion; set bastion.sshAllowedCIDRs to your address, e.g. 203.0.113.7/32");

  m_work.write("bad.yaml", "apiVersion: hopper/v1alpha1\nkind: Cluster\nworkers:\n  max: lots\n");
  const auto invalid = hopper({"validate", "-f", "bad.yaml", "--output", "json"});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_EQ(invalid.err, "error: bad.yaml: 1 error\n");
  const auto bad = nlohmann::json::parse(invalid.out);
  EXPECT_EQ(bad["valid"], false);
  ASSERT_EQ(bad["problems"].size(), 2u) << invalid.out;
  EXPECT_EQ(bad["problems"][0], (nlohmann::json{{"file", "bad.yaml"},
                                                 {"line", 4},
                                                 {"column", 8},
                                                 {"path", "workers.max"},
                                                 {"message", "expected an integer, got 'lots'"},
                                                 {"severity", "error"}}));
  EXPECT_EQ(bad["problems"][1]["path"], "bastion.sshAllowedCIDRs");
}

TEST_F(InitValidateTest, MissingSpecSaysToRunInit) {
  const auto validate = hopper({"validate"});
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_EQ(validate.err,
            "cluster.yaml: does not exist; run `hopper init` to write one, or pass -f FILE\n"
            "error: cluster.yaml: 1 error (see above)\n");
  const auto other = hopper({"validate", "-f", "nowhere/x.yaml"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("nowhere/x.yaml: does not exist; run `hopper init`"), std::string::npos);
}

TEST_F(InitValidateTest, HelpListsInitAndValidate) {
  const auto help = hopper({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("\n  init "), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("\n  validate "), std::string::npos) << help.out;
  const auto init_help = hopper({"init", "--help"});
  EXPECT_EQ(init_help.exit_code, 0);
  for (const char* flag : {"--name", "--region", "--zones", "--ssh-public-key", "--admin-cidr", "--force"}) {
    EXPECT_NE(init_help.out.find(flag), std::string::npos) << flag << "\n" << init_help.out;
  }
  EXPECT_EQ(hopper({"validate", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace hopper
