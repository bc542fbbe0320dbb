#!/usr/bin/env bash
# README command (1): install what is needed, build hopper, and run its main job — build the
# chapter's whole cluster and remove it again — against a local AWS endpoint (moto_server, which
# the machine image ships) on a free loopback port. Nothing is sent to AWS.
#   scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
hopper="$root/build/release/hopper"

command -v moto_server >/dev/null || { echo "demo: moto_server is not on PATH (the machine image ships it)" >&2; exit 1; }
work=$(mktemp -d /tmp/hopper-demo.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# moto knows no Ubuntu 24.04 image of Canonical's: give it one.
MOTO_AMIS_PATH="$root/tests/testdata/moto/amis.json" moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done

export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export XDG_STATE_HOME="$work/state"
cd "$work"
ssh-keygen -q -t ed25519 -N '' -C demo -f "$work/id_ed25519"

run() { printf '\n$ hopper %s\n' "$*"; "$hopper" "$@"; }
run init --ssh-public-key "$work/id_ed25519.pub" --admin-cidr 203.0.113.7/32
run validate
run plan
run up --yes
run plan --detailed-exitcode
run down --yes
printf '\ndemo: built and removed the whole cluster against moto at %s\n' "$AWS_ENDPOINT_URL"
