// The one list of resource kinds.
#include "model/kinds/auto_scaling_group.hpp"
#include "model/kinds/elastic_ip.hpp"
#include "model/kinds/iam_instance_profile.hpp"
#include "model/kinds/iam_role.hpp"
#include "model/kinds/instance.hpp"
#include "model/kinds/internet_gateway.hpp"
#include "model/kinds/key_pair.hpp"
#include "model/kinds/launch_template.hpp"
#include "model/kinds/nat_gateway.hpp"
#include "model/kinds/route.hpp"
#include "model/kinds/route_table.hpp"
#include "model/kinds/route_table_association.hpp"
#include "model/kinds/runtime.hpp"
#include "model/kinds/security_group.hpp"
#include "model/kinds/security_group_rules.hpp"
#include "model/kinds/ssm_parameter.hpp"
#include "model/kinds/subnet.hpp"
#include "model/kinds/vpc.hpp"

namespace hopper::model {

const std::vector<const Kind*>& all_kinds() {
  static const std::vector<const Kind*> kinds = {
      &kinds::vpc_kind(),
      &kinds::subnet_kind(),
      &kinds::internet_gateway_kind(),
      &kinds::route_table_kind(),
      &kinds::route_kind(),
      &kinds::route_table_association_kind(),
      &kinds::elastic_ip_kind(),
      &kinds::nat_gateway_kind(),
      &kinds::security_group_kind(),
      &kinds::security_group_rules_kind(),
      &kinds::key_pair_kind(),
      &kinds::iam_role_kind(),
      &kinds::iam_instance_profile_kind(),
      &kinds::ssm_parameter_kind(),
      &kinds::launch_template_kind(),
      &kinds::auto_scaling_group_kind(),
      &kinds::instance_kind(),
      &kinds::load_balancer_kind(),
      &kinds::target_group_kind(),
      &kinds::classic_load_balancer_kind(),
      &kinds::k8s_security_group_kind(),
      &kinds::network_interface_kind(),
      &kinds::volume_kind(),
  };
  return kinds;
}

const Kind* find_kind(std::string_view name) {
  for (const Kind* kind : all_kinds()) {
    if (kind->name() == name) return kind;
  }
  return nullptr;
}

}  // namespace hopper::model
