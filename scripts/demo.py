#!/usr/bin/env python3
"""The main job: a ptdispatcher server and client on loopback carrying real traffic.

Starts an echo target, a server dispatcher in front of it and a client dispatcher,
prints every IPC line each one says, sends random data through the client's SOCKS5
port and checks that it comes back unchanged, then stops both the way the spec
recommends (close stdin) and prints their exit codes. Loopback only.
"""
import hashlib
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time


def echo_server():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)

    def serve(conn):
        with conn:
            while True:
                data = conn.recv(65536)
                if not data:
                    conn.shutdown(socket.SHUT_WR)
                    return
                conn.sendall(data)

    def accept_loop():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()
    return srv, srv.getsockname()[1]


def launch(binary, name, args):
    print(f"\n$ ptdispatcher {' '.join(args)}")
    proc = subprocess.Popen([binary] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    methods = []
    deadline = time.time() + 15
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read()
            sys.exit(f"{name} exited early (code {proc.wait()}): {err.strip()}")
        line = line.rstrip("\n")
        print(f"  {name} stdout> {line}")
        if line.startswith(("CMETHOD ", "SMETHOD ")):
            methods.append(line.split())
        if line in ("CMETHODS DONE", "SMETHODS DONE"):
            break
    # Keep draining stdout (LOG/STATUS lines) so the child never blocks.
    def drain():
        for l in proc.stdout:
            print(f"  {name} stdout> {l.rstrip()}")
    threading.Thread(target=drain, daemon=True).start()
    return proc, methods


def hostport(addr):
    host, port = addr.rsplit(":", 1)
    return host.strip("[]"), int(port)


def socks5_connect(sock, host, port):
    sock.sendall(b"\x05\x01\x00")
    assert sock.recv(2) == b"\x05\x00", "SOCKS method selection failed"
    sock.sendall(b"\x05\x01\x00\x01" + socket.inet_aton(host) + struct.pack(">H", port))
    reply = b""
    while len(reply) < 10:
        chunk = sock.recv(10 - len(reply))
        if not chunk:
            break
        reply += chunk
    return reply[1] if len(reply) == 10 else -1


def main():
    binary = sys.argv[1]
    transport = sys.argv[2] if len(sys.argv) > 2 else "plain"
    state = tempfile.mkdtemp(prefix="ptdispatcher-demo-")
    srv, echo_port = echo_server()
    print(f"echo target listening on 127.0.0.1:{echo_port}")

    server, smethods = launch(binary, "server", [
        "-server", "-transports", transport, "-bindaddr", f"{transport}-127.0.0.1:0",
        "-target", f"127.0.0.1:{echo_port}", "-state", os.path.join(state, "server"),
        "-exit-on-stdin-close", "-ipcLogLevel", "INFO"])
    if not smethods:
        sys.exit("server reported no SMETHOD")
    server_host, server_port = hostport(smethods[0][2])
    options = []
    args = smethods[0][3] if len(smethods[0]) > 3 else ""
    if args.startswith("ARGS:"):
        kv = dict(p.split("=", 1) for p in args[5:].replace("\\,", "\0").split(","))
        options = ["-options", "{" + ", ".join(f'"{k}": "{v}"' for k, v in kv.items()) + "}"]
    client, cmethods = launch(binary, "client", [
        "-client", "-transports", transport, "-proxylistenaddr", "127.0.0.1:0",
        "-state", os.path.join(state, "client"), "-exit-on-stdin-close", "-ipcLogLevel", "INFO"] + options)
    if not cmethods:
        sys.exit("client reported no CMETHOD")
    socks_host, socks_port = hostport(cmethods[0][3])

    payload = os.urandom(8 * 1024 * 1024)
    start = time.time()
    with socket.create_connection((socks_host, socks_port), timeout=30) as sock:
        rep = socks5_connect(sock, server_host, server_port)
        print(f"\nSOCKS5 CONNECT via {socks_host}:{socks_port} to the PT server {server_host}:{server_port}: "
              f"reply {rep:#04x}")
        if rep != 0:
            sys.exit("SOCKS CONNECT failed")
        sender = threading.Thread(target=lambda: (sock.sendall(payload), sock.shutdown(socket.SHUT_WR)))
        sender.start()
        received = bytearray()
        while True:
            chunk = sock.recv(1 << 16)
            if not chunk:
                break
            received += chunk
        sender.join()
    elapsed = time.time() - start
    ok = hashlib.sha256(received).digest() == hashlib.sha256(payload).digest()
    print(f"sent {len(payload)} bytes, received {len(received)} bytes back in {elapsed:.2f} s "
          f"({2 * len(payload) / elapsed / 1e6:.1f} MB/s both ways); SHA-256 {'matches' if ok else 'DIFFERS'}")
    time.sleep(1.2)  # let one STATUS line through

    for name, proc in (("client", client), ("server", server)):
        proc.stdin.close()  # the spec's graceful shutdown: close stdin
        code = proc.wait(timeout=10)
        err = proc.stderr.read().strip()
        print(f"{name} exited with code {code}" + (f"; stderr: {err}" if err else ""))
    srv.close()
    if not ok:
        sys.exit(1)
    print("\nOK: the payload crossed client -> server -> echo -> server -> client unchanged.")


if __name__ == "__main__":
    main()
