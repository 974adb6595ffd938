#!/usr/bin/env bash
# Installs, builds and runs the whole test suite. This is what CI runs. Stages:
#   1. packages and the Linux build (scripts/setup.sh), and the Windows toolchain
#      packages (scripts/windows/deps.sh apt);
#   then, while the Windows dependencies build at the lowest CPU priority in the
#   background (scripts/windows/deps.sh: Qt, libsodium, OpenSSL, qrencode from
#   Debian's sources, cached in /var/cache/ptdispatcher-windows, so only a new
#   machine or a version change pays for it):
#   2. the suite (unit, integration, interop with real peers, soak, package), then the
#      code checks: clang-format and clang-tidy (scripts/lint.sh; the build itself
#      uses -DPT_WERROR=ON);
#   3. the suite under ASan+UBSan, 4. under TSan (scripts/test-sanitizers.sh);
#   5. every libFuzzer target for PT_FUZZ_SECONDS (default 15) (scripts/fuzz.sh);
#   6. the portable POSIX build (-DPT_PORTABLE_POSIX=ON: the macOS/BSD code path)
#      and the whole suite on it;
#   7. the Windows cross-build (scripts/windows/build.sh) and 8. its tests under wine
#      (scripts/windows/test.sh).
# Each stage's time is printed at the end. With ctest arguments, only stage 1 and
# ctest with them run. PT_SANITIZERS=0 skips 3-5, PT_PORTABLE=0 skips 6, PT_WINDOWS=0
# skips 7-8.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
logs=$here/build-logs
mkdir -p "$logs"
timings=()
failed=()
stage() { # name command...: runs it, records its time and outcome
  local name=$1; shift
  local t0=$SECONDS rc=0
  echo "=== stage: $name"
  "$@" || rc=$?
  timings+=("$(printf '%-44s %5d s  %s' "$name" $((SECONDS - t0)) "$([ $rc = 0 ] && echo ok || echo "FAILED ($rc)")")")
  [ $rc = 0 ] || failed+=("$name")
  return 0
}
summary() {
  echo "=== stage times (total $SECONDS s)"
  printf '%s\n' "${timings[@]}"
}

# ccache across every build directory of this run (see scripts/setup.sh).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$here} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
windows=${PT_WINDOWS:-1}
[ $# -eq 0 ] || windows=0
# CI builds with -Werror: a new warning fails the run (users' builds do not).
stage "packages + Linux build" env CMAKE_ARGS="${CMAKE_ARGS:-} -DPT_WERROR=ON" "$here/scripts/setup.sh"
if [ ${#failed[@]} -gt 0 ]; then summary; exit 1; fi
deps_pid=
if [ "$windows" != 0 ]; then
  stage "Windows toolchain packages" bash "$here/scripts/windows/deps.sh" apt
  deps_t0=$SECONDS
  PT_SKIP_APT=1 nice -n 19 bash "$here/scripts/windows/deps.sh" all > "$logs/windows-deps.log" 2>&1 &
  deps_pid=$!
fi

# GUI tests run without a display.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# In CI (a throwaway root machine) the package test also installs the .deb with dpkg -i.
if [ -n "${CI:-}" ]; then export PT_PACKAGE_INSTALL=1; fi
stage "suite" ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 600 "$@"
if [ $# -eq 0 ]; then
  stage "format + clang-tidy" bash "$here/scripts/lint.sh"
  if [ "${PT_SANITIZERS:-1}" != 0 ]; then
    stage "suite under ASan+UBSan" bash "$here/scripts/test-sanitizers.sh" asan
    stage "suite under TSan" bash "$here/scripts/test-sanitizers.sh" tsan
    stage "fuzz targets, ${PT_FUZZ_SECONDS:-15} s each" bash "$here/scripts/fuzz.sh" "${PT_FUZZ_SECONDS:-15}"
  fi
  if [ "${PT_PORTABLE:-1}" != 0 ]; then
    portable() {
      BUILD_DIR=$here/build-portable PT_SKIP_APT=1 CMAKE_ARGS="-DPT_PORTABLE_POSIX=ON -DPT_WERROR=ON" "$here/scripts/setup.sh" &&
        ctest --test-dir "$here/build-portable" --output-on-failure -j2 --timeout 600 -E 'package/'
    }
    stage "portable POSIX build + suite" portable
  fi
fi
if [ -n "$deps_pid" ]; then
  deps_wait() {
    local rc=0
    wait "$deps_pid" || rc=$?
    tail -5 "$logs/windows-deps.log"
    echo "Windows dependencies: $((SECONDS - deps_t0)) s since they started (in the background)"
    return $rc
  }
  stage "Windows dependencies (wait for the background build)" deps_wait
  stage "Windows cross-build + NSIS installer" env PT_WIN_SKIP_DEPS=1 bash "$here/scripts/windows/build.sh"
  stage "Windows tests under wine" bash "$here/scripts/windows/test.sh"
fi
summary
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED stages: ${failed[*]}"
  exit 1
fi
