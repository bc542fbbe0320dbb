#!/usr/bin/env bash
# README command (2): install what is needed, build with sanitizers, run every test with ctest.
#   scripts/test.sh [extra ctest arguments]
#
# The tests run inside a private network namespace that has only loopback (unshare -n), with
# AWS_EC2_METADATA_DISABLED=true, so no test can reach any address but 127.0.0.1 / ::1.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev

export AWS_EC2_METADATA_DISABLED=true
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL
run_ctest=(ctest --preset dev "$@")
if [[ "${HOPPER_TEST_NO_NETNS:-0}" == 1 ]]; then
  "${run_ctest[@]}"
else
  # Root (CI) can make a network namespace directly; elsewhere map ourselves to root first.
  userns=()
  ((EUID == 0)) || userns=(--map-root-user)
  unshare "${userns[@]}" --net -- bash -c 'ip link set lo up && exec "$@"' _ "${run_ctest[@]}"
fi
