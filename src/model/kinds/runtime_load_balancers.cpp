#include <algorithm>

#include "aws/elb/load_balancers.hpp"
#include "aws/elbv2/client.hpp"
#include "aws/elbv2/load_balancers.hpp"
#include "aws/elbv2/target_groups.hpp"
#include "model/kinds/common.hpp"
#include "model/kinds/runtime.hpp"
#include "model/kinds/vpc.hpp"

namespace hopper::model::kinds {
namespace {

// The ids of the cluster's own (not shared) VPCs.
util::Result<std::vector<std::string>> owned_vpc_ids(Cloud& cloud) {
  HOPPER_ASSIGN(const auto vpcs, discovered(cloud, vpc_kind()));
  std::vector<std::string> ids;
  for (const auto& [key, observed] : vpcs) {
    if (!observed.shared) ids.push_back(observed.id);
  }
  return ids;
}

bool tagged_for(const Cloud& cloud, const aws::Tags& tags) { return tags.count(cloud.cluster_tag_key()) > 0; }
bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Observed runtime_observed(const std::string& id, const std::string& name, aws::Tags tags) {
  Observed observed;
  observed.id = id;
  if (!tags.count("Name")) tags["Name"] = name;
  observed.tags = std::move(tags);
  return observed;
}

class LoadBalancerKind final : public Kind {
 public:
  std::string_view name() const override { return "load_balancer"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, owned_vpc_ids(cloud));
    HOPPER_ASSIGN(const auto balancers, aws::elbv2::describe_load_balancers(cloud.elbv2));
    std::vector<std::string> arns;
    for (const auto& lb : balancers) arns.push_back(lb.arn);
    std::map<std::string, aws::Tags> tags;
    if (!arns.empty()) {
      HOPPER_ASSIGN(tags, aws::elbv2::describe_tags(cloud.elbv2, arns));
    }
    Discovered out;
    for (const auto& lb : balancers) {
      if (!tagged_for(cloud, tags[lb.arn]) && !contains(vpcs, lb.vpc_id)) continue;
      out.emplace_back(ResourceKey{std::string(name()), lb.name}, runtime_observed(lb.arn, lb.name, tags[lb.arn]));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::elbv2::delete_load_balancer(cloud.elbv2, observed.id);
  }
};

class TargetGroupKind final : public Kind {
 public:
  std::string_view name() const override { return "target_group"; }
  std::vector<std::string_view> delete_after() const override { return {"load_balancer"}; }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, owned_vpc_ids(cloud));
    HOPPER_ASSIGN(const auto groups, aws::elbv2::describe_target_groups(cloud.elbv2));
    std::vector<std::string> arns;
    for (const auto& tg : groups) arns.push_back(tg.arn);
    std::map<std::string, aws::Tags> tags;
    if (!arns.empty()) {
      HOPPER_ASSIGN(tags, aws::elbv2::describe_tags(cloud.elbv2, arns));
    }
    Discovered out;
    for (const auto& tg : groups) {
      if (!tagged_for(cloud, tags[tg.arn]) && !contains(vpcs, tg.vpc_id)) continue;
      out.emplace_back(ResourceKey{std::string(name()), tg.name}, runtime_observed(tg.arn, tg.name, tags[tg.arn]));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::elbv2::delete_target_group(cloud.elbv2, observed.id);
  }
};

class ClassicLoadBalancerKind final : public Kind {
 public:
  std::string_view name() const override { return "classic_load_balancer"; }
  std::vector<std::string_view> delete_after() const override { return {}; }
  bool runtime_only() const override { return true; }
  util::Result<Discovered> discover(Cloud& cloud) const override {
    HOPPER_ASSIGN(const auto vpcs, owned_vpc_ids(cloud));
    HOPPER_ASSIGN(const auto balancers, aws::elb::describe_load_balancers(cloud.elb));
    std::vector<std::string> names;
    for (const auto& lb : balancers) names.push_back(lb.name);
    std::map<std::string, aws::Tags> tags;
    if (!names.empty()) {
      HOPPER_ASSIGN(tags, aws::elb::describe_tags(cloud.elb, names));
    }
    Discovered out;
    for (const auto& lb : balancers) {
      if (!tagged_for(cloud, tags[lb.name]) && !contains(vpcs, lb.vpc_id)) continue;
      out.emplace_back(ResourceKey{std::string(name()), lb.name}, runtime_observed(lb.name, lb.name, tags[lb.name]));
    }
    return out;
  }
  util::Status destroy(Cloud& cloud, const Observed& observed) const override {
    return aws::elb::delete_load_balancer(cloud.elb, observed.id);
  }
};

const LoadBalancerKind k_load_balancer;
const TargetGroupKind k_target_group;
const ClassicLoadBalancerKind k_classic;

}  // namespace

const Kind& load_balancer_kind() { return k_load_balancer; }
const Kind& target_group_kind() { return k_target_group; }
const Kind& classic_load_balancer_kind() { return k_classic; }

}  // namespace hopper::model::kinds
