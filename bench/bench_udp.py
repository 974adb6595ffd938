#!/usr/bin/env python3
"""Benchmark: datagrams through a ptdispatcher pair in transparent-UDP mode against a
direct UDP echo, in the same run, on loopback.

  load generator -> [client ptdispatcher, transparent-UDP] -> [server] -> UDP echo
  load generator -> UDP echo (direct)

The load generator keeps WINDOW datagrams outstanding (a new one is sent as each reply
arrives) for the given seconds and counts replies, so the figure is the round-trip
rate a request/response application gets, not a blast that measures drops. The echo
runs in its own process. Prints datagrams/s and MB/s (payload, one way) for 100- and
1,200-byte datagrams over each transport, and the ratio to the direct echo.
Usage: bench_udp.py PTDISPATCHER [seconds] [transports, comma-separated]
"""
import json
import multiprocessing
import os
import select
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402

WINDOW = 32


def echo_server(port_queue):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.bind(("127.0.0.1", 0))
    port_queue.put(s.getsockname()[1])
    while True:
        data, addr = s.recvfrom(65536)
        s.sendto(data, addr)


def measure(port, size, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.bind(("127.0.0.1", 0))
    dest = ("127.0.0.1", port)
    payload = os.urandom(size)
    # Open the flow first: the first reply proves the transport connection is up.
    s.sendto(payload, dest)
    s.settimeout(10)
    s.recv(65536)
    s.setblocking(False)
    outstanding = 0
    received = 0
    end = time.perf_counter() + seconds
    start = time.perf_counter()
    last_progress = start
    while True:
        now = time.perf_counter()
        if now >= end:
            break
        while outstanding < WINDOW:
            s.sendto(payload, dest)
            outstanding += 1
        ready, _, _ = select.select([s], [], [], 0.2)
        if not ready:
            # Lost datagrams: let the window refill rather than stall.
            if now - last_progress > 0.5:
                outstanding = 0
            continue
        while True:
            try:
                data = s.recv(65536)
            except BlockingIOError:
                break
            if len(data) == size:
                received += 1
                outstanding -= 1
                last_progress = now
    elapsed = time.perf_counter() - start
    s.close()
    return received / elapsed, received * size / elapsed / 1e6


def launch(binary, args):
    pt = ptproc.Pt([binary] + args, stderr=subprocess.DEVNULL).require()
    return pt, pt.method


def pair(binary, transport, target_port, state):
    shared = {}
    if transport == "shadow":
        shared = {"cipherName": "chacha20-ietf-poly1305", "password": "bench"}
    server_args = ["-server", "-transports", transport, "-mode", "transparent-UDP",
                   "-bindaddr", transport + "-127.0.0.1:0", "-target", "127.0.0.1:%d" % target_port,
                   "-state", state]
    if shared:
        server_args += ["-options", json.dumps({transport: shared})]
    server, smethod = launch(binary, server_args)
    opts = dict(shared)
    opts["serverAddress"] = smethod[2]
    opts.update(server.args)
    if transport == "obfs4":
        opts["iat-mode"] = "0"
    client, cmethod = launch(binary, ["-transports", transport, "-mode", "transparent-UDP",
                                      "-options", json.dumps({transport: opts}), "-state", state])
    return [server, client], client.port


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/dispatcher/ptdispatcher"
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 3
    transports = (sys.argv[3] if len(sys.argv) > 3 else "plain,obfs4,shadow").split(",")
    q = multiprocessing.Queue()
    echo = multiprocessing.Process(target=echo_server, args=(q,), daemon=True)
    echo.start()
    echo_port = q.get(timeout=10)
    print("UDP round trips, window %d, %.0f s per run, loopback" % (WINDOW, seconds))
    with tempfile.TemporaryDirectory() as state:
        for size in (100, 1200):
            direct_dps, direct_mbs = measure(echo_port, size, seconds)
            print("%5d B  direct echo            : %8.0f datagrams/s  %6.1f MB/s" % (size, direct_dps, direct_mbs))
            for transport in transports:
                procs, port = pair(binary, transport, echo_port, state)
                try:
                    dps, mbs = measure(port, size, seconds)
                finally:
                    for p in procs:
                        p.stop()
                print("%5d B  %-6s pair            : %8.0f datagrams/s  %6.1f MB/s  ratio %.2f"
                      % (size, transport, dps, mbs, dps / direct_dps))
    echo.terminate()


if __name__ == "__main__":
    main()
