#!/usr/bin/env bash
# Takes screenshots of the GUI's first screen, connected through a real dispatcher pair,
# under Xvfb.
#   scripts/gui-screenshot.sh                    docs/images/gui-first-screen-en.png and
#                                                docs/images/gui-first-screen-fa.png (Persian, RTL)
#   scripts/gui-screenshot.sh out.png [language] one picture
# Starts an obfs4 server (our ptdispatcher) on loopback, pastes its bridge line into the
# GUI (PTGUI_IMPORT), tests every profile (PTGUI_TEST_ALL: the latency in the list),
# clicks Connect (PTGUI_AUTOCONNECT) with "Use as system proxy" on against a throwaway
# GNOME configuration (GSETTINGS_BACKEND=keyfile in the scratch directory: the user's
# desktop is never touched), pushes some traffic through the SOCKS port the GUI shows so
# the graph has something to draw, and saves the window (PTGUI_SCREENSHOT). LANGUAGE
# (e.g. fa, ru, zh_CN) picks the GUI language.
# Needs xvfb-run (package xvfb), python3, gsettings, and a build in $BUILD_DIR (default ./build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
if [ $# -eq 0 ]; then
    mkdir -p "$here/docs/images"
    "$0" "$here/docs/images/gui-first-screen-en.png" en
    "$0" "$here/docs/images/gui-first-screen-fa.png" fa
    exit 0
fi
out=$(realpath -m "$1")
lang=${2:-}
bin=$BUILD_DIR/dispatcher/ptdispatcher
gui=$BUILD_DIR/gui/ptdispatcher-gui
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# A sink for the traffic, then the obfs4 server in front of it.
python3 - "$work/sink.port" <<'PY' &
import socket, sys, threading
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
def drain(c):
    while c.recv(65536): pass
while True:
    c, _ = s.accept(); threading.Thread(target=drain, args=(c,), daemon=True).start()
PY
pids+=($!)
for _ in $(seq 50); do [ -s "$work/sink.port" ] && break; sleep 0.1; done
"$bin" -server -transports obfs4 -bindaddr obfs4-127.0.0.1:0 -target "127.0.0.1:$(cat "$work/sink.port")" \
    -state "$work/state" >"$work/server.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q '^SMETHOD obfs4 ' "$work/server.out" && break; sleep 0.1; done
smethod=$(grep -m1 '^SMETHOD obfs4 ' "$work/server.out")
addr=$(echo "$smethod" | awk '{print $3}')
cert=$(echo "$smethod" | sed -n 's/.*cert=\([^, ]*\).*/\1/p')
bridge="obfs4 $addr 0123456789ABCDEF0123456789ABCDEF01234567 cert=$cert iat-mode=0"

# While the GUI runs: find its SOCKS port in its log (it logs CMETHOD), push data.
export PTGUI_IMPORT="$bridge" PTGUI_AUTOCONNECT=1 PTGUI_SETTLE_MS=4000 PTGUI_SCREENSHOT="$out" PTGUI_TEST_ALL=1
# The system proxy switch on, against a GNOME configuration of the scratch directory's own.
mkdir -p "$work/config" "$work/data"
export PTGUI_SYSTEM_PROXY=1 GSETTINGS_BACKEND=keyfile XDG_CURRENT_DESKTOP=GNOME \
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
if [ "$lang" = en ]; then export PTGUI_LANG=en LANGUAGE=en LANG=C.UTF-8
elif [ -n "$lang" ]; then export LANGUAGE="$lang" LANG="${lang}.UTF-8" PTGUI_LANG="$lang"; fi
python3 - "$cert" "$addr" <<'PY' &
import socket, struct, subprocess, sys, time
cert, addr = sys.argv[1], sys.argv[2]
host, port = addr.rsplit(":", 1)
# The GUI's dispatcher is the newest ptdispatcher client process: find its SOCKS port.
deadline = time.time() + 20
socks = None
while time.time() < deadline and socks is None:
    out = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "ptdispatcher" in line and "127.0.0.1:" in line and '"ptdispatcher"' in line:
            p = int(line.split()[3].rsplit(":", 1)[1])
            if str(p) != port:
                socks = p
    time.sleep(0.2)
if socks is None:
    sys.exit(0)
user = ("cert=%s;iat-mode=0" % cert).encode()
end = time.time() + 6
while time.time() < end:
    try:
        s = socket.create_connection(("127.0.0.1", socks))
        s.sendall(b"\x05\x01\x02"); s.recv(2)
        s.sendall(b"\x01" + bytes([len(user)]) + user + b"\x01\x00"); s.recv(2)
        s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton(host) + struct.pack(">H", int(port))); s.recv(10)
        for _ in range(40):
            s.sendall(b"x" * 65536)
            time.sleep(0.02)
        s.close()
    except OSError:
        time.sleep(0.2)
PY
pids+=($!)
PTDISPATCHER_BIN="$bin" xvfb-run -a -s "-screen 0 1280x900x24" "$gui" --smoke-test
echo "screenshot: $out"
