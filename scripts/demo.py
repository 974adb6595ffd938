#!/usr/bin/env python3
"""The main job: a ptdispatcher server and client on loopback carrying real traffic.

Starts an echo target, a server dispatcher in front of it and a client dispatcher
(obfs4 unless another transport is named), prints every IPC line each one says,
sends random data through the client's SOCKS5 port and checks that it comes back
unchanged, checks the server with `ptdispatcher -check`, stops both the way the spec
recommends (close stdin) and prints their exit codes, and ends with the server's
bridge line and how to use it in the GUI and with tor. Loopback only.
"""
import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "common"))
import ptproc  # noqa: E402


def launch(binary, name, args):
    print(f"\n$ ptdispatcher {' '.join(args)}")
    pt = ptproc.Pt([binary] + args, stderr=subprocess.PIPE, echo=f"  {name} stdout> ", timeout=15)
    if not pt.done:
        err = pt.p.stderr.read()
        sys.exit(f"{name} exited early (code {pt.p.wait()}): {err.strip()}")
    return pt.p, pt.methods


def bridge_line(transport, address, args):
    """The server's bridge line, as tor and the GUI's Import read it. For obfs4 the
    fingerprint slot holds the node ID from the cert (its first 20 bytes); a bridge
    in front of a real tor relay uses that relay's fingerprint there instead."""
    parts = ["Bridge", transport, address]
    if transport == "obfs4" and "cert" in args:
        raw = base64.b64decode(args["cert"] + "=" * (-len(args["cert"]) % 4))
        parts.append(raw[:20].hex().upper())
    parts += ["%s=%s" % (k, v) for k, v in args.items()]
    return " ".join(parts)


def main():
    binary = sys.argv[1]
    transport = sys.argv[2] if len(sys.argv) > 2 else "obfs4"
    state = tempfile.mkdtemp(prefix="ptdispatcher-demo-")
    srv, echo_port = ptproc.echo_server()
    print(f"echo target listening on 127.0.0.1:{echo_port}")

    server, smethods = launch(binary, "server", [
        "-server", "-transports", transport, "-bindaddr", f"{transport}-127.0.0.1:0",
        "-target", f"127.0.0.1:{echo_port}", "-state", os.path.join(state, "server"),
        "-exit-on-stdin-close", "-ipcLogLevel", "INFO"])
    if not smethods:
        sys.exit("server reported no SMETHOD")
    server_host, server_port = ptproc.hostport(smethods[0][2])
    options = []
    kv = ptproc.parse_args_field(smethods[0][3]) if len(smethods[0]) > 3 else {}
    if kv:
        options = ["-options", json.dumps(kv)]
    client, cmethods = launch(binary, "client", [
        "-client", "-transports", transport, "-proxylistenaddr", "127.0.0.1:0",
        "-state", os.path.join(state, "client"), "-exit-on-stdin-close", "-ipcLogLevel", "INFO"] + options)
    if not cmethods:
        sys.exit("client reported no CMETHOD")
    socks_host, socks_port = ptproc.hostport(cmethods[0][3])

    payload = os.urandom(8 * 1024 * 1024)
    start = time.time()
    try:
        sock = ptproc.socks5_connect(socks_port, server_port, dest_host=server_host, host=socks_host, timeout=30)
    except OSError as e:
        sys.exit(f"SOCKS CONNECT failed: {e}")
    print(f"\nSOCKS5 CONNECT via {socks_host}:{socks_port} to the PT server {server_host}:{server_port}: "
          f"succeeded")
    with sock:
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

    line = bridge_line(transport, f"{server_host}:{server_port}" if ":" not in server_host
                       else f"[{server_host}]:{server_port}", kv)
    print(f"\n$ ptdispatcher -check '{line}'")
    checked = subprocess.run([binary, "-check", line, "-check-timeout", "10"], capture_output=True, text=True,
                             timeout=20)
    print(f"  {checked.stdout.strip()}  (exit {checked.returncode})")

    for name, proc in (("client", client), ("server", server)):
        proc.stdin.close()  # the spec's graceful shutdown: close stdin
        code = proc.wait(timeout=10)
        err = proc.stderr.read().strip()
        print(f"{name} exited with code {code}" + (f"; stderr: {err}" if err else ""))
    srv.close()
    if not ok:
        sys.exit(1)
    print("\nOK: the payload crossed client -> server -> echo -> server -> client unchanged.")
    if checked.returncode != 0:
        sys.exit("but -check failed: " + checked.stdout.strip())
    print(f"""
The server's bridge line (from its SMETHOD ARGS; that server has stopped now, run
`ptdispatcher -server` as above to keep one):

  {line}

Use it
  in the GUI:  Import, paste the line, Connect; then point the browser (or let the GUI
               set the system proxy) at the SOCKS address it shows.
  with tor:    in torrc
                 UseBridges 1
                 ClientTransportPlugin {transport} exec {os.path.abspath(binary)}
                 {line}
               (a real bridge forwards to a tor relay: -target or -extorport, and the
               fingerprint is that relay's).""")


if __name__ == "__main__":
    main()
