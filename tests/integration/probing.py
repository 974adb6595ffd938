#!/usr/bin/env python3
"""Probing resistance of our obfs4 and shadow servers, measured (CTest integration/probing).

A censor's prober connects to a suspected bridge and sends random bytes, a truncated
handshake, or a handshake (or Shadowsocks salt) it recorded from a real user. A server
that answers, or that closes at once or after a fixed number of bytes, gives itself
away. For each probe this checks that not one byte comes back and that the connection
is not closed at once:
  - obfs4 (like obfs4proxy) holds a failed connection until its handshake timeout plus a
    per-server random delay (30 s + 0..59 s here), so the test checks it is still open,
    silent, after 3 s;
  - shadow closes after a random delay of 1..10 s per probe, so the test waits for the
    close, checks each delay is within bounds, and that the delays differ.
The recorded handshake / salt comes from our own client through a recording relay.
Loopback only. Usage: probing.py PTDISPATCHER
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402

BIN = sys.argv[1]
check = ptproc.Checks()


def launch(args):
    pt = ptproc.Pt([BIN] + args, stderr=subprocess.DEVNULL).require()
    return pt, pt.method


class Recorder:
    """A TCP relay that keeps the first bytes the client sent (its handshake flight)."""

    def __init__(self, target_port):
        self.first = b""
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.target = target_port
        threading.Thread(target=self.run, daemon=True).start()

    def run(self):
        c, _ = self.sock.accept()
        u = socket.create_connection(("127.0.0.1", self.target))

        def pump(a, b, record):
            try:
                while True:
                    d = a.recv(65536)
                    if not d:
                        break
                    if record and len(self.first) < 65536:
                        self.first += d
                    b.sendall(d)
            except OSError:
                pass
        threading.Thread(target=pump, args=(u, c, False), daemon=True).start()
        pump(c, u, True)


def socks_through(socks_port, user, dest_port, payload):
    s = ptproc.socks5_connect(socks_port, dest_port, user=user)
    s.sendall(payload)
    got = ptproc.recv_n(s, len(payload))
    s.close()
    return got


def probe(port, data, watch):
    """Sends data, then watches for `watch` seconds: (bytes received, seconds until close or None)."""
    s = socket.create_connection(("127.0.0.1", port))
    start = time.monotonic()
    try:
        s.sendall(data)
    except OSError:
        pass
    s.settimeout(0.2)
    received = b""
    closed_at = None
    while time.monotonic() - start < watch:
        try:
            d = s.recv(65536)
        except socket.timeout:
            continue
        except OSError:
            closed_at = time.monotonic() - start
            break
        if not d:
            closed_at = time.monotonic() - start
            break
        received += d
    s.close()
    return received, closed_at


def parallel(probes, watch):
    results = [None] * len(probes)

    def run(i, port, data):
        results[i] = probe(port, data, watch)
    threads = [threading.Thread(target=run, args=(i, p, d)) for i, (p, d) in enumerate(probes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    _echo_sock, echo = ptproc.echo_server()
    procs = []
    with tempfile.TemporaryDirectory() as state:
        try:
            # --- obfs4 -------------------------------------------------------
            srv, sm = launch(["-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                              "-target", "127.0.0.1:%d" % echo, "-state", state])
            procs.append(srv)
            port = int(sm[2].rsplit(":", 1)[1])
            cert = sm[3].split("cert=")[1].split(",")[0]
            rec = Recorder(port)
            cli, cm = launch(["-transports", "obfs4", "-state", state])
            procs.append(cli)
            socks = int(cm[3].rsplit(":", 1)[1])
            payload = os.urandom(1000)
            check(socks_through(socks, "cert=%s;iat-mode=0" % cert, rec.port, payload) == payload,
                  "obfs4: a real client gets its echo through a recording relay")
            handshake = rec.first
            check(len(handshake) > 64, "obfs4: recorded the client's first flight (%d bytes)" % len(handshake))
            probes = [(port, os.urandom(100)), (port, os.urandom(9000)), (port, handshake[:40]),
                      (port, handshake), (port, b"\x16\x03\x01\x00\xa5" + os.urandom(160))]
            names = ["100 random bytes", "9000 random bytes", "a truncated handshake", "a replayed handshake",
                     "a TLS-looking hello"]
            for name, (got, closed) in zip(names, parallel(probes, 3.0)):
                check(got == b"", "obfs4: %s gets no reply (%d bytes)" % (name, len(got)))
                check(closed is None, "obfs4: %s is not closed at once (closed after %s s)" % (name, closed))

            # --- shadow ------------------------------------------------------
            opts = json.dumps({"shadow": {"password": "probe-test", "cipherName": "chacha20-ietf-poly1305"}})
            ssrv, ssm = launch(["-server", "-transports", "shadow", "-bindaddr", "shadow-127.0.0.1:0",
                                "-target", "127.0.0.1:%d" % echo, "-state", state, "-options", opts])
            procs.append(ssrv)
            sport = int(ssm[2].rsplit(":", 1)[1])
            srec = Recorder(sport)
            copts = json.dumps({"shadow": {"password": "probe-test", "cipherName": "chacha20-ietf-poly1305",
                                           "serverAddress": "127.0.0.1:%d" % srec.port}})
            scli, scm = launch(["-transports", "shadow", "-state", state, "-options", copts])
            procs.append(scli)
            ssocks = int(scm[3].rsplit(":", 1)[1])
            check(socks_through(ssocks, None, echo, payload) == payload,
                  "shadow: a real client gets its echo through a recording relay")
            first = srec.first
            check(len(first) > 32 + 18, "shadow: recorded the client's salt and first chunk (%d bytes)" % len(first))
            probes = [(sport, os.urandom(50)), (sport, os.urandom(600)), (sport, first[:20]), (sport, first),
                      (sport, os.urandom(50)), (sport, os.urandom(600))]
            names = ["50 random bytes", "600 random bytes", "a truncated salt", "a replayed salt and chunk",
                     "50 random bytes again", "600 random bytes again"]
            results = parallel(probes, 13.0)
            delays = []
            for name, (got, closed) in zip(names, results):
                check(got == b"", "shadow: %s gets no reply (%d bytes)" % (name, len(got)))
                if name == "a truncated salt":
                    # Not enough bytes to judge: the server waits for more (until the
                    # handshake timeout), as a real server would.
                    check(closed is None or closed >= 1.0,
                          "shadow: %s is held open, not closed at once (%s)" % (name, closed))
                    continue
                check(closed is not None and 0.9 <= closed <= 11.5,
                      "shadow: %s is closed after a delay of 1..10 s (%s s)" % (name, closed and round(closed, 2)))
                if closed is not None:
                    delays.append(round(closed, 1))
            check(len(set(delays)) > 1, "shadow: the close delays are randomized (%s)" % delays)
        finally:
            for p in procs:
                p.stop()
    check.finish("probing")


if __name__ == "__main__":
    main()
