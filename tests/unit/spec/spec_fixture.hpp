// Shared by the spec unit tests: real public keys, a folder holding key files, and a valid base
// spec whose lines the invalid-spec table mutates one by one.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "spec/load.hpp"
#include "support/temp_dir.hpp"

namespace hopper::util {
// gtest prints addresses as text.
inline void PrintTo(const Ipv4& ip, std::ostream* os) { *os << ip.str(); }
inline void PrintTo(const Cidr& cidr, std::ostream* os) { *os << cidr.str(); }
}  // namespace hopper::util

namespace hopper::spec::fixture {

// Public halves of throwaway keys made with ssh-keygen (no private half is kept anywhere).
inline const std::string k_ed25519_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMt7HWq6fKtnE+xXH2k+N3Oif0KtByyKZeStPhyPLvc2 test@hopper";
inline const std::string k_rsa_key =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCa3MRidWAHCWuB6SIQ1dQkc6Ovbg9Dy6mmveAOa1b0oOH1Oim2EO7AeOB3Jkcf+hS7E3URyP"
    "wsHbwfchMbhgHmBR0ZKNQhe5i52QRfaAgxriiH+JBsbugArk7BCOEtR80PW7dlRu8pCfyB222mgd30TvSfatITfW84p+4rVEv/b2WbxtD0spDHU"
    "ZWV8ycmO/9mtbB6TH3aKXJI0DRpd++RcNpEDlkKgOeGLVQbkBs5i45Z0PAYXrsA5ncysVPq8KJ46qlYh0I6zBd/0jbzPHbdJ24E8X8PgOIbE5gOCo"
    "44bHa2OLgGiigCWE1rmnHl1R3VRFfsPMG4/wM4ZVz1t8gb rsa@hopper";
inline const std::string k_ecdsa_key =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBB1633ujS+IaPjWuHY4Y99iR7RC4oGSFNBBMvFZtW"
    "ely5LpNriV8BRf3bn6H8Y6Ps9gICICIaHkoiVUGA0cDkTA= ec@hopper";
// Looks like a private key file; the body is not a key.
inline const std::string k_private_key_text =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----\n";

// A temporary folder with key.pub (ed25519), rsa.pub, ec.pub, id_ed25519 (a "private key"),
// notakey.pub ("hello world") and empty.pub.
class KeyDir {
 public:
  KeyDir() {
    m_dir.write("key.pub", k_ed25519_key + "\n");
    m_dir.write("rsa.pub", k_rsa_key + "\n");
    m_dir.write("ec.pub", k_ecdsa_key + "\n");
    m_dir.write("id_ed25519", k_private_key_text);
    m_dir.write("notakey.pub", "hello world\n");
    m_dir.write("empty.pub", "");
  }
  const std::filesystem::path& path() const { return m_dir.path(); }
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    return m_dir.write(name, content);
  }

 private:
  test::TempDir m_dir;
};

// A valid spec; the numbers are its line numbers (the table's expectations depend on them).
inline const std::vector<std::string> k_base_lines = {
    "apiVersion: hopper/v1alpha1",         //  1
    "kind: Cluster",                       //  2
    "name: hopper",                        //  3
    "region: eu-west-1",                   //  4
    "network:",                            //  5
    "  vpcCIDR: 10.0.0.0/16",              //  6
    "  nat: gateway",                      //  7
    "  zones:",                            //  8
    "    - name: eu-west-1a",              //  9
    "      privateSubnet: 10.0.0.0/20",    // 10
    "      publicSubnet: 10.0.16.0/20",    // 11
    "bastion:",                            // 12
    "  enabled: true",                     // 13
    "  instanceType: t3.micro",            // 14
    "  sshAllowedCIDRs: [203.0.113.7/32]", // 15
    "  allowSSHFromAnywhere: false",       // 16
    "  rootVolumeGiB: 8",                  // 17
    "controlPlane:",                       // 18
    "  instanceType: t3.medium",           // 19
    "  privateIP: 10.0.0.10",              // 20
    "  rootVolumeGiB: 30",                 // 21
    "workers:",                            // 22
    "  instanceType: t3.medium",           // 23
    "  min: 1",                            // 24
    "  max: 1",                            // 25
    "  desired: 1",                        // 26
    "  rootVolumeGiB: 30",                 // 27
    "kubernetes:",                         // 28
    "  version: \"1.36\"",                 // 29
    "  serviceCIDR: 10.96.0.0/12",         // 30
    "  cni: amazon-vpc-cni",               // 31
    "image: stock",                        // 32
    "sshKey:",                             // 33
    "  publicKeyPath: key.pub",            // 34
    "tags:",                               // 35
    "  team: platform",                    // 36
};

// The base spec with line N (1-based) replaced by the given text, for each pair.
inline std::string mutate(const std::vector<std::pair<int, std::string>>& changes) {
  std::vector<std::string> lines = k_base_lines;
  for (const auto& [number, text] : changes) lines.at(static_cast<std::size_t>(number - 1)) = text;
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

inline std::string base_spec() { return mutate({}); }

// Loads `yaml` as "cluster.yaml" with relative key paths taken from `dir`.
inline LoadResult load(const std::string& yaml, const KeyDir& dir) {
  return load_spec_text(yaml, "cluster.yaml", dir.path());
}

inline std::vector<std::string> formatted(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.format());
  return out;
}

}  // namespace hopper::spec::fixture
