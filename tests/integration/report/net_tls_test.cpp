// net::CurlTransport's TLS options against a real TLS server on loopback that requires a client
// certificate: a private CA instead of the system store, a client certificate from memory, and
// connect_to (dial one address, verify the certificate against the URL's host).
#include <gtest/gtest.h>

#include "support/fake_kube_api.hpp"
#include "net/curl_transport.hpp"

namespace hopper::test {
namespace {

class NetTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_pki = new TestPki(make_test_pki({"10.0.1.10"})); }
  static void TearDownTestSuite() {
    delete s_pki;
    s_pki = nullptr;
  }
  void SetUp() override {
    m_api = std::make_unique<FakeKubeApi>(*s_pki);
    m_api->set_nodes(FakeKubeApi::node_list({{"ip-10-0-1-10", true}}));
  }

  net::HttpRequest request(const std::string& url) const {
    net::HttpRequest r;
    r.url = url;
    r.tls.ca_pem = s_pki->ca_cert;
    r.tls.client_cert_pem = s_pki->client_cert;
    r.tls.client_key_pem = s_pki->client_key;
    r.connect_timeout = std::chrono::milliseconds(3000);
    r.total_timeout = std::chrono::milliseconds(10000);
    return r;
  }

  static TestPki* s_pki;
  std::unique_ptr<FakeKubeApi> m_api;
  net::CurlTransport m_transport;
};
TestPki* NetTlsTest::s_pki = nullptr;

TEST_F(NetTlsTest, ClientCertificateAndPrivateCa) {
  auto response = m_transport.send(request("https://" + m_api->address() + "/api/v1/nodes"));
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("ip-10-0-1-10"), std::string::npos) << response->body;
}

TEST_F(NetTlsTest, ConnectToKeepsTheUrlHostForVerification) {
  // The URL names the control plane's private address; the connection goes to loopback.
  auto r = request("https://10.0.1.10:6443/api/v1/nodes");
  r.connect_to = m_api->address();
  auto response = m_transport.send(r);
  ASSERT_TRUE(response.ok()) << response.error().message();
  EXPECT_EQ(response->status, 200);

  // A name the certificate does not carry fails verification, wherever it connects.
  auto wrong = request("https://10.9.9.9:6443/api/v1/nodes");
  wrong.connect_to = m_api->address();
  auto refused = m_transport.send(wrong);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(net::transport_error_kind(refused.error()), net::TransportError::Kind::other) << refused.error().message();
}

TEST_F(NetTlsTest, SystemStoreDoesNotTrustThePrivateCa) {
  auto r = request("https://" + m_api->address() + "/api/v1/nodes");
  r.tls.ca_pem.clear();
  auto response = m_transport.send(r);
  ASSERT_FALSE(response.ok());
}

TEST_F(NetTlsTest, PrivateCaReplacesTheSystemStore) {
  // Trusting another CA only: the server's certificate no longer verifies.
  const TestPki other = make_test_pki();
  auto r = request("https://" + m_api->address() + "/api/v1/nodes");
  r.tls.ca_pem = other.ca_cert;
  ASSERT_FALSE(m_transport.send(r).ok());
}

TEST_F(NetTlsTest, ServerRefusesMissingOrForeignClientCertificate) {
  auto none = request("https://" + m_api->address() + "/api/v1/nodes");
  none.tls.client_cert_pem.clear();
  none.tls.client_key_pem.clear();
  auto refused = m_transport.send(none);
  EXPECT_TRUE(!refused.ok() || refused->status != 200);

  auto stranger = request("https://" + m_api->address() + "/api/v1/nodes");
  stranger.tls.client_cert_pem = s_pki->stranger_cert;
  stranger.tls.client_key_pem = s_pki->stranger_key;
  auto foreign = m_transport.send(stranger);
  EXPECT_TRUE(!foreign.ok() || foreign->status != 200);

  // And the pooled handle still works afterwards with the right certificate.
  auto again = m_transport.send(request("https://" + m_api->address() + "/api/v1/nodes"));
  ASSERT_TRUE(again.ok()) << again.error().message();
  EXPECT_EQ(again->status, 200);
}

TEST_F(NetTlsTest, PlainRequestAfterTlsRequestDoesNotInheritOptions) {
  ASSERT_TRUE(m_transport.send(request("https://" + m_api->address() + "/api/v1/nodes")).ok());
  net::HttpRequest plain;
  plain.url = "https://" + m_api->address() + "/api/v1/nodes";
  plain.connect_timeout = std::chrono::milliseconds(3000);
  // Neither the CA nor the client certificate of the previous request on the reused handle.
  ASSERT_FALSE(m_transport.send(plain).ok());
}

}  // namespace
}  // namespace hopper::test
