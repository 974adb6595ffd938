#!/usr/bin/env python3
"""Memory per connection: RSS of a client+server pair per 1,000 idle established obfs4
connections (SOCKS5 -> PT client -> PT server -> target, one 1 KiB echo each, then
idle), for our pair and for an obfs4proxy pair, measured in the same run. Prints KiB
per 1,000 connections for each and the ratio (goal: ours <= 0.5x obfs4proxy).
Usage: bench_memory.py PTDISPATCHER [connections, default 1000]
"""
import os
import subprocess
import sys
import tempfile
import time

BIN = sys.argv[1] if len(sys.argv) > 1 else "build/dispatcher/ptdispatcher"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402

OBFS4PROXY = os.environ.get("OBFS4PROXY", "/usr/bin/obfs4proxy")


def open_connections(socks_port, user, dest_port, n):
    conns = []
    payload = os.urandom(1024)
    for _ in range(n):
        s = ptproc.socks5_connect(socks_port, dest_port, user=user)
        s.sendall(payload)
        assert ptproc.recv_n(s, len(payload)) == payload
        conns.append(s)
    return conns


def measure(name, server_cmd, server_env, client_cmd, client_env, echo):
    server = ptproc.Pt(server_cmd, env=server_env, nofile="max", stderr=subprocess.DEVNULL).require()
    client = ptproc.Pt(client_cmd, env=client_env, nofile="max", stderr=subprocess.DEVNULL).require()
    try:
        port = server.port
        cert = server.args["cert"]
        socks = client.port
        user = "cert=%s;iat-mode=0" % cert
        for s in open_connections(socks, user, port, 20):  # warm up
            s.close()
        time.sleep(1)
        before = server.rss_kib() + client.rss_kib()
        conns = open_connections(socks, user, port, N)
        time.sleep(2)
        after = server.rss_kib() + client.rss_kib()
        per1000 = (after - before) * 1000.0 / N
        print("%-12s pair: %6d KiB before, %6d KiB with %d idle connections: %7.0f KiB per 1,000"
              % (name, before, after, N, per1000), flush=True)
        for s in conns:
            s.close()
        return per1000
    finally:
        for p in (client, server):
            p.stop()


def main():
    ptproc.raise_nofile()
    _echo_sock, echo = ptproc.echo_server(4096)
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
