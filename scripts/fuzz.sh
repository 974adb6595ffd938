#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for N seconds.
#   scripts/fuzz.sh [seconds per target, default 30] [target ...]
# FUZZ_JOBS=N runs N targets at a time (default: the number of cores).
# Each run starts from tests/fuzz/corpus/<target> (copied: the repository's corpus only
# changes by hand) and prints executions and findings. A finding is written to
# $FUZZ_OUT/<target>/crash-* (default build-fuzz/findings): fix it, then copy the input into
# tests/fuzz/corpus/<target>/ so CTest replays it from then on. Exits 1 on any finding.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-30}
shift || true
BUILD=${FUZZ_BUILD_DIR:-$here/build-fuzz}
OUT=${FUZZ_OUT:-$BUILD/findings}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/tests/fuzz/targets/*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$here" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DPT_FUZZ=ON -DPT_BUILD_GUI=OFF >/dev/null || exit 2
fi
cmake --build "$BUILD" --target "${targets[@]/#/fuzz_}" >/dev/null || exit 2
# One target's run; its summary line goes to $OUT/<target>/summary.
fuzz_one() {
  local t=$1 work log rc execs rate findings
  work=$(mktemp -d)
  cp -r "$here/tests/fuzz/corpus/$t/." "$work/" 2>/dev/null || true
  mkdir -p "$OUT/$t"
  rm -f "$OUT/$t"/crash-* "$OUT/$t"/leak-* "$OUT/$t"/timeout-* "$OUT/$t"/oom-*
  log=$OUT/$t/last-run.log
  "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$OUT/$t/" -print_final_stats=1 "$work" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  findings=$(ls "$OUT/$t" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  printf '%-18s %12s %10s %s\n' "$t" "${execs:-?}" "${rate:-?}" "$findings" >"$OUT/$t/summary"
  if [ "$rc" != 0 ] || [ "$findings" != 0 ] || [ -z "$execs" ]; then
    grep -m5 -E 'ERROR|SUMMARY' "$log" >>"$OUT/$t/summary"
    echo FAILED >>"$OUT/$t/summary"
  fi
  rm -rf "$work"
}
# FUZZ_JOBS targets at a time (default: one per core).
jobs=${FUZZ_JOBS:-$(nproc)}
running=0
for t in "${targets[@]}"; do
  fuzz_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait
status=0
printf '%-18s %12s %10s %s\n' target executions exec/s findings
for t in "${targets[@]}"; do
  cat "$OUT/$t/summary"
  if grep -q '^FAILED$' "$OUT/$t/summary"; then status=1; fi
done
exit $status
