// The workers' boot script.
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view boot_worker_sh() {
  return R"sh(#!/bin/bash
# hopper-boot-worker: joins this instance to the cluster, from cloud-init's runcmd, once. Workers
# start with the control plane, so the join is retried (bounded, backing off) until the API
# server answers; each attempt reads the current join token from SSM. Log: /var/log/hopper-boot.log.
set -Eeuo pipefail
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/etc/hopper/cluster.env"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/lib.sh"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/node.sh"

join_once() {
  JOIN_TOKEN=$(ssm_get bootstrap/join-token) || return 1
  if ! valid_join_token "$JOIN_TOKEN"; then
    log "the join token in SSM is not in kubeadm's format"
    return 1
  fi
  fill_template "$ROOT/etc/hopper/kubeadm/join.yaml" "$ROOT/run/hopper/kubeadm-join.yaml" || return 1
  kubeadm join --config "$ROOT/run/hopper/kubeadm-join.yaml"
}

join_cluster() {
  local attempt=1 delay=$JOIN_FIRST_DELAY
  while true; do
    log "join attempt $attempt of $JOIN_ATTEMPTS (API server $CONTROL_PLANE_ENDPOINT)"
    if join_once; then
      log "joined on attempt $attempt"
      return 0
    fi
    if [ "$attempt" -ge "$JOIN_ATTEMPTS" ]; then
      log "could not join after $attempt attempts"
      return 1
    fi
    log "join attempt $attempt failed; next one in ${delay}s"
    kubeadm reset --force || true
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
    if [ "$delay" -gt "$JOIN_MAX_DELAY" ]; then delay=$JOIN_MAX_DELAY; fi
  done
}

begin "worker of cluster $CLUSTER_NAME"
prepare_node
step "join the cluster" join_cluster
finish "worker $NODE_NAME joined cluster $CLUSTER_NAME"
)sh";
}

}  // namespace hopper::bootstrap::scripts
