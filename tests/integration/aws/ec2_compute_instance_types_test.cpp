// Instance types against moto over real HTTP: the facts of named types, an unknown type, and
// the whole catalogue (more than one page of 100 on AWS).
#include "aws/ec2/instance_types.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

class Ec2ComputeInstanceTypesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }
  std::unique_ptr<test::TestAws> m_aws;
};

TEST_F(Ec2ComputeInstanceTypesTest, DescribesNamedTypes) {
  auto types = describe_instance_types(ec2(), {"t3.medium", "m6g.large"});
  ASSERT_TRUE(types.ok()) << types.error().message();
  ASSERT_EQ(types->size(), 2u);
  auto find = [&](const std::string& name) {
    return *std::find_if(types->begin(), types->end(), [&](const InstanceTypeInfo& t) { return t.type == name; });
  };
  const auto t3 = find("t3.medium");
  EXPECT_EQ(t3.vcpus, 2);
  EXPECT_EQ(t3.memory_mib, 4096);
  EXPECT_EQ(t3.architectures, std::vector<std::string>{"x86_64"});
  EXPECT_EQ(t3.max_network_interfaces, 3);
  EXPECT_EQ(t3.ipv4_addresses_per_interface, 6);
  const auto m6g = find("m6g.large");
  EXPECT_EQ(m6g.vcpus, 2);
  EXPECT_EQ(m6g.memory_mib, 8192);
  EXPECT_EQ(m6g.architectures, std::vector<std::string>{"arm64"});
  EXPECT_EQ(m6g.ipv4_addresses_per_interface, 10);
}

TEST_F(Ec2ComputeInstanceTypesTest, UnknownTypeIsAnError) {
  auto types = describe_instance_types(ec2(), {"t9.huge"});
  ASSERT_FALSE(types.ok());
  EXPECT_EQ(error_code(types.error()), "InvalidInstanceType");
}

TEST_F(Ec2ComputeInstanceTypesTest, ListsTheWholeCatalogue) {
  auto all = describe_instance_types(ec2(), {});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_GT(all->size(), 100u);
  auto arm = describe_instance_types(ec2(), {}, {{"processor-info.supported-architecture", {"arm64"}}});
  ASSERT_TRUE(arm.ok()) << arm.error().message();
  ASSERT_FALSE(arm->empty());
  EXPECT_LT(arm->size(), all->size());
  for (const auto& type : *arm) {
    EXPECT_NE(std::find(type.architectures.begin(), type.architectures.end(), "arm64"), type.architectures.end())
        << type.type;
  }
}

}  // namespace
}  // namespace hopper::aws::ec2
