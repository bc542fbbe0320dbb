// X.509 certificates and private keys over OpenSSL 3: what a small PKI needs — an ECDSA P-256 or
// RSA key, a self-signed CA, a certificate issued by that CA, the SubjectPublicKeyInfo of a certificate, and
// a look at a certificate's subject and validity. Everything travels as PEM text.
//
// Keys are secrets: these functions never log them. Errors carry OpenSSL's reason, never key
// material.
//
// Thread-safety: pure functions (OpenSSL 3 is thread-safe for these calls).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "util/result.hpp"

namespace hopper::crypto {

// An unencrypted RSA private key of `bits` bits as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").
// REQUIRES: bits >= 2048.
util::Result<std::string> generate_rsa_key(int bits = 2048);
// An unencrypted ECDSA key on P-256 (prime256v1) as PKCS#8 PEM. Thousands of times cheaper to make
// than an RSA key of similar strength (RSA-3072); Go's crypto (kubeadm, the API server, kubectl)
// reads both.
util::Result<std::string> generate_ec_key();

// The public key of a private key (PEM, PKCS#8 or PKCS#1) as SubjectPublicKeyInfo PEM.
util::Result<std::string> public_key_of(const std::string& private_key_pem);

enum class CertificateRole { ca, client, server };

struct CertificateSpec {
  std::string common_name;
  std::vector<std::string> organizations;  // O= entries, in order
  CertificateRole role = CertificateRole::client;
  std::chrono::system_clock::time_point not_before;
  std::chrono::system_clock::time_point not_after;
  std::vector<std::string> dns_names;  // subjectAltName DNS entries (server)
  std::vector<std::string> ip_addresses;  // subjectAltName IP entries (server)
};

// A self-signed CA certificate (PEM) for `key_pem`: basicConstraints critical CA:TRUE, keyUsage
// critical digitalSignature, keyEncipherment (RSA keys only: RFC 5480 leaves it out for EC keys),
// keyCertSign; subject key identifier; a random 128-bit serial. REQUIRES: spec.role == CertificateRole::ca.
util::Result<std::string> self_signed_certificate(const std::string& key_pem, const CertificateSpec& spec);

// A certificate for `subject_public_key_pem` (SubjectPublicKeyInfo PEM) signed by the CA
// (`issuer_cert_pem`, `issuer_key_pem`) with SHA-256: CA:FALSE, keyUsage digitalSignature,
// keyEncipherment (RSA subject keys only), extendedKeyUsage clientAuth (client) or serverAuth (server), authority key
// identifier of the CA. Errors: unreadable PEM, a CA key that does not match the CA certificate.
util::Result<std::string> issue_certificate(const std::string& subject_public_key_pem, const CertificateSpec& spec,
                                            const std::string& issuer_cert_pem, const std::string& issuer_key_pem);

// The DER encoding of the certificate's SubjectPublicKeyInfo (what kubeadm's discovery hash and
// RFC 7469 pins are computed over).
util::Result<std::string> subject_public_key_info_der(const std::string& cert_pem);

struct CertificateInfo {
  std::string common_name;
  std::vector<std::string> organizations;
  std::string issuer_common_name;
  bool is_ca = false;
  std::chrono::system_clock::time_point not_before;
  std::chrono::system_clock::time_point not_after;
};
util::Result<CertificateInfo> inspect_certificate(const std::string& cert_pem);

// True when `key_pem` is the private key of `cert_pem`'s public key. Errors: unreadable PEM.
util::Result<bool> key_matches_certificate(const std::string& key_pem, const std::string& cert_pem);

// True when `cert_pem` carries a valid signature by `issuer_cert_pem`'s key.
util::Result<bool> is_signed_by(const std::string& cert_pem, const std::string& issuer_cert_pem);

}  // namespace hopper::crypto
