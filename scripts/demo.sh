#!/usr/bin/env bash
# README command (1): install what is needed, build hopper, and run its main job — build the
# chapter's whole cluster, look at it, and remove it again — against hopper's embedded AWS
# simulator (`--sim`: a local endpoint on an ephemeral 127.0.0.1 port that keeps the simulated
# account in a file). Nothing is sent to AWS.
#   scripts/demo.sh            # the simulator (default)
#   scripts/demo.sh --moto     # the same against moto_server, the independent AWS implementation
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
peer=sim
[[ "${1:-}" == "--moto" ]] && peer=moto

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
hopper="$root/build/release/hopper"

work=$(mktemp -d /tmp/hopper-demo.XXXXXX)
cleanup() { [[ -n "${moto:-}" ]] && kill "$moto" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export XDG_STATE_HOME="$work/state"
global=(--sim)
if [[ $peer == moto ]]; then
  command -v moto_server >/dev/null || { echo "demo: moto_server is not on PATH (the machine image ships it)" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # moto knows no Ubuntu 24.04 image of Canonical's: give it one.
  MOTO_AMIS_PATH="$root/tests/testdata/moto/amis.json" moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done
  export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo
  global=()
fi
cd "$work"
ssh-keygen -q -t ed25519 -N '' -C demo -f "$work/id_ed25519"

run() { printf '\n$ hopper %s\n' "$*"; "$hopper" "$@"; }
run init --ssh-public-key "$work/id_ed25519.pub" --admin-cidr 203.0.113.7/32
run validate
run plan "${global[@]}"
run up --yes "${global[@]}"
run status "${global[@]}"
run plan --detailed-exitcode "${global[@]}"
run down --yes "${global[@]}"
printf '\ndemo: built, showed and removed the whole cluster against %s\n' \
  "$([[ $peer == sim ]] && echo "hopper's simulator (--sim)" || echo "moto at $AWS_ENDPOINT_URL")"
