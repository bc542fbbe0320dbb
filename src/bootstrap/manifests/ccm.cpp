#include "bootstrap/manifests/ccm.hpp"

#include "spec/kubernetes_versions.hpp"

namespace hopper::bootstrap {
namespace {

constexpr const char* k_rbac = R"(apiVersion: v1
kind: ServiceAccount
metadata:
  name: cloud-controller-manager
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: system:cloud-controller-manager
rules:
- apiGroups: [""]
  resources: [events]
  verbs: [create, patch, update]
- apiGroups: [""]
  resources: [nodes]
  verbs: ["*"]
- apiGroups: [""]
  resources: [nodes/status]
  verbs: [patch]
- apiGroups: [""]
  resources: [services]
  verbs: [list, patch, update, watch]
- apiGroups: [""]
  resources: [services/status]
  verbs: [list, patch, update, watch]
- apiGroups: [""]
  resources: [serviceaccounts]
  verbs: [create]
- apiGroups: [""]
  resources: [persistentvolumes]
  verbs: [get, list, update, watch]
- apiGroups: [""]
  resources: [endpoints]
  verbs: [create, get, list, watch, update]
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [create, get, list, watch, update]
- apiGroups: [""]
  resources: [serviceaccounts/token]
  verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: system:cloud-controller-manager
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:cloud-controller-manager
subjects:
- kind: ServiceAccount
  name: cloud-controller-manager
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: cloud-controller-manager:apiserver-authentication-reader
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: extension-apiserver-authentication-reader
subjects:
- kind: ServiceAccount
  name: cloud-controller-manager
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: system:cloud-controller-manager:controller-credentials
  namespace: kube-system
rules:
- apiGroups: [""]
  resources: [serviceaccounts]
  resourceNames: [node-controller, service-controller, route-controller, aws-cloud-provider, tagging-controller]
  verbs: [get]
- apiGroups: [""]
  resources: [serviceaccounts/token]
  resourceNames: [node-controller, service-controller, route-controller, aws-cloud-provider, tagging-controller]
  verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: system:cloud-controller-manager:controller-credentials
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: system:cloud-controller-manager:controller-credentials
subjects:
- kind: ServiceAccount
  name: cloud-controller-manager
  namespace: kube-system
)";

}  // namespace

util::Result<std::string> ccm_image(const std::string& kubernetes_version) {
  HOPPER_ASSIGN(const spec::KubernetesRelease release, spec::find_kubernetes_release(kubernetes_version));
  return "registry.k8s.io/provider-aws/cloud-controller-manager:" + std::string(release.cloud_provider_aws);
}

util::Result<std::string> ccm_manifest(const std::string& cluster_name, const std::string& kubernetes_version) {
  HOPPER_ASSIGN(const std::string image, ccm_image(kubernetes_version));
  std::string out = "# hopper: the AWS cloud controller manager of cluster " + cluster_name + "\n";
  out += k_rbac;
  out += R"(---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: aws-cloud-controller-manager
  namespace: kube-system
  labels:
    k8s-app: aws-cloud-controller-manager
spec:
  selector:
    matchLabels:
      k8s-app: aws-cloud-controller-manager
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
      labels:
        k8s-app: aws-cloud-controller-manager
    spec:
      nodeSelector:
        node-role.kubernetes.io/control-plane: ""
      tolerations:
      - key: node.cloudprovider.kubernetes.io/uninitialized
        value: "true"
        effect: NoSchedule
      - key: node-role.kubernetes.io/control-plane
        effect: NoSchedule
      - key: node.kubernetes.io/not-ready
        effect: NoSchedule
      hostNetwork: true
      dnsPolicy: Default
      priorityClassName: system-node-critical
      serviceAccountName: cloud-controller-manager
      containers:
      - name: aws-cloud-controller-manager
)";
  out += "        image: " + image + "\n";
  out += R"(        args:
        - --v=2
        - --cloud-provider=aws
)";
  out += "        - --cluster-name=" + cluster_name + "\n";
  out += R"(        - --use-service-account-credentials=true
        - --configure-cloud-routes=false
        resources:
          requests:
            cpu: 200m
)";
  return out;
}

}  // namespace hopper::bootstrap
