// The cluster PKI, checked with the openssl command line (an independent implementation): the CA's
// constraints and key usage, the discovery hash recomputed from the certificate with the pipeline
// kubeadm's documentation gives, and the secrets' consistency checks.
#include "bootstrap/pki.hpp"

#include <gtest/gtest.h>

#include "bootstrap/token.hpp"
#include "crypto/x509.hpp"
#include "util/strings.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::bootstrap {
namespace {

using test::run_program;
using test::shared_secrets;

TEST(PkiTest, CaIsACaByOpensslsReading) {
  test::TempDir dir;
  const auto cert = dir.write("ca.crt", shared_secrets().ca_cert_pem);
  const auto text = run_program({"openssl", "x509", "-in", cert.string(), "-noout", "-text"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("X509v3 Basic Constraints: critical"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("CA:TRUE"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("X509v3 Key Usage: critical"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Certificate Sign"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Subject: O = hopper:demo, CN = kubernetes"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Public-Key: (256 bit)"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("prime256v1"), std::string::npos) << text.out;
  // RFC 5480: no keyEncipherment on an EC key.
  EXPECT_EQ(text.out.find("Key Encipherment"), std::string::npos) << text.out;
  // openssl agrees the certificate may sign others (purpose "any CA").
  const auto purpose = run_program({"openssl", "x509", "-in", cert.string(), "-noout", "-purpose"});
  EXPECT_NE(purpose.out.find("SSL client CA : Yes"), std::string::npos) << purpose.out;
  // And the key belongs to it.
  const auto key = dir.write("ca.key", shared_secrets().ca_key_pem);
  const auto from_cert = run_program({"openssl", "x509", "-in", cert.string(), "-noout", "-pubkey"});
  const auto from_key = run_program({"openssl", "pkey", "-in", key.string(), "-pubout"});
  EXPECT_EQ(from_cert.out, from_key.out);
}

TEST(PkiTest, DiscoveryHashMatchesOpensslPipeline) {
  test::TempDir dir;
  const auto cert = dir.write("ca.crt", shared_secrets().ca_cert_pem);
  // kubeadm's documented pipeline (BOOTSTRAP-NOTES.md section 2), with `openssl pkey` for
  // `openssl rsa`: the CA's key is ECDSA (pki.hpp says why) and pkey reads any key type.
  const auto pipeline = run_program(
      {"sh", "-c",
       "openssl x509 -pubkey -in '" + cert.string() +
           "' | openssl pkey -pubin -outform der 2>/dev/null | openssl dgst -sha256 -hex | sed 's/^.* //'"});
  ASSERT_EQ(pipeline.exit_code, 0) << pipeline.err;
  const auto hash = discovery_hash(shared_secrets().ca_cert_pem);
  ASSERT_TRUE(hash) << hash.error().message();
  EXPECT_EQ(*hash, "sha256:" + std::string(util::trim(pipeline.out)));
  EXPECT_EQ(hash->size(), 7u + 64u);
}

TEST(PkiTest, ValidityFollowsTheClock) {
  test::FakeClock clock;
  const auto secrets = generate_secrets(test::demo_spec(), clock);
  ASSERT_TRUE(secrets) << secrets.error().message();
  const auto info = crypto::inspect_certificate(secrets->ca_cert_pem);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->not_before, clock.wall_now() - k_backdate);
  EXPECT_EQ(info->not_after, clock.wall_now() + k_ca_validity);
  EXPECT_TRUE(info->is_ca);
  EXPECT_EQ(info->common_name, "kubernetes");
  EXPECT_TRUE(is_valid_join_token(secrets->join_token));
  EXPECT_TRUE(check_secrets(*secrets).ok());
}

TEST(PkiTest, CheckSecretsNamesWhatIsWrong) {
  ClusterSecrets bad = shared_secrets();
  bad.join_token = "ABCDEF.0123456789abcdef";
  auto status = check_secrets(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("join token"), std::string::npos);
  EXPECT_EQ(status.error().message().find("ABCDEF"), std::string::npos) << "never echo a secret";

  bad = shared_secrets();
  bad.ca_key_pem = *crypto::generate_rsa_key(2048);
  status = check_secrets(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("does not belong"), std::string::npos) << status.error().message();

  bad = shared_secrets();
  bad.ca_cert_pem = "not a certificate";
  EXPECT_FALSE(check_secrets(bad).ok());
}

TEST(PkiTest, ClientCertificateIsSignedByTheCa) {
  const auto client = issue_client_certificate(shared_secrets(), "someone", "some:group", util::SystemClock::instance());
  ASSERT_TRUE(client) << client.error().message();
  test::TempDir dir;
  const auto ca = dir.write("ca.crt", shared_secrets().ca_cert_pem);
  const auto cert = dir.write("client.crt", client->cert_pem);
  const auto verify = run_program({"openssl", "verify", "-CAfile", ca.string(), "-purpose", "sslclient", cert.string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(crypto::is_signed_by(client->cert_pem, shared_secrets().ca_cert_pem).value_or(false), true);
  // Another CA did not sign it.
  test::FakeClock clock;
  const auto other = generate_secrets(test::demo_spec(), clock);
  ASSERT_TRUE(other);
  EXPECT_EQ(crypto::is_signed_by(client->cert_pem, other->ca_cert_pem).value_or(true), false);
}

TEST(PkiTest, AnOlderClustersRsaCaStillWorks) {
  // Clusters made before the CA became ECDSA keep their RSA CA: it must still check out, issue
  // (ECDSA) admin certificates openssl accepts, and keep keyEncipherment on its own RSA key.
  ClusterSecrets old = shared_secrets();
  old.ca_key_pem = *crypto::generate_rsa_key(2048);
  crypto::CertificateSpec ca;
  ca.common_name = "kubernetes";
  ca.role = crypto::CertificateRole::ca;
  ca.not_before = std::chrono::system_clock::now() - std::chrono::minutes(5);
  ca.not_after = std::chrono::system_clock::now() + std::chrono::hours(24);
  old.ca_cert_pem = *crypto::self_signed_certificate(old.ca_key_pem, ca);
  ASSERT_TRUE(check_secrets(old).ok());
  const auto client = issue_client_certificate(old, "someone", "some:group", util::SystemClock::instance());
  ASSERT_TRUE(client) << client.error().message();
  test::TempDir dir;
  const auto ca_file = dir.write("ca.crt", old.ca_cert_pem);
  const auto cert = dir.write("client.crt", client->cert_pem);
  const auto verify = run_program({"openssl", "verify", "-CAfile", ca_file.string(), "-purpose", "sslclient", cert.string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  const auto text = run_program({"openssl", "x509", "-in", ca_file.string(), "-noout", "-text"});
  EXPECT_NE(text.out.find("Key Encipherment"), std::string::npos) << text.out;
  const auto hash = discovery_hash(old.ca_cert_pem);
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->size(), 7u + 64u);
}

TEST(PkiTest, TokensHaveKubeadmsFormat) {
  for (int i = 0; i < 200; ++i) {
    const std::string token = generate_join_token();
    ASSERT_TRUE(is_valid_join_token(token)) << token;
  }
  EXPECT_NE(generate_join_token(), generate_join_token());
  EXPECT_EQ(join_token_id("abcdef.0123456789abcdef"), "abcdef");
  EXPECT_FALSE(is_valid_join_token("abcdef0123456789abcdef"));
  EXPECT_FALSE(is_valid_join_token("abcde.0123456789abcdefg"));
  EXPECT_FALSE(is_valid_join_token("abcdef.0123456789abcdeF"));
  EXPECT_FALSE(is_valid_join_token("abcdef.0123456789abcde"));
  EXPECT_EQ(join_token_id("bad"), "");
}

}  // namespace
}  // namespace hopper::bootstrap
