#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang + HOPPER_FUZZ) and runs each for a
# bounded time. Usage: scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j2
CORPUS_ROOT="build/fuzz/corpus"
for target in build/fuzz/fuzz/*_fuzz; do
  [[ -x "$target" ]] || continue
  name="$(basename "$target")"
  mkdir -p "$CORPUS_ROOT/$name"
  echo "== $name for ${SECONDS_PER_TARGET}s"
  "$target" -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=10 "$CORPUS_ROOT/$name"
done
echo "fuzz: no crash"
