// Loading: file handling, defaults for what is left out, and how problems are reported.
#include "spec/load.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "spec/source_map.hpp"
#include "spec_fixture.hpp"

namespace hopper::spec {
namespace {

namespace fs = std::filesystem;

const std::string k_minimal =
    "apiVersion: hopper/v1alpha1\n"
    "kind: Cluster\n"
    "bastion:\n"
    "  sshAllowedCIDRs: [203.0.113.7/32]\n"
    "sshKey:\n"
    "  publicKeyPath: key.pub\n";

ClusterSpec load_ok(const std::string& yaml, const fixture::KeyDir& keys) {
  LoadResult result = fixture::load(yaml, keys);
  EXPECT_TRUE(result.spec.has_value()) << (result.problems.empty() ? "" : result.problems.front().format());
  return result.spec.value_or(ClusterSpec{});
}

TEST(ProblemTest, FormatsLikeACompiler) {
  Problem p{"cluster.yaml", 12, 11, "network.zones[0].publicSubnet", "10.9.0.0/20 is outside network.vpcCIDR 10.0.0.0/16",
            Problem::Severity::error};
  EXPECT_EQ(p.format(),
            "cluster.yaml:12:11: network.zones[0].publicSubnet: 10.9.0.0/20 is outside network.vpcCIDR 10.0.0.0/16");
  p.severity = Problem::Severity::warning;
  EXPECT_EQ(p.format(), "cluster.yaml:12:11: warning: network.zones[0].publicSubnet: 10.9.0.0/20 is outside "
                        "network.vpcCIDR 10.0.0.0/16");
  EXPECT_EQ((Problem{"c.yaml", 0, 0, "kind", "missing", Problem::Severity::error}).format(), "c.yaml: kind: missing");
  EXPECT_EQ((Problem{"c.yaml", 3, 1, "", "YAML syntax error: x", Problem::Severity::error}).format(),
            "c.yaml:3:1: YAML syntax error: x");
  EXPECT_STREQ(to_string(Problem::Severity::warning), "warning");
}

TEST(ProblemTest, SortsByPositionWithUnknownLast) {
  std::vector<Problem> problems = {{"f", 0, 0, "a", "1"}, {"f", 5, 3, "b", "2"}, {"f", 2, 9, "c", "3"},
                                   {"f", 5, 1, "d", "4"}, {"f", 2, 9, "e", "5"}};
  sort_by_position(problems);
  std::string order;
  for (const auto& p : problems) order += p.path;
  EXPECT_EQ(order, "cedba");
  EXPECT_EQ(count_errors(problems), 5u);
  problems[0].severity = Problem::Severity::warning;
  EXPECT_EQ(count_warnings(problems), 1u);
}

TEST(SourceMapTest, LocatesDefaultsAtTheirNearestWrittenParent) {
  SourceMap sources;
  sources.set("network", {5, 1});
  sources.set("network.zones[0]", {9, 7});
  sources.set("tags.example.com/team", {20, 3});
  EXPECT_EQ(sources.locate("network.zones[0].privateSubnet"), (Location{9, 7}));
  EXPECT_EQ(sources.locate("network.vpcCIDR"), (Location{5, 1}));
  EXPECT_EQ(sources.locate("kubernetes.serviceCIDR"), (Location{}));
  EXPECT_EQ(sources.locate("tags.example.com/team"), (Location{20, 3}));
  EXPECT_TRUE(sources.written("network.zones[0]"));
  EXPECT_FALSE(sources.written("network.zones[0].name"));
  sources.mark_invalid("network.zones[0]");
  EXPECT_TRUE(sources.invalid("network.zones[0].privateSubnet"));
  EXPECT_FALSE(sources.invalid("network.zones[1]"));
  EXPECT_EQ(SourceMap::parent("tags.a.b"), "tags");
  EXPECT_EQ(SourceMap::parent("network.zones[2]"), "network.zones");
  EXPECT_EQ(SourceMap::parent("name"), "");
}

TEST(LoadTest, MinimalSpecTakesEveryDefault) {
  const fixture::KeyDir keys;
  const ClusterSpec spec = load_ok(k_minimal, keys);
  EXPECT_EQ(spec.name, "hopper");
  ASSERT_EQ(spec.network.zones.size(), 1u);
  EXPECT_EQ(spec.network.zones[0].name, "eu-west-1a");
  EXPECT_EQ(spec.network.zones[0].public_subnet.str(), "10.0.16.0/20");
  EXPECT_EQ(spec.control_plane.private_ip.str(), "10.0.0.10");
  EXPECT_EQ(spec.kubernetes.service_cidr.str(), "10.96.0.0/12");
  EXPECT_EQ(spec.ssh_key.public_key, fixture::k_ed25519_key);
  EXPECT_EQ(spec.ssh_key.resolved_path, keys.path() / "key.pub");
  EXPECT_EQ(spec.source_path, fs::path("cluster.yaml"));
}

TEST(LoadTest, NullAndEmptyValuesMeanTheDefault) {
  const fixture::KeyDir keys;
  const ClusterSpec spec = load_ok(k_minimal + "name:\nregion: ~\nnetwork:\nworkers: {}\ntags:\n", keys);
  EXPECT_EQ(spec.name, "hopper");
  EXPECT_EQ(spec.region, "eu-west-1");
  EXPECT_EQ(spec.workers.max, 1);
  EXPECT_TRUE(spec.tags.empty());
}

TEST(LoadTest, ZonesMayBeBareNamesOrLettersAndGetCarvedSubnets) {
  const fixture::KeyDir keys;
  const ClusterSpec spec = load_ok(k_minimal + "region: us-east-1\nnetwork:\n  vpcCIDR: 10.20.0.0/16\n"
                                                "  zones: [us-east-1d, e, {name: f, publicSubnet: 10.20.200.0/24}]\n",
                                   keys);
  ASSERT_EQ(spec.network.zones.size(), 3u);
  EXPECT_EQ(spec.network.zones[0].name, "us-east-1d");
  EXPECT_EQ(spec.network.zones[1].name, "us-east-1e");
  EXPECT_EQ(spec.network.zones[2].name, "us-east-1f");
  EXPECT_EQ(spec.network.zones[0].private_subnet.str(), "10.20.0.0/20");
  EXPECT_EQ(spec.network.zones[1].public_subnet.str(), "10.20.64.0/20");
  EXPECT_EQ(spec.network.zones[2].private_subnet.str(), "10.20.32.0/20");
  EXPECT_EQ(spec.network.zones[2].public_subnet.str(), "10.20.200.0/24");  // written, kept
  EXPECT_EQ(spec.control_plane.private_ip.str(), "10.20.0.10");
}

TEST(LoadTest, WorkerCountsDefaultFromEachOther) {
  const fixture::KeyDir keys;
  const auto workers = [&](const std::string& fields) { return load_ok(k_minimal + "workers:\n" + fields, keys).workers; };
  const WorkersSpec two = workers("  min: 2\n");
  EXPECT_EQ(two.max, 2);
  EXPECT_EQ(two.desired, 2);
  const WorkersSpec zero_to_three = workers("  min: 0\n  max: 3\n");
  EXPECT_EQ(zero_to_three.desired, 1);
  const WorkersSpec up_to_five = workers("  max: 5\n");
  EXPECT_EQ(up_to_five.min, 1);
  EXPECT_EQ(up_to_five.desired, 1);
}

TEST(LoadTest, ReadsEveryFieldItIsGiven) {
  const fixture::KeyDir keys;
  const ClusterSpec spec = load_ok(
      "apiVersion: hopper/v1alpha1\nkind: Cluster\nname: edge-7\nregion: eu-central-1\n"
      "network: {vpcCIDR: 172.16.0.0/16, existingVpcId: vpc-0a1b2c3d4e5f67890, nat: instance,\n"
      "  zones: [{name: eu-central-1b, privateSubnet: 172.16.0.0/19, publicSubnet: 172.16.32.0/24}]}\n"
      "bastion: {enabled: false, instanceType: t3a.nano, sshAllowedCIDRs: [0.0.0.0/0], allowSSHFromAnywhere: true,\n"
      "  rootVolumeGiB: 10}\n"
      "controlPlane: {instanceType: m6i.large, privateIP: 172.16.1.1, rootVolumeGiB: 50}\n"
      "workers: {instanceType: c7i.xlarge, min: 0, max: 10, desired: 3, rootVolumeGiB: 100}\n"
      "kubernetes: {version: 1.35.2, serviceCIDR: 192.168.0.0/16, cni: amazon-vpc-cni}\n"
      "image: ami-0123456789abcdef0\nsshKey: {publicKeyPath: rsa.pub}\n"
      "tags: {team: platform, cost-center: \"42\", empty:}\n",
      keys);
  EXPECT_EQ(spec.name, "edge-7");
  EXPECT_EQ(spec.network.existing_vpc_id, std::optional<std::string>("vpc-0a1b2c3d4e5f67890"));
  EXPECT_EQ(spec.network.nat, NatMode::instance);
  EXPECT_EQ(spec.network.zones[0].private_subnet.str(), "172.16.0.0/19");
  EXPECT_FALSE(spec.bastion.enabled);
  EXPECT_EQ(spec.bastion.instance_type, "t3a.nano");
  EXPECT_TRUE(spec.bastion.allow_ssh_from_anywhere);
  EXPECT_EQ(spec.bastion.root_volume_gib, 10);
  EXPECT_EQ(spec.control_plane.instance_type, "m6i.large");
  EXPECT_EQ(spec.control_plane.private_ip.str(), "172.16.1.1");
  EXPECT_EQ(spec.control_plane.root_volume_gib, 50);
  EXPECT_EQ(spec.workers.instance_type, "c7i.xlarge");
  EXPECT_EQ(spec.workers.min, 0);
  EXPECT_EQ(spec.workers.max, 10);
  EXPECT_EQ(spec.workers.desired, 3);
  EXPECT_EQ(spec.workers.root_volume_gib, 100);
  EXPECT_EQ(spec.kubernetes.version, "1.35.2");
  EXPECT_EQ(spec.kubernetes.service_cidr.str(), "192.168.0.0/16");
  EXPECT_EQ(spec.image.mode, ImageMode::ami);
  EXPECT_EQ(spec.image.ami_id, "ami-0123456789abcdef0");
  EXPECT_EQ(spec.ssh_key.public_key, fixture::k_rsa_key);
  EXPECT_EQ(spec.tags, (std::map<std::string, std::string>{{"team", "platform"}, {"cost-center", "42"}, {"empty", ""}}));
}

TEST(LoadTest, BakedImage) {
  const fixture::KeyDir keys;
  EXPECT_EQ(load_ok(k_minimal + "image: baked\n", keys).image.mode, ImageMode::baked);
}

TEST(LoadTest, SpecFileMissingOrAFolder) {
  const fixture::KeyDir keys;
  const LoadResult missing = load_spec_file(keys.path() / "cluster.yaml");
  EXPECT_FALSE(missing.spec.has_value());
  EXPECT_EQ(fixture::formatted(missing.problems),
            std::vector<std::string>{(keys.path() / "cluster.yaml").string() +
                                     ": does not exist; run `hopper init` to write one, or pass -f FILE"});
  const LoadResult folder = load_spec_file(keys.path());
  EXPECT_EQ(fixture::formatted(folder.problems),
            std::vector<std::string>{keys.path().string() + ": is a folder, not a spec file (pass -f FILE)"});
}

TEST(LoadTest, SpecFileTakesRelativeKeyPathsFromItsFolder) {
  const fixture::KeyDir keys;
  keys.write("sub/cluster.yaml", k_minimal);
  keys.write("sub/key.pub", fixture::k_rsa_key + "\n");
  const LoadResult result = load_spec_file(keys.path() / "sub/cluster.yaml");
  ASSERT_TRUE(result.spec.has_value());
  EXPECT_EQ(result.spec->ssh_key.public_key, fixture::k_rsa_key);  // sub/key.pub, not the outer key.pub
  EXPECT_EQ(result.spec->source_path, keys.path() / "sub/cluster.yaml");
}

TEST(LoadTest, LoadValidSpecPrintsEveryProblemAndCountsErrors) {
  const fixture::KeyDir keys;
  const fs::path file = keys.write("bad.yaml", fixture::mutate({{3, "name: Bad"}, {15, "  sshAllowedCIDRs: []"}, {24, "  min: x"}}));
  std::ostringstream diagnostics;
  auto result = load_valid_spec(file, diagnostics);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().exit_code(), util::ExitCode::usage);
  EXPECT_EQ(result.error().message(), file.string() + ": 2 errors (see above)");
  const std::string printed = diagnostics.str();
  EXPECT_NE(printed.find(file.string() + ":3:7: name: 'Bad' may contain only"), std::string::npos) << printed;
  EXPECT_NE(printed.find(file.string() + ":15:20: warning: bastion.sshAllowedCIDRs: nobody can reach"), std::string::npos);
  EXPECT_NE(printed.find(file.string() + ":24:8: workers.min: expected an integer, got 'x'\n"), std::string::npos);
}

TEST(LoadTest, LoadValidSpecReturnsTheSpecAndStillPrintsWarnings) {
  const fixture::KeyDir keys;
  const fs::path file = keys.write("ok.yaml", fixture::mutate({{15, "  sshAllowedCIDRs: []"}}));
  std::ostringstream diagnostics;
  auto result = load_valid_spec(file, diagnostics);
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(result->name, "hopper");
  EXPECT_EQ(diagnostics.str(), file.string() + ":15:20: warning: bastion.sshAllowedCIDRs: nobody can reach the bastion; "
                                               "set bastion.sshAllowedCIDRs to your address, e.g. 203.0.113.7/32\n");
}

TEST(LoadTest, OddYamlNeverThrows) {
  const fixture::KeyDir keys;
  for (const char* yaml : {"*alias\n", "&a [1, *a]\n", "{a: b}: c\n", "? [x]\n: y\n", "\t- x\n", "%YAML 9.9\n---\na: 1\n",
                           "!!binary x\n", "apiVersion: !!int hopper\n", "name: &n hopper\nregion: *n\n"}) {
    const LoadResult result = fixture::load(yaml, keys);
    EXPECT_FALSE(result.spec.has_value()) << yaml;
    EXPECT_FALSE(result.problems.empty()) << yaml;
  }
}

}  // namespace
}  // namespace hopper::spec
