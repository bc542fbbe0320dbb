#include <algorithm>

#include "aws/ec2/network_interfaces.hpp"
#include "aws/ec2/security_groups.hpp"
#include "aws/ec2/volumes.hpp"
#include "model/kinds/common.hpp"
#include "model/kinds/runtime.hpp"
#include "model/kinds/security_group.hpp"
#include "model/kinds/vpc.hpp"

namespace hopper::model::kinds {
namespace {

util::Result<std::vector<std::string>> owned_vpc_ids(Cloud& cloud) {
  HOPPER_ASSIGN(const auto vpcs, discovered(cloud, vpc_kind()));
  std::vector<std::string> ids;
  for (const auto& [key, observed] : vpcs) {
    if (!observed.shared) ids.push_back(observed.id);
  }
  return ids;
}

util::Error still_in_use(const std::string& what) {
  aws::ApiError api;
  api.service = aws::Service::ec2;
  api.action = "sweep";
  api.code = std::string(aws::codes::dependency_violation);
  api.message = what;
  return aws::make_api_error(std::move(api));
}

// Security groups in the cluster's VPC that hopper did not create (the cloud controller's
// k8s-elb-* groups), and any group tagged for the cluster elsewhere.
class K8sSecurityGroupKind final : public Kind {
 public:
  std::string_view name() const override { return "k8s_security_group"; }
  std::vector<std::string_view> delete_after() const override {
    return {"load_balancer", "classic_load_balancer", "instance", "auto_scaling_group"};
  }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, owned_vpc_ids(cloud));
    std::vector<aws::ec2::SecurityGroup> groups;
    if (!vpcs.empty()) {
      HOPPER_ASSIGN(groups, aws::ec2::describe_security_groups(cloud.ec2, {{"vpc-id", vpcs}}, {}));
    }
    HOPPER_ASSIGN(const auto tagged, aws::ec2::describe_security_groups(cloud.ec2, {{"tag-key", {cloud.cluster_tag_key()}}}, {}));
    for (const auto& g : tagged) {
      if (std::none_of(groups.begin(), groups.end(), [&](const auto& x) { return x.id == g.id; })) groups.push_back(g);
    }
    Discovered out;
    for (const auto& group : groups) {
      if (group.name == "default" || group.tags.count(std::string(k_tag_resource))) continue;
      Observed observed;
      observed.id = group.id;
      observed.tags = group.tags;
      if (!observed.tags.count("Name")) observed.tags["Name"] = group.name;
      out.emplace_back(ResourceKey{std::string(name()), group.id}, std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    auto revoked = revoke_group_references(cloud, observed.id);
    if (!revoked.ok() && !aws::is_not_found(revoked.error())) return revoked;
    return aws::ec2::delete_security_group(cloud.ec2, observed.id);
  }
};

// One sweep per VPC: the network interfaces left unattached once instances, NAT gateways and
// load balancers are gone (the VPC CNI's secondary interfaces).
class NetworkInterfaceKind final : public Kind {
 public:
  std::string_view name() const override { return "network_interface"; }
  std::vector<std::string_view> delete_after() const override {
    return {"instance", "auto_scaling_group", "nat_gateway", "load_balancer", "classic_load_balancer"};
  }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, owned_vpc_ids(cloud));
    Discovered out;
    for (const auto& vpc : vpcs) {
      Observed observed;
      observed.id = vpc;
      observed.tags["Name"] = "leftover network interfaces in " + vpc;
      out.emplace_back(ResourceKey{std::string(name()), vpc}, std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    HOPPER_ASSIGN(const auto interfaces, aws::ec2::describe_network_interfaces(
                                             cloud.ec2, {{"vpc-id", {observed.id}}, {"status", {"available"}}}, {}));
    for (const auto& eni : interfaces) {
      auto deleted = aws::ec2::delete_network_interface(cloud.ec2, eni.id);
      if (!deleted.ok() && !aws::is_not_found(deleted.error())) return deleted;
    }
    return {};
  }
};

// One sweep per cluster: EBS volumes tagged for it (persistent volumes the cluster made), once
// the instances that held them are gone.
class VolumeKind final : public Kind {
 public:
  std::string_view name() const override { return "volume"; }
  std::vector<std::string_view> delete_after() const override { return {"instance", "auto_scaling_group"}; }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto volumes, list(cloud));
    Discovered out;
    if (!volumes.empty()) {
      Observed observed;
      observed.id = cloud.cluster().name;
      observed.tags["Name"] = std::to_string(volumes.size()) + " volume(s) tagged for the cluster";
      out.emplace_back(ResourceKey{std::string(name()), "tagged"}, std::move(observed));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed&) const override {
    HOPPER_ASSIGN(const auto volumes, list(cloud));
    std::size_t busy = 0;
    for (const auto& volume : volumes) {
      if (volume.state == "in-use") {
        ++busy;
        continue;
      }
      if (volume.state == "deleting" || volume.state == "deleted") continue;
      auto deleted = aws::ec2::delete_volume(cloud.ec2, volume.id);
      if (!deleted.ok() && !aws::is_not_found(deleted.error())) return deleted;
    }
    if (busy > 0) return still_in_use(std::to_string(busy) + " volume(s) still attached");
    return {};
  }

 private:
  static util::Result<std::vector<aws::ec2::Volume>> list(Cloud& cloud) {
    HOPPER_ASSIGN(auto by_new_tag, aws::ec2::describe_volumes(cloud.ec2, {{"tag-key", {cloud.cluster_tag_key()}}}, {}));
    HOPPER_ASSIGN(const auto by_old_tag,
                  aws::ec2::describe_volumes(cloud.ec2, {{"tag:KubernetesCluster", {cloud.cluster().name}}}, {}));
    for (const auto& v : by_old_tag) {
      if (std::none_of(by_new_tag.begin(), by_new_tag.end(), [&](const auto& x) { return x.id == v.id; })) {
        by_new_tag.push_back(v);
      }
    }
    return by_new_tag;
  }
};

const K8sSecurityGroupKind k_security_group;
const NetworkInterfaceKind k_network_interface;
const VolumeKind k_volume;

}  // namespace

const Kind& k8s_security_group_kind() { return k_security_group; }
const Kind& network_interface_kind() { return k_network_interface; }
const Kind& volume_kind() { return k_volume; }

}  // namespace hopper::model::kinds
