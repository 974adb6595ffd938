#!/usr/bin/env bash
# Throughput of the shadow transport against shadowsocks-libev, measured in the
# same run on the same machine:
#   ours:     source -> ptdispatcher client (transparent-TCP) -> ptdispatcher server -> sink
#   ss-libev: source -> ss-tunnel                             -> ss-server          -> sink
# for AES-128-GCM and CHACHA20-IETF-POLY1305, printing MB/s and the ratio.
#
# Usage: bench/bench_shadow.sh [path/to/ptdispatcher]
#   env: BENCH_MIB (default 512) bytes per run, BENCH_RUNS (default 3, best kept),
#        BENCH_CIPHERS (default "AES-128-GCM CHACHA20-IETF-POLY1305"),
#        BENCH_ONLY=ss|ours to measure one side only (no ratio then).
# Everything listens on 127.0.0.1 with ports chosen at run time.
set -euo pipefail

BIN=${1:-${PTDISPATCHER_BIN:-build/dispatcher/ptdispatcher}}
MIB=${BENCH_MIB:-512}
RUNS=${BENCH_RUNS:-3}
CIPHERS=${BENCH_CIPHERS:-"AES-128-GCM CHACHA20-IETF-POLY1305"}
PASSWORD=bench-password

for tool in "$BIN" ss-server ss-tunnel python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench_shadow: missing $tool" >&2; exit 1; }
done

TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_port() { # port
    python3 - "$1" <<'PY'
import socket, sys, time
port = int(sys.argv[1]); end = time.time() + 10
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close(); sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("port %d never opened" % port)
PY
}

# Sink: listens on a free port (set in SINK_PORT), reads $MIB MiB from the first
# connection that sends data and writes "seconds missing-bytes" to $1 (time
# from its first byte to the last).
# Sets SINK_PID. Runs in this shell (not in $(...)) so PIDS keeps its entries.
start_sink() { # resultfile
    python3 - "$1" "$MIB" >/dev/null <<'PY' &
import socket, sys, time
out, mib = sys.argv[1], int(sys.argv[2])
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
open(out + ".port", "w").write(str(srv.getsockname()[1]))
need = mib << 20; buf = bytearray(1 << 20); view = memoryview(buf)
while True:  # readiness probes (connect, close, no data) are skipped
    conn, _ = srv.accept()
    n = conn.recv_into(view)
    if n:
        break
t0 = time.perf_counter(); need -= n
while need > 0:
    n = conn.recv_into(view)
    if n == 0: break
    need -= n
open(out, "w").write("%.6f %d" % (time.perf_counter() - t0, need))
PY
    SINK_PID=$!
    PIDS+=($!)
    for _ in $(seq 100); do [[ -s "$1.port" ]] && break; sleep 0.05; done
    SINK_PORT=$(cat "$1.port")
}

source_to() { # port
    python3 - "$1" "$MIB" <<'PY'
import os, socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
block = os.urandom(1 << 20)
for _ in range(int(sys.argv[2])):
    s.sendall(block)
s.shutdown(socket.SHUT_WR)
s.settimeout(120)
try:
    while s.recv(65536): pass
except OSError:
    pass
PY
}

# Starts ptdispatcher with stdin held open; sets METHOD_PORT to the port of its
# first "<keyword> shadow" line.
start_dispatcher() { # keyword args...
    local keyword=$1; shift
    local n=${#PIDS[@]}
    mkfifo "$TMP/stdin.$n"
    sleep 100000 > "$TMP/stdin.$n" &
    PIDS+=($!)
    "$BIN" "$@" < "$TMP/stdin.$n" > "$TMP/out.$n" 2> "$TMP/err.$n" &
    PIDS+=($!)
    for _ in $(seq 200); do
        local line
        line=$(grep -m1 "^$keyword shadow " "$TMP/out.$n" 2>/dev/null || true)
        if [[ -n "$line" ]]; then
            # CMETHOD shadow <mode> <addr> / SMETHOD shadow <addr> ...
            local addr
            if [[ $keyword == CMETHOD ]]; then addr=$(awk '{print $4}' <<<"$line"); else addr=$(awk '{print $3}' <<<"$line"); fi
            METHOD_PORT=${addr##*:}
            return 0
        fi
        sleep 0.05
    done
    echo "bench_shadow: ptdispatcher gave no $keyword line:" >&2
    cat "$TMP/out.$n" "$TMP/err.$n" >&2
    return 1
}

stop_all() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    PIDS=()
}

mbps() { # resultfile
    read -r secs missing < "$1"
    [[ $missing == 0 ]] || { echo "bench_shadow: sink got $missing bytes too few" >&2; exit 1; }
    python3 -c "print('%.1f' % ($MIB * 1048576 / 1e6 / $secs))"
}

run_ours() { # cipher; sets RESULT (MB/s)
    local cipher=$1 sink sport opts
    start_sink "$TMP/res"; sink=$SINK_PORT
    opts="{\"shadow\":{\"password\":\"$PASSWORD\",\"cipherName\":\"$cipher\"}}"
    start_dispatcher SMETHOD -server -transports shadow -state "$TMP" \
        -bindaddr shadow-127.0.0.1:0 -target "127.0.0.1:$sink" -options "$opts"
    sport=$METHOD_PORT
    opts="{\"shadow\":{\"password\":\"$PASSWORD\",\"cipherName\":\"$cipher\",\"serverAddress\":\"127.0.0.1:$sport\",\"target\":\"127.0.0.1:$sink\"}}"
    start_dispatcher CMETHOD -transports shadow -mode transparent-TCP -state "$TMP" \
        -proxylistenaddr 127.0.0.1:0 -options "$opts"
    source_to "$METHOD_PORT"
    wait "$SINK_PID" || true
    RESULT=$(mbps "$TMP/res")
    stop_all; rm -f "$TMP"/res* "$TMP"/stdin.* "$TMP"/out.* "$TMP"/err.*
}

run_ss() { # cipher; sets RESULT (MB/s)
    local m sink sport tport
    m=$(tr '[:upper:]' '[:lower:]' <<<"$1")
    start_sink "$TMP/res"; sink=$SINK_PORT
    sport=$(free_port); tport=$(free_port)
    ss-server -s 127.0.0.1 -p "$sport" -k "$PASSWORD" -m "$m" >"$TMP/ss-server.log" 2>&1 &
    PIDS+=($!)
    ss-tunnel -s 127.0.0.1 -p "$sport" -b 127.0.0.1 -l "$tport" -L "127.0.0.1:$sink" -k "$PASSWORD" -m "$m" \
        >"$TMP/ss-tunnel.log" 2>&1 &
    PIDS+=($!)
    wait_port "$sport"; wait_port "$tport"
    source_to "$tport"
    wait "$SINK_PID" || true
    RESULT=$(mbps "$TMP/res")
    stop_all; rm -f "$TMP"/res*
}

best_of() { # function cipher; sets BEST
    BEST=0
    for _ in $(seq "$RUNS"); do
        "$1" "$2"
        BEST=$(python3 -c "print(max($BEST, $RESULT))")
    done
}

printf '%-24s %12s %12s %8s   (%d MiB, best of %d)\n' cipher "ours MB/s" "ss-libev MB/s" ratio "$MIB" "$RUNS"
for c in $CIPHERS; do
    ours=- ss=- ratio=-
    if [[ ${BENCH_ONLY:-} != ss ]]; then best_of run_ours "$c"; ours=$BEST; fi
    if [[ ${BENCH_ONLY:-} != ours ]]; then best_of run_ss "$c"; ss=$BEST; fi
    [[ -z ${BENCH_ONLY:-} ]] && ratio=$(python3 -c "print('%.2f' % ($ours / $ss))")
    printf '%-24s %12s %12s %8s\n' "$c" "$ours" "$ss" "$ratio"
done
