#!/usr/bin/env bash
# The Windows build's tests, under wine, against real Linux peers (CI runs this after
# scripts/windows/build.sh):
#  1. the cross-built unit suites and fuzz-corpus replays (CTest, wine as emulator);
#  2. tests/windows/harness.py: the dispatcher launched as a parent launches it, every
#     check against the build tree's ptdispatcher.exe;
#  3. tests/windows/tor.sh: real tor (Linux) launching the Windows dispatcher;
#  4. tests/windows/gui.sh: the GUI on Xvfb connects, data flows, a screenshot;
#  5. tests/windows/installer.sh: silent install, the installed copy passes the
#     harness, the uninstaller leaves nothing behind.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build-windows}
source "$here/scripts/windows/env.sh"
pt_wine_prefix "${PT_WINEPREFIX:-$BUILD_DIR/wineprefix}"
exe=$BUILD_DIR/dispatcher/ptdispatcher.exe
failed=0
stage() {
  local name=$1; shift
  local t0=$SECONDS
  echo "== windows: $name"
  if "$@"; then echo "== windows: $name passed ($((SECONDS - t0)) s)"
  else echo "== windows: $name FAILED ($((SECONDS - t0)) s)"; failed=1; fi
}
# The GUI suites use the windows platform plugin: a display for them.
pt_wine_new_session
stage "unit suites under wine" xvfb-run -a -s "-screen 0 1280x900x24" \
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 300
stage "harness (build tree)" python3 "$here/tests/windows/harness.py" --cmd "$WINE $exe" --interrupt-reason Ctrl-C \
  --parent-cmd "$WINE cmd.exe /c $(winpath "$exe" | sed 's/\\/\\\\/g')"
stage "tor launching the Windows dispatcher" bash "$here/tests/windows/tor.sh" "$exe"
stage "GUI under wine on Xvfb" bash "$here/tests/windows/gui.sh" "$BUILD_DIR"
stage "installer" bash "$here/tests/windows/installer.sh" "$BUILD_DIR"
"$WINESERVER" -k 2>/dev/null || true
exit $failed
