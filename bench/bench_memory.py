#!/usr/bin/env python3
"""Memory per connection: RSS of a client+server pair per 1,000 idle established obfs4
connections (SOCKS5 -> PT client -> PT server -> target, one 1 KiB echo each, then
idle), for our pair and for an obfs4proxy pair, measured in the same run. Prints KiB
per 1,000 connections for each and the ratio (goal: ours <= 0.5x obfs4proxy).
Usage: bench_memory.py PTDISPATCHER [connections, default 1000]
"""
import os
import resource
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/dispatcher/ptdispatcher"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
OBFS4PROXY = os.environ.get("OBFS4PROXY", "/usr/bin/obfs4proxy")


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def launch(cmd, env=None):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, env=env, preexec_fn=raise_nofile)
    method = None
    for line in p.stdout:
        parts = line.split()
        if parts[:1] in (["CMETHOD"], ["SMETHOD"]):
            method = parts
        if line.strip() in ("CMETHODS DONE", "SMETHODS DONE"):
            break
    return p, method


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def target():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(4096)
    held = []

    def run():
        while True:
            c, _ = s.accept()
            held.append(c)
            threading.Thread(target=lambda c=c: [c.sendall(b) for b in iter(lambda: c.recv(65536), b"")],
                             daemon=True).start()
    threading.Thread(target=run, daemon=True).start()
    return s.getsockname()[1]


def open_connections(socks_port, user, dest_port, n):
    conns = []
    u = user.encode()
    payload = os.urandom(1024)
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", socks_port))
        s.sendall(b"\x05\x01\x02")
        assert s.recv(2) == b"\x05\x02"
        s.sendall(b"\x01" + bytes([len(u)]) + u + b"\x01\x00")
        assert s.recv(2)[1] == 0
        s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", dest_port))
        rep = s.recv(10)
        assert rep[1] == 0, rep
        s.sendall(payload)
        got = b""
        while len(got) < len(payload):
            got += s.recv(65536)
        conns.append(s)
    return conns


def measure(name, server_cmd, server_env, client_cmd, client_env, echo):
    server, sm = launch(server_cmd, server_env)
    client, cm = launch(client_cmd, client_env)
    try:
        port = int(sm[2].rsplit(":", 1)[1])
        cert = sm[3].split("cert=")[1].split(",")[0]
        socks = int(cm[3].rsplit(":", 1)[1])
        user = "cert=%s;iat-mode=0" % cert
        for s in open_connections(socks, user, port, 20):  # warm up
            s.close()
        time.sleep(1)
        before = rss_kib(server.pid) + rss_kib(client.pid)
        conns = open_connections(socks, user, port, N)
        time.sleep(2)
        after = rss_kib(server.pid) + rss_kib(client.pid)
        per1000 = (after - before) * 1000.0 / N
        print("%-12s pair: %6d KiB before, %6d KiB with %d idle connections: %7.0f KiB per 1,000"
              % (name, before, after, N, per1000), flush=True)
        for s in conns:
            s.close()
        return per1000
    finally:
        for p in (client, server):
            p.kill()
            p.wait()


def main():
    raise_nofile()
    echo = target()
    with tempfile.TemporaryDirectory() as state:
        os.makedirs(state + "/o-srv")
        os.makedirs(state + "/o-cli")
        tor_env = dict(os.environ, TOR_PT_MANAGED_TRANSPORT_VER="1")
        o = measure("obfs4proxy",
                    [OBFS4PROXY], dict(tor_env, TOR_PT_SERVER_TRANSPORTS="obfs4",
                                       TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1:0",
                                       TOR_PT_ORPORT="127.0.0.1:%d" % echo,
                                       TOR_PT_STATE_LOCATION=state + "/o-srv",
                                       TOR_PT_SERVER_TRANSPORT_OPTIONS="obfs4:iat-mode=0"),
                    [OBFS4PROXY], dict(tor_env, TOR_PT_CLIENT_TRANSPORTS="obfs4",
                                       TOR_PT_STATE_LOCATION=state + "/o-cli"), echo)
        p = measure("ptdispatcher",
                    [BIN, "-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                     "-target", "127.0.0.1:%d" % echo, "-state", state + "/p-srv"], None,
                    [BIN, "-transports", "obfs4", "-state", state + "/p-cli"], None, echo)
    print("memory per connection, ptdispatcher/obfs4proxy: %.2f (goal <= 0.5)" % (p / o))


if __name__ == "__main__":
    main()
