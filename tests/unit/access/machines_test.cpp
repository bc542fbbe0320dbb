// Sorting a cluster's instances into bastion, control plane and workers, and naming them.
#include "access/machines.hpp"

#include <gtest/gtest.h>

namespace hopper::access {
namespace {

constexpr const char* k_tag = "kubernetes.io/cluster/demo";

aws::ec2::Instance instance(const std::string& id, const std::string& resource, const std::string& launched,
                            const std::string& state = "running") {
  aws::ec2::Instance i;
  i.id = id;
  i.state.name = state;
  i.launch_time = launched;
  i.private_ip_address = "10.0.1." + std::to_string(id.size());
  i.tags[k_tag] = "owned";
  if (!resource.empty()) i.tags["hopper/resource"] = resource;
  return i;
}

Machines sample() {
  std::vector<aws::ec2::Instance> list{
      instance("i-w2", "", "2024-07-01T10:05:00Z"),
      instance("i-bastion", "instance/bastion", "2024-07-01T10:00:00Z"),
      instance("i-w1", "", "2024-07-01T10:04:00Z"),
      instance("i-cp", "instance/control-plane", "2024-07-01T10:01:00Z"),
      instance("i-old", "", "2024-07-01T09:00:00Z", "terminated"),
  };
  auto foreign = instance("i-foreign", "instance/bastion", "2024-07-01T10:00:00Z");
  foreign.tags[k_tag] = "shared";
  list.push_back(foreign);
  return classify_machines(list, k_tag);
}

TEST(MachinesTest, ClassifiesByTagsAndNumbersWorkersByLaunchTime) {
  const Machines m = sample();
  ASSERT_TRUE(m.bastion);
  EXPECT_EQ(m.bastion->instance_id, "i-bastion");
  ASSERT_TRUE(m.control_plane);
  EXPECT_EQ(m.control_plane->instance_id, "i-cp");
  ASSERT_EQ(m.workers.size(), 2u);
  EXPECT_EQ(m.workers[0].instance_id, "i-w1");
  EXPECT_EQ(m.workers[0].role_name(), "worker-1");
  EXPECT_EQ(m.workers[1].instance_id, "i-w2");
  EXPECT_EQ(m.all().size(), 4u);
}

TEST(MachinesTest, SelectsByName) {
  const Machines m = sample();
  EXPECT_EQ(select_machine(m, {"bastion"})->instance_id, "i-bastion");
  EXPECT_EQ(select_machine(m, {"control-plane"})->instance_id, "i-cp");
  EXPECT_EQ(select_machine(m, {"cp"})->instance_id, "i-cp");
  EXPECT_EQ(select_machine(m, {"worker", "2"})->instance_id, "i-w2");
  EXPECT_EQ(select_machine(m, {"worker-1"})->instance_id, "i-w1");
  EXPECT_EQ(select_machine(m, {"i-w2"})->instance_id, "i-w2");
}

TEST(MachinesTest, SaysWhatIsWrong) {
  const Machines m = sample();
  const auto which = select_machine(m, {"worker"});
  ASSERT_FALSE(which);
  EXPECT_EQ(which.error().exit_code(), util::ExitCode::usage);
  EXPECT_NE(which.error().message().find("1 to 2"), std::string::npos);
  const auto three = select_machine(m, {"worker", "3"});
  ASSERT_FALSE(three);
  EXPECT_EQ(three.error().exit_code(), util::ExitCode::failed);
  EXPECT_NE(three.error().message().find("worker-2 (i-w2)"), std::string::npos) << three.error().message();
  EXPECT_FALSE(select_machine(m, {"worker", "zero"}));
  EXPECT_FALSE(select_machine(m, {"i-nope"}));
  EXPECT_EQ(select_machine(m, {"db"}).error().exit_code(), util::ExitCode::usage);
  EXPECT_FALSE(select_machine(m, {"bastion", "uptime"}));
  EXPECT_FALSE(select_machine(Machines{}, {"bastion"}));
}

TEST(MachinesTest, OneWorkerNeedsNoNumber) {
  Machines m;
  m.workers.push_back(Machine{Role::worker, 1, "i-w"});
  EXPECT_EQ(select_machine(m, {"worker"})->instance_id, "i-w");
}

}  // namespace
}  // namespace hopper::access
