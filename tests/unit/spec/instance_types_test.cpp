#include "spec/instance_types.hpp"

#include <set>

#include <gtest/gtest.h>

namespace hopper::spec {
namespace {

InstanceType get(std::string_view name) {
  auto type = find_instance_type(name);
  EXPECT_TRUE(type.ok()) << name << ": " << (type.ok() ? "" : type.error().message());
  return type.ok() ? *type : InstanceType{};
}

std::string why_not(std::string_view name) {
  auto type = find_instance_type(name);
  if (type.ok()) return "found " + type->name;
  EXPECT_EQ(type.error().exit_code(), util::ExitCode::usage);
  return type.error().message();
}

TEST(InstanceTypesTest, KnowsTheChaptersTypes) {
  const InstanceType t3_medium = get("t3.medium");
  EXPECT_EQ(t3_medium.vcpus, 2);
  EXPECT_EQ(t3_medium.memory_mib, 4096);
  EXPECT_EQ(t3_medium.max_enis, 3);
  EXPECT_EQ(t3_medium.ipv4_per_eni, 6);
  EXPECT_EQ(t3_medium.family(), "t3");
  EXPECT_EQ(t3_medium.size(), "medium");
  const InstanceType t3_micro = get("t3.micro");
  EXPECT_EQ(t3_micro.vcpus, 2);
  EXPECT_EQ(t3_micro.memory_mib, 1024);
  EXPECT_EQ(get("t2.micro").vcpus, 1);
  EXPECT_EQ(get("t2.medium").memory_mib, 4096);
}

// Max pods from amazon-vpc-cni-k8s misc/eni-max-pods.txt.
TEST(InstanceTypesTest, MaxPodsMatchTheVpcCniTable) {
  const std::vector<std::pair<std::string, int>> expected = {
      {"t2.micro", 4},    {"t2.small", 11},    {"t2.medium", 17},   {"t2.xlarge", 44},    {"t3.nano", 4},
      {"t3.small", 11},   {"t3.medium", 17},   {"t3.large", 35},    {"t3.xlarge", 58},    {"t3a.small", 8},
      {"t3a.medium", 17}, {"m5.large", 29},    {"m5.xlarge", 58},   {"m5.4xlarge", 234},  {"m5.16xlarge", 737},
      {"m5.metal", 737},  {"m6i.8xlarge", 234}, {"m6i.32xlarge", 737}, {"m7i.large", 29},  {"m7i.metal-48xl", 737},
      {"m7a.medium", 8},  {"c5.9xlarge", 234}, {"c5.18xlarge", 737}, {"c6i.large", 29},   {"c7i.12xlarge", 234},
      {"r5.large", 29},   {"r6i.2xlarge", 58}, {"r6a.48xlarge", 737}, {"c5a.8xlarge", 234},
  };
  for (const auto& [name, pods] : expected) EXPECT_EQ(get(name).max_pods(), pods) << name;
}

TEST(InstanceTypesTest, MemoryFollowsTheFamily) {
  EXPECT_EQ(get("m5.large").memory_mib, 8 * 1024);
  EXPECT_EQ(get("c5.large").memory_mib, 4 * 1024);
  EXPECT_EQ(get("r6i.large").memory_mib, 16 * 1024);
  EXPECT_EQ(get("c5.9xlarge").memory_mib, 72 * 1024);
  EXPECT_EQ(get("m6i.metal").vcpus, 128);
  EXPECT_EQ(get("m5.metal").vcpus, 96);
  EXPECT_EQ(get("r6a.48xlarge").memory_mib, 1536 * 1024);
}

TEST(InstanceTypesTest, CoversTheRequiredFamiliesOnce) {
  const auto families = instance_families();
  for (const char* family : {"t2", "t3", "t3a", "m5", "m6i", "m7i", "c5", "c6i", "c7i", "r5", "r6i"}) {
    EXPECT_NE(std::find(families.begin(), families.end(), family), families.end()) << family;
  }
  std::set<std::string> names;
  for (const auto& type : all_instance_types()) {
    EXPECT_TRUE(names.insert(type.name).second) << "listed twice: " << type.name;
    EXPECT_GT(type.vcpus, 0) << type.name;
    EXPECT_GE(type.memory_mib, 512) << type.name;
    EXPECT_GE(type.max_enis, 2) << type.name;
    EXPECT_GE(type.ipv4_per_eni, 2) << type.name;
    EXPECT_FALSE(is_arm64_family(type.family())) << type.name;
  }
}

TEST(InstanceTypesTest, RecognisesGravitonFamilies) {
  for (const char* family : {"a1", "t4g", "m6g", "m6gd", "m7g", "c6gn", "c7gn", "r8g", "x2gd", "im4gn", "is4gen",
                             "g5g", "hpc7g"}) {
    EXPECT_TRUE(is_arm64_family(family)) << family;
  }
  for (const char* family : {"t3", "m5", "m5dn", "g4dn", "g5", "c6in", "x2iedn", "inf2", "p4d"}) {
    EXPECT_FALSE(is_arm64_family(family)) << family;
  }
}

TEST(InstanceTypesTest, ExplainsWhatIsWrong) {
  EXPECT_EQ(why_not("t3medium"), "'t3medium' is not an instance type (expected family.size, e.g. t3.medium)");
  EXPECT_EQ(why_not(".large"), "'.large' is not an instance type (expected family.size, e.g. t3.medium)");
  EXPECT_EQ(why_not("m6g.large"), "m6g.large is an arm64 (Graviton) type; arm64 nodes are not supported yet "
                                  "(use an x86_64 family such as m6i)");
  EXPECT_EQ(why_not("t4g.medium"), "t4g.medium is an arm64 (Graviton) type; arm64 nodes are not supported yet "
                                   "(use an x86_64 family such as m6i)");
  EXPECT_EQ(why_not("m6x.large"), "unknown instance type family 'm6x' in m6x.large (did you mean m6i?)");
  EXPECT_EQ(why_not("t3.huge"),
            "t3 has no size 'huge' (t3 sizes: nano, micro, small, medium, large, xlarge, 2xlarge)");
  EXPECT_EQ(why_not("T3.medium").rfind("unknown instance type family 'T3' in T3.medium", 0), 0u);
}

}  // namespace
}  // namespace hopper::spec
