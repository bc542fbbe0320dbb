#include "spec/ssh_key.hpp"

#include <gtest/gtest.h>

#include "codec/base64.hpp"
#include "spec_fixture.hpp"
#include "util/fs.hpp"

namespace hopper::spec {
namespace {

std::string why_not(std::string_view content, const std::string& display = "key.pub") {
  auto key = parse_public_key(content, display);
  if (key.ok()) return "accepted: " + *key;
  EXPECT_EQ(key.error().exit_code(), util::ExitCode::usage);
  return key.error().message();
}

// A well-formed key line of `type` whose blob names `blob_type`.
std::string key_line(const std::string& type, const std::string& blob_type) {
  std::string blob;
  const auto n = static_cast<std::uint32_t>(blob_type.size());
  for (int shift : {24, 16, 8, 0}) blob += static_cast<char>((n >> shift) & 0xff);
  blob += blob_type + std::string(32, 'k');
  return type + " " + codec::base64_encode(blob) + " me@host";
}

TEST(SshKeyTest, AcceptsOpenSshPublicKeys) {
  EXPECT_EQ(why_not(fixture::k_ed25519_key + "\n"), "accepted: " + fixture::k_ed25519_key);
  EXPECT_EQ(why_not(fixture::k_rsa_key), "accepted: " + fixture::k_rsa_key);
  EXPECT_EQ(why_not(fixture::k_ecdsa_key), "accepted: " + fixture::k_ecdsa_key);
  EXPECT_EQ(why_not("\n# my key\n  " + fixture::k_ed25519_key + "  \n\n"), "accepted: " + fixture::k_ed25519_key);
  EXPECT_EQ(why_not(key_line("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521")).rfind("accepted: ", 0), 0u);
}

TEST(SshKeyTest, KnowsWhichTypesEc2Imports) {
  EXPECT_TRUE(is_ec2_key_type("ssh-ed25519"));
  EXPECT_TRUE(is_ec2_key_type("ssh-rsa"));
  EXPECT_FALSE(is_ec2_key_type("ecdsa-sha2-nistp256"));
  EXPECT_TRUE(is_supported_key_type("ecdsa-sha2-nistp384"));
  EXPECT_FALSE(is_supported_key_type("ssh-dss"));
}

TEST(SshKeyTest, RefusesPrivateKeysWithoutQuotingThem) {
  const std::string message = why_not(fixture::k_private_key_text, "~/.ssh/id_ed25519");
  EXPECT_EQ(message, "~/.ssh/id_ed25519 is a private key; point sshKey.publicKeyPath at the public key "
                     "(~/.ssh/id_ed25519.pub)");
  EXPECT_EQ(message.find("not-a-real-key"), std::string::npos);
  EXPECT_EQ(why_not("-----BEGIN RSA PRIVATE KEY-----\nabc\n", "id.pub"),
            "id.pub is a private key; point sshKey.publicKeyPath at the public key");
}

TEST(SshKeyTest, RefusesEverythingElseWithASentence) {
  const std::string example = " (expected one line like ssh-ed25519 AAAA... you@host)";
  EXPECT_EQ(why_not(""), "key.pub is empty" + example);
  EXPECT_EQ(why_not("\n  \n# only a comment\n"), "key.pub is empty" + example);
  EXPECT_EQ(why_not("hello world"), "key.pub is not an OpenSSH public key" + example);
  EXPECT_EQ(why_not("-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n"),
            "key.pub is not an OpenSSH public key" + example);
  EXPECT_EQ(why_not("---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3\n---- END SSH2 PUBLIC KEY ----\n"),
            "key.pub is an RFC 4716 (SSH2) public key; convert it with: ssh-keygen -i -f key.pub");
  EXPECT_EQ(why_not(key_line("ssh-dss", "ssh-dss")),
            "key.pub holds a ssh-dss key; use ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521");
  EXPECT_EQ(why_not(key_line("ssh-ed25519", "ssh-rsa")),
            "key.pub is not an OpenSSH public key: its ssh-ed25519 key data is damaged");
  EXPECT_EQ(why_not("ssh-ed25519 AAAA!!!! me"), "key.pub is not an OpenSSH public key: its ssh-ed25519 key data is damaged");
  EXPECT_EQ(why_not(fixture::k_ed25519_key + "\n" + fixture::k_rsa_key + "\n"), "key.pub holds 2 keys; expected exactly one");
}

TEST(SshKeyTest, ResolvesPathsFromHomeAndTheSpecFolder) {
  EXPECT_EQ(resolve_key_path("~/.ssh/id.pub", "/specs"), util::home_dir() / ".ssh/id.pub");
  EXPECT_EQ(resolve_key_path("keys/id.pub", "/specs"), std::filesystem::path("/specs/keys/id.pub"));
  EXPECT_EQ(resolve_key_path("/abs/id.pub", "/specs"), std::filesystem::path("/abs/id.pub"));
  EXPECT_EQ(resolve_key_path("id.pub", ""), std::filesystem::path("id.pub"));
}

TEST(SshKeyTest, ReadsTheFileOrSaysWhyNot) {
  const fixture::KeyDir keys;
  auto good = read_public_key(keys.path() / "key.pub", "key.pub");
  ASSERT_TRUE(good.ok()) << good.error().message();
  EXPECT_EQ(*good, fixture::k_ed25519_key);
  auto missing = read_public_key(keys.path() / "nope.pub", "~/nope.pub");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message(), "~/nope.pub does not exist (create a key with: ssh-keygen -t ed25519)");
  auto folder = read_public_key(keys.path(), "keys");
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.error().message(), "keys is a folder, not a public key file");
  keys.write("huge.pub", std::string(100 * 1024, 'A'));
  auto huge = read_public_key(keys.path() / "huge.pub", "huge.pub");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().message(),
            "huge.pub is not an OpenSSH public key (expected one line like ssh-ed25519 AAAA... you@host)");
}

}  // namespace
}  // namespace hopper::spec
