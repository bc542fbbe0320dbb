// What Kubernetes creates inside the cluster's VPC at run time, which only `hopper down` removes
// (these kinds are runtime_only and never in the desired graph):
//  - load balancers of Services (ELBv2 and classic), their target groups and security groups,
//    found by the kubernetes.io/cluster/<name> tag or by sitting in the cluster's VPC;
//  - leftover network interfaces (the VPC CNI's, once their instances are gone) and EBS volumes
//    tagged for the cluster: swept per VPC / per cluster after the instances are gone, because
//    they only become deletable then.
#pragma once

#include "model/resource.hpp"

namespace hopper::model::kinds {

const Kind& load_balancer_kind();          // ELBv2 (NLB/ALB)
const Kind& target_group_kind();
const Kind& classic_load_balancer_kind();
const Kind& k8s_security_group_kind();
const Kind& network_interface_kind();
const Kind& volume_kind();

}  // namespace hopper::model::kinds
