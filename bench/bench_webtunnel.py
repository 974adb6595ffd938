#!/usr/bin/env python3
"""Benchmark: webtunnel bulk throughput and CPU per GB, against a plain TLS relay of the
same bytes, both measured in the same run on loopback.

  ours : SOCKS5 -> ptdispatcher webtunnel client -(TLS)-> nginx (test CA, location
         /secret proxying the upgrade) -(HTTP)-> ptdispatcher webtunnel server -> target
  socat: TCP -> socat TCP-LISTEN => OPENSSL -(TLS)-> socat OPENSSL-LISTEN => TCP -> target
         (both socats with 128 KiB transfer blocks, not the 8 KiB default, so that the
         baseline is not held back by small TLS records)

Each run uploads and downloads MiB through one tunnel (the target acknowledges an upload
once it has every byte); runs alternate between the two chains and the medians are
printed. CPU is user+system time of the relay processes (ours: both dispatchers and
nginx's master and worker; socat: both socats and their per-connection children, alive
throughout a transfer), read from /proc around each transfer; the sending and receiving
Python ends are not counted.
Usage: bench_webtunnel.py PTDISPATCHER [MiB per transfer, default 256] [runs, default 3]
"""
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "common"))
sys.path.insert(0, here)
import benchlib  # noqa: E402
import ptproc  # noqa: E402


class Chain:
    """A relay chain: how to open a stream through it and which processes do the work."""

    def __init__(self, name, connect, parts):
        self.name = name
        self.connect = connect  # () -> socket to the target
        self.parts = parts      # [(label, pid)]
        self.mbs = {"up": [], "down": []}
        self.cpu_per_gb = {"up": [], "down": []}
        self.part_cpu = {d: {label: 0.0 for label, _ in parts} for d in ("up", "down")}
        self.bytes = {"up": 0, "down": 0}
        self.setup_ms = []

    def cpu(self):
        return {label: benchlib.cpu_seconds(pid) for label, pid in self.parts}

    def run(self, nbytes):
        t0 = time.perf_counter()
        s = self.connect()
        self.setup_ms.append((time.perf_counter() - t0) * 1000)
        try:
            for direction, transfer in (("up", benchlib.upload), ("down", benchlib.download)):
                before = self.cpu()
                secs = transfer(s, nbytes)
                after = self.cpu()
                used = {k: after[k] - before[k] for k in before}
                for k, v in used.items():
                    self.part_cpu[direction][k] += v
                self.bytes[direction] += nbytes
                self.mbs[direction].append(nbytes / secs / 1e6)
                self.cpu_per_gb[direction].append(sum(used.values()) / (nbytes / 1e9))
        finally:
            s.close()


def main():
    binary = sys.argv[1]
    mib = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    for tool in ("nginx", "socat", "openssl"):
        if not shutil.which(tool):
            sys.exit("%s is not installed (run scripts/setup.sh)" % tool)
    work = tempfile.mkdtemp(prefix="ptbench-webtunnel-")
    procs = []
    pair = None
    try:
        # ours
        pair = benchlib.WebPair(binary, work, "webtunnel", "https://bridge.test/secret", "/secret", "upgrade")
        ca, target, server, front, client = pair.ca, pair.target, pair.server, pair.front, pair.client
        user = "url=https://bridge.test:%d/secret;addr=127.0.0.1:%d" % (front.port, front.port)

        def ours_connect():
            s = ptproc.socks5_connect(client.port, 443, user=user, dest_host="192.0.2.1", timeout=60)
            s.settimeout(120)
            return s
        ours = Chain("ptdispatcher webtunnel (client -> nginx TLS -> server)", ours_connect,
                     [("client", client.pid), ("nginx", front.p.pid), ("server", server.pid)])

        # socat with OpenSSL: one TLS hop between two relays
        tls_port = ptproc.free_port()
        socat_s = subprocess.Popen(
            ["socat", "-b", "131072", "OPENSSL-LISTEN:%d,bind=127.0.0.1,reuseaddr,fork,cert=%s,key=%s,verify=0"
             % (tls_port, ca.cert_pem, ca.key_pem), "TCP:127.0.0.1:%d" % target.port], stderr=subprocess.DEVNULL)
        procs.append(socat_s)
        ptproc.wait_listening(tls_port)
        plain_port = ptproc.free_port()
        socat_c = subprocess.Popen(
            ["socat", "-b", "131072", "TCP-LISTEN:%d,bind=127.0.0.1,reuseaddr,fork" % plain_port,
             "OPENSSL:127.0.0.1:%d,cafile=%s,commonname=bridge.test,snihost=bridge.test" % (tls_port, ca.ca_pem)],
            stderr=subprocess.DEVNULL)
        procs.append(socat_c)
        ptproc.wait_listening(plain_port)

        def socat_connect():
            s = socket.create_connection(("127.0.0.1", plain_port), timeout=60)
            s.settimeout(120)
            return s
        socat = Chain("socat OPENSSL pair (one TLS hop)", socat_connect,
                      [("socat client", socat_c.pid), ("socat server", socat_s.pid)])

        nbytes = mib << 20
        # A short warm-up of each (page cache, first TLS session, nginx's upstream pool).
        for chain in (ours, socat):
            s = chain.connect()
            benchlib.upload(s, 4 << 20)
            s.close()
        for _ in range(runs):
            for chain in (socat, ours):
                chain.run(nbytes)

        print("webtunnel vs a plain TLS relay: %d MiB up and %d MiB down per run, %d runs, medians "
              "(load average %s)" % (mib, mib, runs, benchlib.loadavg()))
        for chain in (socat, ours):
            print("%-55s up %7.1f MB/s  down %7.1f MB/s  CPU up %5.2f s/GB  down %5.2f s/GB  setup %5.1f ms"
                  % (chain.name, statistics.median(chain.mbs["up"]), statistics.median(chain.mbs["down"]),
                     statistics.median(chain.cpu_per_gb["up"]), statistics.median(chain.cpu_per_gb["down"]),
                     statistics.median(chain.setup_ms)))
            for d in ("up", "down"):
                share = ", ".join("%s %.2f" % (k, v / (chain.bytes[d] / 1e9)) for k, v in chain.part_cpu[d].items())
                print("%-55s CPU s/GB by process, %-4s: %s" % ("", d, share))
        for d in ("up", "down"):
            print("ratio ours/socat %-4s: throughput %.2fx, CPU per GB %.2fx"
                  % (d, statistics.median(ours.mbs[d]) / statistics.median(socat.mbs[d]),
                     statistics.median(ours.cpu_per_gb[d]) / statistics.median(socat.cpu_per_gb[d])))
    finally:
        for p in procs:  # the socats
            p.kill()
            p.wait()
        if pair:
            pair.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
