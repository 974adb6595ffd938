#!/usr/bin/env bash
# The test suite under sanitizers, in build directories of their own.
#   scripts/test-sanitizers.sh [asan|tsan|all]   (default asan)
# asan: AddressSanitizer + UndefinedBehaviorSanitizer, the whole suite except the
#       package test (it builds a .deb). tsan: ThreadSanitizer on the tests that drive
#       the threaded dispatcher (relay, integration, UDP, obfs4 and shadow interop).
#       Any report fails the run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
which=${1:-asan}
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# TSan: the tests fork dispatchers from a threaded process (die_after_fork=0). Qt comes
# from Debian, uninstrumented: its own locks (futexes) are invisible to TSan, so what
# Qt does inside itself across threads (its event dispatcher's eventfd, QThread's wait
# condition, its posted-event queue) looks racy; ignore_noninstrumented_modules=1 drops
# reports whose accesses come from Qt's code. Our code's accesses are all checked, and
# our cross-thread hand-overs use std::mutex (net/Inbox), which TSan sees; the
# unit/tsan_canary test proves a race in our code is still reported with these options.
# Reports go to files under the build directory, and any file there fails the run
# (a dispatcher child's report would otherwise be lost in a test's output).
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:ignore_noninstrumented_modules=1:log_path=$here/build-tsan/tsan-reports/report}
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
  tsan|all)
    rm -rf "$here/build-tsan/tsan-reports"
    mkdir -p "$here/build-tsan/tsan-reports"
    status=0
    run tsan "-DPT_TSAN=ON -DPT_BUILD_GUI=OFF" -E 'package/' || status=$?
    if [ -n "$(ls -A "$here/build-tsan/tsan-reports")" ]; then
      echo "ThreadSanitizer reports:" >&2
      cat "$here/build-tsan/tsan-reports"/* >&2
      status=1
    fi
    [ "$status" = 0 ] || exit "$status"
    ;;
  asan) ;;
  *) echo "usage: $0 [asan|tsan|all]" >&2; exit 2 ;;
esac
