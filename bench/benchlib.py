"""Helpers shared by the web-transport benchmarks (bench_webtunnel.py, bench_meek.py):
a sink/echo target in its own process, the server/nginx/client setup around it, timed
bulk transfers over an open socket, CPU time of process trees from /proc, and
percentiles. Standard library only; loopback only.

Target protocol (requests one after the other on a connection, each a 9-byte header:
kind + 8-byte length):
  b"U" n : the client sends n bytes; the target answers b"OK" once it has them all.
  b"D" n : the target sends n bytes; the client closes when it has them all.
  b"E" 0 : echo everything from then on, until the client closes.

Run the target with: python3 benchlib.py target PORTFILE
"""
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402
import webfront  # noqa: E402

CHUNK = 1 << 16
_CLK = os.sysconf("SC_CLK_TCK")


# --- the target --------------------------------------------------------------

def _serve(c):
    # Requests follow each other on one connection until the client closes it (the
    # target never closes first: a front such as nginx ends a tunnel as soon as one
    # side closes, which could cut bytes still in flight).
    try:
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buf = bytearray(1 << 20)
        block = os.urandom(1 << 20)
        while True:
            head = c.recv(9, socket.MSG_WAITALL)
            if len(head) < 9:
                return
            kind, n = struct.unpack(">cQ", head)
            if kind == b"U":
                got = 0
                while got < n:
                    r = c.recv_into(buf, min(len(buf), n - got))
                    if not r:
                        return
                    got += r
                c.sendall(b"OK")
            elif kind == b"D":
                sent = 0
                while sent < n:
                    k = min(len(block), n - sent)
                    c.sendall(block[:k])
                    sent += k
            elif kind == b"E":
                while True:
                    d = c.recv(CHUNK)
                    if not d:
                        return
                    c.sendall(d)
            else:
                return
    except OSError:
        pass
    finally:
        c.close()


def run_target(portfile):
    target = ptproc.TcpTarget(_serve, backlog=128, reuse_addr=True)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(target.port))
    os.rename(portfile + ".tmp", portfile)
    threading.Event().wait()  # serves until killed (Target.stop)


class Target:
    """The target in a child process (so it does not share our interpreter lock)."""

    def __init__(self, workdir):
        portfile = os.path.join(workdir, "target.port")
        self.p = subprocess.Popen([sys.executable, os.path.abspath(__file__), "target", portfile])
        for _ in range(100):
            if os.path.exists(portfile):
                break
            time.sleep(0.05)
        with open(portfile) as f:
            self.port = int(f.read())

    def stop(self):
        self.p.kill()
        self.p.wait()


class WebPair:
    """The setup both web-transport benchmarks share: a test CA, a Target, our `transport`
    server in front of it (-options url), nginx terminating TLS with the CA's certificate
    and proxying `location` to the server (webfront.Nginx mode "plain" or "upgrade"), and
    our client trusting the CA (SSL_CERT_FILE). .ca, .target, .server, .front, .client;
    stop() ends whatever was started (the constructor does so itself if it fails)."""

    def __init__(self, binary, work, transport, url, location, front_mode):
        self.target = self.server = self.front = self.client = None
        try:
            self.ca = webfront.TestCa(work)
            self.target = Target(work)
            self.server = ptproc.Pt([binary, "-server", "-transports", transport,
                                     "-bindaddr", "%s-127.0.0.1:0" % transport,
                                     "-target", "127.0.0.1:%d" % self.target.port,
                                     "-state", os.path.join(work, "server"),
                                     "-options", json.dumps({"url": url})],
                                    stderr=subprocess.DEVNULL).require()
            self.front = webfront.Nginx(work, self.ca, [(location, self.server.port, front_mode)])
            self.client = ptproc.Pt([binary, "-client", "-transports", transport, "-proxylistenaddr", "127.0.0.1:0",
                                     "-state", os.path.join(work, "client")],
                                    env=dict(os.environ, SSL_CERT_FILE=self.ca.ca_pem),
                                    stderr=subprocess.DEVNULL).require()
        except BaseException:
            self.stop()
            raise

    def stop(self):
        for p in (self.server, self.client):
            if p:
                p.stop()
        if self.front:
            self.front.stop()
        if self.target:
            self.target.stop()


# --- transfers over an open stream ---------------------------------------------

def _read_exact(s, n):
    b = ptproc.recv_n(s, n)
    if len(b) < n:
        raise EOFError("closed after %d of %d bytes" % (len(b), n))
    return b


def upload(s, n):
    """Sends n bytes to the target; returns seconds until its acknowledgement."""
    block = os.urandom(1 << 20)
    t0 = time.perf_counter()
    s.sendall(struct.pack(">cQ", b"U", n))
    sent = 0
    while sent < n:
        k = min(len(block), n - sent)
        s.sendall(block[:k])
        sent += k
    if _read_exact(s, 2) != b"OK":
        raise RuntimeError("the target did not acknowledge the upload")
    return time.perf_counter() - t0


def download(s, n):
    """Asks the target for n bytes; returns seconds until the last one arrived."""
    buf = bytearray(1 << 20)
    t0 = time.perf_counter()
    s.sendall(struct.pack(">cQ", b"D", n))
    got = 0
    while got < n:
        r = s.recv_into(buf, min(len(buf), n - got))
        if not r:
            raise EOFError("closed after %d of %d bytes" % (got, n))
        got += r
    return time.perf_counter() - t0


def start_echo(s):
    s.sendall(struct.pack(">cQ", b"E", 0))


def ping(s, size=32):
    """One echo round trip of `size` bytes; returns seconds."""
    msg = os.urandom(size)
    t0 = time.perf_counter()
    s.sendall(msg)
    if _read_exact(s, size) != msg:
        raise RuntimeError("the echo came back different")
    return time.perf_counter() - t0


# --- CPU time from /proc -----------------------------------------------------------

def _stat(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): ppid is 4, utime..cstime are 14..17.
    return int(fields[1]), [int(x) for x in fields[11:15]]


def descendants(pid):
    """pid and every live descendant (scanned from /proc)."""
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                ppid, _ = _stat(int(name))
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid):
    """CPU seconds (user + system, all threads) of pid and its live descendants. Reaped
    children are left out on purpose: their time lands in the parent's cutime whenever
    the parent reaps them, which could fall inside someone else's measurement. (socat's
    per-connection child lives as long as the connection, so it is counted live.)"""
    total = 0
    for p in descendants(pid):
        try:
            _, t = _stat(p)
        except (OSError, IndexError, ValueError):
            continue
        total += t[0] + t[1]
    return total / _CLK


def percentile(values, q):
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * q / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def loadavg():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


if __name__ == "__main__":
    if sys.argv[1:2] == ["target"]:
        run_target(sys.argv[2])
