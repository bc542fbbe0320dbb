// The control plane's boot script.
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view boot_control_plane_sh() {
  return R"sh(#!/bin/bash
# hopper-boot-control-plane: makes this instance the cluster's control plane, from cloud-init's
# runcmd, once. The cluster CA and the first join token come from SSM (the instance role may read
# them); kubeadm init uses that CA; then the AWS cloud controller manager, the VPC CNI and the
# join token refresh. Log: /var/log/hopper-boot.log.
set -Eeuo pipefail
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/etc/hopper/cluster.env"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/lib.sh"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/node.sh"

KUBECTL=(kubectl --kubeconfig "$ROOT/etc/kubernetes/admin.conf")

fetch_cluster_ca() {
  local cert key
  cert=$(retry 5 ssm_get bootstrap/ca.crt)
  key=$(retry 5 ssm_get bootstrap/ca.key)
  if [[ $cert != "-----BEGIN CERTIFICATE-----"* || $key != "-----BEGIN"*"PRIVATE KEY-----"* ]]; then
    log "the CA in SSM ($SSM_PREFIX""bootstrap/) is not PEM"
    return 1
  fi
  install -d -m 0755 "$ROOT/etc/kubernetes/pki"
  printf '%s\n' "$cert" >"$ROOT/etc/kubernetes/pki/ca.crt"
  (umask 077 && printf '%s\n' "$key" >"$ROOT/etc/kubernetes/pki/ca.key")
}

fetch_join_token() {
  JOIN_TOKEN=$(retry 5 ssm_get bootstrap/join-token)
  if ! valid_join_token "$JOIN_TOKEN"; then
    log "the join token in SSM is not in kubeadm's format"
    return 1
  fi
}

kubeadm_init() {
  # shellcheck disable=SC2034  # read by fill_template
  KUBERNETES_FULL_VERSION=$(kubeadm version -o short)
  fill_template "$ROOT/etc/hopper/kubeadm/init.yaml" "$ROOT/run/hopper/kubeadm-init.yaml"
  kubeadm init --config "$ROOT/run/hopper/kubeadm-init.yaml" --skip-token-print
}

# hopper's admin kubeconfig is in group kubeadm:cluster-admins: usable once init has bound it.
check_admin_binding() {
  "${KUBECTL[@]}" get clusterrolebinding kubeadm:cluster-admins
}

apply_manifest() {
  "${KUBECTL[@]}" apply -f "$ROOT/etc/hopper/manifests/$1"
}

# The pinned upstream manifest, applied only if its SHA-256 is the one hopper was built with.
install_vpc_cni() {
  local manifest="$ROOT/run/hopper/aws-k8s-cni.yaml" actual
  curl -fsSL --retry 5 -o "$manifest" "$VPC_CNI_MANIFEST_URL"
  actual=$(sha256sum "$manifest" | cut -d' ' -f1)
  if [ "$actual" != "$VPC_CNI_MANIFEST_SHA256" ]; then
    log "$VPC_CNI_MANIFEST_URL has SHA-256 $actual, expected $VPC_CNI_MANIFEST_SHA256: not applying it"
    return 1
  fi
  "${KUBECTL[@]}" apply -f "$manifest"
}

enable_token_refresh() {
  systemctl daemon-reload
  systemctl enable --now hopper-refresh-join-token.timer
}

begin "control plane of cluster $CLUSTER_NAME"
prepare_node
step "fetch the cluster CA from SSM" fetch_cluster_ca
step "fetch the join token from SSM" fetch_join_token
step "kubeadm init" kubeadm_init
step "check that kubeadm:cluster-admins is bound" check_admin_binding
step "install the AWS cloud controller manager" apply_manifest cloud-controller-manager.yaml
step "install the VPC CNI" install_vpc_cni
if [ "$DEMO_APP" = yes ]; then
  step "install the demo app" apply_manifest demo.yaml
fi
step "enable the join token refresh timer" enable_token_refresh
finish "control plane of cluster $CLUSTER_NAME is up"
)sh";
}

}  // namespace hopper::bootstrap::scripts
