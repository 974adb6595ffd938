#!/usr/bin/env bash
# obfs4 throughput: a ptdispatcher client+server pair against an obfs4proxy pair,
# measured in the same run on loopback, with the ratio.
#
#   bench/bench_obfs4.sh [PTDISPATCHER_BIN] [MiB per run] [iat-mode] [rate seconds]
#
# Throughput: each run pushes MiB of random data through SOCKS5 -> PT client -> PT
# server -> a sink that acknowledges once it has counted every byte.
# Handshake rate: RATE_PROCS client processes (default 8) each loop for the given
# seconds over SOCKS5 connect -> obfs4 handshake -> one 32-byte echo -> close; the
# figure is completed connections per second. Needs obfs4proxy and python3.
set -euo pipefail

BIN=${1:-build/dispatcher/ptdispatcher}
MIB=${2:-64}
IAT=${3:-0}
RATE_SECS=${4:-5}
RATE_PROCS=${RATE_PROCS:-8}
OBFS4PROXY=${OBFS4PROXY:-/usr/bin/obfs4proxy}
[ -x "$BIN" ] || { echo "ptdispatcher not found at $BIN" >&2; exit 1; }
[ -x "$OBFS4PROXY" ] || { echo "obfs4proxy not found at $OBFS4PROXY" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/bench.py" <<'PY'
import multiprocessing, os, socket, socketserver, struct, sys, threading, time

def sink(portfile):
    class H(socketserver.BaseRequestHandler):
        def handle(self):
            want = struct.unpack('>Q', self._read(8))[0]
            if want == 0:  # handshake-rate probe: echo 32 bytes, then close
                self.request.sendall(self._read(32))
                return
            got = 0
            while got < want:
                b = self.request.recv(1 << 16)
                if not b:
                    return
                got += len(b)
            self.request.sendall(b'OK')
        def _read(self, n):
            b = b''
            while len(b) < n:
                c = self.request.recv(n - len(b))
                if not c:
                    raise EOFError
                b += c
            return b
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    srv = socketserver.ThreadingTCPServer(('127.0.0.1', 0), H)
    with open(portfile + '.tmp', 'w') as f:
        f.write(str(srv.server_address[1]))
    os.rename(portfile + '.tmp', portfile)
    srv.serve_forever()

def socks(socks_port, user, dest_port):
    s = socket.create_connection(('127.0.0.1', socks_port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.sendall(b'\x05\x01\x02')
    assert s.recv(2) == b'\x05\x02'
    u = user.encode()
    s.sendall(b'\x01' + bytes([len(u)]) + u + b'\x01\x00')
    assert s.recv(2)[1] == 0, 'SOCKS auth refused'
    s.sendall(b'\x05\x01\x00\x01' + socket.inet_aton('127.0.0.1') + struct.pack('>H', dest_port))
    rep = s.recv(10)
    assert len(rep) >= 2 and rep[1] == 0, 'SOCKS CONNECT failed: %r' % rep
    return s

def recv_exact(s, n):
    b = b''
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError('closed after %d of %d bytes' % (len(b), n))
        b += c
    return b

def client(socks_port, user, dest_port, mib):
    s = socks(socks_port, user, dest_port)
    total = mib << 20
    chunk = os.urandom(1 << 16)
    start = time.monotonic()
    s.sendall(struct.pack('>Q', total))
    sent = 0
    while sent < total:
        n = min(len(chunk), total - sent)
        s.sendall(chunk[:n])
        sent += n
    assert s.recv(2) == b'OK'
    secs = time.monotonic() - start
    print('%.1f' % (mib / secs))

def rate_worker(args):
    socks_port, user, dest_port, secs = args
    done = failed = 0
    end = time.monotonic() + secs
    while time.monotonic() < end:
        try:
            s = socks(socks_port, user, dest_port)
            probe = os.urandom(32)
            s.sendall(struct.pack('>Q', 0) + probe)
            ok = recv_exact(s, 32) == probe
            s.close()
            done += ok
            failed += not ok
        except (OSError, AssertionError, EOFError):
            failed += 1
    return done, failed

def rate(socks_port, user, dest_port, secs, procs):
    with multiprocessing.Pool(procs) as pool:
        start = time.monotonic()
        res = pool.map(rate_worker, [(socks_port, user, dest_port, secs)] * procs)
        elapsed = time.monotonic() - start
    done = sum(r[0] for r in res)
    failed = sum(r[1] for r in res)
    if failed:
        print('warning: %d of %d connections failed' % (failed, done + failed), file=sys.stderr)
    print('%.0f' % (done / elapsed))

if __name__ == '__main__':
    if sys.argv[1] == 'sink':
        sink(sys.argv[2])
    elif sys.argv[1] == 'rate':
        rate(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
    else:
        client(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
PY

wait_for_line() { # file prefix -> line
    for _ in $(seq 1 100); do
        if line=$(grep -m1 "^$2" "$1" 2>/dev/null); then echo "$line"; return 0; fi
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; return 1
}
port_of() { echo "$1" | awk -v f="$2" '{print $f}' | sed 's/.*://'; }
cert_of() { echo "$1" | sed -n 's/.*cert=\([^, ]*\).*/\1/p'; }

python3 "$work/bench.py" sink "$work/sink.port" & pids+=($!)
for _ in $(seq 1 50); do [ -f "$work/sink.port" ] && break; sleep 0.1; done
SINK=$(cat "$work/sink.port")

# --- obfs4proxy pair -------------------------------------------------------
mkdir -p "$work/o-srv" "$work/o-cli"
TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_SERVER_TRANSPORTS=obfs4 \
TOR_PT_SERVER_BINDADDR=obfs4-127.0.0.1:0 TOR_PT_ORPORT=127.0.0.1:$SINK \
TOR_PT_STATE_LOCATION="$work/o-srv" TOR_PT_SERVER_TRANSPORT_OPTIONS="obfs4:iat-mode=$IAT" \
    "$OBFS4PROXY" >"$work/o-srv.out" 2>&1 & pids+=($!)
TOR_PT_MANAGED_TRANSPORT_VER=1 TOR_PT_CLIENT_TRANSPORTS=obfs4 TOR_PT_STATE_LOCATION="$work/o-cli" \
    "$OBFS4PROXY" >"$work/o-cli.out" 2>&1 & pids+=($!)
line=$(wait_for_line "$work/o-srv.out" "SMETHOD obfs4 ")
O_SRV=$(port_of "$line" 3); O_CERT=$(cert_of "$line")
O_SOCKS=$(port_of "$(wait_for_line "$work/o-cli.out" "CMETHOD obfs4 ")" 4)

# --- ptdispatcher pair ------------------------------------------------------
mkdir -p "$work/p-srv"
"$BIN" -server -transports obfs4 -bindaddr obfs4-127.0.0.1:0 -target 127.0.0.1:$SINK \
    -state "$work/p-srv" -options "{\"obfs4\":{\"iat-mode\":\"$IAT\"}}" >"$work/p-srv.out" 2>&1 & pids+=($!)
"$BIN" -transports obfs4 -proxylistenaddr 127.0.0.1:0 >"$work/p-cli.out" 2>&1 & pids+=($!)
line=$(wait_for_line "$work/p-srv.out" "SMETHOD obfs4 ")
P_SRV=$(port_of "$line" 3); P_CERT=$(cert_of "$line")
P_SOCKS=$(port_of "$(wait_for_line "$work/p-cli.out" "CMETHOD obfs4 ")" 4)

run() { python3 "$work/bench.py" client "$1" "cert=$2;iat-mode=$IAT" "$3" "$MIB"; }
echo "obfs4 iat-mode=$IAT, $MIB MiB per run, loopback"
O=$(run "$O_SOCKS" "$O_CERT" "$O_SRV")
echo "obfs4proxy client -> obfs4proxy server : $O MiB/s"
P=$(run "$P_SOCKS" "$P_CERT" "$P_SRV")
echo "ptdispatcher client -> ptdispatcher server: $P MiB/s"
X=$(run "$P_SOCKS" "$O_CERT" "$O_SRV")
echo "ptdispatcher client -> obfs4proxy server : $X MiB/s"
Y=$(run "$O_SOCKS" "$P_CERT" "$P_SRV")
echo "obfs4proxy client -> ptdispatcher server : $Y MiB/s"
python3 -c "print('ratio ptdispatcher/obfs4proxy pair: %.2f' % ($P / $O))"

rate() { python3 "$work/bench.py" rate "$1" "cert=$2;iat-mode=$IAT" "$3" "$RATE_SECS" "$RATE_PROCS"; }
echo "handshake + one 32-byte echo per connection, $RATE_PROCS client processes, ${RATE_SECS}s each"
RO=$(rate "$O_SOCKS" "$O_CERT" "$O_SRV")
echo "obfs4proxy client -> obfs4proxy server : $RO conn/s"
RP=$(rate "$P_SOCKS" "$P_CERT" "$P_SRV")
echo "ptdispatcher client -> ptdispatcher server: $RP conn/s"
RX=$(rate "$P_SOCKS" "$O_CERT" "$O_SRV")
echo "ptdispatcher client -> obfs4proxy server : $RX conn/s"
RY=$(rate "$O_SOCKS" "$P_CERT" "$P_SRV")
echo "obfs4proxy client -> ptdispatcher server : $RY conn/s"
python3 -c "print('handshake-rate ratio ptdispatcher/obfs4proxy pair: %.2f' % ($RP / $RO))"
