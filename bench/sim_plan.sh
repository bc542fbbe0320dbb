#!/usr/bin/env bash
# bench/sim_plan.sh: `hopper plan` on an account holding N unrelated resources (default 10000)
# against an empty account, through `hopper sim serve --seed-unrelated N`. Target: <= 1.2x.
#
#   HOPPER=build/release/hopper bench/sim_plan.sh [N] [runs]
#
# Both servers run side by side and the plans alternate between them (after one warm-up plan
# each: the first makes the cluster CA and the 10k server's first request builds its listings),
# so that a machine busy with something else slows both sides alike.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOPPER="${HOPPER:-$ROOT/build/release/hopper}"
N="${1:-10000}"
RUNS="${2:-5}"
WORK="$(mktemp -d /tmp/bench-sim-plan.XXXXXX)"
# Empty or a server's pid each (never 0: `kill 0` would signal this whole process group).
EMPTY_SERVE=""
FULL_SERVE=""
trap 'for p in $EMPTY_SERVE $FULL_SERVE; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
export HOME="$WORK" AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id"
"$HOPPER" init -f "$WORK/cluster.yaml" --name bench --region eu-west-1 --ssh-public-key "$WORK/id.pub" >/dev/null
"$HOPPER" sim serve --port 0 --seed-unrelated 0 --seed-region eu-west-1 >"$WORK/empty.out" 2>&1 &
EMPTY_SERVE=$!
"$HOPPER" sim serve --port 0 --seed-unrelated "$N" --seed-region eu-west-1 >"$WORK/full.out" 2>&1 &
FULL_SERVE=$!
endpoint() {  # endpoint NAME -> the server's URL once it listens
  for _ in $(seq 600); do grep -q "http://127" "$WORK/$1.out" && break; sleep 0.1; done
  grep -o 'http://127[0-9.:]*' "$WORK/$1.out" | head -1
}
EMPTY_URL="$(endpoint empty)"
FULL_URL="$(endpoint full)"
plan() {  # plan URL -> wall seconds
  local t0=$EPOCHREALTIME
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "$HOPPER" plan -f "$WORK/cluster.yaml" --endpoint-url "$1" >/dev/null 2>&1
  python3 -c "print($EPOCHREALTIME - $t0)"
}
plan "$EMPTY_URL" >/dev/null
plan "$FULL_URL" >/dev/null
EMPTY_TIMES=()
FULL_TIMES=()
for _ in $(seq "$RUNS"); do
  EMPTY_TIMES+=("$(plan "$EMPTY_URL")")
  FULL_TIMES+=("$(plan "$FULL_URL")")
done
python3 - "$N" "${EMPTY_TIMES[*]}" "${FULL_TIMES[*]}" <<'PY'
import statistics, sys
n, empty, full = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
print("empty runs:", " ".join(f"{x:.3f}" for x in empty))
print("full runs: ", " ".join(f"{x:.3f}" for x in full))
e, f = statistics.median(empty), statistics.median(full)
print(f"hopper plan: empty account {e:.3f}s, {n} unrelated resources {f:.3f}s, ratio {f / e:.2f} (target <= 1.20)")
PY
