#!/usr/bin/env python3
"""webtunnel against real parts (CTest interop/webtunnel): our client -> nginx (TLS with a
test CA, `location /secret` proxying the upgrade) -> our server -> an echo target.

  - 8 MiB each way through the tunnel, checked by SHA-256, with the client verifying
    nginx's certificate through SSL_CERT_FILE (OpenSSL's default verify paths);
  - the same with the certificate pinned (cert=, no CA trusted), and a wrong pin refused;
  - plain http:// straight to our server (no front);
  - the server's SMETHOD advertises ARGS:url=…,ver=0.0.1; bad -options give
    CMETHOD-ERROR / SMETHOD-ERROR, bad per-connection arguments SOCKS reply X'13';
  - probes get an ordinary web server's answer and never a tunnel: our client with a
    wrong path, a browser-style GET of the secret path without the upgrade headers
    (through nginx and straight to our server), random bytes and a TLS ClientHello to
    our server (400 at once), an upgrade to another path and random bytes inside TLS
    to nginx (nginx's own pages); the echo target sees no connection from any of them;
  - curl sending the upgrade request by hand through nginx gets the 101;
  - the client address in X-Forwarded-For (as nginx passes it on) reaches a real tor
    bridge's Extended ORPort as USERADDR (tor logs "Seen client from ...").
Usage: webtunnel.py PTDISPATCHER
"""
import hashlib
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402
import webfront  # noqa: E402

BIN = sys.argv[1]
check = ptproc.Checks()
MIB = 1024 * 1024


def transfer(sock, size):
    """Sends `size` random bytes while reading the echo; returns (sent digest, received digest).
    No half-close: nginx ends an upgraded connection as soon as one side closes, so the
    application closes only after it has read everything (as tor does)."""
    payload = os.urandom(size)
    sock.settimeout(60)

    def send():
        for i in range(0, size, 65536):
            sock.sendall(payload[i:i + 65536])
    t = threading.Thread(target=send, daemon=True)
    t.start()
    got = ptproc.recv_n(sock, size)
    t.join(60)
    return hashlib.sha256(payload).hexdigest(), hashlib.sha256(got).hexdigest(), len(got)


def socks_args(**kv):
    return ";".join("%s=%s" % (k, v) for k, v in kv.items())


def tunnel(client_port, user, size):
    try:
        s = ptproc.socks5_connect(client_port, 443, user=user, dest_host="192.0.2.1", timeout=20)
    except OSError as e:
        return "refused: %s" % e
    try:
        sent, got, n = transfer(s, size)
        return "ok" if sent == got else "corrupt (%d of %d bytes)" % (n, size)
    finally:
        s.close()


def http_exchange(sock, request, timeout=5):
    """Sends raw bytes, reads until the peer closes or goes quiet; returns what came back."""
    sock.settimeout(timeout)
    sock.sendall(request)
    out = b""
    try:
        while True:
            d = sock.recv(65536)
            if not d:
                break
            out += d
            if b"\r\n\r\n" in out and len(out) > 4096:
                break
    except (socket.timeout, OSError):
        pass
    return out


def client_hello():
    """The first flight of a real TLS client (Python's ssl module over memory BIOs)."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = ssl.create_default_context().wrap_bio(incoming, outgoing, server_hostname="bridge.test")
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return outgoing.read()


def tls_to(port, ca):
    ctx = ssl.create_default_context(cafile=ca.ca_pem)
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    return ctx.wrap_socket(raw, server_hostname="bridge.test")


class TorBridge:
    """tor as a bridge with an Extended ORPort (no transport plugin: our server runs
    standalone with -extorport), logging what the ExtORPort receives. Loopback only:
    the dead loopback DirAuthority keeps it off the Internet."""

    def __init__(self, workdir):
        if not shutil.which("tor"):
            raise RuntimeError("tor is not installed (run scripts/setup.sh)")
        self.dir = os.path.join(workdir, "tor")
        os.makedirs(os.path.join(self.dir, "data"), mode=0o700)
        self.ext_port = ptproc.free_port()
        self.log = os.path.join(self.dir, "debug.log")
        self.cookie = os.path.join(self.dir, "data", "extended_orport_auth_cookie")
        fake_or, fake_dir = ptproc.free_port(), ptproc.free_port()
        torrc = os.path.join(self.dir, "torrc")
        with open(torrc, "w") as f:
            f.write("DataDirectory %s/data\nSocksPort 0\nControlPort 0\nORPort 127.0.0.1:%d\nAddress 127.0.0.1\n"
                    "BridgeRelay 1\nExitRelay 0\nExitPolicy reject *:*\nPublishServerDescriptor 0\n"
                    "AssumeReachable 1\nExtORPort 127.0.0.1:%d\n"
                    "DirAuthority fakeauth orport=%d no-v2 v3ident=0000000000000000000000000000000000000001 "
                    "127.0.0.1:%d 0000 0000 0000 0000 0000 0000 0000 0000 0000 0001\n"
                    "SafeLogging 0\nLogMessageDomains 1\nLog notice file %s/notice.log\n"
                    "Log [net,general]debug file %s\n"
                    % (self.dir, ptproc.free_port(), self.ext_port, fake_or, fake_dir, self.dir, self.log))
        self.p = subprocess.Popen(["tor", "-f", torrc, "--RunAsDaemon", "0"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        if not ptproc.wait_for(lambda: os.path.exists(self.cookie) and ptproc.listening(self.ext_port), 60):
            self.stop()
            raise RuntimeError("tor's Extended ORPort did not come up")

    def logged(self, text):
        try:
            with open(self.log, errors="replace") as f:
                return text in f.read()
        except OSError:
            return False

    def stop(self):
        ptproc.stop_process(self.p)


def main():
    work = tempfile.mkdtemp(prefix="ptd-webtunnel-")
    procs = []
    front = None
    tor = None
    try:
        ca = webfront.TestCa(work)
        echo = ptproc.TcpTarget(ptproc.serve_echo)  # counts the connections it accepted
        # A second server in front of a real tor bridge's Extended ORPort: the client
        # address from nginx's X-Forwarded-For must reach tor as USERADDR.
        tor = TorBridge(work)
        torserver = ptproc.Pt([BIN, "-server", "-transports", "webtunnel", "-bindaddr", "webtunnel-127.0.0.1:0",
                               "-extorport", "127.0.0.1:%d" % tor.ext_port, "-authcookie", tor.cookie,
                               "-state", os.path.join(work, "torserver"),
                               "-options", '{"url": "https://bridge.test/tor-secret"}'],
                              stderr=subprocess.DEVNULL).require()
        procs.append(torserver)
        server = ptproc.Pt([BIN, "-server", "-transports", "webtunnel", "-bindaddr", "webtunnel-127.0.0.1:0",
                            "-target", "127.0.0.1:%d" % echo.port, "-state", os.path.join(work, "server"),
                            "-options", '{"url": "https://bridge.test/secret"}', "-ipcLogLevel", "INFO"],
                           stderr=subprocess.DEVNULL).require()
        procs.append(server)
        check(server.args.get("url") == "https://bridge.test/secret" and server.args.get("ver") == "0.0.1",
              "SMETHOD advertises ARGS url and ver=0.0.1 (%s)" % server.method)
        front = webfront.Nginx(work, ca, [("/secret", server.port, "upgrade"),
                                          ("/tor-secret", torserver.port, "upgrade")])
        env = dict(os.environ, SSL_CERT_FILE=ca.ca_pem)
        client = ptproc.Pt([BIN, "-client", "-transports", "webtunnel", "-proxylistenaddr", "127.0.0.1:0",
                            "-state", os.path.join(work, "client"), "-ipcLogLevel", "INFO"],
                           env=env, stderr=subprocess.DEVNULL).require()
        procs.append(client)
        url = "https://bridge.test:%d/secret" % front.port
        addr = "127.0.0.1:%d" % front.port

        t0 = time.monotonic()
        r = tunnel(client.port, socks_args(url=url, ver="0.0.1", addr=addr), 8 * MIB)
        took = time.monotonic() - t0
        check(r == "ok", "client -> nginx (TLS, test CA via SSL_CERT_FILE) -> server -> echo, 8 MiB both ways: "
              "%s (%.2f s, %.1f MiB/s each way)" % (r, took, 8 / took))
        tunnels = echo.accepted

        # Pinned certificate, no CA trusted.
        pinned = ptproc.Pt([BIN, "-client", "-transports", "webtunnel", "-proxylistenaddr", "127.0.0.1:0",
                            "-state", os.path.join(work, "client2")],
                           env=dict(os.environ, SSL_CERT_FILE=os.path.join(work, "nothing.pem")),
                           stderr=subprocess.DEVNULL).require()
        procs.append(pinned)
        r = tunnel(pinned.port, socks_args(url=url, addr=addr, cert=ca.pin_b64()), 256 * 1024)
        check(r == "ok", "a pinned certificate (cert=) works without a trusted CA: " + r)
        r = tunnel(pinned.port, socks_args(url=url, addr=addr), 1024)
        check(r.startswith("refused"), "without the CA or a pin the certificate is refused: " + r)
        wrong_pin = "A" * 43 + "="
        r = tunnel(pinned.port, socks_args(url=url, addr=addr, cert=wrong_pin), 1024)
        check(r.startswith("refused"), "a wrong pin is refused: " + r)
        tunnels = echo.accepted

        # Plain http:// straight to our server.
        r = tunnel(client.port, socks_args(url="http://127.0.0.1:%d/secret" % server.port), 1 * MIB)
        check(r == "ok", "http:// straight to the server, 1 MiB both ways: " + r)
        tunnels = echo.accepted

        # Bad -options: CMETHOD-ERROR / SMETHOD-ERROR naming the problem, no method.
        for role, opts, want in (("-client", '{"url": "ftp://bridge.test/x"}', "CMETHOD-ERROR webtunnel"),
                                 ("-server", '{"ver": "0.0.1"}', "SMETHOD-ERROR webtunnel")):
            cmd = [BIN, role, "-transports", "webtunnel", "-options", opts, "-state", os.path.join(work, "bad")]
            cmd += (["-proxylistenaddr", "127.0.0.1:0"] if role == "-client" else
                    ["-bindaddr", "webtunnel-127.0.0.1:0", "-target", "127.0.0.1:%d" % echo.port])
            bad = ptproc.Pt(cmd)
            ptproc.wait_for(lambda: any(want in l for l in bad.lines), 5)
            bad.stop()
            err = [l.strip() for l in bad.lines if want in l]
            check(bad.done and not bad.methods and err and "url" in err[0],
                  "bad -options for %s: %s" % (role, err[0] if err else bad.lines))

        # Bad per-connection arguments: SOCKS reply X'13' (19), nothing dialed.
        for bad in (socks_args(url="ftp://bridge.test/secret"), socks_args(ver="0.0.1"),
                    socks_args(url=url, cert="not-a-pin"), socks_args(url=url, addr="127.0.0.1")):
            r = tunnel(client.port, bad, 16)
            check(r == "refused: SOCKS reply 19", "bad arguments %r get SOCKS reply X'13': %s" % (bad, r))

        # Probes: none reaches the target.
        r = tunnel(client.port, socks_args(url="https://bridge.test:%d/wrong" % front.port, addr=addr), 1024)
        check(r.startswith("refused"), "our client with a wrong path gets no tunnel: " + r)
        r = tunnel(client.port, socks_args(url="http://127.0.0.1:%d/wrong" % server.port), 1024)
        check(r.startswith("refused"), "a wrong path straight to the server gets no tunnel: " + r)

        s = tls_to(front.port, ca)
        ans = http_exchange(s, b"GET /secret HTTP/1.1\r\nHost: bridge.test\r\nUser-Agent: Mozilla/5.0\r\n"
                               b"Accept: text/html\r\nConnection: close\r\n\r\n")
        s.close()
        status = ans.split(b"\r\n", 1)[0]
        check(status.startswith(b"HTTP/1.1 4") and b"101" not in status and b"<html" in ans.lower(),
              "a browser-style GET of the secret path through nginx gets a web page error: %r" % status)

        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        ans = http_exchange(s, b"GET /secret HTTP/1.1\r\nHost: bridge.test\r\nUser-Agent: Mozilla/5.0\r\n\r\n")
        s.close()
        status = ans.split(b"\r\n", 1)[0]
        check(status.startswith(b"HTTP/1.1 4") and b"<html" in ans.lower(),
              "a browser-style GET straight to the server gets a web page error: %r" % status)

        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        ans = http_exchange(s, os.urandom(600) + b"\r\n\r\n")
        s.close()
        check(ans.startswith(b"HTTP/1.1 400"), "random bytes get 400 Bad Request: %r" % ans[:40])

        # A TLS ClientHello straight to our (plain HTTP) server: 400 at once, as nginx
        # answers it on a plain port, not a wait for a line ending that never comes.
        hello = client_hello()
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        t0 = time.monotonic()
        ans = http_exchange(s, hello, timeout=3)
        took = time.monotonic() - t0
        s.close()
        check(ans.startswith(b"HTTP/1.1 400") and took < 2,
              "a TLS ClientHello to the server gets 400 at once (%.2f s): %r" % (took, ans[:30]))

        # The secret path's neighbours through nginx, with the upgrade headers: nginx's
        # own 404 page.
        s = tls_to(front.port, ca)
        ans = http_exchange(s, b"GET /wrong HTTP/1.1\r\nHost: bridge.test\r\nConnection: upgrade\r\n"
                               b"Upgrade: websocket\r\n\r\n")
        s.close()
        check(ans.startswith(b"HTTP/1.1 404") and b"<center>nginx" in ans,
              "an upgrade to another path through nginx gets nginx's 404 page: %r" % ans.split(b"\r\n", 1)[0])

        # Random bytes inside TLS to the front: nginx's 400, no tunnel.
        s = tls_to(front.port, ca)
        ans = http_exchange(s, os.urandom(300) + b"\r\n\r\n")
        s.close()
        check(ans.startswith(b"HTTP/1.1 400") and b"<center>nginx" in ans,
              "random bytes inside TLS get nginx's 400 page: %r" % ans[:30])

        s = tls_to(front.port, ca)
        ans = http_exchange(s, b"GET / HTTP/1.1\r\nHost: bridge.test\r\nConnection: close\r\n\r\n")
        s.close()
        check(b"200 OK" in ans.split(b"\r\n", 1)[0] and b"It works." in ans,
              "the rest of the site is an ordinary page")
        check(echo.accepted == tunnels, "no probe reached the target (%d tunnels before, %d after)"
              % (tunnels, echo.accepted))

        # curl sends the upgrade by hand: 101 through nginx.
        out = subprocess.run(["curl", "-si", "--http1.1", "--max-time", "3", "--cacert", ca.ca_pem,
                              "--resolve", "bridge.test:%d:127.0.0.1" % front.port,
                              "-H", "Connection: upgrade", "-H", "Upgrade: websocket",
                              "https://bridge.test:%d/secret" % front.port],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
        first = out.split(b"\r\n", 1)[0]
        check(first.startswith(b"HTTP/1.1 101"), "curl's upgrade request gets 101 through nginx: %r" % first)
        check(ptproc.wait_for(lambda: echo.accepted == tunnels + 1, 5),
              "curl's upgrade opened a tunnel to the target")

        # X-Forwarded-For through nginx -> USERADDR at tor's Extended ORPort. tor refuses
        # "ip:0" (and then closes), so an address without a port must go bare.
        for xff, seen in (("203.0.113.9", "203.0.113.9"), ("198.51.100.7:4444", "198.51.100.7"),
                          ("2001:db8::9", "2001:db8::9")):
            s = tls_to(front.port, ca)
            ans = http_exchange(s, b"GET /tor-secret HTTP/1.1\r\nHost: bridge.test\r\nConnection: upgrade\r\n"
                                   b"Upgrade: websocket\r\nX-Forwarded-For: " + xff.encode() + b"\r\n\r\n", timeout=2)
            first = ans.split(b"\r\n", 1)[0]
            ok = ptproc.wait_for(lambda: tor.logged("Seen client from '%s' with transport 'webtunnel'" % seen), 10)
            s.close()
            check(first.startswith(b"HTTP/1.1 101") and ok,
                  "X-Forwarded-For %s via nginx reaches tor's ExtORPort as USERADDR (tor saw %s): %r"
                  % (xff, seen, first))
        check(server.alive() and client.alive() and torserver.alive(), "the dispatchers still run")
    finally:
        check.tear_down(work, procs + [tor], front)
    check.finish("webtunnel")


if __name__ == "__main__":
    main()
