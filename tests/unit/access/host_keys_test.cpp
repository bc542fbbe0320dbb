// The host keys read from console output, and hopper's known_hosts.
#include "access/host_keys.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/strings.hpp"

namespace hopper::access {
namespace {

std::string testdata(const std::string& name) {
  std::ifstream in(std::filesystem::path(HOPPER_SOURCE_DIR) / "tests/testdata/access" / name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string key_text(const std::string& file) { return std::string(util::trim(testdata(file))); }

TEST(HostKeysTest, ParsesUbuntuCloudInitConsole) {
  const auto keys = parse_console_host_keys(testdata("console_ubuntu.txt"));
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].type, "ecdsa-sha2-nistp256");
  EXPECT_EQ(keys[0].str(), key_text("ecdsa.pub"));
  EXPECT_EQ(keys[0].comment, "root@ip-10-0-1-10");
  EXPECT_EQ(keys[1].type, "ssh-ed25519");
  EXPECT_EQ(keys[1].str(), key_text("ed25519.pub"));
}

TEST(HostKeysTest, ParsesPrefixedLinesWithCarriageReturnsAndNoiseInsideTheBlock) {
  const auto keys = parse_console_host_keys(testdata("console_ec2_prefix.txt"));
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].str(), key_text("rsa.pub"));
  EXPECT_EQ(keys[1].str(), key_text("ed25519.pub"));
  EXPECT_EQ(keys[1].comment, "root@ip-10-0-1-10");  // no \r left
}

TEST(HostKeysTest, FingerprintsAloneAreNotKeys) {
  const std::string console =
      "-----BEGIN SSH HOST KEY FINGERPRINTS-----\n"
      "256 SHA256:aazWrbEIbqkNX5vxgsIA/aRnfSNh8K1JyGMOkhRyIuE root@ip-10-0-1-10 (ED25519)\n"
      "-----END SSH HOST KEY FINGERPRINTS-----\n";
  EXPECT_TRUE(parse_console_host_keys(console).empty());
}

TEST(HostKeysTest, BootInProgressHasNoKeys) {
  // moto's canned console, an empty one, and a block whose end has not been printed yet.
  EXPECT_TRUE(parse_console_host_keys("Linux version 2.6.16-xenU (builder@patchbat.amazonsa)\nBuilt 1 zonelists\n").empty());
  EXPECT_TRUE(parse_console_host_keys("").empty());
  const std::string cut = "-----BEGIN SSH HOST KEY KEYS-----\n" + key_text("ed25519.pub") + "\n";
  EXPECT_TRUE(parse_console_host_keys(cut).empty());
}

TEST(HostKeysTest, TakesTheLastCompleteBlock) {
  const std::string first = "-----BEGIN SSH HOST KEY KEYS-----\n" + key_text("rsa.pub") + "\n-----END SSH HOST KEY KEYS-----\n";
  const std::string second =
      "-----BEGIN SSH HOST KEY KEYS-----\n" + key_text("ed25519.pub") + "\n-----END SSH HOST KEY KEYS-----\n";
  const std::string unfinished = "-----BEGIN SSH HOST KEY KEYS-----\n" + key_text("ecdsa.pub") + "\n";
  const auto keys = parse_console_host_keys(first + "reboot\n" + second + unfinished);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].type, "ssh-ed25519");
}

TEST(HostKeysTest, RefusesKeysCutByNoiseOrNamingAnotherType) {
  const std::string ed = key_text("ed25519.pub");
  const std::string blob = ed.substr(ed.find(' ') + 1);
  // A kernel message written into the middle of the line.
  EXPECT_FALSE(find_host_key(ed.substr(0, 40) + "[   42.1] random: crng init done"));
  // A valid blob under the wrong name.
  EXPECT_FALSE(find_host_key("ssh-rsa " + blob));
  // Not base64, or too short to be a key.
  EXPECT_FALSE(find_host_key("ssh-ed25519 !!!notbase64"));
  EXPECT_FALSE(find_host_key("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"));
  EXPECT_FALSE(find_host_key("ssh-foo " + blob));
  // A block whose only key is damaged counts as no block.
  const std::string damaged = "-----BEGIN SSH HOST KEY KEYS-----\nssh-ed25519 " + blob.substr(0, 30) +
                              "\n-----END SSH HOST KEY KEYS-----\n";
  EXPECT_TRUE(parse_console_host_keys(damaged).empty());
}

TEST(HostKeysTest, ParsesUserGivenKeys) {
  const std::string ed = key_text("ed25519.pub");
  ASSERT_TRUE(parse_host_key(ed));
  EXPECT_EQ(parse_host_key("  " + ed + " comment here\n")->comment, "comment here");
  // A known_hosts line: the host name in front is skipped.
  EXPECT_EQ(parse_host_key("[127.0.0.1]:2222 " + ed)->str(), ed);
  const auto bad = parse_host_key("hello");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().exit_code(), util::ExitCode::usage);
  EXPECT_FALSE(parse_host_key(""));
}

TEST(HostKeysTest, KnownHostsRoundTrip) {
  KnownHosts hosts;
  hosts["i-0bastion"] = {*find_host_key(key_text("ed25519.pub")), *find_host_key(key_text("ecdsa.pub"))};
  hosts["i-0cp"] = {*find_host_key(key_text("rsa.pub"))};
  const std::string text = render_known_hosts(hosts);
  EXPECT_NE(text.find("i-0bastion " + key_text("ed25519.pub") + "\n"), std::string::npos);
  EXPECT_NE(text.find("i-0cp " + key_text("rsa.pub") + "\n"), std::string::npos);
  EXPECT_EQ(parse_known_hosts(text), hosts);
  // Lines it cannot read are skipped; duplicates kept once.
  const auto parsed = parse_known_hosts(text + "garbage\ni-0cp " + key_text("rsa.pub") + "\ni-x ssh-ed25519 AAAA\n");
  EXPECT_EQ(parsed, hosts);
}

TEST(HostKeysTest, ConsoleTail) {
  EXPECT_EQ(console_tail("a\r\nb\nc\nd\n\n\n", 2), "c\nd");
  EXPECT_EQ(console_tail("one\n", 40), "one");
  EXPECT_EQ(console_tail("", 40), "");
}

}  // namespace
}  // namespace hopper::access
