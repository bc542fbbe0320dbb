// `hopper plan --debug` against moto (behind an AwsProxy that counts calls): one line per AWS call
// with service, action, HTTP status, time and attempts, and never a secret, whatever the
// credentials look like.
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "support/aws_proxy.hpp"
#include "support/hopper_cli.hpp"
#include "support/moto.hpp"
#include "support/temp_dir.hpp"
#include "util/strings.hpp"

namespace hopper {
namespace {

constexpr const char* k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper\n";
// Distinctive, with the characters that URL and base64 encodings change.
constexpr const char* k_secret = "dbgSecret/Never+Printed=7Qx2Lm9Rz4Tv8Wc1Yb6Nk3Hf0Jd5Gs";
constexpr const char* k_token = "dbgSessionToken//Never+Printed==FQoGZXIvYXdzEJr7//////////wEaDM3Jq9";

// The pieces of a secret that could leak in some transformed form.
std::vector<std::string> leak_probes(const std::string& secret) {
  std::vector<std::string> out = {secret};
  for (const auto& part : util::split(secret, '/')) {
    for (const auto& piece : util::split(part, '+')) {
      if (piece.size() >= 12) out.push_back(piece);
    }
  }
  return out;
}

TEST(DebugLogTest, OneLinePerCallAndNoSecrets) {
  auto& moto = test::MotoServer::shared_with_ubuntu();
  moto.reset();
  test::AwsProxy proxy(moto.endpoint());
  test::TempDir dir;
  dir.write("id_ed25519.pub", k_public_key);
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()},
                                            {"XDG_STATE_HOME", (dir.path() / "state").string()},
                                            {"AWS_ENDPOINT_URL", proxy.endpoint()},
                                            {"AWS_ACCESS_KEY_ID", "AKIADEBUGTEST"},
                                            {"AWS_SECRET_ACCESS_KEY", k_secret},
                                            {"AWS_SESSION_TOKEN", k_token}};
  const auto init = test::run_hopper({"init", "--ssh-public-key", (dir.path() / "id_ed25519.pub").string(),
                                      "--admin-cidr", "203.0.113.7/32"},
                                     env, dir.path().string());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  proxy.clear();

  const auto run = test::run_hopper({"plan", "--debug"}, env, dir.path().string());
  ASSERT_EQ(run.exit_code, 0) << run.err;

  // debug: aws ec2 DescribeVpcs -> 200 in 12ms (1 attempt)
  const std::regex line_format(
      R"(debug: aws (ec2|iam|sts|ssm|autoscaling|elbv2|elb) ([A-Za-z0-9]+) -> (\d{3}|no answer) in (\d+ms|\d+\.\ds|\d+m\d\ds) \((\d+) attempts?\)( [A-Za-z0-9.]+)?)");
  std::multiset<std::string> logged;
  for (const auto& line : util::split(run.err, '\n')) {
    if (line.rfind("debug: aws ", 0) != 0) continue;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(line, match, line_format)) << line;
    EXPECT_GE(std::stoi(match[5].str()), 1) << line;
    logged.insert(match[1].str() + " " + match[2].str());
  }
  EXPECT_GT(logged.size(), 0u) << run.err;
  EXPECT_EQ(logged.count("sts GetCallerIdentity"), 1u) << run.err;

  // One line per call: the proxy saw exactly the calls that were logged (no retries here).
  std::multiset<std::string> proxied;
  for (const auto& call : proxy.calls()) {
    const std::string service = call.service == "elasticloadbalancing" ? "elb*" : call.service;
    proxied.insert(service + " " + call.action);
  }
  std::multiset<std::string> logged_normalised;
  for (const auto& entry : logged) {
    logged_normalised.insert(entry.rfind("elb", 0) == 0 ? "elb* " + entry.substr(entry.find(' ') + 1) : entry);
  }
  EXPECT_EQ(logged_normalised, proxied);

  const std::string everything = run.out + run.err + init.out + init.err;
  for (const auto& probe : leak_probes(k_secret)) EXPECT_EQ(everything.find(probe), std::string::npos) << probe;
  for (const auto& probe : leak_probes(k_token)) EXPECT_EQ(everything.find(probe), std::string::npos) << probe;
  EXPECT_EQ(everything.find("Signature="), std::string::npos);
  EXPECT_EQ(everything.find("X-Amz-Security-Token"), std::string::npos);
}

TEST(DebugLogTest, WithoutDebugThereAreNoCallLines) {
  auto& moto = test::MotoServer::shared_with_ubuntu();
  moto.reset();
  test::TempDir dir;
  dir.write("id_ed25519.pub", k_public_key);
  auto env = moto.client_env();
  env["HOME"] = dir.path().string();
  env["XDG_STATE_HOME"] = (dir.path() / "state").string();
  ASSERT_EQ(test::run_hopper({"init", "--ssh-public-key", (dir.path() / "id_ed25519.pub").string(), "--admin-cidr",
                              "203.0.113.7/32"},
                             env, dir.path().string())
                .exit_code,
            0);
  const auto run = test::run_hopper({"plan"}, env, dir.path().string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.find("debug: "), std::string::npos) << run.err;
}

}  // namespace
}  // namespace hopper
