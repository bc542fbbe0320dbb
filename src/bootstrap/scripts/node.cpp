// Node preparation shared by the control plane, the workers and the image builder.
// Plain shell, the same for every cluster: what differs comes from /etc/hopper/cluster.env.
#include "bootstrap/scripts/scripts.hpp"

namespace hopper::bootstrap::scripts {

std::string_view node_sh() {
  return R"sh(# shellcheck shell=bash
# Node preparation shared by the control plane, the workers and the image builder (sourced after
# lib.sh). Every function is one step; `step` numbers and logs them.

read_metadata() {
  imds_begin
  NODE_NAME=$(imds local-hostname)
  NODE_IP=$(imds local-ipv4)
  INSTANCE_ID=$(imds instance-id)
  ZONE=$(imds placement/availability-zone)
  log "instance $INSTANCE_ID in $ZONE: node name $NODE_NAME, address $NODE_IP"
}

disable_swap() {
  swapoff -a
  if [ -f "$ROOT/etc/fstab" ]; then
    sed -i -E 's/^([^#].*[[:space:]]swap[[:space:]].*)$/# hopper: no swap for the kubelet: \1/' "$ROOT/etc/fstab"
  fi
}

# amazon-vpc-cni-k8s#2103 on Ubuntu 22.04+: systemd-networkd must leave the VPC CNI's secondary
# ENIs alone (it would DHCP them and add competing routes), and keep the routes and rules the CNI
# adds (files from cloud-init: networkd.conf.d and 99-default.link.d, MACAddressPolicy=none).
configure_networkd() {
  local mac primary="" dev
  mac=$(imds mac)
  for dev in "$ROOT"/sys/class/net/*; do
    if [ -r "$dev/address" ] && [ "$(<"$dev/address")" = "$mac" ]; then primary=${dev##*/}; fi
  done
  if [ -z "$primary" ]; then
    log "no network interface has the primary ENI's MAC $mac"
    return 1
  fi
  install -d -m 0755 "$ROOT/etc/systemd/network"
  printf '%s\n' "# hopper: only the primary ENI ($primary) is systemd-networkd's; the VPC CNI manages the others." \
    "[Match]" "Name=!$primary lo" "" "[Link]" "Unmanaged=yes" >"$ROOT/etc/systemd/network/10-hopper-vpc-cni.network"
  udevadm control --reload
  systemctl restart systemd-networkd
}

load_kernel_modules() {
  modprobe overlay
  modprobe br_netfilter
}

# pkgs.k8s.io for the cluster's minor, the packages pinned and held.
install_packages() {
  local apt=(apt-get -q -o DPkg::Lock::Timeout=600)
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" update
  "${apt[@]}" install -y apt-transport-https ca-certificates curl gpg containerd
  install -d -m 0755 "$ROOT/etc/apt/keyrings" "$ROOT/etc/apt/sources.list.d"
  curl -fsSL --retry 5 "$KUBERNETES_APT_URL/Release.key" |
    gpg --batch --yes --dearmor -o "$ROOT/etc/apt/keyrings/kubernetes-apt-keyring.gpg"
  printf 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] %s/ /\n' "$KUBERNETES_APT_URL" \
    >"$ROOT/etc/apt/sources.list.d/kubernetes.list"
  "${apt[@]}" update
  "${apt[@]}" install -y "kubelet=$KUBERNETES_PACKAGE_VERSION" "kubeadm=$KUBERNETES_PACKAGE_VERSION" \
    "kubectl=$KUBERNETES_PACKAGE_VERSION"
  apt-mark hold kubelet kubeadm kubectl
}

# containerd 2.x with the systemd cgroup driver, written whole (no sed on a default config).
configure_containerd() {
  install -D -m 0644 "$ROOT/etc/hopper/containerd-config.toml" "$ROOT/etc/containerd/config.toml"
  systemctl restart containerd
  systemctl enable kubelet
}

# The VPC CNI's images are in a private ECR registry: pull them with this node's role.
pull_one_image() {
  local password
  password=$(ecr_password) || return 1
  ctr --namespace k8s.io images pull --user "AWS:$password" "$1" >/dev/null
}

pull_vpc_cni_images() {
  local image
  for image in $VPC_CNI_IMAGES; do
    retry 5 pull_one_image "$image"
  done
}

# fill_template <template> <output>: the @NODE_NAME@, @NODE_IP@, @KUBERNETES_VERSION@ and
# @JOIN_TOKEN@ placeholders filled in; the output is private (it may hold the token).
fill_template() {
  local text
  text=$(<"$1") || return 1
  text=${text//@NODE_NAME@/$NODE_NAME}
  text=${text//@NODE_IP@/$NODE_IP}
  text=${text//@KUBERNETES_VERSION@/${KUBERNETES_FULL_VERSION:-}}
  text=${text//@JOIN_TOKEN@/${JOIN_TOKEN:-}}
  (umask 077 && printf '%s\n' "$text" >"$2")
}

# The steps every Kubernetes node takes before kubeadm.
prepare_node() {
  step "read the instance metadata (IMDSv2)" read_metadata
  step "set the hostname to the EC2 private DNS name" hostnamectl set-hostname "$NODE_NAME"
  step "turn swap off" disable_swap
  step "load the kernel modules overlay and br_netfilter" load_kernel_modules
  step "apply the Kubernetes sysctls" sysctl --system
  step "keep systemd-networkd off the VPC CNI's interfaces" configure_networkd
  if [ "$INSTALL_PACKAGES" = yes ]; then
    step "install containerd and Kubernetes $KUBERNETES_VERSION packages" install_packages
  else
    log "baked image: containerd and Kubernetes $KUBERNETES_VERSION are installed already"
  fi
  step "configure containerd" configure_containerd
  step "pull the VPC CNI images from ECR" pull_vpc_cni_images
}
)sh";
}

}  // namespace hopper::bootstrap::scripts
