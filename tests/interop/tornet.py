#!/usr/bin/env python3
"""Real tor carrying an application payload through ptdispatcher, over a private Tor
network on 127.0.0.1 (tests/common/tornet.py: 3 authorities, a middle relay, an exit
that may reach 127.0.0.0/8 only).

A tor bridge (ServerTransportPlugin … exec ptdispatcher, Extended ORPort) and a tor
client (UseBridges, ClientTransportPlugin … exec ptdispatcher, the bridge line) join
the network; the client bootstraps to 100% through our PT, then a loopback HTTP server
is reached through the client's SocksPort (client → PT → bridge → middle → exit →
server): a download and an upload, each checked by SHA-256. The bridge must also have
seen the client through the Extended ORPort with the transport's name. Every run also
proves the loopback rule: a stream to 192.0.2.1 reaches the exit and its connect() is
refused by the kernel (EINVAL, the exit's sockets leave from 127.0.0.1), and no socket
of any tor, PT or nginx involved touches an address outside loopback.

Transports: obfs4; webtunnel (the bridge's PT behind nginx terminating TLS with a test
CA, `location /secret`; the client with url=/addr= and SSL_CERT_FILE); meek_lite (our
meek server behind nginx, the client domain-fronted: front=127.0.0.1:<nginx>, Host
from url=).

CTest runs it as a fixture (labels tornet, interop): the network is bootstrapped once
per test run and shared:
  tornet.py setup   DIR              starts a keeper process that builds and runs the
                                     network, waits until it is ready, prints the time
  tornet.py run     TRANSPORT DIR PT one transport over the running network
  tornet.py cleanup DIR              stops the keeper and every node
By hand (own network, then stopped; its directory is kept when a check fails):
  tornet.py all PT [TRANSPORT...]
TORNET_CLIENT_EXTRA="Option value;Option value" adds lines to the client's torrc (for
debugging by hand, e.g. "Log [circ]debug file /tmp/circ.log").
The keeper and every tor it starts end by themselves after --lifetime seconds (tor's
__OwningControllerProcess follows the keeper), so an interrupted run leaves nothing
behind for long; the next setup also stops what a previous one left.
"""
import hashlib
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402
import tornet  # noqa: E402

TRANSPORTS = ("obfs4", "webtunnel", "meek_lite")
MIB = 1024 * 1024
# Payload sizes: meek is slow by design (one HTTP round trip per ≤ 64 KiB).
DOWNLOAD = {"obfs4": 4 * MIB, "webtunnel": 4 * MIB, "meek_lite": 2 * MIB}
UPLOAD = {"obfs4": 1 * MIB, "webtunnel": 1 * MIB, "meek_lite": 512 * 1024}
LIFETIME = 3 * 3600


def log(msg):
    print(msg, flush=True)


# ---- the keeper: owns the network's tor processes ------------------------------------
def keep(root, lifetime):
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    net = tornet.Network(root)
    net.keeper_pid = os.getpid()
    try:
        for attempt in (1, 2):
            t0 = time.time()
            net = tornet.Network.create(os.path.join(root, "net%d" % attempt), root=root)
            net.keeper_pid = os.getpid()
            keys = time.time() - t0
            net.start(owner_pid=os.getpid())
            net.save()
            try:
                consensus = net.wait_ready(180)
                break
            except RuntimeError as e:
                # A port taken by someone else between our check and tor's bind: once
                # more with new ports.
                if attempt == 2 or "Address already in use" not in str(e) + net.stdout_tails():
                    raise
                log("retrying with new ports: %s" % e)
                net.stop()
        net.bootstrap_seconds = keys + consensus
        net.timing = "keys %.1f s, first usable consensus %.1f s after start" % (keys, consensus)
        net.save()
    except Exception as e:  # noqa: BLE001 — the reason goes to the state file for setup to print
        net.status = "failed"
        net.error = str(e)
        net.save()
        net.stop()
        return 1
    end = time.time() + lifetime
    stopfile = os.path.join(root, "stop")
    while not stop.is_set() and time.time() < end and not os.path.exists(stopfile):
        dead = net.dead_nodes()
        if dead and net.status == "ready":
            net.status = "failed"
            net.error = "tor exited: %s\n%s" % (", ".join(n.name for n in dead), net.describe_logs())
            net.save()
        stop.wait(1)
    net.stop()
    if net.status == "ready":
        net.status = "stopped"
        net.error = ("stopped after its lifetime of %d s" % lifetime if time.time() >= end
                     else "stopped by tornet/cleanup")
    net.save()
    return 0


def stop_previous(root):
    """Stops a network a previous run left behind (keeper first, then its nodes)."""
    try:
        old = tornet.Network.load(root)
    except RuntimeError:
        return
    if tornet.keeper_alive(old.keeper_pid, root):
        os.kill(old.keeper_pid, signal.SIGTERM)
        ptproc.wait_for(lambda: not tornet.keeper_alive(old.keeper_pid, root), 10)
    old.stop(grace=3)


def setup(root, lifetime):
    tornet.tor_binary()
    root = os.path.abspath(root)
    stop_previous(root)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    t0 = time.time()
    with open(os.path.join(root, "keeper.log"), "wb") as out:
        keeper = subprocess.Popen([sys.executable, os.path.abspath(__file__), "keep", root, str(lifetime)],
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)

    def settled():
        try:
            return tornet.Network.load(root).status in ("ready", "failed", "stopped")
        except RuntimeError:
            return keeper.poll() is not None
    ptproc.wait_for(settled, 240)
    try:
        net = tornet.Network.load(root)
    except RuntimeError as e:
        keeper.kill()
        raise SystemExit("FAIL keeper wrote no state: %s\n%s" % (e, open(os.path.join(root, "keeper.log")).read()))
    if net.status != "ready":
        stop_previous(root)
        raise SystemExit("FAIL private Tor network not ready (%s): %s" % (net.status, net.error))
    foreign = tornet.foreign_sockets(tornet.with_children([n.pid for n in net.nodes]))
    if foreign:
        stop_previous(root)
        raise SystemExit("FAIL sockets outside loopback: %s" % "; ".join(foreign))
    log("ok   private Tor network on 127.0.0.1: %d nodes (%s), ready in %.1f s (%s); state in %s"
        % (len(net.nodes), ", ".join(n.name for n in net.nodes), time.time() - t0, net.timing, root))
    for line in net.dirauthority_lines():
        log("     " + line)
    # The keeper is not our child to wait for: it outlives this test on purpose.
    return 0


def cleanup(root):
    root = os.path.abspath(root)
    try:
        net = tornet.Network.load(root)
    except RuntimeError as e:
        log("nothing to stop: %s" % e)
        return 0
    open(os.path.join(root, "stop"), "w").close()
    if tornet.keeper_alive(net.keeper_pid, root):
        os.kill(net.keeper_pid, signal.SIGTERM)
        ptproc.wait_for(lambda: not tornet.keeper_alive(net.keeper_pid, root), 15)
    net.stop(grace=3)
    left = net.running()
    if tornet.keeper_alive(net.keeper_pid, root) or left:
        log("FAIL still running: keeper %s, nodes %s" % (net.keeper_pid, [n.name for n in left]))
        return 1
    log("ok   private Tor network stopped (it ran %.0f s)" % (time.time() - net.started))
    return 0


# ---- one transport over the network ---------------------------------------------------
class PayloadServer:
    """A loopback HTTP server: GET /payload returns `size` random bytes, POST /upload
    answers the SHA-256 of the body it read."""

    def __init__(self, size):
        self.payload = os.urandom(size)
        self.digest = hashlib.sha256(self.payload).hexdigest()
        self.requests = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                outer.requests.append(("GET", self.path, self.client_address[0]))
                if self.path != "/payload":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(outer.payload)))
                self.end_headers()
                self.wfile.write(outer.payload)

            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                outer.requests.append(("POST", self.path, self.client_address[0]))
                answer = ("%s %d" % (hashlib.sha256(body).hexdigest(), len(body))).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def http_via_socks(socks_port, http_port, request, timeout=120):
    """Sends `request` to 127.0.0.1:http_port through tor's SocksPort; returns (status
    line, body). Raises OSError on a SOCKS refusal or a timeout."""
    s = ptproc.socks5_connect(socks_port, http_port, dest_host="127.0.0.1", timeout=timeout)
    try:
        s.settimeout(timeout)
        s.sendall(request)
        data = bytearray()
        while True:
            d = s.recv(65536)
            if not d:
                break
            data += d
    finally:
        s.close()
    head, _, body = bytes(data).partition(b"\r\n\r\n")
    return head.split(b"\r\n", 1)[0].decode(errors="replace"), body


class Tor:
    """A tor process (bridge or client) started by a test, logs in its data directory."""

    def __init__(self, datadir, torrc, env=None):
        self.dir = datadir
        path = os.path.join(datadir, "torrc")
        with open(path, "w") as f:
            f.write(torrc)
        out = open(os.path.join(datadir, "stdout.log"), "wb")
        self.started = time.time()
        self.p = subprocess.Popen([tornet.tor_binary(), "-f", path, "--RunAsDaemon", "0"], env=env,
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        out.close()

    def read(self, name):
        try:
            with open(os.path.join(self.dir, name), errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def has(self, name, text):
        return text in self.read(name)

    def wait_log(self, name, text, timeout):
        """Seconds since start when `text` showed up in the log, or None (also when tor exits)."""
        end = time.time() + timeout
        while time.time() < end and self.p.poll() is None:
            if self.has(name, text):
                return time.time() - self.started
            time.sleep(0.2)
        return time.time() - self.started if self.has(name, text) else None

    def tail(self, name="notice.log", n=25):
        return "".join(self.read(name).splitlines(True)[-n:])

    def stop(self):
        ptproc.stop_process(self.p)


def pt_lines(tor_, n=15):
    """What tor logged about its managed proxy (launch, its LOG lines, its stderr),
    without the once-a-second STATUS lines."""
    keep = [l for l in tor_.read("info.log").splitlines()
            if "managed proxy" in l.lower() and "STATUS TRANSPORT=" not in l]
    return "\n".join(keep[-n:])


class Deadline:
    """One time budget for a whole run, so that the harness always ends (and stops
    its children) before CTest's TIMEOUT would kill it."""

    def __init__(self, seconds):
        self.end = time.time() + seconds

    def left(self, want):
        return max(1.0, min(want, self.end - time.time()))


def exit_connect_refusals(net):
    """How often the exit logged a connect() refused by the kernel (EINVAL: a socket
    bound to 127.0.0.1 cannot reach an address outside 127.0.0.0/8)."""
    exit_node = next(n for n in net.nodes if n.role == "exit")
    try:
        with open(os.path.join(exit_node.dir, "info.log"), errors="replace") as f:
            return f.read().count("connect() to socket failed: Invalid argument")
    except OSError:
        return 0


def run_transport(net, transport, pt, workroot, budget=420):
    """Bridge + client over `net` with `transport`; returns a list of failed checks."""
    if transport not in TRANSPORTS:
        raise SystemExit("unknown transport %s (one of %s)" % (transport, ", ".join(TRANSPORTS)))
    import webfront
    check = ptproc.Checks()
    deadline = Deadline(budget)
    pt = os.path.abspath(pt)
    work = os.path.join(workroot, "run-" + transport)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    bridge = client = front = None
    server = PayloadServer(DOWNLOAD[transport])

    def diagnose():
        for name, t in (("client", client), ("bridge", bridge)):
            if t:
                log("--- %s notice.log\n%s--- %s stdout\n%s--- %s PT\n%s"
                    % (name, t.tail(), name, t.tail("stdout.log", 8), name, pt_lines(t)))
        if front:
            log("--- nginx error.log\n" + front.log_tail())

    try:
        bdir, cdir = os.path.join(work, "bridge"), os.path.join(work, "client")
        for d in (bdir, cdir):
            os.makedirs(d, mode=0o700)
        ports = tornet.Ports()
        ports.used.update(n.orport for n in net.nodes)
        ports.used.update(n.dirport for n in net.nodes)
        orport, ptport, socks = ports.take(), ports.take(), ports.take()
        client_env = dict(os.environ)
        server_opts = ""
        if transport == "obfs4":
            server_opts = "ServerTransportOptions obfs4 iat-mode=0\n"
        elif transport == "webtunnel":
            # The bridge's PT listens for plain HTTP behind nginx (TLS, test CA), which
            # forwards the secret path with the upgrade headers and X-Forwarded-For.
            ca = webfront.TestCa(work)
            front = webfront.Nginx(work, ca, [("/secret", ptport, "upgrade")])
            url = "https://bridge.test:%d/secret" % front.port
            server_opts = "ServerTransportOptions webtunnel url=%s\n" % url
            client_env["SSL_CERT_FILE"] = ca.ca_pem
        else:
            # Our meek server behind nginx standing in for a CDN: TLS and SNI to the
            # front (127.0.0.1), Host from the URL (meek.test).
            ca = webfront.TestCa(work)
            front = webfront.Nginx(work, ca, [("/meek/", ptport, "plain")])
            client_env["SSL_CERT_FILE"] = ca.ca_pem

        pt_cmd = "%s -ipcLogLevel INFO" % pt
        bridge = Tor(bdir, net.torrc_common(bdir, "bridge", owner_pid=os.getpid()) + """SocksPort 0
Address 127.0.0.1
ORPort 127.0.0.1:%d
BridgeRelay 1
PublishServerDescriptor 0
ExitRelay 0
ExitPolicy reject *:*
ExtORPort auto
ServerTransportPlugin %s exec %s
ServerTransportListenAddr %s 127.0.0.1:%d
%sLogMessageDomains 1
Log [general]debug file %s/proof.log
""" % (orport, transport, pt_cmd, transport, ptport, server_opts, bdir))
        registered = bridge.wait_log("notice.log", "Registered server transport '%s'" % transport,
                                     deadline.left(60))
        check(registered is not None, "bridge tor launched our PT and registered %s (%.1f s)"
              % (transport, registered or -1))
        # A client that asks the bridge for a consensus before the bridge has one backs
        # off for a while: start it only once the bridge has bootstrapped.
        booted = bridge.wait_log("notice.log", "Bootstrapped 100%", deadline.left(90))
        check(booted is not None, "bridge joined the network (Bootstrapped 100%% after %.1f s)" % (booted or -1))
        if registered is None or booted is None:
            diagnose()
            return check.failures
        with open(os.path.join(bdir, "fingerprint")) as f:
            fp = f.read().split()[1]

        if transport == "obfs4":
            # "Bridge obfs4 <IP ADDRESS>:<PORT> <FINGERPRINT> cert=… iat-mode=0"
            with open(os.path.join(bdir, "pt_state", "obfs4_bridgeline.txt")) as f:
                args = re.search(r"^Bridge obfs4 .* (cert=\S+ iat-mode=\d)\s*$", f.read(), re.M).group(1)
            line = "obfs4 127.0.0.1:%d %s %s" % (ptport, fp, args)
        elif transport == "webtunnel":
            # As bridges.torproject.org hands them out, with a placeholder address that is
            # never dialled (the PT dials addr=, the front).
            line = "webtunnel 192.0.2.3:443 %s url=%s ver=0.0.1 addr=127.0.0.1:%d" % (fp, url, front.port)
        else:
            line = "meek_lite 192.0.2.18:80 %s url=https://meek.test/meek/ front=127.0.0.1:%d" % (fp, front.port)
        log("     Bridge %s" % line)
        extra = os.environ.get("TORNET_CLIENT_EXTRA", "").replace(";", "\n")  # for debugging by hand
        client = Tor(cdir, net.torrc_common(cdir, "client", owner_pid=os.getpid()) + """SocksPort 127.0.0.1:%d
UseBridges 1
ClientTransportPlugin %s exec %s
Bridge %s
%s
""" % (socks, transport, pt_cmd, line, extra), env=client_env)
        done = client.wait_log("notice.log", "Bootstrapped 100%", deadline.left(150))
        check(client.has("info.log", "Successfully registered transport %s" % transport),
              "client tor launched our PT for %s" % transport)
        check(done is not None, "client bootstrapped to 100%% through the bridge (%.1f s)" % (done or -1))
        if done is None:
            diagnose()
            return check.failures

        t0 = time.time()
        try:
            status, body = http_via_socks(socks, server.port, b"GET /payload HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
                                          deadline.left(90))
        except OSError as e:
            status, body = "error: %s" % e, b""
        secs = time.time() - t0
        got = hashlib.sha256(body).hexdigest()
        check(status.startswith("HTTP/1.0 200") and got == server.digest,
              "download through tor (client -> %s -> bridge -> middle -> exit -> HTTP server): %d bytes, "
              "SHA-256 %s, %.1f s, %.2f MB/s (%s)" % (transport, len(body), "intact" if got == server.digest
                                                     else "WRONG", secs, len(body) / MIB / max(secs, 1e-3), status))

        up = os.urandom(UPLOAD[transport])
        t0 = time.time()
        try:
            status, body = http_via_socks(socks, server.port, b"POST /upload HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                                          b"Content-Length: %d\r\n\r\n" % len(up) + up, deadline.left(90))
        except OSError as e:
            status, body = "error: %s" % e, b""
        secs = time.time() - t0
        want = ("%s %d" % (hashlib.sha256(up).hexdigest(), len(up))).encode()
        check(body == want, "upload through tor: %d bytes, server's SHA-256 %s, %.1f s, %.2f MB/s (%s)"
              % (len(up), "matches" if body == want else "DIFFERS: %r" % body[:80], secs,
                 len(up) / MIB / max(secs, 1e-3), status))

        # The exit may reach loopback only: a stream to a documentation address
        # (TEST-NET-1, never routed) must fail at the exit, whose sockets leave from
        # 127.0.0.1 (OutboundBindAddress) and so cannot connect outside 127.0.0.0/8.
        refusals = exit_connect_refusals(net)
        t0 = time.time()
        try:
            ptproc.socks5_connect(socks, 80, dest_host="192.0.2.1", timeout=deadline.left(60)).close()
            outside = "connected"
        except OSError as e:
            outside = str(e)
        check(outside.startswith("SOCKS reply") and
              ptproc.wait_for(lambda: exit_connect_refusals(net) > refusals, 5),
              "a stream to 192.0.2.1:80 reached the exit and its connect() was refused by the kernel "
              "(EINVAL in the exit's log; client: %s after %.1f s)" % (outside, time.time() - t0))
        pids = [n.pid for n in net.nodes] + [bridge.p.pid, client.p.pid] + ([front.p.pid] if front else [])
        foreign = tornet.foreign_sockets(tornet.with_children(pids))
        check(not foreign, "no socket of the network, the bridge, the client, their PTs or nginx left loopback%s"
              % (": " + "; ".join(foreign) if foreign else ""))

        proof = bridge.read("proof.log")
        check("Got client's hash and it was legit" in proof,
              "bridge authenticated our PT on the Extended ORPort (SAFE_COOKIE)")
        check("with transport '%s'" % transport in proof,
              "bridge saw the client through the Extended ORPort with transport '%s'" % transport)
        check(bridge.p.poll() is None and client.p.poll() is None, "bridge and client tor still run")
        if front:
            # nginx logs an upgraded (webtunnel) request when its connection ends.
            client.stop()
            bridge.stop()
            front.stop()
            with open(os.path.join(front.dir, "access.log"), errors="replace") as f:
                access = f.read()
            wanted = '"GET /secret HTTP/1.1" 101' if transport == "webtunnel" else '"POST /meek/ HTTP/1.1" 200'
            check(wanted in access, "nginx front carried it: %s (%d of %d requests)"
                  % (wanted, access.count(wanted), access.count("\n")))
        if check.failures:
            diagnose()
    finally:
        for t in (client, bridge):
            if t:
                t.stop()
        if front:
            front.stop()
        server.stop()
    return check.failures


def require_network(root):
    net = tornet.Network.load(root)
    if net.status != "ready":
        raise SystemExit("FAIL private Tor network is %s%s" % (net.status, ": " + net.error if net.error else
                                                              " (did tornet/setup run, or did cleanup run early?)"))
    if not tornet.keeper_alive(net.keeper_pid, root):
        raise SystemExit("FAIL the network's keeper (pid %d) is gone" % net.keeper_pid)
    dead = [n.name for n in net.nodes if n not in net.running()]
    if dead:
        raise SystemExit("FAIL nodes of the private Tor network not running: %s" % ", ".join(dead))
    return net


def finish(transport, failures):
    if failures:
        log("%d check(s) failed for %s:" % (len(failures), transport))
        for f in failures:
            log("  " + f)
        return 1
    log("all tornet %s checks passed" % transport)
    return 0


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd = argv[1]
    if cmd != "keep":
        # A stopped run still stops its tor, PTs and nginx (the finally blocks).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit("FAIL terminated"))
    try:
        if cmd == "keep":
            return keep(os.path.abspath(argv[2]), float(argv[3]) if len(argv) > 3 else LIFETIME)
        if cmd == "setup":
            return setup(argv[2], float(argv[3]) if len(argv) > 3 else LIFETIME)
        if cmd == "cleanup":
            return cleanup(argv[2])
        if cmd == "run":
            transport, root, pt = argv[2], os.path.abspath(argv[3]), argv[4]
            tornet.tor_binary()
            net = require_network(root)
            return finish(transport, run_transport(net, transport, pt, root))
        if cmd == "all":
            pt, transports = argv[2], argv[3:] or list(TRANSPORTS)
            import tempfile
            root = tempfile.mkdtemp(prefix="ptd-tornet-")
            rc = 1
            net = tornet.Network.create(os.path.join(root, "net"))
            net.start(owner_pid=os.getpid())
            try:
                log("ok   private Tor network ready after %.1f s" % net.wait_ready(180))
                rc = 0
                for t in transports:
                    rc |= finish(t, run_transport(net, t, pt, root))
                return rc
            finally:
                net.stop()
                if rc == 0:
                    shutil.rmtree(root, ignore_errors=True)
                else:
                    log("logs kept in %s" % root)
    except RuntimeError as e:
        log("FAIL %s" % e)
        return 1
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
