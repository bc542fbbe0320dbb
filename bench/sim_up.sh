#!/usr/bin/env bash
# bench/sim_up.sh: `hopper up --sim` with AWS's timings at --sim-time-scale 0.1, against the
# critical path of the cluster under the durations the simulator drew, and the chapter's
# seed-up.sh under the same timings, side by side.
#
#   HOPPER=build/release/hopper bench/sim_up.sh [scale]
#
# The critical path is the least time any tool could take: the simulator logs the waits each
# call started (waits_ms: NAT gateway, instances, image, IAM propagation, ASG launch), and the
# cluster's longest chain of waits is
#   max(NAT available, IAM profile visible to EC2) -> instances running (control plane, bastion)
#   and NAT available -> ASG launch delay -> worker running,
# taken from the log as: max over chains of the sums of the waits in that chain.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOPPER="${HOPPER:-$ROOT/build/release/hopper}"
SCALE="${1:-0.1}"
WORK="$(mktemp -d /tmp/bench-sim-up.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK" XDG_STATE_HOME="$WORK/state" AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id"
"$HOPPER" init -f "$WORK/cluster.yaml" --name bench --region eu-west-1 --ssh-public-key "$WORK/id.pub" \
  --admin-cidr 203.0.113.7/32 >/dev/null
LOG="$WORK/requests.jsonl"
T0=$EPOCHREALTIME
"$HOPPER" up --sim --yes -f "$WORK/cluster.yaml" --sim-timing aws --sim-time-scale "$SCALE" --sim-seed 42 \
  --sim-request-log "$LOG" >"$WORK/up.out" 2>&1 || { cat "$WORK/up.out"; exit 1; }
T1=$EPOCHREALTIME
python3 - "$LOG" "$T0" "$T1" <<'PY'
import json, sys
log, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
calls = [json.loads(l) for l in open(log)]
def waits(action):
    return [w for c in calls if c["action"] == action and c["status"] == 200 for w in c.get("waits_ms", [])]
nat = max(waits("CreateNatGateway") or [0])
iam = max(waits("AddRoleToInstanceProfile") or [0])
run = max(waits("RunInstances") or [0])
asg = [w for c in calls if c["service"] == "autoscaling" for w in c.get("waits_ms", [])]
asg_delay = max(asg[:1] or [0]); asg_boot = max(asg[1:] or [0])
critical = max(max(nat, iam) + run, nat + asg_delay + asg_boot) / 1000.0
wall = t1 - t0
print(f"hopper up --sim (aws timing): wall {wall:.1f}s, calls {len(calls)}, "
      f"critical path {critical:.1f}s, ratio {wall / critical if critical else float('nan'):.2f}")
PY
# The chapter's script under the same timings.
"$HOPPER" sim serve --port 0 --timing aws --time-scale "$SCALE" --seed 42 --request-log "$WORK/seed.jsonl" >"$WORK/serve.out" 2>&1 &
SERVE=$!
for _ in $(seq 100); do grep -q "http://127" "$WORK/serve.out" && break; sleep 0.1; done
ENDPOINT="$(grep -o 'http://127[0-9.:]*' "$WORK/serve.out" | head -1)"
T0=$EPOCHREALTIME
ENDPOINT="$ENDPOINT" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test bash "$ROOT/tests/testdata/seed/seed-up.sh" \
  >"$WORK/seed.out" 2>"$WORK/seed.err" || true
T1=$EPOCHREALTIME
kill -TERM "$SERVE"; wait "$SERVE" || true
echo "seed-up.sh (same timings): wall $(python3 -c "print(f'{$T1-$T0:.1f}')")s, calls $(grep -c . "$WORK/seed.jsonl")," \
     "$(grep -o 'aws calls: [0-9]* (failed: [0-9]*)' "$WORK/seed.err")"
