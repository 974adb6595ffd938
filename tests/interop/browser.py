#!/usr/bin/env python3
"""A real browser through our client (CTest interop/browser): Debian's chromium, headless,
with our client dispatcher (-mode socks5) as its SOCKS5 proxy, loading a loopback web site
that only our server dispatcher's -target leads to.

  - webtunnel: chromium -> our client -> nginx (TLS, test CA via SSL_CERT_FILE) -> our
    server -> the site; meek_lite: chromium -> our client -> our server (TLS itself, test
    CA) -> the site;
  - the site (Python, 127.0.0.1, a port chosen at run time) serves a page with a random
    token, a script that writes a second token into the page and a 256x256 noise PNG
    (~200 KB, several meek responses) whose onload records its size in the DOM;
    `--dump-dom` must show all three: the page and both subresources came through;
  - every connection the site accepted belongs to the server dispatcher's process (the
    peer socket, looked up right after accept() in /proc/net/tcp and the server's
    /proc/PID/fd; one already closed again by then has no owner and must carry no
    request), and the site got exactly the page's three requests, each once: nothing
    reached it directly and nothing else of chromium's (background requests such as the
    network time query) went through the tunnel; for webtunnel, nginx logged one
    upgrade (101) per connection the site saw;
  - a control run without the proxy reaches the site directly, and the same check sees
    that (so the check can fail);
  - a `--screenshot` through the webtunnel chain is a PNG of the window size, large
    enough that the noise image was rendered into it.
chromium missing is a failure, not a skip (scripts/setup.sh installs it).
Usage: browser.py PTDISPATCHER
"""
import http.server
import os
import secrets
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402
import webfront  # noqa: E402

BIN = sys.argv[1]
CHROMIUM = shutil.which("chromium")
check = ptproc.Checks()
IMG_SIDE = 256
PAGE_PATHS = ["/", "/app.js", "/pixel.png"]


def noise_png(side):
    """A side x side RGB PNG of random pixels (incompressible: ~3*side*side bytes)."""
    raw = b"".join(b"\x00" + os.urandom(side * 3) for _ in range(side))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def socket_owner(local_port, remote_port, pid):
    """Whether the loopback TCP socket local_port -> remote_port is one of process pid's.
    Returns (True/False, who owns it), or (False, None) when the socket is already gone
    (closed by its process: nobody owns it any more)."""
    inode = None
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(name) as f:
            next(f)
            for line in f:
                fields = line.split()
                if (fields[1].endswith(":%04X" % local_port) and fields[2].endswith(":%04X" % remote_port)
                        and fields[9] != "0"):
                    inode = fields[9]
    if inode is None:
        return False, None
    want = "socket:[%s]" % inode
    if want in fd_links(pid):
        return True, "pid %d" % pid
    for other in os.listdir("/proc"):  # not ours: name the owner
        if other.isdigit() and want in fd_links(int(other)):
            try:
                with open("/proc/%s/comm" % other) as f:
                    return False, "pid %s (%s)" % (other, f.read().strip())
            except OSError:
                return False, "pid %s" % other
    return False, "owner unknown"


def fd_links(pid):
    out = set()
    try:
        for fd in os.listdir("/proc/%d/fd" % pid):
            try:
                out.add(os.readlink("/proc/%d/fd/%s" % (pid, fd)))
            except OSError:
                pass
    except OSError:
        pass
    return out


class Site:
    """The web site on 127.0.0.1: a page with token1, /app.js writing token2 into it, a noise
    PNG. Logs each connection (peer port and owner) and each request (path, Host, peer)."""

    def __init__(self):
        self.token1 = secrets.token_hex(16)
        self.token2 = secrets.token_hex(16)
        self.png = noise_png(IMG_SIDE)
        self.server_pid = -1  # whose connections count as "through our server"
        self.lock = threading.Lock()
        self.connections = []  # (peer port, owned by server_pid, owner description or None when gone)
        self.requests = []  # (path, host, peer port)
        self.files = {
            "/": ("text/html", ("<!doctype html><html><head><title>browser test</title>"
                                '<link rel="icon" href="data:,"></head><body>'
                                '<p id="t1">token1 %s</p><p id="t2">not yet</p>'
                                '<img id="img" src="/pixel.png" onload="this.setAttribute(\'data-loaded\', '
                                'this.naturalWidth + \'x\' + this.naturalHeight)">'
                                '<script src="/app.js"></script></body></html>\n' % self.token1).encode()),
            "/app.js": ("text/javascript",
                        ("document.getElementById('t2').textContent = 'token2 %s';\n" % self.token2).encode()),
            "/pixel.png": ("image/png", self.png),
        }
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with site.lock:
                    site.requests.append((self.path, self.headers.get("Host"), self.client_address[1]))
                kind, body = site.files.get(self.path, ("text/plain", None))
                self.send_response(200 if body is not None else 404)
                body = body if body is not None else b"not found\n"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            def verify_request(self, request, client_address):
                # Right after accept(), in the accepting thread: the earliest moment.
                port = client_address[1]
                owned, who = socket_owner(port, site.port, site.server_pid)
                with site.lock:
                    site.connections.append((port, owned, who))
                return True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self):
        with self.lock:
            self.connections, self.requests = [], []

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class Chromium:
    """One headless chromium run with a fresh profile, in its own process group, which is
    killed afterwards (renderer, GPU and zygote processes included)."""

    def __init__(self, work, name, url, socks_port=None, extra=(), timeout=60):
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir)
        cmd = [CHROMIUM, "--headless=new", "--no-sandbox", "--user-data-dir=" + os.path.join(self.dir, "profile"),
               "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
               "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
               "--metrics-recording-only",
               # The network time query (GET clients2.google.com/time/1/current) goes
               # through the proxy otherwise and reaches the site.
               "--disable-features=NetworkTimeServiceQuerying"]
        if socks_port:
            cmd += ["--proxy-server=socks5://127.0.0.1:%d" % socks_port, "--proxy-bypass-list=<-loopback>"]
        cmd += list(extra) + [url]
        env = dict(os.environ, HOME=self.dir)
        env.pop("DISPLAY", None)
        self.stderr_path = os.path.join(self.dir, "stderr.txt")
        t0 = time.monotonic()
        with open(self.stderr_path, "wb") as err:
            p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                 cwd=self.dir, start_new_session=True)
            try:
                out, _ = p.communicate(timeout=timeout)
                self.rc = p.returncode
            except subprocess.TimeoutExpired:
                out, self.rc = b"", "timeout after %d s" % timeout
            finally:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait()
        self.seconds = time.monotonic() - t0
        self.out = out.decode(errors="replace")

    def stderr_tail(self, n=8):
        with open(self.stderr_path, errors="replace") as f:
            lines = [l for l in f.read().splitlines() if "dbus" not in l]
        return "\n".join(lines[-n:])


def check_site(site, label, runs=1):
    """Every request on a connection of the server dispatcher's, exactly the page's requests."""
    with site.lock:
        conns, reqs = list(site.connections), list(site.requests)
    ours = [p for p, owned, _ in conns if owned]
    foreign = ["%d: %s" % (p, who) for p, owned, who in conns if not owned and who]
    # A connection opened and closed again before the site got to accept() it (a socket
    # chromium opened ahead and dropped, its tunnel torn down) has no owner left; it
    # may carry no request.
    gone = [p for p, owned, who in conns if not owned and not who]
    with_requests = set(r[2] for r in reqs)
    check(ours and not foreign and not (with_requests - set(ours)),
          "%s: the site's connections came from our server's process: %d of %d, %d closed before accept() "
          "without a request, every request on one of ours%s"
          % (label, len(ours), len(conns), len(gone), "; others: %s" % foreign if foreign else ""))
    paths = sorted(r[0] for r in reqs)
    check(paths == sorted(PAGE_PATHS * runs), "%s: the site got exactly the page's requests, %d each: %s"
          % (label, runs, paths))
    hosts = set(r[1] for r in reqs)
    check(hosts == {"127.0.0.1:%d" % site.port}, "%s: Host header as the browser addressed the site: %s"
          % (label, sorted(hosts)))
    if check.failures:
        print("  the site's connections (peer port, ours, owner): %s\n  its requests (path, Host, peer port): %s"
              % (conns, reqs))
    return len(conns)


def check_dom(site, run, label):
    dom = run.out
    ok = (run.rc == 0 and "token1 %s" % site.token1 in dom and "token2 %s" % site.token2 in dom
          and 'data-loaded="%dx%d"' % (IMG_SIDE, IMG_SIDE) in dom)
    check(ok, "%s: chromium's DOM has the page's token, the script's token and the %dx%d image loaded "
          "(rc %s, %.1f s, %d bytes of DOM)" % (label, IMG_SIDE, IMG_SIDE, run.rc, run.seconds, len(dom)))
    if not ok:
        print(dom[:2000])
        print(run.stderr_tail())


def check_png(path, width, height, label):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        data = b""
    ok = data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    w, h = struct.unpack(">II", data[16:24]) if ok else (0, 0)
    # A blank page of this size compresses to a few KB; the noise image alone is ~190 KB.
    big = len(data) > IMG_SIDE * IMG_SIDE * 3 // 2
    check(ok and (w, h) == (width, height) and big,
          "%s: a %dx%d PNG of %d bytes (the noise image rendered into it)" % (label, w, h, len(data)))


def nginx_upgrades(front):
    """How many webtunnel upgrades (status 101) nginx's access log has."""
    with open(os.path.join(front.dir, "access.log"), errors="replace") as f:
        return sum(1 for line in f if '"GET /secret HTTP/1.1" 101 ' in line)


def main():
    if not CHROMIUM:
        check(False, "chromium is installed (apt-get install chromium; scripts/setup.sh installs it)")
        check.finish("browser")
    work = tempfile.mkdtemp(prefix="ptd-browser-")
    procs, sites = [], []
    front = None
    t_start = time.monotonic()
    try:
        ca = webfront.TestCa(work)
        env = dict(os.environ, SSL_CERT_FILE=ca.ca_pem)
        version = subprocess.run([CHROMIUM, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 text=True).stdout.strip()
        print("using " + version, flush=True)

        # webtunnel: chromium -> client -> nginx (TLS) -> server -> site.
        site = Site()
        sites.append(site)
        url = "http://127.0.0.1:%d/" % site.port
        server = ptproc.Pt([BIN, "-server", "-transports", "webtunnel", "-bindaddr", "webtunnel-127.0.0.1:0",
                            "-target", "127.0.0.1:%d" % site.port, "-state", os.path.join(work, "wt-server"),
                            "-options", '{"url": "https://bridge.test/secret"}'],
                           stderr=subprocess.DEVNULL).require()
        procs.append(server)
        site.server_pid = server.pid
        front = webfront.Nginx(work, ca, [("/secret", server.port, "upgrade")])
        client = ptproc.Pt([BIN, "-client", "-mode", "socks5", "-transports", "webtunnel",
                            "-proxylistenaddr", "127.0.0.1:0", "-state", os.path.join(work, "wt-client"),
                            "-options", '{"webtunnel": {"url": "https://bridge.test:%d/secret", "addr": '
                            '"127.0.0.1:%d"}}' % (front.port, front.port)],
                           env=env, stderr=subprocess.DEVNULL).require()
        procs.append(client)
        check(client.method[1:3] == ["webtunnel", "socks5"], "client: %s" % " ".join(client.method))

        run = Chromium(work, "wt-dom", url, client.port, ["--dump-dom"])
        check_dom(site, run, "webtunnel")
        n = check_site(site, "webtunnel")
        # nginx logs an upgraded request when its tunnel ends: after chromium's exit has
        # gone through our client. Every site connection rode one upgraded tunnel; a
        # tunnel chromium opened and closed at once (a preconnect) may end before our
        # server's dial to the site, so there can be more tunnels than site connections.
        ptproc.wait_for(lambda: nginx_upgrades(front) >= n, 5)
        ups = nginx_upgrades(front)
        check(n <= ups, "webtunnel: nginx logged %d upgrade(s) to /secret for %d site connection(s)" % (ups, n))

        site.reset()
        shot = os.path.join(work, "wt-shot", "screenshot.png")
        run = Chromium(work, "wt-shot", url, client.port, ["--screenshot=" + shot, "--window-size=800,600",
                                                           "--hide-scrollbars"])
        check(run.rc == 0, "webtunnel screenshot run: rc %s (%.1f s)" % (run.rc, run.seconds))
        check_png(shot, 800, 600, "webtunnel screenshot")
        check_site(site, "webtunnel screenshot")

        # Control: without the proxy chromium reaches the site itself, and the check sees it.
        # A site of its own, with our server as the owner to look for: a late connection of
        # the runs above (a preconnect our server dials after chromium left, seen under
        # TSan) cannot land in the control's list.
        csite = Site()
        sites.append(csite)
        csite.server_pid = server.pid
        run = Chromium(work, "direct", "http://127.0.0.1:%d/" % csite.port, None, ["--dump-dom"])
        with csite.lock:
            conns = list(csite.connections)
        check(run.rc == 0 and csite.token1 in run.out and conns and not any(owned for _, owned, _ in conns),
              "control without the proxy: the page loads and the site sees its %d connection(s) come from "
              "another process: %s" % (len(conns), sorted(set(str(who) for _, _, who in conns))))

        # meek_lite: chromium -> client -> server (TLS itself) -> site.
        msite = Site()
        sites.append(msite)
        murl = "http://127.0.0.1:%d/" % msite.port
        mserver = ptproc.Pt([BIN, "-server", "-transports", "meek_lite", "-bindaddr", "meek_lite-127.0.0.1:0",
                             "-target", "127.0.0.1:%d" % msite.port, "-state", os.path.join(work, "meek-server"),
                             "-options", '{"cert": "%s", "key": "%s"}' % (ca.cert_pem, ca.key_pem)],
                            stderr=subprocess.DEVNULL).require()
        procs.append(mserver)
        msite.server_pid = mserver.pid
        mclient = ptproc.Pt([BIN, "-client", "-mode", "socks5", "-transports", "meek_lite",
                             "-proxylistenaddr", "127.0.0.1:0", "-state", os.path.join(work, "meek-client"),
                             "-options", '{"meek_lite": {"url": "https://localhost:%d/"}}' % mserver.port],
                            env=env, stderr=subprocess.DEVNULL).require()
        procs.append(mclient)
        check(mclient.method[1:3] == ["meek_lite", "socks5"], "client: %s" % " ".join(mclient.method))
        run = Chromium(work, "meek-dom", murl, mclient.port, ["--dump-dom"])
        check_dom(msite, run, "meek_lite")
        check_site(msite, "meek_lite")
        check(all(p.alive() for p in procs), "the dispatchers still run")
    finally:
        check.tear_down(work, procs + sites, front)
    print("run time %.1f s" % (time.monotonic() - t_start))
    check.finish("browser")


if __name__ == "__main__":
    main()
