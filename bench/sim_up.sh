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
#   max(NAT available, IAM profile visible to EC2) -> control plane running,
#   bastion running (it is launched before the NAT is up: it needs neither),
#   and NAT available -> ASG launch delay -> worker running (the boot is drawn by whichever read
#   the simulator's clock advanced in),
# taken from the log as: max over chains of the sums of the waits in that chain, as if every chain
# started at once and no call took any time. Each RunInstances counts in its own chain: after the
# NAT gateway only if it was made once the NAT was available.
#
# SIM_UP_CHAPTER=0 skips the chapter's script (about two minutes) when only the ratio is wanted.
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
import calendar, datetime, json, sys
log, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
calls = [json.loads(l) for l in open(log)]
def at(call):  # when the call was answered, in seconds since the epoch
    d = datetime.datetime.strptime(call["time"], "%Y-%m-%dT%H:%M:%S.%fZ")
    return calendar.timegm(d.timetuple()) + d.microsecond / 1e6
def ok(action):
    return [c for c in calls if c["action"] == action and c["status"] == 200 and c.get("waits_ms")]
def waits(action):
    return [w for c in ok(action) for w in c["waits_ms"]]
nat = max(waits("CreateNatGateway") or [0])
nat_ready = max([at(c) + max(c["waits_ms"]) / 1000.0 for c in ok("CreateNatGateway")] or [0])
iam = max(waits("AddRoleToInstanceProfile") or [0])
chains = [max(c["waits_ms"]) + (max(nat, iam) if at(c) >= nat_ready else 0) for c in ok("RunInstances")]
# The worker's launch delay is drawn by CreateAutoScalingGroup; its boot by whichever request
# the simulator's clock advanced in when the delay fell due (any service: the only waits a read
# starts). Counting only Auto Scaling calls missed the boot when an EC2 poll launched it.
asg_delay = max(waits("CreateAutoScalingGroup") or [0])
asg_boot = max([w for c in calls if c["status"] == 200 and c["action"].startswith(("Describe", "List", "Get"))
                for w in c.get("waits_ms", [])] or [0])
critical = max(chains + [nat + asg_delay + asg_boot]) / 1000.0
wall = t1 - t0
print(f"hopper up --sim (aws timing): wall {wall:.1f}s, calls {len(calls)}, "
      f"critical path {critical:.1f}s, ratio {wall / critical if critical else float('nan'):.2f}")
PY
[ "${SIM_UP_CHAPTER:-1}" != 0 ] || exit 0
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
