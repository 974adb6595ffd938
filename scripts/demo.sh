#!/usr/bin/env bash
# The main job: a server and a client ptdispatcher on loopback with obfs4 (TRANSPORT=
# names another: plain, obfs2, shadow, ...), a payload sent through the client's
# socks5 port to an echo target behind the server and checked, every IPC line shown,
# the server checked with -check, and its bridge line printed with how to use it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
"$here/scripts/setup.sh" >/dev/null
exec python3 "$here/scripts/demo.py" "$BUILD_DIR/dispatcher/ptdispatcher" "${TRANSPORT:-obfs4}"
