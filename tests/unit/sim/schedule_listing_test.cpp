// The simulator skips its advance walk between changes until a transition falls due, and answers
// tag filters from a tag-key index kept until the next change: both must be invisible to clients.
#include <memory>

#include "harness.hpp"

namespace hopper::sim::test {
namespace {

using aws::Service;

// A harness on AWS timing whose clock the test moves.
struct Timed {
  std::shared_ptr<long long> now = std::make_shared<long long>(1'700'000'000'000LL);
  std::unique_ptr<Harness> h;
  Timed() {
    FrontendOptions options;
    options.world.timing = TimingMode::aws;
    options.world.clock = [now = now] { return *now; };
    h = std::make_unique<Harness>(options);
  }
  void wait_s(long long seconds) { *now += seconds * 1000; }
  std::string instance_state(const std::string& id) {
    return Harness::find(h->ec2("DescribeInstances", {{"InstanceId.1", id}}).body, "name");
  }
};

TEST(SimScheduleTest, TransitionsHappenWhenDueEvenWithOnlyReadsBetween) {
  Timed t;
  const std::string image = Harness::find(t.h->ec2("DescribeImages", {{"Owner.1", "099720109477"}}).body, "imageId");
  const std::string id = Harness::find(t.h->ec2("RunInstances", {{"ImageId", image}, {"InstanceType", "t3.micro"},
                                                                  {"MinCount", "1"}, {"MaxCount", "1"}}).body, "instanceId");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(t.instance_state(id), "pending");
  t.wait_s(5);
  EXPECT_EQ(t.instance_state(id), "pending");  // 15-30 s
  t.wait_s(30);
  EXPECT_EQ(t.instance_state(id), "running");
  EXPECT_EQ(t.instance_state(id), "running");
  EXPECT_EQ(t.h->ec2("TerminateInstances", {{"InstanceId.1", id}}).status, 200);
  EXPECT_EQ(t.instance_state(id), "shutting-down");
  t.wait_s(61);
  EXPECT_EQ(t.instance_state(id), "terminated");
  t.wait_s(3601);  // terminated instances are listed for an hour
  EXPECT_EQ(Harness::find(t.h->ec2("DescribeInstances", {{"InstanceId.1", id}}).body, "Code"), "InvalidInstanceID.NotFound");
}

TEST(SimScheduleTest, NatGatewayAndAutoScalingAdvanceBetweenReads) {
  Timed t;
  const std::string vpc = Harness::find(t.h->ec2("DescribeVpcs").body, "vpcId");
  const std::string subnet = Harness::find(t.h->ec2("DescribeSubnets").body, "subnetId");
  const std::string eip = Harness::find(t.h->ec2("AllocateAddress", {{"Domain", "vpc"}}).body, "allocationId");
  const std::string nat = Harness::find(
      t.h->ec2("CreateNatGateway", {{"SubnetId", subnet}, {"AllocationId", eip}}).body, "natGatewayId");
  ASSERT_FALSE(nat.empty());
  const auto nat_state = [&] { return Harness::find(t.h->ec2("DescribeNatGateways", {{"NatGatewayId.1", nat}}).body, "state"); };
  EXPECT_EQ(nat_state(), "pending");
  t.wait_s(30);
  EXPECT_EQ(nat_state(), "pending");  // 60-120 s
  t.wait_s(100);
  EXPECT_EQ(nat_state(), "available");

  const std::string image = Harness::find(t.h->ec2("DescribeImages", {{"Owner.1", "099720109477"}}).body, "imageId");
  EXPECT_EQ(t.h->call(Service::autoscaling, "CreateLaunchConfiguration",
                      {{"LaunchConfigurationName", "lc"}, {"ImageId", image}, {"InstanceType", "t3.micro"}}).status, 200);
  EXPECT_EQ(t.h->call(Service::autoscaling, "CreateAutoScalingGroup",
                      {{"AutoScalingGroupName", "g"}, {"LaunchConfigurationName", "lc"}, {"MinSize", "1"}, {"MaxSize", "1"},
                       {"DesiredCapacity", "1"}, {"VPCZoneIdentifier", subnet}}).status, 200);
  const auto group_instances = [&] {
    return Harness::count(t.h->call(Service::autoscaling, "DescribeAutoScalingGroups").body, "InstanceId");
  };
  EXPECT_EQ(group_instances(), 0);  // launches after 5-15 s
  t.wait_s(16);
  EXPECT_EQ(group_instances(), 1);
  (void)vpc;
}

TEST(SimListingTest, TagFiltersFollowEveryChange) {
  Harness h;
  const Pairs tagged = {{"CidrBlock", "10.0.0.0/16"}, {"TagSpecification.1.ResourceType", "vpc"},
                        {"TagSpecification.1.Tag.1.Key", "k"}, {"TagSpecification.1.Tag.1.Value", "a"}};
  const std::string first = Harness::find(h.ec2("CreateVpc", tagged).body, "vpcId");
  const std::string second = Harness::find(h.ec2("CreateVpc", {{"CidrBlock", "10.1.0.0/16"}}).body, "vpcId");
  const auto ids = [&](const Pairs& filters) {
    const std::string body = h.ec2("DescribeVpcs", filters).body;
    std::string out;
    for (int i = 0; i < Harness::count(body, "vpcId"); ++i) {
      pugi::xml_document doc;
      doc.load_string(body.c_str());
      out += std::string(doc.select_nodes("//*[local-name()='vpcId']")[static_cast<std::size_t>(i)].node().text().as_string()) + " ";
    }
    return out;
  };
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "a"}}), first + " ");
  // A tag added later is found, and the listing keeps creation order.
  EXPECT_EQ(h.ec2("CreateTags", {{"ResourceId.1", second}, {"Tag.1.Key", "k"}, {"Tag.1.Value", "b"}}).status, 200);
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}}), first + " " + second + " ");
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "b"}}), second + " ");
  // tag-key with several exact keys, and with a wildcard.
  EXPECT_EQ(h.ec2("CreateTags", {{"ResourceId.1", first}, {"Tag.1.Key", "other"}, {"Tag.1.Value", ""}}).status, 200);
  EXPECT_EQ(ids({{"Filter.1.Name", "tag-key"}, {"Filter.1.Value.1", "other"}, {"Filter.1.Value.2", "k"}}),
            first + " " + second + " ");
  EXPECT_EQ(ids({{"Filter.1.Name", "tag-key"}, {"Filter.1.Value.1", "oth*"}}), first + " ");
  // Both filters must hold.
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}, {"Filter.2.Name", "tag-key"}, {"Filter.2.Value.1", "other"}}),
            first + " ");
  EXPECT_EQ(h.ec2("DeleteTags", {{"ResourceId.1", first}, {"Tag.1.Key", "k"}}).status, 200);
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}}), second + " ");
  EXPECT_EQ(h.ec2("DeleteVpc", {{"VpcId", second}}).status, 200);
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}}), "");
  EXPECT_EQ(ids({{"Filter.1.Name", "tag:absent"}, {"Filter.1.Value.1", "*"}}), "");
  // An unknown filter is refused whatever the account holds, as AWS does.
  EXPECT_EQ(Harness::find(h.ec2("DescribeNatGateways", {{"Filter.1.Name", "colour"}, {"Filter.1.Value.1", "x"}}).body, "Code"),
            "InvalidParameterValue");
}

TEST(SimListingTest, InstanceFiltersOnStoredAndRenderedFields) {
  Harness h;
  const std::string image = Harness::find(h.ec2("DescribeImages", {{"Owner.1", "099720109477"}}).body, "imageId");
  const std::string group = Harness::find(h.ec2("DescribeSecurityGroups").body, "groupId");
  const auto run = [&](const std::string& value) {
    return Harness::find(h.ec2("RunInstances", {{"ImageId", image}, {"InstanceType", "t3.micro"}, {"MinCount", "1"}, {"MaxCount", "1"},
                                                {"TagSpecification.1.ResourceType", "instance"},
                                                {"TagSpecification.1.Tag.1.Key", "k"}, {"TagSpecification.1.Tag.1.Value", value}}).body,
                         "instanceId");
  };
  const std::string a = run("a");
  const std::string b = run("b");
  EXPECT_EQ(h.ec2("TerminateInstances", {{"InstanceId.1", b}}).status, 200);
  // One amiLaunchIndex per instance (instanceId also appears in the interfaces' attachments).
  const auto count = [&](const Pairs& filters) { return Harness::count(h.ec2("DescribeInstances", filters).body, "amiLaunchIndex"); };
  EXPECT_EQ(count({{"Filter.1.Name", "tag-key"}, {"Filter.1.Value.1", "k"}}), 2);
  EXPECT_EQ(count({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "a"}, {"Filter.1.Value.2", "b"},
                   {"Filter.2.Name", "instance-state-name"}, {"Filter.2.Value.1", "running"}}), 1);
  // The view's groups come from the interfaces, which go with the terminated instance.
  EXPECT_EQ(count({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}, {"Filter.2.Name", "instance.group-id"},
                   {"Filter.2.Value.1", group}}), 1);
  // A terminated instance has no private address any more.
  EXPECT_EQ(count({{"Filter.1.Name", "tag:k"}, {"Filter.1.Value.1", "*"}, {"Filter.2.Name", "private-ip-address"},
                   {"Filter.2.Value.1", "*"}}), 1);
  EXPECT_EQ(Harness::find(h.ec2("DescribeInstances", {{"Filter.1.Name", "colour"}, {"Filter.1.Value.1", "x"}}).body, "Code"),
            "InvalidParameterValue");
  (void)a;
}

}  // namespace
}  // namespace hopper::sim::test
