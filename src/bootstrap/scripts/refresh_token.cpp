// The control plane's join token refresh (run by a systemd timer).
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view refresh_join_token_sh() {
  return R"sh(#!/bin/bash
# hopper-refresh-join-token: run by hopper-refresh-join-token.timer on the control plane. kubeadm
# tokens expire (kubernetes/kubernetes#48783), so before the current one does this makes a new
# one and overwrites the SSM parameter the workers read, so a node that joins weeks later still
# can. Older tokens expire on their own. Log: /var/log/hopper-join-token.log.
set -Eeuo pipefail
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/etc/hopper/cluster.env"
HOPPER_LOG="${HOPPER_LOG:-${HOPPER_ROOT:-}/var/log/hopper-join-token.log}"
# shellcheck source=/dev/null
. "${HOPPER_ROOT:-}/usr/local/lib/hopper/lib.sh"

create_token() {
  JOIN_TOKEN=$(kubeadm token create --kubeconfig "$ROOT/etc/kubernetes/admin.conf" --ttl "$JOIN_TOKEN_TTL" \
    --description "hopper: nodes join with this token (refreshed every 12h)")
  if ! valid_join_token "$JOIN_TOKEN"; then
    log "kubeadm token create printed something that is not a token"
    return 1
  fi
}

store_token() {
  retry 5 ssm_put_secure bootstrap/join-token "$JOIN_TOKEN"
}

begin "refresh the join token of cluster $CLUSTER_NAME"
step "create a join token valid for $JOIN_TOKEN_TTL" create_token
step "store it in SSM ($SSM_PREFIX""bootstrap/join-token)" store_token
finish "join token refreshed"
)sh";
}

}  // namespace hopper::bootstrap::scripts
