#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang + HOPPER_FUZZ) and runs each for a
# bounded time. Not part of CI.
#
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]
#   Targets are the fuzz/<name>_fuzz.cpp files (all of them by default). Each keeps its corpus in
#   build/fuzz/corpus/<name>; fuzz/seeds/<name>/ (if any) seeds it and fuzz/<name>.dict (if any)
#   is its dictionary. FUZZ_MAX_LEN overrides the longest input (default 4096 bytes). Crash
#   reproducers land in build/fuzz/artifacts/<name>/. Exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  targets=()
  for source in fuzz/*_fuzz.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
cmake --preset fuzz >/dev/null
# Only the fuzz targets (and what they link), not the whole tree.
cmake --build build/fuzz -j2 --target "${targets[@]}"
CORPUS_ROOT="build/fuzz/corpus"
failed=()
for name in "${targets[@]}"; do
  target="build/fuzz/fuzz/$name"
  [[ -x "$target" ]] || { echo "fuzz: $target was not built" >&2; failed+=("$name"); continue; }
  mkdir -p "$CORPUS_ROOT/$name" "build/fuzz/artifacts/$name"
  extra=()
  [[ -f "fuzz/$name.dict" ]] && extra+=("-dict=fuzz/$name.dict")
  dirs=("$CORPUS_ROOT/$name")
  [[ -d "fuzz/seeds/$name" ]] && dirs+=("fuzz/seeds/$name")
  echo "== $name for ${SECONDS_PER_TARGET}s"
  if ! "$target" -max_total_time="$SECONDS_PER_TARGET" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 \
       -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name/" \
       "${extra[@]}" "${dirs[@]}"; then
    failed+=("$name")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: crashes or failures in: ${failed[*]} (reproducers under build/fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash"
