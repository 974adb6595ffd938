#!/usr/bin/env bash
# The test suite under sanitizers, in build directories of their own.
#   scripts/test-sanitizers.sh [asan|tsan|all]   (default asan)
# asan: AddressSanitizer + UndefinedBehaviorSanitizer, the whole suite except the
#       package test (it builds a .deb). tsan: ThreadSanitizer on the tests that drive
#       the threaded dispatcher (relay, integration, UDP). Any report fails the run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
which=${1:-asan}
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# Qt's own allocations at exit are not ours to chase.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/scripts/lsan.supp}
export PT_SOAK_SANITIZED=1 # see tests/soak/soak.py: RSS bounds and fd exhaustion skipped
run() { # name cmake-flags ctest-args...
  local dir=$here/build-$1 flags=$2
  shift 2
  cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $flags >/dev/null
  cmake --build "$dir" -j"$(nproc)"
  ctest --test-dir "$dir" --output-on-failure -j2 --timeout 600 "$@"
}
case $which in
  asan|all) run asan "-DPT_SANITIZE=ON" -E 'package/' ;;&
  tsan|all) run tsan "-DPT_TSAN=ON -DPT_BUILD_GUI=OFF" -R 'tst_relay|integration/|fuzz_corpus' ;;
  asan) ;;
  *) echo "usage: $0 [asan|tsan|all]" >&2; exit 2 ;;
esac
