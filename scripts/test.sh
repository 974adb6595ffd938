#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (unit, integration, interop with
# real peers, soak, package), then the suite again under ASan+UBSan and under TSan,
# then a short run of every fuzz target. This is what CI runs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
"$here/scripts/setup.sh"
# GUI tests run without a display.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# In CI (a throwaway root machine) the package test also installs the .deb with dpkg -i.
if [ -n "${CI:-}" ]; then export PT_PACKAGE_INSTALL=1; fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 600 "$@"
# Then, unless PT_SANITIZERS=0 or ctest arguments were given:
#  - the same suite (less the package test) under AddressSanitizer and
#    UndefinedBehaviorSanitizer (build-asan), then under ThreadSanitizer (build-tsan,
#    GUI off): scripts/test-sanitizers.sh;
#  - every libFuzzer target for PT_FUZZ_SECONDS (default 15) from its seed corpus
#    (build-fuzz, clang): scripts/fuzz.sh. A finding fails the run.
if [ "${PT_SANITIZERS:-1}" != 0 ] && [ $# -eq 0 ]; then
  bash "$here/scripts/test-sanitizers.sh" all
  bash "$here/scripts/fuzz.sh" "${PT_FUZZ_SECONDS:-15}"
fi
