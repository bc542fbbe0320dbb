#!/usr/bin/env bash
# Benchmark (issue 4): `hopper up` + `hopper down` against moto, side by side with the chapter's
# AWS CLI script (tests/testdata/seed/seed-up.sh + seed-down.sh) on the same kind of server:
# wall time of each, API calls by action, the ratio, and hopper's mutating calls by action (none
# may be wasted). Not run in CI.
#   bench/up_down_vs_seed.sh [path/to/hopper]   (default: build/release/hopper)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
hopper="${1:-$root/build/release/hopper}"
[[ -x "$hopper" ]] || { echo "build hopper first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
work=$(mktemp -d /tmp/hopper-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
MOTO_AMIS_PATH="$root/tests/testdata/moto/amis.json" moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; rm -rf "$work"' EXIT
endpoint="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$endpoint/moto-api/" >/dev/null && break; sleep 0.1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null XDG_STATE_HOME="$work/state"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# --- hopper -------------------------------------------------------------------------------
cd "$work"
ssh-keygen -q -t ed25519 -N '' -f "$work/key"
AWS_ENDPOINT_URL="$endpoint" "$hopper" init --ssh-public-key "$work/key.pub" --admin-cidr 203.0.113.7/32 >/dev/null
t0=$(now)
AWS_ENDPOINT_URL="$endpoint" "$hopper" up --yes --debug >"$work/up.out" 2>"$work/up.log"
t1=$(now)
AWS_ENDPOINT_URL="$endpoint" "$hopper" down --yes --debug >"$work/down.out" 2>"$work/down.log"
t2=$(now)
hopper_up=$(elapsed "$t0" "$t1"); hopper_down=$(elapsed "$t1" "$t2")
calls() { grep -hoE '^debug: aws [a-z0-9]+ [A-Za-z]+' "$@" | awk '{print $3" "$4}'; }
hopper_calls=$(calls "$work/up.log" "$work/down.log" | wc -l)
mutating=$(calls "$work/up.log" "$work/down.log" | grep -vE ' (Describe|List|Get)' | sort | uniq -c | sort -rn)

# --- the chapter's script -------------------------------------------------------------------
curl -fs -X POST "$endpoint/moto-api/reset" >/dev/null
export ENDPOINT="$endpoint" CALL_LOG="$work/seed-calls.log"
t3=$(now)
bash "$root/tests/testdata/seed/seed-up.sh" >"$work/seed-up.out" 2>&1
t4=$(now)
CALL_LOG="$work/seed-down-calls.log" bash "$root/tests/testdata/seed/seed-down.sh" >"$work/seed-down.out" 2>&1 || true
t5=$(now)
seed_up=$(elapsed "$t3" "$t4"); seed_down=$(elapsed "$t4" "$t5")
seed_calls=$(( $(wc -l <"$work/seed-calls.log") + $(wc -l <"$work/seed-down-calls.log") ))

cat <<REPORT
| | hopper | chapter's script (AWS CLI) | ratio |
|---|---|---|---|
| up (s) | $hopper_up | $seed_up | $(python3 -c "print(f'{$seed_up / $hopper_up:.1f}x')") |
| down (s) | $hopper_down | $seed_down | $(python3 -c "print(f'{$seed_down / $hopper_down:.1f}x')") |
| up + down (s) | $(python3 -c "print(f'{$hopper_up + $hopper_down:.2f}')") | $(python3 -c "print(f'{$seed_up + $seed_down:.2f}')") | $(python3 -c "print(f'{($seed_up + $seed_down) / ($hopper_up + $hopper_down):.1f}x')") |
| API calls | $hopper_calls | $seed_calls | |

hopper's mutating calls (up + down), by action:
\`\`\`
$mutating
\`\`\`
REPORT
