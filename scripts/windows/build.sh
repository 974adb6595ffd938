#!/usr/bin/env bash
# Cross-builds ptdispatcher for 64-bit Windows on Debian 12: the dependencies from
# Debian's source packages (scripts/windows/deps.sh, cached outside the repository),
# then the project with cmake/mingw-w64-x86_64.cmake into build-windows/:
#   build-windows/dispatcher/ptdispatcher.exe
#   build-windows/gui/ptdispatcher-gui.exe
#   build-windows/ptdispatcher-<version>-win64.exe   (the NSIS installer)
# and the unit tests (build-windows/tests/*.exe), which scripts/windows/test.sh runs
# under wine. Idempotent and non-interactive; run as root.
# Environment: PT_WIN_CACHE (the dependency cache), BUILD_DIR (build-windows),
# PT_SKIP_APT=1, PT_WIN_SKIP_DEPS=1 (the cache is known to be ready).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
export PT_WIN_CACHE=${PT_WIN_CACHE:-/var/cache/ptdispatcher-windows}
export PT_WIN_PREFIX=$PT_WIN_CACHE/prefix
BUILD_DIR=${BUILD_DIR:-$here/build-windows}

if [ "${PT_WIN_SKIP_DEPS:-0}" != 1 ]; then
  bash "$here/scripts/windows/deps.sh" all
fi

cmake -S "$here" -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$here/cmake/mingw-w64-x86_64.cmake" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$PT_WIN_PREFIX/qt;$PT_WIN_PREFIX" \
  -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
  -DPT_WIN_PREFIX="$PT_WIN_PREFIX" ${CMAKE_ARGS:-}
cmake --build "$BUILD_DIR" -j"$(nproc)"
(cd "$BUILD_DIR" && cpack -G NSIS >/dev/null)
ls -l "$BUILD_DIR/dispatcher/ptdispatcher.exe" "$BUILD_DIR/gui/ptdispatcher-gui.exe" "$BUILD_DIR"/ptdispatcher-*-win64.exe
