#!/usr/bin/env bash
# The main job: a server and a client ptdispatcher on loopback with the plain
# transport, a payload sent through the client's socks5 port to an echo target
# behind the server and checked, and every IPC line shown.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
"$here/scripts/setup.sh" >/dev/null
exec python3 "$here/scripts/demo.py" "$BUILD_DIR/dispatcher/ptdispatcher" "${TRANSPORT:-plain}"
