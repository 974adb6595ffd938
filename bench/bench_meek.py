#!/usr/bin/env python3
"""Benchmark: meek throughput and round-trip latency, our meek client -> our meek server,
straight (plain HTTP) and through nginx (TLS with a test CA, domain-fronted: TCP to the
front's address, Host meek.test, `location /meek/` proxied to the server). meek is slow by
design (every byte rides in a POST of at most 64 KiB, the server waits up to 10 ms for
the target's answer, an idle client polls); this prints how slow.

Per path, through one tunnel: MiB uploaded (the target acknowledges once it has every
byte) and MiB downloaded, in MB/s; then the target echoes and PINGS back-to-back 32-byte
round trips are timed (percentiles), then a few round trips each after 3 s of silence
(when the client's polling has backed off). A plain TCP round trip to the target is
printed as the floor.
Usage: bench_meek.py PTDISPATCHER [MiB per transfer, default 16] [pings, default 200]
"""
import os
import shutil
import socket
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "common"))
sys.path.insert(0, here)
import benchlib  # noqa: E402
import ptproc  # noqa: E402

IDLE_PINGS = 5
IDLE_SECONDS = 3


def rtt_line(name, secs):
    ms = [s * 1000 for s in secs]
    return "%-34s RTT ms over %3d: p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f" % (
        name, len(ms), benchlib.percentile(ms, 50), benchlib.percentile(ms, 90), benchlib.percentile(ms, 99),
        max(ms))


def measure(name, connect, nbytes, pings):
    s = connect()
    try:
        up = benchlib.upload(s, nbytes)
        down = benchlib.download(s, nbytes)
        benchlib.start_echo(s)
        busy = [benchlib.ping(s) for _ in range(pings)]
        idle = []
        for _ in range(IDLE_PINGS):
            time.sleep(IDLE_SECONDS)
            idle.append(benchlib.ping(s))
    finally:
        s.close()
    print("%-34s up %6.2f MB/s  down %6.2f MB/s" % (name, nbytes / up / 1e6, nbytes / down / 1e6), flush=True)
    print(rtt_line("", busy), flush=True)
    print(rtt_line("  after %d s idle" % IDLE_SECONDS, idle), flush=True)


def main():
    binary = sys.argv[1]
    mib = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    pings = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    if not shutil.which("nginx"):
        sys.exit("nginx is not installed (run scripts/setup.sh)")
    work = tempfile.mkdtemp(prefix="ptbench-meek-")
    pair = None
    try:
        pair = benchlib.WebPair(binary, work, "meek_lite", "https://meek.test/meek/", "/meek/", "plain")
        target, server, front, client = pair.target, pair.server, pair.front, pair.client

        def via(user):
            def connect():
                s = ptproc.socks5_connect(client.port, 80, user=user, dest_host="192.0.2.18", timeout=60)
                s.settimeout(120)
                return s
            return connect

        def plain_tcp():
            s = socket.create_connection(("127.0.0.1", target.port), timeout=10)
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return s

        nbytes = mib << 20
        print("meek: %d MiB up and %d MiB down per path, %d back-to-back 32-byte pings, %d after %d s idle "
              "(load average %s)" % (mib, mib, pings, IDLE_PINGS, IDLE_SECONDS, benchlib.loadavg()), flush=True)
        s = plain_tcp()
        benchlib.start_echo(s)
        floor = [benchlib.ping(s) for _ in range(pings)]
        s.close()
        print(rtt_line("plain TCP to the target (floor)", floor), flush=True)
        measure("meek straight (http://server/)", via("url=http://127.0.0.1:%d/" % server.port), nbytes, pings)
        measure("meek via nginx (https, fronted)",
                via("url=https://meek.test/meek/;front=127.0.0.1:%d" % front.port), nbytes, pings)
    finally:
        if pair:
            pair.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
