// Availability zones over real HTTP against moto_server.
#include <gtest/gtest.h>

#include "aws/ec2/availability_zones.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2AvailabilityZonesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2AvailabilityZonesTest, ListsTheRegionsZones) {
  auto zones = describe_availability_zones(ec2());
  ASSERT_TRUE(zones.ok()) << zones.error().message();
  ASSERT_GE(zones->size(), 3u);
  for (const auto& zone : *zones) {
    EXPECT_TRUE(zone.name.starts_with("eu-west-1")) << zone.name;
    EXPECT_EQ(zone.region, "eu-west-1");
    EXPECT_EQ(zone.state, "available");
    EXPECT_FALSE(zone.zone_id.empty());
  }
}

TEST_F(Ec2AvailabilityZonesTest, NarrowsToNames) {
  auto zones = describe_availability_zones(ec2(), {"eu-west-1a", "eu-west-1c"});
  ASSERT_TRUE(zones.ok()) << zones.error().message();
  ASSERT_EQ(zones->size(), 2u);
  EXPECT_EQ(zones->at(0).name, "eu-west-1a");
  EXPECT_EQ(zones->at(1).name, "eu-west-1c");
}

}  // namespace
}  // namespace hopper::aws::ec2
