#!/usr/bin/env python3
"""meek against real parts (CTest interop/meek). Two meek servers of ours in front of an
echo target: one speaking TLS itself (cert/key options, test CA), one plain HTTP behind
nginx (TLS terminated there, proxy_pass keeping Host: domain fronting, SNI "localhost",
Host "meek.test").

  - Debian's obfs4proxy 0.0.14 meek_lite client (managed mode, SSL_CERT_FILE = the test
    CA, SOCKS user url=...;front=..., password one NUL) -> our server, straight over TLS
    and fronted through nginx: MiBs both ways checked by SHA-256;
  - our meek client -> our server, the same two ways (and the name `meeklite`);
  - the client's SOCKS: granted at once, the CONNECT address a placeholder never dialed,
    also when the server never answers;
  - probes: GET / is a plain page, other methods 400, POST without (or with a short)
    X-Session-Id 400, a body over 65,536 bytes 413 and the session goes on intact;
  - a session idle past the expiry (idle-timeout option) has its target closed, one that
    keeps polling does not.
Usage: meek.py PTDISPATCHER
"""
import hashlib
import http.client
import os
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
OBFS4PROXY = "/usr/bin/obfs4proxy"
check = ptproc.Checks()
MIB = 1024 * 1024


class Echo(ptproc.TcpTarget):
    """A TCP echo target that counts the connections it accepted and those that ended."""

    def __init__(self, delay=0.0):
        self.delay = delay  # seconds before each answer
        self.ended = 0
        super().__init__(self.serve, backlog=64)

    def open_now(self):
        with self.lock:
            return self.accepted - self.ended

    def serve(self, c):
        try:
            while True:
                d = c.recv(65536)
                if not d:
                    break
                time.sleep(self.delay)
                c.sendall(d)
        except OSError:
            pass
        finally:
            c.close()
            with self.lock:
                self.ended += 1


class Source(ptproc.TcpTarget):
    """A target that sends `size` random bytes as soon as a connection opens (a download:
    the server's responses fill up to their 64 KiB limit) and then keeps it open."""

    def __init__(self, size):
        self.payload = os.urandom(size)
        super().__init__(self.serve, backlog=16)

    def serve(self, c):
        try:
            c.sendall(self.payload)
            while c.recv(65536):
                pass
        except OSError:
            pass
        finally:
            c.close()


def download(socks_port, user, source, label):
    try:
        s = ptproc.socks5_connect(socks_port, 443, user=user, dest_host="192.0.2.1", timeout=20)
    except OSError as e:
        check(False, "%s: SOCKS refused: %s" % (label, e))
        return
    t0 = time.perf_counter()
    try:
        s.settimeout(60)
        got = ptproc.recv_n(s, len(source.payload))
    except OSError:
        got = b""
    finally:
        s.close()
    secs = time.perf_counter() - t0
    check(hashlib.sha256(got).digest() == hashlib.sha256(source.payload).digest(),
          "%s: a %d MiB download intact (%d bytes, %.1f s, %.2f MiB/s)"
          % (label, len(source.payload) // MIB, len(got), secs, len(got) / MIB / secs if secs else 0))


def transfer(sock, size):
    """Sends `size` random bytes while reading the echo. Returns (ok, bytes back, seconds)."""
    payload = os.urandom(size)
    sock.settimeout(60)

    def send():
        try:
            for i in range(0, size, 65536):
                sock.sendall(payload[i:i + 65536])
        except OSError:
            pass
    t0 = time.perf_counter()
    t = threading.Thread(target=send, daemon=True)
    t.start()
    try:
        got = ptproc.recv_n(sock, size)
    except OSError:
        got = b""
    secs = time.perf_counter() - t0
    t.join(10)
    return hashlib.sha256(payload).digest() == hashlib.sha256(got).digest(), len(got), secs


def tunnel(socks_port, user, size, label):
    """One SOCKS connection through a meek client carrying `size` bytes both ways."""
    try:
        s = ptproc.socks5_connect(socks_port, 443, user=user, dest_host="192.0.2.1", timeout=20)
    except OSError as e:
        check(False, "%s: SOCKS refused: %s" % (label, e))
        return
    try:
        ok, n, secs = transfer(s, size)
    finally:
        s.close()
    check(ok, "%s: %d MiB both ways intact (%d of %d bytes back, %.1f s, %.2f MiB/s each way)"
          % (label, size // MIB, n, size, secs, size / MIB / secs if secs else 0))


def round_trips(socks_port, user, label, n=20):
    """Median time for 100 bytes to go through the tunnel and back (after a warm-up)."""
    try:
        s = ptproc.socks5_connect(socks_port, 443, user=user, dest_host="192.0.2.1", timeout=20)
    except OSError as e:
        check(False, "%s: SOCKS refused: %s" % (label, e))
        return
    times = []
    try:
        s.settimeout(20)
        for i in range(n + 3):
            msg = os.urandom(100)
            t0 = time.perf_counter()
            s.sendall(msg)
            if ptproc.recv_n(s, 100) != msg:
                break
            if i >= 3:
                times.append(time.perf_counter() - t0)
            time.sleep(0.02 * (i % 4))  # some pings find a poll in flight, some an idle session
    except OSError:
        pass
    finally:
        s.close()
    times.sort()
    median = times[len(times) // 2] * 1000 if times else 0
    check(len(times) == n and median < 500, "%s: %d round trips of 100 bytes, median %.1f ms, max %.1f ms"
          % (label, len(times), median, times[-1] * 1000 if times else 0))


def meek_user(url, front=None):
    return "url=%s" % url + (";front=%s" % front if front else "")


class Raw:
    """HTTP/1.1 requests straight to one of our servers (TLS with the test CA, or plain)."""

    def __init__(self, port, ca=None):
        self.port = port
        self.ca = ca

    def conn(self):
        if self.ca:
            ctx = ssl.create_default_context(cafile=self.ca.ca_pem)
            return http.client.HTTPSConnection("localhost", self.port, timeout=10, context=ctx)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)

    def request(self, method, path="/", body=None, headers=None):
        """(status, body) or (None, error text) when the connection broke."""
        c = self.conn()
        try:
            h = {"Host": "meek.test"}
            h.update(headers or {})
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            return r.status, r.read(), dict((k.lower(), v) for k, v in r.getheaders())
        except (OSError, http.client.HTTPException) as e:
            return None, str(e).encode(), {}
        finally:
            c.close()

    def post(self, sid, body=b""):
        return self.request("POST", "/", body, {"X-Session-Id": sid})

    def collect(self, sid, want, first=b"", seconds=10):
        """Posts `first`, then polls session sid until `want` bytes came back or the time is up."""
        got = b""
        end = time.time() + seconds
        body = first
        while len(got) < len(want) and time.time() < end:
            status, data, _ = self.post(sid, body)
            body = b""
            if status != 200:
                return got, status
            got += data
            if not data:
                time.sleep(0.05)
        return got, 200


def main():
    work = tempfile.mkdtemp(prefix="ptd-meek-")
    procs = []
    front = None
    obfs4 = None
    try:
        ca = webfront.TestCa(work)
        echo = Echo()
        target = "127.0.0.1:%d" % echo.port
        env = dict(os.environ, SSL_CERT_FILE=ca.ca_pem)

        # Our servers: TLS itself (as `meeklite`), and plain behind nginx (as `meek_lite`).
        tls_server = ptproc.Pt([BIN, "-server", "-transports", "meeklite", "-bindaddr", "meeklite-127.0.0.1:0",
                                "-target", target, "-state", os.path.join(work, "s-tls"),
                                "-options", '{"cert": "%s", "key": "%s"}' % (ca.cert_pem, ca.key_pem)],
                               stderr=subprocess.DEVNULL).require()
        procs.append(tls_server)
        plain_server = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr",
                                  "meek_lite-127.0.0.1:0", "-target", target,
                                  "-state", os.path.join(work, "s-plain"),
                                  "-options", '{"url": "https://meek.test/meek/"}'],
                                 stderr=subprocess.DEVNULL).require()
        procs.append(plain_server)
        check(plain_server.args.get("url") == "https://meek.test/meek/",
              "SMETHOD advertises ARGS url (%s)" % plain_server.method)
        bad = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                         "-target", target, "-state", os.path.join(work, "s-bad"),
                         "-options", '{"cert": "%s"}' % ca.cert_pem], stderr=subprocess.STDOUT)
        check(not bad.methods and any("SMETHOD-ERROR" in line for line in bad.lines),
              "a cert without a key is an SMETHOD-ERROR: %s" % bad.lines[-2:])
        bad.stop()

        front = webfront.Nginx(work, ca, [("/meek/", plain_server.port, "plain")])
        direct_url = "https://localhost:%d/" % tls_server.port
        fronted_url = "https://meek.test/meek/"
        fronted_front = "localhost:%d" % front.port

        # Debian's obfs4proxy meek_lite client.
        obfs4 = ptproc.Pt([OBFS4PROXY, "-enableLogging", "-logLevel", "DEBUG"],
                          env=dict(env, TOR_PT_MANAGED_TRANSPORT_VER="1", TOR_PT_CLIENT_TRANSPORTS="meek_lite",
                                   TOR_PT_STATE_LOCATION=os.path.join(work, "obfs4proxy"),
                                   TOR_PT_EXIT_ON_STDIN_CLOSE="1"),
                          stderr=subprocess.STDOUT).require()
        procs.append(obfs4)
        check(obfs4.method[1] == "meek_lite", "obfs4proxy offers meek_lite (%s)" % obfs4.method)
        tunnel(obfs4.port, meek_user(direct_url), 4 * MIB,
               "obfs4proxy meek_lite -> our server (TLS itself)")
        tunnel(obfs4.port, meek_user(fronted_url, fronted_front), 4 * MIB,
               "obfs4proxy meek_lite -> nginx (SNI localhost, Host meek.test) -> our server")

        # Our client, under both names.
        ours = ptproc.Pt([BIN, "-client", "-transports", "meek_lite,meeklite", "-proxylistenaddr", "127.0.0.1:0",
                          "-state", os.path.join(work, "c")], env=env, stderr=subprocess.DEVNULL).require()
        procs.append(ours)
        ports = dict((m[1], ptproc.hostport(m[3])[1]) for m in ours.methods)
        check(set(ports) == {"meek_lite", "meeklite"}, "our client offers meek_lite and meeklite (%s)"
              % sorted(ports))
        tunnel(ports["meek_lite"], meek_user(direct_url), 4 * MIB, "our meek_lite client -> our server (TLS itself)")
        tunnel(ports.get("meeklite", 0), meek_user(fronted_url, fronted_front), 4 * MIB,
               "our meeklite client -> nginx (SNI localhost, Host meek.test) -> our server")

        # An application that half-closes after sending still gets its whole answer from
        # our client, also when the target takes a second to answer, and then an end (the
        # client stops polling after 3 s of silence).
        slow_echo = Echo(delay=1.0)
        slow = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                          "-target", "127.0.0.1:%d" % slow_echo.port, "-state", os.path.join(work, "s-slow")],
                         stderr=subprocess.DEVNULL).require()
        procs.append(slow)
        try:
            s = ptproc.socks5_connect(ports["meek_lite"], 443, user=meek_user("http://127.0.0.1:%d/" % slow.port),
                                      dest_host="192.0.2.1", timeout=20)
            payload = os.urandom(1000)
            s.sendall(payload)
            s.shutdown(socket.SHUT_WR)
            s.settimeout(15)
            got = ptproc.recv_n(s, len(payload))
            t0 = time.perf_counter()
            s.settimeout(15)
            end = s.recv(1)
            waited = time.perf_counter() - t0
            s.close()
            check(got == payload and end == b"" and waited < 10,
                  "our client: an application that half-closes gets its whole echo (%d of %d bytes), then an "
                  "end %.1f s later" % (len(got), len(payload), waited))
        except OSError as e:
            check(False, "our client with a half-closing application: %s" % e)

        # Downloads: the target sends without being asked, so every response is full.
        source = Source(4 * MIB)
        dl_server = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                               "-target", "127.0.0.1:%d" % source.port, "-state", os.path.join(work, "s-dl")],
                              stderr=subprocess.DEVNULL).require()
        procs.append(dl_server)
        dl_url = "http://127.0.0.1:%d/" % dl_server.port
        download(obfs4.port, meek_user(dl_url), source, "obfs4proxy meek_lite -> our server (plain http)")
        download(ports["meek_lite"], meek_user(dl_url), source, "our client -> our server (plain http)")

        round_trips(obfs4.port, meek_user(direct_url), "obfs4proxy -> our server (TLS itself)")
        round_trips(ports["meek_lite"], meek_user(direct_url), "our client -> our server (TLS itself)")
        round_trips(ports["meek_lite"], meek_user(fronted_url, fronted_front), "our client -> nginx -> our server")

        # A front that ends every client connection after 4 requests ("Connection: close"
        # on the 4th answer): both clients carry on over new connections.
        conn_log = os.path.join(work, "churn-connections.log")
        churn = webfront.Nginx(work, ca, [("/meek/", plain_server.port, "plain")], name="nginx-churn",
                               http_extra="keepalive_requests 4; log_format conn '$connection $request_method';"
                                          " access_log %s conn;" % conn_log)
        try:
            churn_front = "localhost:%d" % churn.port
            for name, port in (("obfs4proxy", obfs4.port), ("our client", ports["meek_lite"])):
                with open(conn_log, "a"):
                    pass
                before = len(open(conn_log).read().split("\n"))
                tunnel(port, meek_user(fronted_url, churn_front), 1 * MIB,
                       "%s -> nginx closing every 4th request's connection -> our server" % name)
                lines = [ln.split() for ln in open(conn_log).read().split("\n")[before - 1:] if ln.strip()]
                conns = len(set(ln[0] for ln in lines))
                check(conns >= len(lines) // 4 and conns >= 3, "%s: %d requests over %d connections"
                      % (name, len(lines), conns))
        finally:
            churn.stop()

        # SOCKS: granted at once; the CONNECT address is a placeholder. A front that
        # accepts and never answers still gets the grant, then no data.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        silent_front = "127.0.0.1:%d" % silent.getsockname()[1]
        for name, port in (("our client", ports["meek_lite"]), ("obfs4proxy", obfs4.port)):
            t0 = time.perf_counter()
            try:
                s = ptproc.socks5_connect(port, 443, user=meek_user("https://meek.test/", silent_front),
                                          dest_host="192.0.2.1", timeout=10)
                granted = time.perf_counter() - t0
                s.settimeout(1.0)
                s.sendall(b"hello")
                try:
                    s.recv(10)  # anything, even a close, is not a stall
                    stalled = False
                except socket.timeout:
                    stalled = True
                s.close()
                check(granted < 1.0 and stalled, "%s grants SOCKS at once (%.3f s) to a placeholder address "
                      "with a server that never answers; the data stalls" % (name, granted))
            except OSError as e:
                check(False, "%s grants SOCKS with a silent server: %s" % (name, e))
        silent.close()
        # The CONNECT destination is never dialed: 192.0.2.1 is unroutable, yet the
        # tunnels above worked; and a CONNECT naming the echo target itself is not a
        # way around the server either (the target sees one meek stream per connection).
        before = echo.accepted
        s = ptproc.socks5_connect(ports["meek_lite"], echo.port, user=meek_user(direct_url), timeout=10)
        ok, _, _ = transfer(s, 1000)
        s.close()
        check(ok and echo.accepted == before + 1, "a CONNECT naming the target still goes through the meek "
              "server (one stream, %d new target connections)" % (echo.accepted - before))

        # Probes straight at the servers.
        for label, raw in (("TLS server", Raw(tls_server.port, ca)), ("plain server", Raw(plain_server.port))):
            before = echo.accepted
            status, body, _ = raw.request("GET", "/")
            check(status == 200 and b"web server" in body, "%s: GET / is a plain page (%s %r)"
                  % (label, status, body[:40]))
            for method in ("PUT", "DELETE", "OPTIONS"):
                status, _, _ = raw.request(method, "/", b"x")
                check(status == 400, "%s: %s gets 400 (%s)" % (label, method, status))
            status, _, _ = raw.request("POST", "/", b"data")
            check(status == 400, "%s: POST without X-Session-Id gets 400 (%s)" % (label, status))
            status, _, _ = raw.request("POST", "/", b"data", {"X-Session-Id": "1234567"})
            check(status == 400, "%s: POST with a 7-character X-Session-Id gets 400 (%s)" % (label, status))
            check(echo.accepted == before, "%s: no probe reached the target" % label)

            # A body over 65,536 bytes is refused; the session goes on intact.
            sid = os.urandom(16).hex()
            got, status = raw.collect(sid, b"first|", b"first|")
            status2, _, headers = raw.post(sid, b"X" * 65537)
            check(status2 == 413 and headers.get("connection", "").lower() == "close",
                  "%s: a 65,537-byte body gets 413 with Connection: close (%s, %s)"
                  % (label, status2, headers.get("connection")))
            status3, data3, _ = raw.post(sid, b"Y" * 65536)
            check(status3 == 200, "%s: a 65,536-byte body is taken (%s)" % (label, status3))
            got += data3 if status3 == 200 else b""
            more, status4 = raw.collect(sid, b"Y" * (65536 - len(data3)) + b"second", b"second", 10)
            got += more
            check(status == 200 and status4 == 200 and got == b"first|" + b"Y" * 65536 + b"second",
                  "%s: the session goes on after the 413 without the refused bytes (%d bytes back)"
                  % (label, len(got)))

        # Plain HTTP or random bytes to the TLS server: the connection ends, nothing else.
        for label, junk in (("plain HTTP", b"GET / HTTP/1.1\r\nHost: meek.test\r\n\r\n"),
                            ("random bytes", os.urandom(2000))):
            s = socket.create_connection(("127.0.0.1", tls_server.port), timeout=5)
            try:
                s.sendall(junk)
                back = b""
                while True:
                    d = s.recv(65536)
                    if not d:
                        break
                    back += d
                closed = True
            except socket.timeout:
                closed = False
            except OSError:  # a reset is an end too
                closed = True
            s.close()
            check(closed and b"HTTP" not in back, "TLS server: %s: the connection ends (%d bytes of alert)"
                  % (label, len(back)))
        check(tls_server.alive(), "the TLS server survived them")

        # Session expiry, on a server with a 2 s idle timeout.
        quick = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                           "-target", target, "-state", os.path.join(work, "s-quick"),
                           "-options", '{"idle-timeout": "2"}'], stderr=subprocess.DEVNULL).require()
        procs.append(quick)
        raw = Raw(quick.port)
        idle_sid, busy_sid = os.urandom(16).hex(), os.urandom(16).hex()
        open_before = echo.open_now()
        a, _ = raw.collect(idle_sid, b"idle", b"idle")
        b, _ = raw.collect(busy_sid, b"busy", b"busy")
        check(a == b"idle" and b == b"busy" and ptproc.wait_for(lambda: echo.open_now() == open_before + 2, 5),
              "two sessions opened two target connections")
        ended_before = echo.ended
        t0 = time.time()
        while time.time() - t0 < 4.5:  # the busy session polls every 0.5 s; the idle one is quiet
            raw.post(busy_sid)
            time.sleep(0.5)
        check(echo.ended == ended_before + 1, "after 4.5 s the idle session's target is closed and the polled "
              "one's is not (%d closed)" % (echo.ended - ended_before))
        got, status = raw.collect(busy_sid, b"still", b"still")
        check(got == b"still", "the polled session still carries data (%r)" % got)
        ended = echo.ended
        time.sleep(3.5)
        check(echo.ended == ended + 1, "once it stops polling it expires too")

        for p, name in ((tls_server, "TLS server"), (plain_server, "plain server"), (ours, "our client"),
                        (quick, "quick server")):
            check(p.alive(), "%s still runs" % name)
    finally:
        for p in procs:
            p.stop()
        if front:
            if check.failures:
                print(front.log_tail())
            front.stop()
        if check.failures:
            try:
                with open(os.path.join(work, "obfs4proxy", "obfs4proxy.log")) as f:
                    print("obfs4proxy.log:\n" + "".join(f.readlines()[-30:]))
            except OSError:
                pass
    check.finish("meek")


if __name__ == "__main__":
    main()
