// The admin kubeconfig: parsed back, its client certificate checked with openssl against the CA,
// with kubeadm's admin subject (O=kubeadm:cluster-admins, CN=kubernetes-admin).
#include "bootstrap/kubeconfig.hpp"

#include <gtest/gtest.h>

#include "crypto/x509.hpp"
#include "support/temp_dir.hpp"
#include "unit/bootstrap/bootstrap_test_support.hpp"

namespace hopper::bootstrap {
namespace {

using test::run_program;

TEST(KubeconfigTest, ClientCertificateVerifiesAgainstTheCaWithTheAdminSubject) {
  const auto& secrets = test::shared_secrets();
  const auto text = mint_admin_kubeconfig(secrets, "demo", "https://10.0.0.10:6443", "", util::SystemClock::instance());
  ASSERT_TRUE(text) << text.error().message();
  const YAML::Node config = YAML::Load(*text);
  EXPECT_EQ(config["apiVersion"].as<std::string>(), "v1");
  EXPECT_EQ(config["kind"].as<std::string>(), "Config");
  const YAML::Node cluster = config["clusters"][0];
  EXPECT_EQ(cluster["name"].as<std::string>(), "demo");
  EXPECT_EQ(cluster["cluster"]["server"].as<std::string>(), "https://10.0.0.10:6443");
  EXPECT_FALSE(cluster["cluster"]["tls-server-name"]);
  EXPECT_EQ(codec::base64_decode(cluster["cluster"]["certificate-authority-data"].as<std::string>()), secrets.ca_cert_pem);
  const std::string user_name = config["users"][0]["name"].as<std::string>();
  EXPECT_EQ(config["current-context"].as<std::string>(), config["contexts"][0]["name"].as<std::string>());
  EXPECT_EQ(config["contexts"][0]["context"]["user"].as<std::string>(), user_name);
  EXPECT_EQ(config["contexts"][0]["context"]["cluster"].as<std::string>(), "demo");

  const auto cert = codec::base64_decode(config["users"][0]["user"]["client-certificate-data"].as<std::string>());
  const auto key = codec::base64_decode(config["users"][0]["user"]["client-key-data"].as<std::string>());
  ASSERT_TRUE(cert && key);
  test::TempDir dir;
  const auto ca_path = dir.write("ca.crt", secrets.ca_cert_pem);
  const auto cert_path = dir.write("admin.crt", *cert);
  const auto key_path = dir.write("admin.key", *key);
  const auto verify =
      run_program({"openssl", "verify", "-CAfile", ca_path.string(), "-purpose", "sslclient", cert_path.string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  const auto subject = run_program({"openssl", "x509", "-in", cert_path.string(), "-noout", "-subject", "-ext",
                                    "extendedKeyUsage,basicConstraints"});
  EXPECT_NE(subject.out.find("subject=O = kubeadm:cluster-admins, CN = kubernetes-admin"), std::string::npos)
      << subject.out;
  EXPECT_NE(subject.out.find("TLS Web Client Authentication"), std::string::npos) << subject.out;
  EXPECT_NE(subject.out.find("CA:FALSE"), std::string::npos) << subject.out;
  EXPECT_EQ(subject.out.find("system:masters"), std::string::npos);
  // The key in the kubeconfig is the certificate's.
  const auto from_cert = run_program({"openssl", "x509", "-in", cert_path.string(), "-noout", "-pubkey"});
  const auto from_key = run_program({"openssl", "pkey", "-in", key_path.string(), "-pubout"});
  EXPECT_EQ(from_cert.out, from_key.out);
}

TEST(KubeconfigTest, TlsServerNameWhenGiven) {
  const auto text = mint_admin_kubeconfig(test::shared_secrets(), "demo", "https://127.0.0.1:16443", "10.0.0.10",
                                          util::SystemClock::instance());
  ASSERT_TRUE(text);
  const YAML::Node config = YAML::Load(*text);
  EXPECT_EQ(config["clusters"][0]["cluster"]["tls-server-name"].as<std::string>(), "10.0.0.10");
}

TEST(KubeconfigTest, RefusesAKeyThatIsNotTheCas) {
  ClusterSecrets wrong = test::shared_secrets();
  wrong.ca_key_pem = *crypto::generate_rsa_key(2048);
  const auto text = mint_admin_kubeconfig(wrong, "demo", "https://10.0.0.10:6443", "", util::SystemClock::instance());
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message().find("does not belong"), std::string::npos) << text.error().message();
}

}  // namespace
}  // namespace hopper::bootstrap
