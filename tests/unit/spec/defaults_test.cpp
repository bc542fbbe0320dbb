#include "spec/defaults.hpp"

#include <gtest/gtest.h>

namespace hopper::spec {
namespace {

util::Cidr cidr(std::string_view text) { return util::Cidr::parse(text).value(); }

std::vector<std::string> carved(std::string_view vpc, std::size_t zones) {
  auto pairs = carve_subnets(cidr(vpc), zones);
  if (!pairs.ok()) return {pairs.error().message()};
  std::vector<std::string> out;
  for (const auto& pair : *pairs) out.push_back(pair.private_subnet.str() + " " + pair.public_subnet.str());
  return out;
}

TEST(DefaultsTest, DefaultSpecIsTheChaptersClusterModernised) {
  const ClusterSpec spec = default_spec();
  EXPECT_EQ(spec.name, "hopper");
  EXPECT_EQ(spec.region, "eu-west-1");
  EXPECT_EQ(spec.network.vpc_cidr.str(), "10.0.0.0/16");
  EXPECT_EQ(spec.network.nat, NatMode::gateway);
  EXPECT_FALSE(spec.network.existing_vpc_id.has_value());
  ASSERT_EQ(spec.network.zones.size(), 1u);
  EXPECT_EQ(spec.network.zones[0].name, "eu-west-1a");
  EXPECT_EQ(spec.network.zones[0].private_subnet.str(), "10.0.0.0/20");
  EXPECT_EQ(spec.network.zones[0].public_subnet.str(), "10.0.16.0/20");
  EXPECT_EQ(spec.network.zones[0].private_subnet.usable_addresses(), 4091u);
  EXPECT_TRUE(spec.bastion.enabled);
  EXPECT_EQ(spec.bastion.instance_type, "t3.micro");
  EXPECT_TRUE(spec.bastion.ssh_allowed_cidrs.empty());
  EXPECT_FALSE(spec.bastion.allow_ssh_from_anywhere);
  EXPECT_EQ(spec.bastion.root_volume_gib, 8);
  EXPECT_EQ(spec.control_plane.instance_type, "t3.medium");
  EXPECT_EQ(spec.control_plane.private_ip.str(), "10.0.0.10");
  EXPECT_EQ(spec.control_plane.root_volume_gib, 30);
  EXPECT_EQ(spec.workers.instance_type, "t3.medium");
  EXPECT_EQ(spec.workers.min, 1);
  EXPECT_EQ(spec.workers.max, 1);
  EXPECT_EQ(spec.workers.desired, 1);
  EXPECT_EQ(spec.workers.root_volume_gib, 30);
  EXPECT_EQ(spec.kubernetes.version, "1.36");
  EXPECT_EQ(spec.kubernetes.service_cidr.str(), "10.96.0.0/12");
  EXPECT_EQ(spec.kubernetes.cni, "amazon-vpc-cni");
  EXPECT_EQ(spec.image.mode, ImageMode::stock);
  EXPECT_EQ(spec.ssh_key.public_key_path, "~/.ssh/id_ed25519.pub");
  EXPECT_TRUE(spec.tags.empty());
}

TEST(DefaultsTest, CarvesPrivatesFromTheBottomThenPublics) {
  EXPECT_EQ(carved("10.0.0.0/16", 1), (std::vector<std::string>{"10.0.0.0/20 10.0.16.0/20"}));
  EXPECT_EQ(carved("10.0.0.0/16", 3), (std::vector<std::string>{"10.0.0.0/20 10.0.48.0/20",
                                                                 "10.0.16.0/20 10.0.64.0/20",
                                                                 "10.0.32.0/20 10.0.80.0/20"}));
  const auto eight = carved("10.0.0.0/16", 8);
  ASSERT_EQ(eight.size(), 8u);
  EXPECT_EQ(eight.back(), "10.0.112.0/20 10.0.240.0/20");  // 16 /20s fill the /16 exactly
}

TEST(DefaultsTest, CarvesSmallerSubnetsWhenTheVpcIsSmall) {
  EXPECT_EQ(carved("10.0.0.0/16", 9).front(), "10.0.0.0/21 10.0.72.0/21");
  EXPECT_EQ(carved("192.168.0.0/24", 1), (std::vector<std::string>{"192.168.0.0/25 192.168.0.128/25"}));
  EXPECT_EQ(carved("10.0.0.0/26", 2), (std::vector<std::string>{"10.0.0.0/28 10.0.0.32/28", "10.0.0.16/28 10.0.0.48/28"}));
  EXPECT_EQ(carved("10.0.0.0/27", 2),
            (std::vector<std::string>{"10.0.0.0/27 is too small to carve 4 subnets of at least /28"}));
}

TEST(DefaultsTest, CarvedSubnetsNeverOverlapAndStayInTheVpc) {
  const util::Cidr vpc = cidr("172.16.0.0/18");
  for (std::size_t zones = 1; zones <= 6; ++zones) {
    auto pairs = carve_subnets(vpc, zones);
    ASSERT_TRUE(pairs.ok());
    std::vector<util::Cidr> all;
    for (const auto& p : *pairs) all.insert(all.end(), {p.private_subnet, p.public_subnet});
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_TRUE(vpc.contains(all[i])) << all[i].str();
      for (std::size_t j = 0; j < i; ++j) EXPECT_FALSE(all[i].overlaps(all[j])) << all[i].str() << " " << all[j].str();
    }
  }
}

TEST(DefaultsTest, ZonesAndControlPlaneAddress) {
  auto zones = carve_zones(cidr("10.0.0.0/16"), {"us-east-1a", "us-east-1b"});
  ASSERT_TRUE(zones.ok());
  EXPECT_EQ((*zones)[1].name, "us-east-1b");
  EXPECT_EQ((*zones)[1].private_subnet.str(), "10.0.16.0/20");
  EXPECT_EQ((*zones)[1].public_subnet.str(), "10.0.48.0/20");
  EXPECT_EQ(default_control_plane_ip(cidr("10.0.0.0/20")).str(), "10.0.0.10");
  EXPECT_EQ(default_control_plane_ip(cidr("192.168.4.0/28")).str(), "192.168.4.10");
}

}  // namespace
}  // namespace hopper::spec
