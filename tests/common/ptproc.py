"""Shared helpers for the Python harnesses (tests/soak, tests/integration/probing.py,
bench/*.py, scripts/demo.py): launching a dispatcher (ours, or obfs4proxy under the
TOR_PT_* interface) and reading its method lines, stopping a subprocess, threaded TCP
targets (an echo among them), a SOCKS5 CONNECT, and /proc readings.
Standard library only; loopback only.

Import it with:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "<relative path to tests/common>"))
    import ptproc
"""
import os
import shutil
import resource
import shlex
import socket
import struct
import subprocess
import threading
import time

DONE_LINES = ("CMETHODS DONE", "SMETHODS DONE")


def hostport(addr):
    """'127.0.0.1:80' or '[::1]:80' -> (host, port)."""
    host, port = addr.rsplit(":", 1)
    return host.strip("[]"), int(port)


def parse_args_field(field):
    """The ARGS: field of an SMETHOD line -> dict (backslash-escaped commas kept)."""
    out = {}
    if not field.startswith("ARGS:"):
        return out
    for kv in field[5:].replace("\\,", "\0").split(","):
        k, _, v = kv.partition("=")
        out[k] = v.replace("\0", ",")
    return out


def raise_nofile():
    """RLIMIT_NOFILE up to its hard limit (for a process holding thousands of sockets)."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _preexec(nofile):
    def run():
        if nofile == "max":
            raise_nofile()
        elif nofile:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
    return run if nofile else None


class Pt:
    """A dispatcher child process. Reads stdout up to CMETHODS/SMETHODS DONE (or EOF),
    keeps every CMETHOD/SMETHOD line as a split list in .methods, then keeps reading in
    the background into .lines (so the child never blocks on a full pipe).

    cmd: the whole argv; env: the child's environment (None: ours); nofile: an
    RLIMIT_NOFILE for the child, or "max" for the hard limit; stderr: where stderr
    goes (default: into .lines with stdout); echo: a prefix to print each line with."""

    def __init__(self, cmd, env=None, nofile=None, stderr=subprocess.STDOUT, echo=None, timeout=30):
        self.started = time.perf_counter()
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                  text=True, env=env, preexec_fn=_preexec(nofile))
        self.echo = echo
        self.lines = []
        self.methods = []
        self.done = False
        timer = threading.Timer(timeout, self.p.kill)  # a child that never says DONE
        timer.start()
        try:
            for line in self.p.stdout:
                self._keep(line)
                parts = line.split()
                if parts[:1] in (["CMETHOD"], ["SMETHOD"]):
                    self.methods.append(parts)
                if line.strip() in DONE_LINES:
                    self.done = True
                    break
        finally:
            timer.cancel()
        self.startup_seconds = time.perf_counter() - self.started
        threading.Thread(target=self._drain, daemon=True).start()

    def _keep(self, line):
        line = line.rstrip("\n")
        self.lines.append(line)
        if self.echo:
            print("%s%s" % (self.echo, line), flush=True)

    def _drain(self):
        for line in self.p.stdout:
            self._keep(line)

    def require(self):
        """Raises RuntimeError unless the child said DONE with at least one method."""
        if not self.done or not self.methods:
            self.stop()
            raise RuntimeError("no method line before DONE from %s; it said: %s"
                               % (" ".join(self.p.args), self.lines[-5:]))
        return self

    @property
    def method(self):
        return self.methods[0] if self.methods else None

    @property
    def addr(self):
        """The first method's listening address: CMETHOD's 4th field, SMETHOD's 3rd."""
        m = self.method
        return m[3] if m[0] == "CMETHOD" else m[2]

    @property
    def port(self):
        return hostport(self.addr)[1]

    @property
    def args(self):
        """The first SMETHOD's ARGS: as a dict (empty for a CMETHOD)."""
        m = self.method
        return parse_args_field(m[3]) if m[0] == "SMETHOD" and len(m) > 3 else {}

    @property
    def pid(self):
        return self.p.pid

    def fds(self):
        return len(os.listdir("/proc/%d/fd" % self.p.pid))

    def rss_kib(self):
        return rss_kib(self.p.pid)

    def alive(self):
        return self.p.poll() is None

    def last_status(self):
        """The newest STATUS line's KEY=VALUE fields as a dict."""
        for line in reversed(self.lines):
            if line.startswith("STATUS "):
                # LAST-ERROR-TEXT="..." is quoted (C escapes) when it holds spaces.
                try:
                    items = shlex.split(line)[1:]
                except ValueError:
                    items = line.split()[1:]
                return dict(kv.split("=", 1) for kv in items if "=" in kv)
        return {}

    def stop(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def stop_process(p, grace=5):
    """Ends a subprocess.Popen: SIGTERM, up to `grace` seconds to exit, then SIGKILL;
    always reaped. Nothing happens to one that has already exited."""
    if p.poll() is None:
        p.terminate()
        try:
            p.wait(grace)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


class TcpTarget:
    """A threaded TCP target on 127.0.0.1 (an ephemeral port): a thread accepts
    connections and runs handler(conn) for each in a thread of its own (the handler
    closes conn). .port; .accepted counts the connections accepted (under .lock, which
    handlers may use for counts of their own); close() stops accepting."""

    def __init__(self, handler, backlog=64, reuse_addr=False):
        self.handler = handler
        self.accepted = 0
        self.lock = threading.Lock()
        self.srv = socket.socket()
        if reuse_addr:
            self.srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(backlog)
        self.port = self.srv.getsockname()[1]
        threading.Thread(target=self._accept_loop, daemon=True).start()

    def _accept_loop(self):
        while True:
            try:
                c, _ = self.srv.accept()
            except OSError:
                return
            with self.lock:
                self.accepted += 1
            threading.Thread(target=self.handler, args=(c,), daemon=True).start()

    def close(self):
        try:
            self.srv.shutdown(socket.SHUT_RDWR)  # wakes the accept loop
        except OSError:
            pass
        self.srv.close()


def serve_echo(c):
    """A TcpTarget handler: echoes until the client half-closes, then passes that on."""
    try:
        while True:
            d = c.recv(65536)
            if not d:
                c.shutdown(socket.SHUT_WR)
                break
            c.sendall(d)
    except OSError:
        pass
    finally:
        c.close()


def echo_server(backlog=1024):
    """A threaded TCP echo target on 127.0.0.1; a client's half-close is passed on.
    Returns (listening socket, port)."""
    t = TcpTarget(serve_echo, backlog, reuse_addr=True)
    return t.srv, t.port


def recv_n(s, n):
    """Up to n bytes (fewer only if the peer closes)."""
    got = bytearray()
    while len(got) < n:
        d = s.recv(min(65536, n - len(got)))
        if not d:
            break
        got += d
    return bytes(got)


def socks5_connect(port, dest_port, user=None, dest_host="127.0.0.1", timeout=10, host="127.0.0.1"):
    """Opens a SOCKS5 CONNECT through 127.0.0.1:port to dest_host:dest_port. With user, it
    authenticates with username/password (RFC 1929), the way PT arguments are passed
    (user = 'k=v;k=v', password a single NUL). Returns the socket; raises OSError with
    the reply code on a refusal."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        if user:
            s.sendall(b"\x05\x01\x02")
            if recv_n(s, 2) != b"\x05\x02":
                raise OSError("SOCKS server refused username/password authentication")
            u = user.encode()
            s.sendall(b"\x01" + bytes([len(u)]) + u + b"\x01\x00")
            if recv_n(s, 2)[1:2] != b"\x00":
                raise OSError("SOCKS authentication failed")
        else:
            s.sendall(b"\x05\x01\x00")
            if recv_n(s, 2) != b"\x05\x00":
                raise OSError("SOCKS server refused no-authentication")
        s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton(dest_host) + struct.pack(">H", dest_port))
        rep = recv_n(s, 10)
        if len(rep) < 10:
            raise OSError("closed during the SOCKS reply")
        if rep[1] != 0:
            raise OSError("SOCKS reply %d" % rep[1])
        return s
    except BaseException:
        s.close()
        raise


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tcp_count(port, state, remote=False):
    """How many TCP sockets in `state` ("0A" listening, "01" established) have local
    port `port` (with remote=True: remote port), host-wide from /proc/net/tcp*, so that
    checking does not connect (a connection would reach, say, iperf3 -s, which takes
    any connection for a test) and works for processes we have no pid of (wine)."""
    want = ":%04X" % port
    column = 2 if remote else 1
    n = 0
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(name) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if fields[column].endswith(want) and fields[3] == state:
                        n += 1
        except OSError:
            pass
    return n


def listening(port):
    """True when some socket listens on TCP port (any address)."""
    return tcp_count(port, "0A") > 0


def wait_listening(port, timeout=10):
    if not wait_for(lambda: listening(port), timeout):
        raise RuntimeError("nothing listens on port %d" % port)


def wait_for(pred, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.1)
    return pred()


class Checks:
    """ok/FAIL lines and a failure count for the standalone harnesses."""

    def __init__(self):
        self.failures = []

    def __call__(self, cond, what):
        print(("ok   " if cond else "FAIL ") + what, flush=True)
        if not cond:
            self.failures.append(what)

    def tear_down(self, work, stoppables, front=None):
        """The end of a harness run: stops every process and server in order, then the
        web front (printing its log's tail if a check failed), and removes the work
        directory unless a check failed (then it is kept for a look)."""
        for s in stoppables:
            if s:
                s.stop()
        if front:
            if self.failures:
                print(front.log_tail())
            front.stop()
        if not self.failures:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("work directory kept: " + work)

    def finish(self, what):
        if self.failures:
            print("%d check(s) failed:" % len(self.failures))
            for f in self.failures:
                print("  " + f)
            raise SystemExit(1)
        print("all %s checks passed" % what)
