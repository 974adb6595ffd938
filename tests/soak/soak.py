#!/usr/bin/env python3
"""Soak and fault tests for a client/server dispatcher pair (CTest soak/soak).

  1. 10,000 connections through the pair (plain transport, SOCKS5), 64 at a time, each
     one of: a full echo, an abrupt reset mid-stream (SO_LINGER 0), a half-close
     (shutdown write, then read the rest), a slow reader. Afterwards both processes are
     back to the open descriptors they had before, RSS is back within a bound, and the
     STATUS lines say no connection is left.
  2. A SOCKS client sending one byte a second (slowloris) is cut by -handshake-timeout.
  3. A peer that stops reading: the dispatchers' memory stays bounded while the sender
     keeps pushing (the relay's per-connection high-water mark).
  4. Out of descriptors (RLIMIT_NOFILE lowered): a LOG line, refused or stalled
     connections, no crash, and service again once descriptors are free.
  5. The target closing one connection mid-stream ends only that connection.
Loopback only; bounded in time. Usage: soak.py PTDISPATCHER
"""
import json
import os
import random
import socket
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402

BIN = sys.argv[1]
check = ptproc.Checks()
# Sanitizer builds (scripts/test-sanitizers.sh sets PT_SOAK_SANITIZED=1, and the output
# says so): freed memory sits in ASan's quarantine, so RSS bounds say nothing; and
# UBSan's vptr check tests memory readability with pipe(), so it misfires while the
# process is out of descriptors: that phase runs in the normal build only.
SANITIZED = os.environ.get("PT_SOAK_SANITIZED") == "1"
CHECK_RSS = not SANITIZED
if SANITIZED:
    print("note: sanitizer build: RSS bounds and the out-of-descriptors phase are skipped")


def Pt(args, nofile=None):
    return ptproc.Pt([BIN] + args, nofile=nofile).require()


class Target(ptproc.TcpTarget):
    """Echo server; a connection whose first bytes are b'DIE!' is reset by the target."""

    def __init__(self):
        super().__init__(self.serve, backlog=1024, reuse_addr=True)

    @staticmethod
    def serve(c):
        try:
            while True:
                d = c.recv(65536)
                if not d:
                    break
                if d.startswith(b"DIE!"):
                    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                c.sendall(d)
            try:
                c.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            while c.recv(65536):
                pass
        except OSError:
            pass
        c.close()


def socks(port, dest, timeout=10):
    return ptproc.socks5_connect(port, dest, timeout=timeout)


recv_n = ptproc.recv_n
wait_for = ptproc.wait_for


def one_connection(port, dest, kind, rng):
    s = socks(port, dest)
    data = rng.randbytes(rng.randint(1, 32768))
    if kind == "echo":
        s.sendall(data)
        ok = recv_n(s, len(data)) == data
        s.close()
        return ok
    if kind == "reset":
        s.sendall(data)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
        return True
    if kind == "halfclose":
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        got = b""
        while True:
            d = s.recv(65536)
            if not d:
                break
            got += d
        s.close()
        return got == data
    # slow reader: read the echo in small pieces with pauses
    s.sendall(data)
    got = b""
    while len(got) < len(data):
        d = s.recv(512)
        if not d:
            break
        got += d
        if rng.random() < 0.05:
            time.sleep(0.001)
    s.close()
    return got == data


def soak(state, target):
    server = Pt(["-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0",
                 "-target", "127.0.0.1:%d" % target.port, "-state", state, "-ipcLogLevel", "INFO"])
    client = Pt(["-transports", "plain", "-state", state, "-ipcLogLevel", "INFO",
                 "-options", json.dumps({"plain": {"serverAddress": "127.0.0.1:%d" % server.port}})])
    try:
        # Warm up (threads, pools, first allocations), then take the baseline.
        for _ in range(20):
            one_connection(client.port, target.port, "echo", random.Random(0))
        time.sleep(1.5)
        base = {n: (p.fds(), p.rss_kib()) for n, p in (("client", client), ("server", server))}
        total, per_worker = 10000, -(-10000 // 64)  # 157 each: 10,048 in all
        results = {"ok": 0, "bad": 0, "error": 0}
        lock = threading.Lock()

        def worker(seed):
            rng = random.Random(seed)
            for _ in range(per_worker):
                kind = rng.choice(["echo", "echo", "reset", "halfclose", "slow"])
                try:
                    ok = one_connection(client.port, target.port, kind, rng)
                    key = "ok" if ok else "bad"
                except OSError:
                    key = "error"
                with lock:
                    results[key] += 1
        started = time.time()
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(64)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - started
        done = sum(results.values())
        print("soak: %d connections in %.1f s: %s" % (done, elapsed, results), flush=True)
        check(done == per_worker * 64 and done >= total, "soak: all %d connections ran" % done)
        check(results["bad"] == 0 and results["error"] == 0,
              "soak: every echo, half-close and slow read intact, no SOCKS failure (%s)" % results)
        check(client.alive() and server.alive(), "soak: both dispatchers are still running")
        for name, p in (("client", client), ("server", server)):
            fds0, rss0 = base[name]
            check(wait_for(lambda: p.fds() <= fds0, 15),
                  "soak: %s back to %d open descriptors (now %d)" % (name, fds0, p.fds()))
            rss = p.rss_kib()
            if CHECK_RSS:
                check(rss <= rss0 + 32 * 1024, "soak: %s RSS %d KiB, within 32 MiB of %d KiB" % (name, rss, rss0))
        check(wait_for(lambda: client.last_status().get("CONNECTIONS") == "0", 5)
              and wait_for(lambda: server.last_status().get("CONNECTIONS") == "0", 5),
              "soak: STATUS says no connection is left (client %s, server %s)"
              % (client.last_status().get("CONNECTIONS"), server.last_status().get("CONNECTIONS")))

        # 5. the target resets one connection mid-stream: only that one ends.
        keep = socks(client.port, target.port)
        keep.sendall(b"hello")
        check(recv_n(keep, 5) == b"hello", "target fault: a bystander connection works")
        victim = socks(client.port, target.port)
        victim.sendall(b"DIE!")
        victim.settimeout(10)
        try:
            ended = victim.recv(10) == b""
        except OSError:
            ended = True
        check(ended, "target fault: the connection the target reset is closed")
        keep.sendall(b"still here")
        check(recv_n(keep, 10) == b"still here", "target fault: the bystander connection still works")
        keep.close()
        victim.close()

        # 3. a reader that stops: memory stays bounded while the sender pushes.
        stalled = socks(client.port, target.port)
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        stalled.setblocking(False)
        rss_before = {n: p.rss_kib() for n, p in (("client", client), ("server", server))}
        pushed = 0
        chunk = os.urandom(65536)
        # Push until the sender has made no progress for a whole second (the kernel
        # buffers along the path are full and the relays stopped reading), 15 s at most.
        start = last_progress = time.time()
        while time.time() - last_progress < 1.0 and time.time() - start < 15:
            try:
                pushed += stalled.send(chunk)
                last_progress = time.time()
            except BlockingIOError:
                time.sleep(0.01)
        blocked = time.time() - last_progress >= 1.0
        print("stalled reader: the sender got %d KiB in (kernel buffers on 6 sockets) before it blocked"
              % (pushed // 1024), flush=True)
        check(blocked, "stalled reader: backpressure reached the sender (blocked after %d KiB)" % (pushed // 1024))
        for name, p in (("client", client), ("server", server)):
            grew = p.rss_kib() - rss_before[name]
            if CHECK_RSS:
                check(grew < 16 * 1024, "stalled reader: %s RSS grew %d KiB (< 16 MiB)" % (name, grew))
        stalled.close()
    finally:
        client.stop()
        server.stop()


def slowloris(state, target):
    client = Pt(["-transports", "plain", "-state", state, "-handshake-timeout", "2000",
                 "-options", json.dumps({"plain": {"serverAddress": "127.0.0.1:%d" % target.port}})])
    try:
        s = socket.create_connection(("127.0.0.1", client.port))
        start = time.time()
        greeting = b"\x05\x01\x00\x05\x01\x00\x01\x7f\x00\x00\x01\x00\x50"
        cut_after = None
        s.settimeout(1.0)
        for b in greeting:
            try:
                s.send(bytes([b]))
                d = s.recv(64)
                if d == b"":
                    cut_after = time.time() - start
                    break
            except socket.timeout:
                continue
            except OSError:
                cut_after = time.time() - start
                break
        check(cut_after is not None and 1.5 <= cut_after <= 5,
              "slowloris: one byte a second is cut by -handshake-timeout 2000 (after %s s)" % cut_after)
        s.close()
    finally:
        client.stop()


def out_of_descriptors(state, target):
    nofile = 48
    client = Pt(["-transports", "plain", "-state", state, "-ipcLogLevel", "WARN", "-threads", "1",
                 "-options", json.dumps({"plain": {"serverAddress": "127.0.0.1:%d" % target.port}})],
                nofile=nofile)
    # The plain "server" is the echo target itself: a plain client just relays bytes.
    try:
        held = []
        for _ in range(nofile + 20):
            try:
                held.append(socket.create_connection(("127.0.0.1", client.port), timeout=2))
            except OSError:
                pass  # the kernel's backlog is full too: refused
        # Every connection the process could accept gets the SOCKS method reply; the
        # rest wait in the backlog (or were refused) since accept() fails with EMFILE.
        answered = 0
        for s in held:
            try:
                s.settimeout(0.5)
                s.sendall(b"\x05\x01\x00")
                if s.recv(2) == b"\x05\x00":
                    answered += 1
            except OSError:
                pass
        check(client.alive(), "out of descriptors: the dispatcher is still running (%d of %d answered)"
              % (answered, nofile + 20))
        check(answered < nofile, "out of descriptors: the limit of %d descriptors was really hit" % nofile)
        def cpu_ticks():
            with open("/proc/%d/stat" % client.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])
        c0 = cpu_ticks()
        time.sleep(2)
        spent = cpu_ticks() - c0
        check(spent < 40, "out of descriptors: no busy loop while accept() fails (%d ticks of CPU in 2 s)" % spent)
        check(wait_for(lambda: any("cannot accept" in l for l in client.lines), 5),
              "out of descriptors: a LOG line says so (%s)" % [l for l in client.lines if "accept" in l][:1])
        for s in held:
            s.close()
        time.sleep(2)
        try:
            s = socks(client.port, target.port, timeout=5)
            s.sendall(b"back")
            back = recv_n(s, 4) == b"back"
            s.close()
        except OSError:
            back = False
        check(back, "out of descriptors: service is back once descriptors are free")
    finally:
        client.stop()


def main():
    target = Target()
    with tempfile.TemporaryDirectory() as state:
        soak(state, target)
        slowloris(state, target)
        if not SANITIZED:
            out_of_descriptors(state, target)
    check.finish("soak and fault")


if __name__ == "__main__":
    main()
