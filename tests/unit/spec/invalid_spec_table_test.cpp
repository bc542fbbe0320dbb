// The invalid-spec table: one row per mistake, each with the exact problems `hopper validate`
// prints (file:line:col: path: sentence). Most rows change one line of the valid base spec in
// spec_fixture.hpp, so their line numbers are the base spec's.
#include <gtest/gtest.h>

#include "spec_fixture.hpp"

namespace hopper::spec {
namespace {

using fixture::mutate;

struct Row {
  std::string name;
  std::string yaml;
  std::vector<std::string> expected;
  bool valid = false;  // true for rows that only produce warnings
};

// gtest prints a failing row by name.
void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

std::string repeat(char c, std::size_t n) { return std::string(n, c); }

const std::string k_families =
    "t2, t3, t3a, m5, m5a, m6i, m6a, m7i, m7a, c5, c5a, c6i, c6a, c7i, c7a, r5, r5a, r6i, r6a, r7i, r7a";

std::vector<Row> rows() {
  return {
      // --- the file as a whole
      {"syntax_error", mutate({{6, "  vpcCIDR: [10.0.0.0/16"}}),
       {"cluster.yaml:7:6: YAML syntax error: end of sequence flow not found"}},
      {"empty_file", "", {"cluster.yaml: the file is empty; run `hopper init` to write a commented spec"}},
      {"only_comments", "# nothing here\n", {"cluster.yaml: the file is empty; run `hopper init` to write a commented spec"}},
      {"top_level_list", "- apiVersion: hopper/v1alpha1\n",
       {"cluster.yaml:1:1: expected a mapping of fields (apiVersion: hopper/v1alpha1, kind: Cluster, ...), got a list"}},
      {"two_documents", fixture::base_spec() + "---\nname: other\n",
       {"cluster.yaml:38:1: expected one YAML document, found 2"}},
      {"wrong_api_version", mutate({{1, "apiVersion: hopper/v1"}}),
       {"cluster.yaml:1:13: apiVersion: 'hopper/v1' is not supported (expected hopper/v1alpha1)"}},
      {"missing_kind", mutate({{2, "# no kind"}}), {"cluster.yaml: kind: missing (expected kind: Cluster)"}},
      {"wrong_kind", mutate({{2, "kind: Clusters"}}),
       {"cluster.yaml:2:7: kind: 'Clusters' is not supported (expected Cluster)"}},

      // --- unknown, duplicate and mistyped fields
      {"unknown_field_did_you_mean", mutate({{4, "regoin: eu-west-1"}}),
       {"cluster.yaml:4:1: regoin: unknown field (did you mean region?)"}},
      {"field_at_wrong_level", mutate({{32, "zones: [a]"}}),
       {"cluster.yaml:32:1: zones: unknown field (did you mean network.zones?)"}},
      {"unknown_nested_field", mutate({{14, "  instanceTyp: t3.micro"}}),
       {"cluster.yaml:14:3: bastion.instanceTyp: unknown field (did you mean instanceType?)"}},
      {"unknown_field_lists_known_ones", mutate({{16, "  colour: blue"}}),
       {"cluster.yaml:16:3: bastion.colour: unknown field (fields of bastion: enabled, instanceType, "
        "sshAllowedCIDRs, allowSSHFromAnywhere, rootVolumeGiB)"}},
      {"duplicate_field", mutate({{25, "  min: 1"}}),
       {"cluster.yaml:25:3: workers.min: duplicate field (first set on line 24)"}},
      {"integer_expected", mutate({{24, "  min: two"}}),
       {"cluster.yaml:24:8: workers.min: expected an integer, got 'two'"}},
      {"boolean_expected", mutate({{13, "  enabled: yes"}}),
       {"cluster.yaml:13:12: bastion.enabled: expected true or false, got 'yes'"}},
      {"string_expected", mutate({{36, "  team: [a, b]"}}),
       {"cluster.yaml:36:9: tags.team: expected a string, got a list"}},
      {"mapping_expected", mutate({{35, "tags: [a]"}, {36, "# none"}}),
       {"cluster.yaml:35:7: tags: expected a mapping, got a list"}},
      {"image_not_a_scalar", mutate({{32, "image: {mode: stock}"}}),
       {"cluster.yaml:32:8: image: expected stock, baked or an AMI id, got a mapping"}},
      {"list_expected", mutate({{15, "  sshAllowedCIDRs: 203.0.113.7/32"}}),
       {"cluster.yaml:15:20: bastion.sshAllowedCIDRs: expected a list of CIDRs such as [203.0.113.7/32], got "
        "'203.0.113.7/32'"}},
      {"nat_mode", mutate({{7, "  nat: nat-gateway"}}),
       {"cluster.yaml:7:8: network.nat: 'nat-gateway' must be gateway, instance or none"}},
      {"image_value", mutate({{32, "image: ubuntu"}}),
       {"cluster.yaml:32:8: image: 'ubuntu' must be stock, baked or an AMI id (ami- and 8 or 17 hex digits)"}},
      {"zone_without_name", mutate({{9, "    - nam: eu-west-1a"}}),
       {"cluster.yaml:9:7: network.zones[0].nam: unknown field (did you mean name?)",
        "cluster.yaml:9:7: network.zones[0].name: missing (e.g. eu-west-1a)"}},

      // --- addresses
      {"invalid_cidr", mutate({{6, "  vpcCIDR: 10.0.0/16"}}),
       {"cluster.yaml:6:12: network.vpcCIDR: '10.0.0/16' is not an IPv4 CIDR (expected a.b.c.d/n, e.g. 10.0.0.0/16)"}},
      {"cidr_host_bits", mutate({{30, "  serviceCIDR: 10.96.0.1/12"}}),
       {"cluster.yaml:30:16: kubernetes.serviceCIDR: 10.96.0.1/12 has host bits set (did you mean 10.96.0.0/12?)"}},
      {"invalid_ip", mutate({{20, "  privateIP: 10.0.0.300"}}),
       {"cluster.yaml:20:14: controlPlane.privateIP: '10.0.0.300' is not an IPv4 address (expected a.b.c.d, e.g. "
        "10.0.0.10)"}},
      {"subnet_outside_vpc", mutate({{11, "      publicSubnet: 10.9.0.0/20"}}),
       {"cluster.yaml:11:21: network.zones[0].publicSubnet: 10.9.0.0/20 is outside network.vpcCIDR 10.0.0.0/16"}},
      {"overlapping_subnets", mutate({{11, "      publicSubnet: 10.0.8.0/21"}}),
       {"cluster.yaml:11:21: network.zones[0].publicSubnet: 10.0.8.0/21 overlaps network.zones[0].privateSubnet "
        "10.0.0.0/20"}},
      {"subnet_too_small", mutate({{10, "      privateSubnet: 10.0.0.0/29"}}),
       {"cluster.yaml:10:22: network.zones[0].privateSubnet: 10.0.0.0/29 is too small; AWS subnets are /16 to /28",
        "cluster.yaml:20:14: controlPlane.privateIP: 10.0.0.10 is outside network.zones[0].privateSubnet "
        "10.0.0.0/29 (the control plane runs in the first zone's private subnet)"}},
      {"vpc_too_large", mutate({{6, "  vpcCIDR: 10.0.0.0/8"}}),
       {"cluster.yaml:6:12: network.vpcCIDR: 10.0.0.0/8 is too large; AWS VPCs are /16 to /28",
        "cluster.yaml:30:16: kubernetes.serviceCIDR: 10.96.0.0/12 overlaps network.vpcCIDR 10.0.0.0/8; Services "
        "need a range outside the VPC (e.g. 172.20.0.0/16)"}},
      {"service_cidr_overlaps_vpc", mutate({{30, "  serviceCIDR: 10.0.0.0/16"}}),
       {"cluster.yaml:30:16: kubernetes.serviceCIDR: 10.0.0.0/16 overlaps network.vpcCIDR 10.0.0.0/16; Services "
        "need a range outside the VPC (e.g. 10.96.0.0/12)"}},
      {"service_cidr_too_large", mutate({{30, "  serviceCIDR: 100.64.0.0/10"}}),
       {"cluster.yaml:30:16: kubernetes.serviceCIDR: 100.64.0.0/10 is too large; kube-apiserver accepts at most a "
        "/12 for Services"}},
      {"control_plane_ip_outside_subnet", mutate({{20, "  privateIP: 10.0.16.10"}}),
       {"cluster.yaml:20:14: controlPlane.privateIP: 10.0.16.10 is outside network.zones[0].privateSubnet "
        "10.0.0.0/20 (the control plane runs in the first zone's private subnet)"}},
      {"control_plane_ip_reserved_first", mutate({{20, "  privateIP: 10.0.0.2"}}),
       {"cluster.yaml:20:14: controlPlane.privateIP: 10.0.0.2 is reserved by AWS in 10.0.0.0/20 (the first four "
        "addresses and the last one of every subnet); use e.g. 10.0.0.10"}},
      {"control_plane_ip_reserved_last", mutate({{20, "  privateIP: 10.0.15.255"}}),
       {"cluster.yaml:20:14: controlPlane.privateIP: 10.0.15.255 is reserved by AWS in 10.0.0.0/20 (the first "
        "four addresses and the last one of every subnet); use e.g. 10.0.0.10"}},
      {"existing_vpc_id", mutate({{7, "  existingVpcId: vpc-12"}}),
       {"cluster.yaml:7:18: network.existingVpcId: 'vpc-12' is not a VPC id (expected vpc- and 8 or 17 hex "
        "digits, e.g. vpc-0a1b2c3d4e5f67890)"}},

      // --- name, region and zones
      {"name_characters", mutate({{3, "name: My_Cluster"}}),
       {"cluster.yaml:3:7: name: 'My_Cluster' may contain only lowercase letters, digits and hyphens (it is used "
        "in AWS names, tags and DNS labels)"}},
      {"name_too_long", mutate({{3, "name: a" + repeat('b', 32)}}),
       {"cluster.yaml:3:7: name: 'a" + repeat('b', 32) +
        "' is 33 characters long; at most 32 (it is part of AWS load balancer names, which allow 32)"}},
      {"name_starts_with_digit", mutate({{3, "name: 1st"}}), {"cluster.yaml:3:7: name: '1st' must start with a letter"}},
      {"name_trailing_hyphen", mutate({{3, "name: web-"}}),
       {"cluster.yaml:3:7: name: 'web-' must not end with a hyphen (it is used in DNS labels)"}},
      {"region_unknown", mutate({{4, "region: eu-west-9"}}),
       {"cluster.yaml:4:9: region: 'eu-west-9' is not an AWS region hopper knows (did you mean eu-west-1?)"}},
      {"zone_not_in_region", mutate({{9, "    - name: us-east-1a"}}),
       {"cluster.yaml:9:13: network.zones[0].name: us-east-1a is not a zone of region eu-west-1 (its zones: "
        "eu-west-1a, eu-west-1b, eu-west-1c)"}},
      {"duplicate_zone", mutate({{11, "      publicSubnet: 10.0.16.0/20\n    - name: eu-west-1a"}}),
       {"cluster.yaml:12:7: network.zones[1].privateSubnet: 10.0.16.0/20 (carved from network.vpcCIDR) overlaps "
        "network.zones[0].publicSubnet 10.0.16.0/20",
        "cluster.yaml:12:13: network.zones[1].name: eu-west-1a is listed twice (also network.zones[0])"}},
      {"no_zones", mutate({{8, "  zones: []"}, {9, "#"}, {10, "#"}, {11, "#"}}),
       {"cluster.yaml:8:10: network.zones: at least one zone is required (e.g. - name: eu-west-1a)"}},
      {"vpc_too_small_to_carve",
       "apiVersion: hopper/v1alpha1\nkind: Cluster\nnetwork:\n  vpcCIDR: 10.0.0.0/27\n  zones: [a, b]\n"
       "bastion:\n  sshAllowedCIDRs: [203.0.113.7/32]\nsshKey:\n  publicKeyPath: key.pub\n",
       {"cluster.yaml:5:10: network.zones: cannot carve subnets from network.vpcCIDR: 10.0.0.0/27 is too small to "
        "carve 4 subnets of at least /28 (write privateSubnet and publicSubnet for every zone)"}},

      // --- nodes
      {"workers_min_above_max", mutate({{24, "  min: 3"}}),
       {"cluster.yaml:24:8: workers.min: 3 is larger than workers.max 1"}},
      {"workers_desired_outside", mutate({{26, "  desired: 5"}}),
       {"cluster.yaml:26:12: workers.desired: 5 is outside workers.min..workers.max (1..1)"}},
      {"workers_negative", mutate({{24, "  min: -1"}}),
       {"cluster.yaml:24:8: workers.min: must not be negative, got -1"}},
      {"workers_max_zero", mutate({{24, "  min: 0"}, {25, "  max: 0"}, {26, "  desired: 0"}}),
       {"cluster.yaml:25:8: workers.max: must be at least 1, got 0"}},
      {"workers_above_cap", mutate({{25, "  max: 500"}}),
       {"cluster.yaml:25:8: workers.max: 500 is above hopper's limit of 100 workers"}},
      {"root_volume", mutate({{27, "  rootVolumeGiB: 4"}}),
       {"cluster.yaml:27:18: workers.rootVolumeGiB: 4 GiB is outside the allowed 8..16384 GiB"}},
      {"instance_family_unknown", mutate({{23, "  instanceType: x9.large"}}),
       {"cluster.yaml:23:17: workers.instanceType: unknown instance type family 'x9' in x9.large (known families: " +
        k_families + ")"}},
      {"instance_size_unknown", mutate({{14, "  instanceType: t3.huge"}}),
       {"cluster.yaml:14:17: bastion.instanceType: t3 has no size 'huge' (t3 sizes: nano, micro, small, medium, "
        "large, xlarge, 2xlarge)"}},
      {"nat_instance_type_unknown", mutate({{7, "  nat: instance\n  natInstanceType: t3.huge"}}),
       {"cluster.yaml:8:20: network.natInstanceType: t3 has no size 'huge' (t3 sizes: nano, micro, small, medium, "
        "large, xlarge, 2xlarge)"}},
      {"instance_type_arm64", mutate({{19, "  instanceType: m6g.large"}}),
       {"cluster.yaml:19:17: controlPlane.instanceType: m6g.large is an arm64 (Graviton) type; arm64 nodes are not "
        "supported yet (use an x86_64 family such as m6i)"}},
      {"control_plane_too_small", mutate({{19, "  instanceType: t2.small"}}),
       {"cluster.yaml:19:17: controlPlane.instanceType: t2.small has 1 vCPU and 2048 MiB of memory; kubeadm needs "
        "at least 2 vCPUs and 1700 MiB on the control plane (e.g. t3.medium)"}},

      // --- Kubernetes
      {"kubernetes_not_yet_supported", mutate({{29, "  version: \"1.37\""}}),
       {"cluster.yaml:29:12: kubernetes.version: 1.37 is not supported yet: cloud-provider-aws has no 1.37 "
        "release (supported: 1.34, 1.35, 1.36)"}},
      {"kubernetes_too_old", mutate({{29, "  version: 1.30"}}),
       {"cluster.yaml:29:12: kubernetes.version: 1.30 is no longer supported (supported: 1.34, 1.35, 1.36)"}},
      {"kubernetes_not_a_version", mutate({{29, "  version: latest"}}),
       {"cluster.yaml:29:12: kubernetes.version: 'latest' is not a Kubernetes version (expected major.minor or "
        "major.minor.patch, e.g. 1.36 or 1.36.2)"}},
      {"cni", mutate({{31, "  cni: calico"}}),
       {"cluster.yaml:31:8: kubernetes.cni: 'calico' is not supported; hopper installs amazon-vpc-cni (pods take "
        "VPC addresses)"}},

      // --- access
      {"ssh_from_anywhere", mutate({{15, "  sshAllowedCIDRs: [203.0.113.7/32, 0.0.0.0/0]"}}),
       {"cluster.yaml:15:37: bastion.sshAllowedCIDRs[1]: 0.0.0.0/0 lets anyone on the internet try SSH; set "
        "bastion.allowSSHFromAnywhere: true if you mean it, or use your own address, e.g. 203.0.113.7/32"}},
      {"ssh_cidr_invalid_item", mutate({{15, "  sshAllowedCIDRs: [203.0.113.7, 0.0.0.0/0]"}}),
       {"cluster.yaml:15:21: bastion.sshAllowedCIDRs[0]: '203.0.113.7' is not an IPv4 CIDR (expected a.b.c.d/n, "
        "e.g. 10.0.0.0/16)",
        "cluster.yaml:15:34: bastion.sshAllowedCIDRs[1]: 0.0.0.0/0 lets anyone on the internet try SSH; set "
        "bastion.allowSSHFromAnywhere: true if you mean it, or use your own address, e.g. 203.0.113.7/32"}},
      {"ssh_key_missing", mutate({{34, "  publicKeyPath: missing.pub"}}),
       {"cluster.yaml:34:18: sshKey.publicKeyPath: missing.pub does not exist (create a key with: ssh-keygen -t "
        "ed25519)"}},
      {"ssh_key_is_private", mutate({{34, "  publicKeyPath: id_ed25519"}}),
       {"cluster.yaml:34:18: sshKey.publicKeyPath: id_ed25519 is a private key; point sshKey.publicKeyPath at the "
        "public key (id_ed25519.pub)"}},
      {"ssh_key_not_openssh", mutate({{34, "  publicKeyPath: notakey.pub"}}),
       {"cluster.yaml:34:18: sshKey.publicKeyPath: notakey.pub is not an OpenSSH public key (expected one line "
        "like ssh-ed25519 AAAA... you@host)"}},
      {"ssh_key_ecdsa_not_importable", mutate({{34, "  publicKeyPath: ec.pub"}}),
       {"cluster.yaml:34:18: sshKey.publicKeyPath: ec.pub holds an ecdsa-sha2-nistp256 key, which EC2 cannot import "
        "(it takes ssh-ed25519 and ssh-rsa); make one with: ssh-keygen -t ed25519"}},
      {"ssh_key_empty", mutate({{34, "  publicKeyPath: empty.pub"}}),
       {"cluster.yaml:34:18: sshKey.publicKeyPath: empty.pub is empty (expected one line like ssh-ed25519 AAAA... "
        "you@host)"}},

      // --- tags
      {"tag_aws_prefix", mutate({{36, "  aws:team: platform"}}),
       {"cluster.yaml:36:13: tags.aws:team: keys starting with aws: are reserved by AWS"}},
      {"tag_cluster_prefix", mutate({{36, "  kubernetes.io/cluster/x: owned"}}),
       {"cluster.yaml:36:28: tags.kubernetes.io/cluster/x: keys starting with kubernetes.io/cluster/ are set by "
        "hopper (they mark what the cluster owns)"}},
      {"tag_value_too_long", mutate({{36, "  team: " + repeat('v', 257)}}),
       {"cluster.yaml:36:9: tags.team: the value is 257 characters long; AWS allows at most 256"}},
      {"tag_key_too_long", mutate({{36, "  " + repeat('k', 129) + ": x"}}),
       {"cluster.yaml:36:134: tags." + repeat('k', 129) + ": the key is 129 characters long; AWS allows at most 128"}},

      // --- several mistakes, all reported in one pass
      {"everything_at_once", mutate({{3, "name: Hopper"}, {24, "  min: two"}, {31, "  cni: calico"}}),
       {"cluster.yaml:3:7: name: 'Hopper' may contain only lowercase letters, digits and hyphens (it is used in "
        "AWS names, tags and DNS labels)",
        "cluster.yaml:24:8: workers.min: expected an integer, got 'two'",
        "cluster.yaml:31:8: kubernetes.cni: 'calico' is not supported; hopper installs amazon-vpc-cni (pods take "
        "VPC addresses)"}},

      // --- warnings: the spec is still valid
      {"warning_nobody_can_reach_bastion", mutate({{15, "  sshAllowedCIDRs: []"}}),
       {"cluster.yaml:15:20: warning: bastion.sshAllowedCIDRs: nobody can reach the bastion; set "
        "bastion.sshAllowedCIDRs to your address, e.g. 203.0.113.7/32"},
       true},
      {"warning_nat_instance_type_without_nat_instance", mutate({{7, "  nat: gateway\n  natInstanceType: t3.small"}}),
       {"cluster.yaml:8:20: warning: network.natInstanceType: is used only with nat: instance (nat is gateway); it "
        "is ignored"},
       true},
      {"warning_no_nat_with_stock_image", mutate({{7, "  nat: none"}}),
       {"cluster.yaml:7:8: warning: network.nat: none: private subnets get no route to the internet, so nodes "
        "with image stock cannot install Kubernetes at boot"},
       true},
  };
}

class InvalidSpecTable : public ::testing::TestWithParam<Row> {
 protected:
  static void SetUpTestSuite() { s_keys = new fixture::KeyDir(); }
  static void TearDownTestSuite() {
    delete s_keys;
    s_keys = nullptr;
  }
  static fixture::KeyDir* s_keys;
};

fixture::KeyDir* InvalidSpecTable::s_keys = nullptr;

TEST_P(InvalidSpecTable, ReportsExactlyTheseProblems) {
  const Row& row = GetParam();
  const LoadResult result = fixture::load(row.yaml, *s_keys);
  EXPECT_EQ(fixture::formatted(result.problems), row.expected);
  EXPECT_EQ(result.spec.has_value(), row.valid);
}

INSTANTIATE_TEST_SUITE_P(Rows, InvalidSpecTable, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& row) { return row.param.name; });

TEST(InvalidSpecTableSize, HasAtLeastThirtyInvalidRows) {
  const auto all = rows();
  const auto invalid = std::count_if(all.begin(), all.end(), [](const Row& r) { return !r.valid; });
  EXPECT_GE(invalid, 30);
}

TEST(InvalidSpecTableBase, BaseSpecIsValidWithoutProblems) {
  const fixture::KeyDir keys;
  const LoadResult result = fixture::load(fixture::base_spec(), keys);
  EXPECT_TRUE(result.problems.empty()) << fixture::formatted(result.problems).front();
  EXPECT_TRUE(result.spec.has_value());
}

}  // namespace
}  // namespace hopper::spec
