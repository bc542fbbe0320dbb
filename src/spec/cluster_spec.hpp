// ClusterSpec: the user's description of one cluster, as plain values (the YAML file
// `apiVersion: hopper/v1alpha1`, `kind: Cluster`, documented field by field in docs/spec.md).
//
// A ClusterSpec that comes out of load_spec_text/load_spec_file (spec/load.hpp) is complete and
// valid: every default is filled in, every subnet carved, the SSH public key read. Builders can
// rely on that without re-checking. A value-initialised ClusterSpec has only the scalar defaults
// below (no zones, no addresses); default_spec() (spec/defaults.hpp) is the complete default.
//
// Thread-safety: plain values.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/cidr.hpp"

namespace hopper::spec {

// How instances in private subnets reach the internet.
enum class NatMode { gateway, instance, none };
// Where node images come from: Ubuntu with Kubernetes installed at boot, an image hopper bakes
// once, or an AMI the user names.
enum class ImageMode { stock, baked, ami };

struct ZoneSpec {
  std::string name;  // full zone name, e.g. eu-west-1a
  util::Cidr private_subnet;
  util::Cidr public_subnet;
  bool operator==(const ZoneSpec&) const = default;
};

struct NetworkSpec {
  util::Cidr vpc_cidr;
  std::optional<std::string> existing_vpc_id;  // reuse this VPC (shared, never deleted)
  NatMode nat = NatMode::gateway;
  // The NAT instances' type (nat: instance): small and burstable is enough for a cluster's package
  // downloads and image pulls; a bigger one for heavy egress.
  std::string nat_instance_type = "t3.micro";
  std::vector<ZoneSpec> zones;  // the control plane runs in zones[0]
  bool operator==(const NetworkSpec&) const = default;
};

struct BastionSpec {
  bool enabled = true;
  std::string instance_type = "t3.micro";
  std::vector<util::Cidr> ssh_allowed_cidrs;
  bool allow_ssh_from_anywhere = false;  // required to list 0.0.0.0/0 above
  int root_volume_gib = 8;
  bool operator==(const BastionSpec&) const = default;
};

struct ControlPlaneSpec {
  std::string instance_type = "t3.medium";
  util::Ipv4 private_ip;  // inside zones[0].private_subnet, not an AWS-reserved address
  int root_volume_gib = 30;
  bool operator==(const ControlPlaneSpec&) const = default;
};

struct WorkersSpec {
  std::string instance_type = "t3.medium";
  int min = 1;
  int max = 1;
  int desired = 1;
  int root_volume_gib = 30;
  bool operator==(const WorkersSpec&) const = default;
};

struct KubernetesSpec {
  std::string version = "1.36";  // "1.36" or with a patch, "1.36.2"
  util::Cidr service_cidr;
  std::string cni = "amazon-vpc-cni";
  bool operator==(const KubernetesSpec&) const = default;
};

struct ImageSpec {
  ImageMode mode = ImageMode::stock;
  std::string ami_id;  // set when mode == ami
  bool operator==(const ImageSpec&) const = default;
};

// Optional extras the control plane installs after kubeadm init.
struct AddonsSpec {
  bool demo_app = false;  // the chapter's demo: a Deployment behind a Service of type LoadBalancer
  bool operator==(const AddonsSpec&) const = default;
};

struct SshKeySpec {
  std::string public_key_path;           // as written, e.g. ~/.ssh/id_ed25519.pub
  std::filesystem::path resolved_path;   // ~ expanded, relative paths taken from the spec's folder
  std::string public_key;                // the file's one line: "ssh-ed25519 AAAA... comment"
  bool operator==(const SshKeySpec&) const = default;
};

struct ClusterSpec {
  std::string name = "hopper";
  std::string region = "eu-west-1";
  NetworkSpec network;
  BastionSpec bastion;
  ControlPlaneSpec control_plane;
  WorkersSpec workers;
  KubernetesSpec kubernetes;
  ImageSpec image;
  AddonsSpec addons;
  SshKeySpec ssh_key;
  std::map<std::string, std::string> tags;  // extra tags for every AWS resource
  std::filesystem::path source_path;        // the file it was loaded from
  bool operator==(const ClusterSpec&) const = default;
};

// The YAML spelling of the enums ("gateway", "stock", ...).
std::string_view to_string(NatMode mode);
std::string_view to_string(ImageMode mode);
// nullopt for anything but the exact lowercase spelling.
std::optional<NatMode> parse_nat_mode(std::string_view text);

}  // namespace hopper::spec
