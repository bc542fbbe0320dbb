#!/usr/bin/env bash
# bench/sim_plan.sh: `hopper plan` on an account holding N unrelated resources (default 10000)
# against an empty account, through `hopper sim serve --seed-unrelated N`. Target: <= 1.2x.
#
#   HOPPER=build/release/hopper bench/sim_plan.sh [N] [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOPPER="${HOPPER:-$ROOT/build/release/hopper}"
N="${1:-10000}"
RUNS="${2:-5}"
WORK="$(mktemp -d /tmp/bench-sim-plan.XXXXXX)"
# SERVE is empty or a server's pid (never 0: `kill 0` would signal this whole process group).
SERVE=""
trap '[ -z "$SERVE" ] || kill -TERM "$SERVE" 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HOME="$WORK" AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id"
"$HOPPER" init -f "$WORK/cluster.yaml" --name bench --region eu-west-1 --ssh-public-key "$WORK/id.pub" >/dev/null
measure() {  # measure SEED: MEDIAN = median wall seconds of RUNS plans (no subshell, so the trap sees SERVE)
  "$HOPPER" sim serve --port 0 --seed-unrelated "$1" --seed-region eu-west-1 >"$WORK/serve.out" 2>&1 &
  SERVE=$!
  for _ in $(seq 600); do grep -q "http://127" "$WORK/serve.out" && break; sleep 0.1; done
  local endpoint; endpoint="$(grep -o 'http://127[0-9.:]*' "$WORK/serve.out" | head -1)"
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0=$EPOCHREALTIME
    AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "$HOPPER" plan -f "$WORK/cluster.yaml" --endpoint-url "$endpoint" >/dev/null
    times+=("$(python3 -c "print($EPOCHREALTIME - $t0)")")
  done
  kill -TERM "$SERVE"; wait "$SERVE" || true
  SERVE=""
  echo "seed $1: runs ${times[*]}" >&2
  MEDIAN="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")"
}
measure 0; EMPTY="$MEDIAN"
measure "$N"; FULL="$MEDIAN"
python3 -c "e, f = $EMPTY, $FULL; print(f'hopper plan: empty account {e:.2f}s, {$N} unrelated resources {f:.2f}s, ratio {f / e:.2f} (target <= 1.20)')"
