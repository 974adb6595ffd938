#!/usr/bin/env python3
"""obfs4 iat-mode 1 and 2: our pacing against obfs4proxy's, on the wire.

  bench/bench_obfs4_iat.py PTDISPATCHER_BIN [MiB, default 2] [modes, default 1,2]

Download (server paces): obfs4proxy's client fetches MiB from a source behind our
server and behind obfs4proxy's server. The two servers share one identity: the same
node-id, private key and DRBG seed, so the same length and delay tables.
Upload (client paces): our client and obfs4proxy's client each send MiB to a sink
behind obfs4proxy's server.
A counting relay on loopback sits between client and server. It timestamps every read
in the paced direction. Printed for each run: the seconds taken, wire bytes per payload
byte, the segment count, the median gap, and a two-sample Kolmogorov-Smirnov test of
ours against obfs4proxy's. The test is run on the gaps between segments and on the
segment sizes; p > 0.01 means it cannot tell the two apart.
Loopback only; the peer is Debian's obfs4proxy."""
import json
import math
import os
import shutil
import socket
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402

MIB = 1 << 20


class CountingRelay:
    """Accepts one connection, dials `upstream`, forwards both ways; keeps (time, size)
    of every read in the paced direction ('down': server to client, 'up': client to
    server)."""

    def __init__(self, upstream, paced):
        self.upstream, self.paced = upstream, paced
        self.reads = []
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(1)
        self.port = self.srv.getsockname()[1]
        threading.Thread(target=self._run, daemon=True).start()

    def _pump(self, src, dst, record):
        try:
            while True:
                b = src.recv(65536)
                if record:
                    self.reads.append((time.perf_counter(), len(b)))
                if not b:
                    break
                dst.sendall(b)
        except OSError:
            pass
        finally:
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def _run(self):
        c, _ = self.srv.accept()
        u = socket.create_connection(("127.0.0.1", self.upstream))
        for s in (c, u):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        t = threading.Thread(target=self._pump, args=(c, u, self.paced == "up"), daemon=True)
        t.start()
        self._pump(u, c, self.paced == "down")
        t.join()
        c.close()
        u.close()

    def figures(self, payload):
        data = [(t, n) for t, n in self.reads if n]
        sizes = [n for _, n in data]
        gaps = [(b[0] - a[0]) * 1000 for a, b in zip(data, data[1:])]
        return {"wire": sum(sizes) / payload, "segments": len(sizes), "sizes": sizes, "gaps": gaps}


def ks_2samp(a, b):
    """Two-sample Kolmogorov-Smirnov: (D, asymptotic p-value)."""
    a, b = sorted(a), sorted(b)
    n1, n2 = len(a), len(b)
    if not n1 or not n2:
        return 1.0, 0.0
    i = j = 0
    d = 0.0
    while i < n1 and j < n2:
        x = min(a[i], b[j])
        while i < n1 and a[i] <= x:
            i += 1
        while j < n2 and b[j] <= x:
            j += 1
        d = max(d, abs(i / n1 - j / n2))
    ne = n1 * n2 / (n1 + n2)
    lam = (math.sqrt(ne) + 0.12 + 0.11 / math.sqrt(ne)) * d
    p = 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 101))
    return d, max(0.0, min(1.0, p))


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else float("nan")


def tor_env(**kw):
    env = dict(os.environ, TOR_PT_MANAGED_TRANSPORT_VER="1")
    env.update(kw)
    return env


def obfs4proxy_server(work, name, orport, opts):
    state = os.path.join(work, name)
    os.makedirs(state)
    return ptproc.Pt(["obfs4proxy"], env=tor_env(TOR_PT_SERVER_TRANSPORTS="obfs4",
                                                 TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1:0",
                                                 TOR_PT_ORPORT="127.0.0.1:%d" % orport,
                                                 TOR_PT_STATE_LOCATION=state,
                                                 TOR_PT_SERVER_TRANSPORT_OPTIONS=opts)).require()


def obfs4proxy_client(work, name):
    state = os.path.join(work, name)
    os.makedirs(state)
    return ptproc.Pt(["obfs4proxy"], env=tor_env(TOR_PT_CLIENT_TRANSPORTS="obfs4",
                                                 TOR_PT_STATE_LOCATION=state)).require()


def download(socks_port, relay, cert, iat, payload):
    s = ptproc.socks5_connect(socks_port, relay.port, user="cert=%s;iat-mode=%d" % (cert, iat), timeout=30)
    s.settimeout(300)
    t0 = time.perf_counter()
    got = ptproc.recv_n(s, payload)
    secs = time.perf_counter() - t0
    s.close()
    return secs, len(got) == payload


def upload(socks_port, relay, cert, iat, payload, sink):
    s = ptproc.socks5_connect(socks_port, relay.port, user="cert=%s;iat-mode=%d" % (cert, iat), timeout=30)
    s.settimeout(300)
    t0 = time.perf_counter()
    s.sendall(os.urandom(payload))
    ok = ptproc.recv_n(s, 2) == b"OK"
    secs = time.perf_counter() - t0
    s.close()
    return secs, ok and sink.got[-1] == payload


class Sink(ptproc.TcpTarget):
    def __init__(self, payload):
        self.payload, self.got = payload, []
        super().__init__(self.serve)

    def serve(self, c):
        n = 0
        try:
            while n < self.payload:
                b = c.recv(65536)
                if not b:
                    break
                n += len(b)
            self.got.append(n)
            c.sendall(b"OK")
        finally:
            c.close()


class Source(ptproc.TcpTarget):
    def __init__(self, payload):
        self.data = os.urandom(payload)
        super().__init__(self.serve)

    def serve(self, c):
        try:
            c.sendall(self.data)
        finally:
            c.close()


def report(label, secs, ok, f):
    print("  %-34s %6.2f s  %s  wire/payload %.3f  segments %5d  median gap %.2f ms"
          % (label, secs, "ok " if ok else "BAD", f["wire"], f["segments"], median(f["gaps"])))


def compare(ours, theirs):
    dg, pg = ks_2samp(ours["gaps"], theirs["gaps"])
    ds, ps = ks_2samp(ours["sizes"], theirs["sizes"])
    print("  KS ours vs obfs4proxy: gaps D=%.3f p=%.3g (%d vs %d); sizes D=%.3f p=%.3g; wire ratio %.3f"
          % (dg, pg, len(ours["gaps"]), len(theirs["gaps"]), ds, ps, ours["wire"] / theirs["wire"]))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/dispatcher/ptdispatcher"
    mib = float(sys.argv[2]) if len(sys.argv) > 2 else 2
    modes = [int(m) for m in (sys.argv[3] if len(sys.argv) > 3 else "1,2").split(",")]
    if not shutil.which("obfs4proxy"):
        raise SystemExit("obfs4proxy is not installed (scripts/setup.sh installs it)")
    payload = int(mib * MIB)
    for iat in modes:
        work = tempfile.mkdtemp(prefix="bench-iat-")
        procs = []
        try:
            source, sink = Source(payload), Sink(payload)
            # Our server first: its state file gives obfs4proxy's server the same identity.
            state = os.path.join(work, "ours-src")
            os.makedirs(state)
            ours_src = ptproc.Pt([binary, "-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                                  "-target", "127.0.0.1:%d" % source.port, "-state", state,
                                  "-options", json.dumps({"obfs4": {"iat-mode": str(iat)}})]).require()
            procs.append(ours_src)
            cert = ours_src.args["cert"]
            with open(os.path.join(state, "obfs4_state.json")) as f:
                st = json.load(f)
            ident = "obfs4:node-id=%s;obfs4:private-key=%s;obfs4:drbg-seed=%s;obfs4:iat-mode=%d" % (
                st["node-id"], st["private-key"], st["drbg-seed"], iat)
            their_src = obfs4proxy_server(work, "theirs-src", source.port, ident)
            their_sink = obfs4proxy_server(work, "theirs-sink", sink.port, ident)
            their_cli = obfs4proxy_client(work, "theirs-cli")
            ours_cli = ptproc.Pt([binary, "-client", "-transports", "obfs4", "-proxylistenaddr", "127.0.0.1:0",
                                  "-state", os.path.join(work, "ours-cli")]).require()
            procs += [their_src, their_sink, their_cli, ours_cli]

            print("obfs4 iat-mode=%d, %.1f MiB each way, loopback" % (iat, mib))
            print(" download (the server paces; obfs4proxy's client):")
            figs = {}
            for label, server in (("our server", ours_src), ("obfs4proxy's server", their_src)):
                relay = CountingRelay(server.port, "down")
                secs, ok = download(their_cli.port, relay, cert, iat, payload)
                time.sleep(0.2)
                figs[label] = relay.figures(payload)
                report(label, secs, ok, figs[label])
            compare(figs["our server"], figs["obfs4proxy's server"])
            print(" upload (the client paces; obfs4proxy's server):")
            for label, client in (("our client", ours_cli), ("obfs4proxy's client", their_cli)):
                relay = CountingRelay(their_sink.port, "up")
                secs, ok = upload(client.port, relay, cert, iat, payload, sink)
                time.sleep(0.2)
                figs[label] = relay.figures(payload)
                report(label, secs, ok, figs[label])
            compare(figs["our client"], figs["obfs4proxy's client"])
        finally:
            for p in procs:
                p.stop()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
