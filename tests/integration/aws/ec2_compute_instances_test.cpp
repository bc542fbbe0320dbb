// Instances against moto over real HTTP: a hardened, tagged launch into a subnet (IMDSv2, hop
// limit 2, encrypted gp3 root, IAM profile, user data, fixed private IP, public address), lookup by
// tag, stop/start/terminate, pagination past one page, console output, dry run.
#include "aws/ec2/instances.hpp"

#include <gtest/gtest.h>

#include "aws/ec2/images.hpp"
#include "aws/ec2/instances_run.hpp"
#include "aws/ec2/key_pairs.hpp"
#include "aws/ec2/volumes.hpp"
#include "aws/ec2/vpcs.hpp"
#include "support/aws_session.hpp"
#include "support/moto.hpp"

namespace hopper::aws::ec2 {
namespace {

constexpr const char* k_public_key =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILJ1811DR6OkfV+fyWSwpL3TDckLVCAPoVwazhBd2ewo hopper@test";

class Ec2ComputeInstancesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    test::MotoServer::shared().reset();
    m_aws = test::make_test_aws(test::MotoServer::shared().endpoint());
  }
  Client ec2() { return Client(*m_aws->session); }

  // An image of moto's stock set (Canonical's xenial; any image will do for launches).
  std::string image_id() {
    auto images = describe_images(
        ec2(), {{"099720109477"}, {{"name", {"ubuntu/images/hvm-ssd/ubuntu-xenial-16.04-amd64-server-*"}}}, {}});
    EXPECT_TRUE(images.ok() && !images->empty()) << (images.ok() ? "no image" : images.error().message());
    return images.ok() && !images->empty() ? images->front().id : "";
  }

  // A VPC, a subnet 10.0.1.0/24 in eu-west-1a and a security group, made with raw calls (the
  // typed subnet and group operations belong to another family).
  void make_network() {
    auto vpc = create_vpc(ec2(), "10.0.0.0/16", {{"Name", "it"}});
    ASSERT_TRUE(vpc.ok()) << vpc.error().message();
    m_vpc_id = vpc->id;
    QueryParams subnet;
    subnet.set("VpcId", m_vpc_id).set("CidrBlock", "10.0.1.0/24").set("AvailabilityZone", "eu-west-1a");
    auto created = ec2().call("CreateSubnet", subnet);
    ASSERT_TRUE(created.ok()) << created.error().message();
    m_subnet_id = codec::text(codec::child(created->result(), "subnet"), "subnetId");
    QueryParams group;
    group.set("GroupName", "nodes").set("GroupDescription", "nodes").set("VpcId", m_vpc_id);
    auto sg = ec2().call("CreateSecurityGroup", group);
    ASSERT_TRUE(sg.ok()) << sg.error().message();
    m_group_id = codec::text(sg->result(), "groupId");
    ASSERT_FALSE(m_subnet_id.empty());
    ASSERT_FALSE(m_group_id.empty());
  }

  void make_instance_profile(const std::string& name) {
    QueryParams params;
    params.set("InstanceProfileName", name);
    auto created = m_aws->session->query(Service::iam, "CreateInstanceProfile", params);
    ASSERT_TRUE(created.ok()) << created.error().message();
  }

  RunInstancesRequest small(const std::string& name) {
    RunInstancesRequest request;
    request.image_id = image_id();
    request.instance_type = "t3.micro";
    request.subnet_id = m_subnet_id;
    request.security_group_ids = {m_group_id};
    request.tags = {{"Name", name}, {"kubernetes.io/cluster/c1", "owned"}};
    return request;
  }

  std::unique_ptr<test::TestAws> m_aws;
  std::string m_vpc_id;
  std::string m_subnet_id;
  std::string m_group_id;
};

TEST_F(Ec2ComputeInstancesTest, LaunchesATaggedHardenedInstanceWithAPublicAddress) {
  make_network();
  make_instance_profile("hopper-node");
  ASSERT_TRUE(import_key_pair(ec2(), "hopper-admin", k_public_key).ok());

  RunInstancesRequest request = small("cp-1");
  request.instance_type = "t3.medium";
  request.key_name = "hopper-admin";
  request.private_ip_address = "10.0.1.10";
  request.associate_public_ip = true;
  request.iam_instance_profile_name = "hopper-node";
  request.user_data = "#cloud-config\nhostname: cp-1\n";
  request.client_token = "run-42-cp-1";
  request.metadata_options = MetadataOptions{"required", 2, "enabled"};
  request.root_volume = BlockDevice{"/dev/sda1", 20, "gp3", true, true};
  auto launched = run_instances(ec2(), request);
  ASSERT_TRUE(launched.ok()) << launched.error().message();
  ASSERT_EQ(launched->size(), 1u);
  const Instance& instance = launched->front();
  EXPECT_EQ(instance.state.name, "pending");
  EXPECT_EQ(instance.client_token, "run-42-cp-1");

  auto found = describe_instances(ec2(), {{"tag:kubernetes.io/cluster/c1", {"owned"}}, {"tag:Name", {"cp-1"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  const Instance& got = found->front();
  EXPECT_EQ(got.id, instance.id);
  EXPECT_EQ(got.image_id, request.image_id);
  EXPECT_EQ(got.instance_type, "t3.medium");
  EXPECT_EQ(got.key_name, "hopper-admin");
  EXPECT_EQ(got.subnet_id, m_subnet_id);
  EXPECT_EQ(got.vpc_id, m_vpc_id);
  EXPECT_EQ(got.private_ip_address, "10.0.1.10");
  EXPECT_FALSE(got.public_ip_address.empty());
  EXPECT_FALSE(got.private_dns_name.empty());
  EXPECT_FALSE(got.availability_zone.empty());
  // moto lists the groups of a NetworkInterface.1 launch only under the interface.
  EXPECT_EQ(got.security_group_ids, std::vector<std::string>{m_group_id});
  EXPECT_EQ(got.network_interface_ids.size(), 1u);
  EXPECT_EQ(got.iam_instance_profile_arn, "arn:aws:iam::123456789012:instance-profile/hopper-node");
  EXPECT_EQ(got.metadata_options, (MetadataOptions{"required", 2, "enabled"}));
  EXPECT_EQ(got.client_token, "run-42-cp-1");
  EXPECT_EQ(got.tags.at("Name"), "cp-1");
  EXPECT_EQ(got.tags.at("kubernetes.io/cluster/c1"), "owned");
  EXPECT_FALSE(got.launch_time.empty());

  // The root volume: encrypted gp3 of 20 GiB, tagged in the launch call.
  ASSERT_EQ(got.volumes.size(), 1u);
  EXPECT_EQ(got.volumes[0].device_name, "/dev/sda1");
  EXPECT_TRUE(got.volumes[0].delete_on_termination);
  auto volumes = describe_volumes(ec2(), {}, {got.volumes[0].volume_id});
  ASSERT_TRUE(volumes.ok()) << volumes.error().message();
  ASSERT_EQ(volumes->size(), 1u);
  EXPECT_EQ(volumes->front().volume_type, "gp3");
  EXPECT_EQ(volumes->front().size_gib, 20);
  EXPECT_TRUE(volumes->front().encrypted);
  EXPECT_EQ(volumes->front().tags.at("kubernetes.io/cluster/c1"), "owned");
  ASSERT_EQ(volumes->front().attachments.size(), 1u);
  EXPECT_EQ(volumes->front().attachments[0].instance_id, instance.id);

  // User data round trip (DescribeInstanceAttribute userData).
  auto user_data = describe_instance_user_data(ec2(), instance.id);
  ASSERT_TRUE(user_data.ok()) << user_data.error().message();
  EXPECT_EQ(*user_data, "#cloud-config\nhostname: cp-1\n");
}

TEST_F(Ec2ComputeInstancesTest, PlainLaunchPutsGroupsInGroupSetAndThePrivateIpInTheSubnet) {
  make_network();
  RunInstancesRequest request = small("worker-1");
  request.private_ip_address = "10.0.1.20";
  auto launched = run_instances(ec2(), request);
  ASSERT_TRUE(launched.ok()) << launched.error().message();
  ASSERT_EQ(launched->size(), 1u);
  auto found = describe_instances(ec2(), {}, {launched->front().id});
  ASSERT_TRUE(found.ok()) << found.error().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().private_ip_address, "10.0.1.20");
  EXPECT_EQ(found->front().subnet_id, m_subnet_id);
  EXPECT_EQ(found->front().security_group_ids, std::vector<std::string>{m_group_id});
  EXPECT_TRUE(found->front().public_ip_address.empty()) << found->front().public_ip_address;
}

TEST_F(Ec2ComputeInstancesTest, CountLaunchesSeveralInOneReservation) {
  make_network();
  RunInstancesRequest request = small("batch");
  request.count = 3;
  auto launched = run_instances(ec2(), request);
  ASSERT_TRUE(launched.ok()) << launched.error().message();
  EXPECT_EQ(launched->size(), 3u);
  auto found = describe_instances(ec2(), {{"tag:Name", {"batch"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  EXPECT_EQ(found->size(), 3u);
}

TEST_F(Ec2ComputeInstancesTest, DryRunAnswersDryRunOperationAndLaunchesNothing) {
  make_network();
  RunInstancesRequest request = small("dry");
  request.dry_run = true;
  auto launched = run_instances(ec2(), request);
  ASSERT_FALSE(launched.ok());
  EXPECT_EQ(error_code(launched.error()), codes::dry_run_operation);
  auto found = describe_instances(ec2(), {{"tag:Name", {"dry"}}});
  ASSERT_TRUE(found.ok()) << found.error().message();
  EXPECT_TRUE(found->empty());
}

TEST_F(Ec2ComputeInstancesTest, StopsStartsAndTerminates) {
  make_network();
  auto launched = run_instances(ec2(), small("cycle"));
  ASSERT_TRUE(launched.ok()) << launched.error().message();
  const std::string id = launched->front().id;

  auto stopped = stop_instances(ec2(), {id});
  ASSERT_TRUE(stopped.ok()) << stopped.error().message();
  ASSERT_EQ(stopped->size(), 1u);
  EXPECT_EQ(stopped->front().instance_id, id);
  EXPECT_TRUE(stopped->front().current_state.name == "stopping" || stopped->front().current_state.name == "stopped")
      << stopped->front().current_state.name;
  auto after_stop = describe_instances(ec2(), {}, {id});
  ASSERT_TRUE(after_stop.ok()) << after_stop.error().message();
  EXPECT_EQ(after_stop->front().state.name, "stopped");
  EXPECT_EQ(after_stop->front().state.code, 80);

  auto started = start_instances(ec2(), {id});
  ASSERT_TRUE(started.ok()) << started.error().message();
  EXPECT_TRUE(started->front().current_state.name == "pending" || started->front().current_state.name == "running")
      << started->front().current_state.name;
  EXPECT_EQ(started->front().previous_state.name, "stopped");

  auto terminated = terminate_instances(ec2(), {id});
  ASSERT_TRUE(terminated.ok()) << terminated.error().message();
  ASSERT_EQ(terminated->size(), 1u);
  EXPECT_TRUE(terminated->front().current_state.name == "shutting-down" ||
              terminated->front().current_state.name == "terminated")
      << terminated->front().current_state.name;
  auto gone = describe_instances(ec2(), {}, {id});
  ASSERT_TRUE(gone.ok()) << gone.error().message();
  ASSERT_EQ(gone->size(), 1u);  // terminated instances stay listed for a while
  EXPECT_TRUE(gone->front().state.name == "shutting-down" || gone->front().state.name == "terminated")
      << gone->front().state.name;
  auto running = describe_instances(ec2(), {{"tag:Name", {"cycle"}}, {"instance-state-name", {"pending", "running"}}});
  ASSERT_TRUE(running.ok()) << running.error().message();
  EXPECT_TRUE(running->empty());
  // Terminating again is not an error.
  EXPECT_TRUE(terminate_instances(ec2(), {id}).ok());
}

TEST_F(Ec2ComputeInstancesTest, PaginatesSevenInstancesInPagesOfFive) {
  make_network();
  // Seven launches, seven reservations: moto pages DescribeInstances by reservation.
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(run_instances(ec2(), small("page-" + std::to_string(i))).ok());
  QueryParams params;
  params.filters({{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  int calls = 0;
  m_aws->session->set_observer([&](const CallRecord& record) { calls += record.action == "DescribeInstances"; });
  auto reservations = ec2().paginate<std::vector<Instance>>("DescribeInstances", params, "reservationSet",
                                                            decode_reservation, 5);
  ASSERT_TRUE(reservations.ok()) << reservations.error().message();
  EXPECT_EQ(reservations->size(), 7u);
  EXPECT_EQ(calls, 2);
  auto all = describe_instances(ec2(), {{"tag:kubernetes.io/cluster/c1", {"owned"}}});
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->size(), 7u);
}

TEST_F(Ec2ComputeInstancesTest, UnknownIdIsNotFound) {
  auto missing = describe_instances(ec2(), {}, {"i-0123456789abcdef0"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(error_code(missing.error()), "InvalidInstanceID.NotFound");
  EXPECT_TRUE(is_not_found(missing.error()));
  auto stop = stop_instances(ec2(), {"i-0123456789abcdef0"});
  ASSERT_FALSE(stop.ok());
  EXPECT_TRUE(is_not_found(stop.error())) << stop.error().message();
}

TEST_F(Ec2ComputeInstancesTest, ConsoleOutputArrivesDecoded) {
  make_network();
  auto launched = run_instances(ec2(), small("console"));
  ASSERT_TRUE(launched.ok()) << launched.error().message();
  auto output = get_console_output(ec2(), launched->front().id, false);
  ASSERT_TRUE(output.ok()) << output.error().message();
  // moto answers a fixed (base64) kernel log.
  EXPECT_NE(output->find("Linux version"), std::string::npos) << *output;
  auto latest = get_console_output(ec2(), launched->front().id, true);
  ASSERT_TRUE(latest.ok()) << latest.error().message();
}

}  // namespace
}  // namespace hopper::aws::ec2
