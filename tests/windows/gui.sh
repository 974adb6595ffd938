#!/usr/bin/env bash
# The Windows GUI under wine on Xvfb, as a user would use it: a bridge line is
# imported (PTGUI_IMPORT), Connect is clicked (PTGUI_AUTOCONNECT), the GUI's own
# child is the Windows ptdispatcher.exe, and a Linux client carries 1 MiB through
# the SOCKS address the GUI shows to an obfs4 server (the Linux build) and an echo
# target, checked by SHA-256. The window is saved as a PNG.
#   tests/windows/gui.sh BUILD_DIR [screenshot.png]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=$(realpath "$1")
shot=$(realpath -m "${2:-$BUILD_DIR/gui-wine.png}")
source "$here/scripts/windows/env.sh"
pt_wine_prefix "${PT_WINEPREFIX:-$BUILD_DIR/wineprefix}"
linux_bin=${PT_LINUX_BIN:-$here/build/dispatcher/ptdispatcher}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
rm -f "$shot"

python3 - "$here" "$linux_bin" "$work" <<'PY' &
# The far side: an echo target and an obfs4 server; writes the bridge line.
import os, sys, time
sys.path.insert(0, os.path.join(sys.argv[1], "tests", "common"))
import ptproc
here, linux_bin, work = sys.argv[1:4]
_echo, echo_port = ptproc.echo_server()
server = ptproc.Pt([linux_bin, "-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                    "-target", "127.0.0.1:%d" % echo_port, "-state", os.path.join(work, "state")]).require()
line = "obfs4 %s 0123456789ABCDEF0123456789ABCDEF01234567 cert=%s iat-mode=0" % (server.addr, server.args["cert"])
open(os.path.join(work, "bridge.tmp"), "w").write(line)
os.rename(os.path.join(work, "bridge.tmp"), os.path.join(work, "bridge"))
time.sleep(600)
PY
for _ in $(seq 100); do [ -s "$work/bridge" ] && break; sleep 0.1; done
[ -s "$work/bridge" ] || { echo "gui.sh: the obfs4 server did not start"; exit 1; }
bridge=$(cat "$work/bridge")
cert=$(echo "$bridge" | sed -n 's/.*cert=\([^ ]*\).*/\1/p')
server=$(echo "$bridge" | awk '{print $2}')

# The client: waits for the address the GUI shows, carries 1 MiB, says how it went.
python3 - "$here" "$work/address" "$cert" "$server" "$work/client.result" <<'PY' &
import hashlib, os, sys, threading, time
sys.path.insert(0, os.path.join(sys.argv[1], "tests", "common"))
import ptproc
_, addr_file, cert, server, result = sys.argv[1:6]
deadline = time.time() + 90
while time.time() < deadline and not (os.path.exists(addr_file) and open(addr_file).read().strip()):
    time.sleep(0.2)
try:
    host, port = ptproc.hostport(open(addr_file).read().strip())
    shost, sport = ptproc.hostport(server)
    s = ptproc.socks5_connect(port, sport, dest_host=shost, user="cert=%s;iat-mode=0" % cert, timeout=30)
    data = os.urandom(1 << 20)
    threading.Thread(target=s.sendall, args=(data,), daemon=True).start()
    got = ptproc.recv_n(s, len(data))
    ok = hashlib.sha256(got).digest() == hashlib.sha256(data).digest()
    open(result, "w").write("ok %d bytes through %s:%d\n" % (len(got), host, port) if ok else "FAIL: echo differs\n")
except Exception as e:
    open(result, "w").write("FAIL: %r\n" % (e,))
PY
client=$!

status=0
pt_wine_new_session
QT_QPA_PLATFORM=${PT_GUI_QPA:-windows} PTGUI_IMPORT="$bridge" PTGUI_AUTOCONNECT=1 PTGUI_SETTLE_MS=${PTGUI_SETTLE_MS:-15000} \
  PTGUI_ADDRESS_FILE="$(winpath "$work/address")" PTGUI_SCREENSHOT="$(winpath "$shot")" \
  xvfb-run -a -s "-screen 0 1280x900x24" "$WINE" "$BUILD_DIR/gui/ptdispatcher-gui.exe" --smoke-test || status=$?
wait "$client" || true
echo "gui.sh: GUI exit $status; address $(cat "$work/address" 2>/dev/null || echo none); client: $(cat "$work/client.result" 2>/dev/null || echo 'no result')"
[ "$status" = 0 ] || { echo "gui.sh: FAIL: the GUI exited with $status"; exit 1; }
grep -q '^ok ' "$work/client.result" || { echo "gui.sh: FAIL: no data through the GUI's SOCKS address"; exit 1; }
[ -s "$shot" ] && file "$shot" | grep -q 'PNG image' || { echo "gui.sh: FAIL: no screenshot"; exit 1; }
echo "gui.sh: screenshot $shot"
