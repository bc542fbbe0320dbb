#!/usr/bin/env bash
# Installs everything hopper needs to build and test on Debian 12, as root. Idempotent.
#   scripts/install-deps.sh
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # C++ libraries (Debian -dev packages only)
  libcurl4-openssl-dev libssl-dev libpugixml-dev nlohmann-json3-dev libyaml-cpp-dev
  libcli11-dev libfmt-dev libcpp-httplib-dev zlib1g-dev libgtest-dev libgmock-dev libbenchmark-dev
  # what the tests use: real peers and checkers
  curl iproute2 util-linux shellcheck cloud-init openssh-server openssh-client python3 python3-botocore
  chromium  # renders `hopper diagram` SVGs to PNG in the report tests (headless, offline)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: run as root (missing: ${missing[*]})" >&2; exit 1; }
  SUDO=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# cloud-init must not act on this machine: it is here only for `cloud-init schema`.
if [[ -d /etc/cloud ]] && [[ ! -e /etc/cloud/cloud-init.disabled ]]; then
  "${SUDO[@]}" touch /etc/cloud/cloud-init.disabled
fi
echo "install-deps: done"
