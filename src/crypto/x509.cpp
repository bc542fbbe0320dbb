#include "crypto/x509.hpp"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

#include "crypto/digest.hpp"
#include "util/strings.hpp"

namespace hopper::crypto {
namespace {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

// "what: <OpenSSL's reason>" (the error queue is emptied).
util::Error openssl_error(const std::string& what) {
  std::string reason;
  while (const unsigned long code = ERR_get_error()) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    reason = buffer;  // the last one is the most specific
  }
  return util::Error::failed(what + (reason.empty() ? "" : ": " + reason));
}

Bio memory_bio(const std::string& text) { return Bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size()))); }

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

util::Result<Key> read_private_key(const std::string& pem) {
  Bio bio = memory_bio(pem);
  Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return openssl_error("reading a private key");
  return key;
}

util::Result<Key> read_public_key(const std::string& pem) {
  Bio bio = memory_bio(pem);
  Key key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (!key) return openssl_error("reading a public key");
  return key;
}

util::Result<Cert> read_certificate(const std::string& pem) {
  Bio bio = memory_bio(pem);
  Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) return openssl_error("reading a certificate");
  return cert;
}

util::Result<std::string> certificate_pem(X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_X509(bio.get(), cert) != 1) return openssl_error("writing a certificate");
  return bio_text(bio.get());
}

util::Status add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext) return openssl_error("making extension " + std::string(OBJ_nid2sn(nid)) + "=" + value);
  if (X509_add_ext(cert, ext.get(), -1) != 1) return openssl_error("adding an extension");
  return {};
}

util::Status set_name(X509_NAME* name, const CertificateSpec& spec) {
  for (const auto& org : spec.organizations) {
    if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(org.c_str()), -1,
                                   -1, 0) != 1) {
      return openssl_error("setting O=" + org);
    }
  }
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1, 0) != 1) {
    return openssl_error("setting CN=" + spec.common_name);
  }
  return {};
}

// Key encipherment (the TLS RSA key exchange) only means something for RSA keys.
bool is_rsa(EVP_PKEY* key) { return EVP_PKEY_is_a(key, "RSA") == 1; }

// A new certificate with version 3, a random positive 128-bit serial, `spec`'s subject and
// validity, and `public_key`.
util::Result<Cert> new_certificate(const CertificateSpec& spec, EVP_PKEY* public_key) {
  Cert cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) return openssl_error("making a certificate");
  std::string serial = random_bytes(16);
  serial[0] = static_cast<char>(serial[0] & 0x7f);  // positive
  serial[0] = static_cast<char>(serial[0] | 0x40);  // and full length
  Bignum bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(serial.data()), static_cast<int>(serial.size()), nullptr));
  if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) return openssl_error("setting a serial");
  const std::time_t from = std::chrono::system_clock::to_time_t(spec.not_before);
  const std::time_t to = std::chrono::system_clock::to_time_t(spec.not_after);
  if (!ASN1_TIME_set(X509_getm_notBefore(cert.get()), from) || !ASN1_TIME_set(X509_getm_notAfter(cert.get()), to)) {
    return openssl_error("setting the validity");
  }
  HOPPER_TRY(set_name(X509_get_subject_name(cert.get()), spec));
  if (X509_set_pubkey(cert.get(), public_key) != 1) return openssl_error("setting the public key");
  return cert;
}

std::string join_alt_names(const CertificateSpec& spec) {
  std::vector<std::string> names;
  for (const auto& dns : spec.dns_names) names.push_back("DNS:" + dns);
  for (const auto& ip : spec.ip_addresses) names.push_back("IP:" + ip);
  return util::join(names, ",");
}

std::chrono::system_clock::time_point asn1_time(const ASN1_TIME* time) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(time, &tm) != 1) return {};
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::vector<std::string> name_entries(const X509_NAME* name, int nid) {
  std::vector<std::string> out;
  for (int i = X509_NAME_get_index_by_NID(name, nid, -1); i >= 0; i = X509_NAME_get_index_by_NID(name, nid, i)) {
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len >= 0) out.emplace_back(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(len));
    OPENSSL_free(utf8);
  }
  return out;
}

}  // namespace

util::Result<std::string> generate_rsa_key(int bits) {
  Key key(EVP_RSA_gen(static_cast<unsigned int>(bits)));
  if (!key) return openssl_error("generating an RSA key");
  Bio bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return openssl_error("writing a private key");
  }
  return bio_text(bio.get());
}

util::Result<std::string> generate_ec_key() {
  Key key(EVP_EC_gen("P-256"));
  if (!key) return openssl_error("generating an ECDSA key");
  Bio bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return openssl_error("writing a private key");
  }
  return bio_text(bio.get());
}

util::Result<std::string> public_key_of(const std::string& private_key_pem) {
  HOPPER_ASSIGN(const Key key, read_private_key(private_key_pem));
  Bio bio(BIO_new(BIO_s_mem()));
  if (PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1) return openssl_error("writing a public key");
  return bio_text(bio.get());
}

util::Result<std::string> self_signed_certificate(const std::string& key_pem, const CertificateSpec& spec) {
  if (spec.role != CertificateRole::ca) return util::Error::failed("self_signed_certificate: only a CA is self-signed");
  HOPPER_ASSIGN(const Key key, read_private_key(key_pem));
  HOPPER_ASSIGN(const Cert cert, new_certificate(spec, key.get()));
  HOPPER_TRY(set_name(X509_get_issuer_name(cert.get()), spec));
  HOPPER_TRY(add_extension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE"));
  HOPPER_TRY(add_extension(cert.get(), cert.get(), NID_key_usage,
                           is_rsa(key.get()) ? "critical,digitalSignature,keyEncipherment,keyCertSign"
                                             : "critical,digitalSignature,keyCertSign"));
  HOPPER_TRY(add_extension(cert.get(), cert.get(), NID_subject_key_identifier, "hash"));
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) return openssl_error("signing the CA certificate");
  return certificate_pem(cert.get());
}

util::Result<std::string> issue_certificate(const std::string& subject_public_key_pem, const CertificateSpec& spec,
                                            const std::string& issuer_cert_pem, const std::string& issuer_key_pem) {
  if (spec.role == CertificateRole::ca) return util::Error::failed("issue_certificate: intermediate CAs are not supported");
  HOPPER_ASSIGN(const Key subject_key, read_public_key(subject_public_key_pem));
  HOPPER_ASSIGN(const Cert issuer, read_certificate(issuer_cert_pem));
  HOPPER_ASSIGN(const Key issuer_key, read_private_key(issuer_key_pem));
  if (X509_check_private_key(issuer.get(), issuer_key.get()) != 1) {
    ERR_clear_error();
    return util::Error::failed("the CA key does not belong to the CA certificate");
  }
  HOPPER_ASSIGN(const Cert cert, new_certificate(spec, subject_key.get()));
  if (X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer.get())) != 1) return openssl_error("setting the issuer");
  HOPPER_TRY(add_extension(cert.get(), issuer.get(), NID_basic_constraints, "critical,CA:FALSE"));
  HOPPER_TRY(add_extension(cert.get(), issuer.get(), NID_key_usage,
                           is_rsa(subject_key.get()) ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature"));
  HOPPER_TRY(add_extension(cert.get(), issuer.get(), NID_ext_key_usage,
                           spec.role == CertificateRole::server ? "serverAuth" : "clientAuth"));
  HOPPER_TRY(add_extension(cert.get(), issuer.get(), NID_authority_key_identifier, "keyid:always"));
  if (const std::string alt = join_alt_names(spec); !alt.empty()) {
    HOPPER_TRY(add_extension(cert.get(), issuer.get(), NID_subject_alt_name, alt));
  }
  if (X509_sign(cert.get(), issuer_key.get(), EVP_sha256()) <= 0) return openssl_error("signing a certificate");
  return certificate_pem(cert.get());
}

util::Result<std::string> subject_public_key_info_der(const std::string& cert_pem) {
  HOPPER_ASSIGN(const Cert cert, read_certificate(cert_pem));
  unsigned char* der = nullptr;
  const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert.get()), &der);
  if (len <= 0) return openssl_error("encoding the SubjectPublicKeyInfo");
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

util::Result<CertificateInfo> inspect_certificate(const std::string& cert_pem) {
  HOPPER_ASSIGN(const Cert cert, read_certificate(cert_pem));
  CertificateInfo info;
  const auto cns = name_entries(X509_get_subject_name(cert.get()), NID_commonName);
  if (!cns.empty()) info.common_name = cns.front();
  info.organizations = name_entries(X509_get_subject_name(cert.get()), NID_organizationName);
  const auto issuer = name_entries(X509_get_issuer_name(cert.get()), NID_commonName);
  if (!issuer.empty()) info.issuer_common_name = issuer.front();
  info.is_ca = X509_check_ca(cert.get()) != 0;
  info.not_before = asn1_time(X509_get0_notBefore(cert.get()));
  info.not_after = asn1_time(X509_get0_notAfter(cert.get()));
  return info;
}

util::Result<bool> key_matches_certificate(const std::string& key_pem, const std::string& cert_pem) {
  HOPPER_ASSIGN(const Cert cert, read_certificate(cert_pem));
  HOPPER_ASSIGN(const Key key, read_private_key(key_pem));
  const bool match = X509_check_private_key(cert.get(), key.get()) == 1;
  ERR_clear_error();
  return match;
}

util::Result<bool> is_signed_by(const std::string& cert_pem, const std::string& issuer_cert_pem) {
  HOPPER_ASSIGN(const Cert cert, read_certificate(cert_pem));
  HOPPER_ASSIGN(const Cert issuer, read_certificate(issuer_cert_pem));
  EVP_PKEY* issuer_key = X509_get0_pubkey(issuer.get());
  if (issuer_key == nullptr) return openssl_error("reading the issuer's public key");
  const bool ok = X509_verify(cert.get(), issuer_key) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace hopper::crypto
