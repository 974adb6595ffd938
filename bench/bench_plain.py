#!/usr/bin/env python3
"""Benchmark: a plain ptdispatcher client+server pair against a two-hop socat chain.

Both carry the same iperf3 stream on loopback in the same run:
  iperf3 -c -> [client ptdispatcher, transparent-TCP] -> [server ptdispatcher] -> iperf3 -s
  iperf3 -c -> [socat] -> [socat] -> iperf3 -s
Prints MB/s for both, the ratio, and the time from launch to CMETHODS DONE.
Usage: bench_plain.py PTDISPATCHER [seconds]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402


def launch_pt(binary, args):
    pt = ptproc.Pt([binary] + args, stderr=subprocess.DEVNULL).require()
    return pt, pt.addr, pt.startup_seconds


def iperf(port, seconds):
    out = subprocess.run(["iperf3", "-c", "127.0.0.1", "-p", str(port), "-t", str(seconds), "-J"],
                         capture_output=True, text=True, timeout=seconds + 30)
    data = json.loads(out.stdout)
    if "error" in data:
        raise RuntimeError(data["error"])
    return data["end"]["sum_received"]["bits_per_second"] / 8 / 1e6


def main():
    binary = sys.argv[1]
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    state = tempfile.mkdtemp(prefix="ptbench-")
    iperf_port = ptproc.free_port()
    iperf_srv = subprocess.Popen(["iperf3", "-s", "-B", "127.0.0.1", "-p", str(iperf_port)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs = [iperf_srv]
    try:
        ptproc.wait_listening(iperf_port)  # never connect: iperf3 -s would take it for a test
        # socat two-hop chain
        hop2 = ptproc.free_port()
        hop1 = ptproc.free_port()
        procs.append(subprocess.Popen(["socat", f"TCP-LISTEN:{hop2},bind=127.0.0.1,fork,reuseaddr",
                                       f"TCP:127.0.0.1:{iperf_port}"]))
        procs.append(subprocess.Popen(["socat", f"TCP-LISTEN:{hop1},bind=127.0.0.1,fork,reuseaddr",
                                       f"TCP:127.0.0.1:{hop2}"]))
        ptproc.wait_listening(hop1)
        socat_mbs = iperf(hop1, seconds)

        server, saddr, _ = launch_pt(binary, ["-server", "-transports", "plain", "-bindaddr",
                                              "plain-127.0.0.1:0", "-target", f"127.0.0.1:{iperf_port}",
                                              "-state", state])
        procs.append(server.p)
        client, caddr, _ = launch_pt(binary, ["-transports", "plain", "-mode", "transparent-TCP", "-options",
                                              json.dumps({"serverAddress": saddr}), "-state", state])
        procs.append(client.p)
        ours_mbs = iperf(int(caddr.rsplit(":", 1)[1]), seconds)

        startup = []
        for _ in range(10):
            p, _, dt = launch_pt(binary, ["-transports", "plain", "-state", state])
            startup.append(dt * 1000)
            p.stop()
        print(f"socat two-hop chain : {socat_mbs:9.1f} MB/s")
        print(f"ptdispatcher plain  : {ours_mbs:9.1f} MB/s")
        print(f"ratio ours/socat    : {ours_mbs / socat_mbs:9.2f}x  (goal >= 1.0x)")
        print(f"launch to CMETHODS DONE: median {statistics.median(startup):.1f} ms over 10 runs")
    finally:
        for p in procs:
            ptproc.stop_process(p)


if __name__ == "__main__":
    main()
