// The desired graph built from specs: the chapter's resources per zone and NAT mode, every edge
// pointing at something in the graph, no cycle, and the tags every object carries.
#include "model/builders/cluster.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "model/state.hpp"
#include "spec/defaults.hpp"
#include "support/temp_dir.hpp"
#include "util/process.hpp"

namespace hopper::model {
namespace {

spec::ClusterSpec spec_with(spec::NatMode nat, int zones) {
  spec::ClusterSpec spec = spec::default_spec();
  spec.network.nat = nat;
  spec.ssh_key.public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDk0B0qGzX3r0mYIbq1d8hPw0t7m6wA5n8z8KqvV2X3a t";
  spec.network.zones.clear();
  const char* letters = "abc";
  for (int i = 0; i < zones; ++i) {
    spec.network.zones.push_back({std::string("eu-west-1") + letters[i],
                                  *util::Cidr::parse("10.0." + std::to_string(16 * i) + ".0/20"),
                                  *util::Cidr::parse("10.0." + std::to_string(64 + 16 * i) + ".0/20")});
  }
  return spec;
}

std::map<std::string, int> kinds_of(const std::vector<std::unique_ptr<Resource>>& resources) {
  std::map<std::string, int> out;
  for (const auto& r : resources) ++out[r->key().kind];
  return out;
}

std::vector<std::unique_ptr<Resource>> build(const spec::ClusterSpec& spec) {
  ClusterInputs inputs;
  inputs.spec = &spec;
  inputs.identity = {"hopper", "eu-west-1", "123456789012", "aws", {{"team", "platform"}}};
  inputs.image_id = "ami-0123456789abcdef0";
  return build_cluster(inputs);
}

void expect_closed_and_acyclic(const std::vector<std::unique_ptr<Resource>>& resources) {
  std::set<ResourceKey> keys;
  for (const auto& r : resources) EXPECT_TRUE(keys.insert(r->key()).second) << "duplicate " << r->key().str();
  for (const auto& r : resources) {
    for (const auto& dep : r->dependencies()) EXPECT_TRUE(keys.count(dep)) << r->key().str() << " -> " << dep.str();
  }
}

TEST(BuildersTest, OneZoneWithNatGatewayIsTheChaptersTopology) {
  const auto resources = build(spec_with(spec::NatMode::gateway, 1));
  expect_closed_and_acyclic(resources);
  EXPECT_EQ(kinds_of(resources), (std::map<std::string, int>{{"auto_scaling_group", 1},
                                                              {"elastic_ip", 1},
                                                              {"iam_instance_profile", 2},
                                                              {"iam_role", 2},
                                                              {"instance", 2},
                                                              {"internet_gateway", 1},
                                                              {"key_pair", 1},
                                                              {"launch_template", 1},
                                                              {"nat_gateway", 1},
                                                              {"route", 2},
                                                              {"route_table", 2},
                                                              {"route_table_association", 2},
                                                              {"security_group", 3},
                                                              {"security_group_rules", 3},
                                                              {"ssm_parameter", 1},
                                                              {"subnet", 2},
                                                              {"vpc", 1}}));
}

TEST(BuildersTest, EachZoneGetsItsSubnetsNatAndPrivateRoute) {
  const auto resources = build(spec_with(spec::NatMode::gateway, 3));
  expect_closed_and_acyclic(resources);
  const auto kinds = kinds_of(resources);
  EXPECT_EQ(kinds.at("subnet"), 6);
  EXPECT_EQ(kinds.at("nat_gateway"), 3);
  EXPECT_EQ(kinds.at("elastic_ip"), 3);
  EXPECT_EQ(kinds.at("route_table"), 4);   // public + one private per zone
  EXPECT_EQ(kinds.at("route"), 4);
  EXPECT_EQ(kinds.at("route_table_association"), 6);
  // The workers span every private subnet and wait for every zone's route.
  for (const auto& r : resources) {
    if (r->key() != keys::workers()) continue;
    for (const char* zone : {"eu-west-1a", "eu-west-1b", "eu-west-1c"}) {
      const auto& deps = r->dependencies();
      EXPECT_NE(std::find(deps.begin(), deps.end(), ResourceKey{"subnet", std::string("private-") + zone}), deps.end());
      EXPECT_NE(std::find(deps.begin(), deps.end(), ResourceKey{"route", std::string("private-") + zone + "-default"}), deps.end());
    }
  }
}

TEST(BuildersTest, NatInstanceModeRoutesThroughAnInstancePerZone) {
  spec::ClusterSpec spec = spec_with(spec::NatMode::instance, 2);
  spec.network.nat_instance_type = "t3a.small";
  const auto resources = build(spec);
  expect_closed_and_acyclic(resources);
  const auto kinds = kinds_of(resources);
  EXPECT_EQ(kinds.count("nat_gateway"), 0u);
  EXPECT_EQ(kinds.count("elastic_ip"), 0u);
  EXPECT_EQ(kinds.at("instance"), 4);  // bastion, control plane, two NAT instances
  EXPECT_EQ(kinds.at("security_group"), 4);
  State empty;
  for (const auto& r : resources) {
    if (r->key() == ResourceKey{"instance", "nat-eu-west-1a"}) {
      const Fields fields = r->desired(empty);
      EXPECT_EQ(fields.at("source_dest_check"), "false");
      EXPECT_EQ(fields.at("instance_type"), "t3a.small");  // network.natInstanceType
    }
  }
}

TEST(BuildersTest, NoNatMeansNoDefaultRouteForPrivateSubnets) {
  const auto resources = build(spec_with(spec::NatMode::none, 1));
  expect_closed_and_acyclic(resources);
  const auto kinds = kinds_of(resources);
  EXPECT_EQ(kinds.at("route"), 1);  // the public one only
  EXPECT_EQ(kinds.count("nat_gateway"), 0u);
}

TEST(BuildersTest, EveryObjectCarriesNameClusterResourceAndExtraTags) {
  for (const auto& r : build(spec_with(spec::NatMode::gateway, 1))) {
    const auto& tags = r->tags();
    if (r->key().kind == "vpc") {
      EXPECT_EQ(tags.at("kubernetes.io/cluster/hopper"), "owned");
    }
    if (r->key().kind == "auto_scaling_group") {
      // The group's Name tag propagates to the workers it launches: it names them, not the group.
      EXPECT_EQ(tags.at("Name"), "hopper-node") << r->key().str();
    } else {
      EXPECT_EQ(tags.at("Name"), r->display_name()) << r->key().str();
    }
    EXPECT_EQ(tags.at("kubernetes.io/cluster/hopper"), "owned") << r->key().str();
    EXPECT_EQ(tags.at("hopper/resource"), r->key().str()) << r->key().str();
    EXPECT_EQ(tags.at("team"), "platform") << r->key().str();
  }
}

TEST(BuildersTest, NatInstanceUserDataPassesCloudInitSchema) {
  test::TempDir dir;
  const auto path = dir.write("nat.yaml", nat_instance_user_data("10.0.0.0/16"));
  auto run = util::run_process({"cloud-init", "schema", "--config-file", path.string()});
  ASSERT_TRUE(run.ok()) << run.error().message() << " (scripts/install-deps.sh installs cloud-init)";
  EXPECT_EQ(run->exit_code, 0) << run->out << run->err;
}

}  // namespace
}  // namespace hopper::model
