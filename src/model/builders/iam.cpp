// The instance roles: control plane (the AWS cloud controller's documented actions, the VPC
// CNI's, ECR read, its SSM parameters) and nodes (describe instances and regions, the VPC CNI's,
// ECR read, the join token only). No managed AdministratorAccess, no "Action": "*". The bastion
// gets no role.
#include "model/builders/cluster.hpp"
#include "model/builders/iam_policies.hpp"
#include "model/kinds/iam_instance_profile.hpp"
#include "model/kinds/iam_role.hpp"

namespace hopper::model {

void build_iam(const ClusterInputs& inputs, std::vector<std::unique_ptr<Resource>>& out) {
  const ClusterIdentity& id = inputs.identity;
  const std::string path = "/hopper/" + id.name + "/" + id.region + "/";
  const auto name = [&](const std::string& suffix) { return id.name + "-" + id.region + "-" + suffix; };

  const std::map<std::string, std::string> cp_policies = {
      {"cloud-provider", policies::cloud_controller()},
      {"vpc-cni", policies::vpc_cni(id)},
      {"ecr-read", policies::ecr_read()},
      {"bootstrap-parameters", policies::control_plane_parameters(id)},
  };
  const std::map<std::string, std::string> node_policies = {
      {"node", policies::node()},
      {"vpc-cni", policies::vpc_cni(id)},
      {"ecr-read", policies::ecr_read()},
      {"bootstrap-parameters", policies::node_parameters(id)},
  };
  for (const auto& [suffix, documents] :
       std::vector<std::pair<std::string, std::map<std::string, std::string>>>{{"control-plane", cp_policies},
                                                                              {"node", node_policies}}) {
    kinds::IamRoleSpec role;
    role.role_name = name(suffix);
    role.path = path;
    role.trust_policy = policies::ec2_trust();
    role.policies = documents;
    role.description = "hopper cluster " + id.name + " in " + id.region + ": " + suffix;
    out.push_back(kinds::make_iam_role(suffix, role));
    out.push_back(kinds::make_iam_instance_profile(suffix, {name(suffix), path, {"iam_role", suffix}, name(suffix)}));
  }
}

}  // namespace hopper::model
