#!/usr/bin/env python3
"""Launches a dispatcher the way a parent application does (a command prefix, flags, pipes
for stdin/stdout/stderr) and checks it against real Linux peers on loopback: IPC line
order, ENV-ERROR/VERSION-ERROR and their exit codes, stdin-close shutdown, SOCKS5 and
transparent-TCP over plain, obfs4 both ways with obfs4proxy, shadow to ss-server, an
upstream SOCKS5 proxy (microsocks), transparent-UDP to dnsmasq, and `-check` (its one
line and exit code: ok, refused, timeout, invalid).

Written for the Windows build under wine (the pid we hold is the wine loader's, so
nothing here reads /proc/<pid>), developed against the Linux binary:

    python3 tests/windows/harness.py --cmd /work/main/build/dispatcher/ptdispatcher
    python3 tests/windows/harness.py --cmd "wine /path/ptdispatcher.exe" \
        --server-cmd /path/linux/ptdispatcher --stdin-grace 5

One line per check, `ok NAME` or `FAIL NAME: why`, then `N passed, M failed`; the exit
status is 1 when any check failed. Standard library only; loopback only.
"""
import argparse
import atexit
import getpass
import hashlib
import json
import os
import queue
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
import ptproc  # noqa: E402

MiB = 1024 * 1024


class Fail(Exception):
    """A check's assertion failed; the message says why."""


def expect(cond, why):
    if not cond:
        raise Fail(why)


# ---------------------------------------------------------------------------------------
# Processes: every child goes into _ALL so that nothing outlives the harness.

_ALL = []
_ALL_LOCK = threading.Lock()


def _register(p):
    with _ALL_LOCK:
        _ALL.append(p)
    return p


def stop(p, grace):
    """Close stdin (the graceful stop for a PT), SIGTERM, and SIGKILL after grace seconds."""
    if p.poll() is None and p.stdin:
        try:
            p.stdin.close()
        except OSError:
            pass
    if p.poll() is None:
        try:
            p.wait(min(0.5, grace))
        except subprocess.TimeoutExpired:
            pass
    if p.poll() is None:
        try:
            p.terminate()
            p.wait(grace)
        except subprocess.TimeoutExpired:
            pass
        except OSError:
            pass
    if p.poll() is None:
        try:
            p.kill()
        except OSError:
            pass
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            pass


def stop_all(grace):
    with _ALL_LOCK:
        procs = list(_ALL)
        _ALL.clear()
    for p in procs:
        stop(p, grace)


def tail(path, n=6):
    try:
        with open(path, errors="replace") as f:
            lines = [ln.rstrip("\r\n") for ln in f if ln.strip()]
        return " | ".join(lines[-n:]) or "(nothing)"
    except OSError:
        return "(no log)"


def our_env():
    """The harness's environment minus TOR_PT_* (which would switch ours into Tor mode)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("TOR_PT_")}


def tor_env(**pt):
    env = our_env()
    env["TOR_PT_MANAGED_TRANSPORT_VER"] = "1"
    env["TOR_PT_EXIT_ON_STDIN_CLOSE"] = "1"
    env.update(pt)
    return env


def popen(argv, what, **kw):
    try:
        return subprocess.Popen(argv, **kw)
    except OSError as e:
        raise Fail("%s: cannot start %s: %s" % (what, " ".join(argv), e))


class Ctx:
    """What one check started: processes, sockets, directories; close() undoes it all."""

    def __init__(self, h, name):
        self.h = h
        self.name = name
        self.procs = []
        self.socks = []
        self.n = 0

    def log_path(self, what):
        self.n += 1
        return os.path.join(self.h.logdir, "%s.%d.%s.stderr" % (self.name, self.n, what))

    def tmpdir(self, what):
        d = tempfile.mkdtemp(prefix="%s-%s-" % (self.name, what), dir=self.h.logdir)
        return os.path.abspath(d)

    def pt(self, argv, env=None, what="pt", require=True):
        """A dispatcher (ours or obfs4proxy) read up to its METHODS DONE line with
        ptproc.Pt; stderr goes to a log file (parents read stdout for the protocol)."""
        log = self.log_path(what)
        with open(log, "w") as errf:
            try:
                pt = ptproc.Pt(argv, env=env if env is not None else our_env(), stderr=errf,
                               echo=("[%s %s] " % (self.name, what)) if self.h.verbose else None,
                               timeout=self.h.start_timeout)
            except OSError as e:
                raise Fail("%s: cannot start %s: %s" % (what, " ".join(argv), e))
        pt.stderr_log = log
        self.procs.append(_register(pt.p))
        if require and (not pt.done or not pt.methods):
            raise Fail("%s: no method line before DONE within %ds (rc %s); stdout: %s; stderr: %s"
                       % (what, self.h.start_timeout, pt.p.poll(), pt.lines[-5:], tail(log)))
        return pt

    def peer(self, argv, what, env=None):
        """A Linux peer daemon; its stdout and stderr go to a log file."""
        if not shutil.which(argv[0]):
            raise Fail("peer %s is not installed" % argv[0])
        log = self.log_path(what)
        with open(log, "w") as f:
            p = popen(argv, what, stdin=subprocess.DEVNULL, stdout=f, stderr=subprocess.STDOUT,
                      env=env if env is not None else our_env())
        p.stderr_log = log
        self.procs.append(_register(p))
        return p

    def echo(self):
        srv, port = ptproc.echo_server()
        self.socks.append(srv)
        return port

    def close(self):
        for s in self.socks:
            try:
                s.close()
            except OSError:
                pass
        for p in self.procs:
            stop(p, self.h.grace)
        with _ALL_LOCK:
            for p in self.procs:
                if p in _ALL:
                    _ALL.remove(p)


# ---------------------------------------------------------------------------------------
# Helpers

def run_once(h, ctx, argv, what):
    """Runs a dispatcher that is expected to exit by itself, stdin kept open as a parent
    would. Returns (exit code, stdout lines, stderr lines)."""
    out_path = ctx.log_path(what + "-stdout")
    err_path = ctx.log_path(what)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = popen(argv, what, stdin=subprocess.PIPE, stdout=out, stderr=err, env=our_env())
    ctx.procs.append(_register(p))
    try:
        rc = p.wait(h.start_timeout)
    except subprocess.TimeoutExpired:
        raise Fail("%s: still running after %ds" % (what, h.start_timeout))

    def lines(path):
        with open(path, "rb") as f:
            return [ln.decode("utf-8", "replace").rstrip("\r\n") for ln in f.read().split(b"\n") if ln.strip()]
    return rc, lines(out_path), lines(err_path)


def transfer(sock, nbytes, timeout):
    """Sends nbytes of random data on sock while reading the echo back; compares SHA-256.
    Every socket operation times out after `timeout` seconds."""
    data = os.urandom(nbytes)
    want = hashlib.sha256(data).hexdigest()
    sock.settimeout(timeout)
    errors = []

    def send():
        try:
            view = memoryview(data)
            for off in range(0, nbytes, 65536):
                sock.sendall(view[off:off + 65536])
        except OSError as e:
            errors.append(e)
    t = threading.Thread(target=send, daemon=True)
    started = time.perf_counter()
    t.start()
    h = hashlib.sha256()
    got = 0
    try:
        while got < nbytes:
            d = sock.recv(min(262144, nbytes - got))
            if not d:
                break
            h.update(d)
            got += len(d)
    except socket.timeout:
        raise Fail("no echo for %ds after %d of %d bytes" % (timeout, got, nbytes))
    except OSError as e:
        raise Fail("receive failed after %d of %d bytes: %s" % (got, nbytes, e))
    finally:
        t.join(timeout)
        sock.close()
    expect(not errors, "send failed: %s" % (errors[0] if errors else ""))
    expect(got == nbytes, "the connection closed after %d of %d bytes" % (got, nbytes))
    expect(h.hexdigest() == want, "SHA-256 of the %d bytes echoed differs from what was sent" % nbytes)
    return time.perf_counter() - started


def socks(h, port, dest_port, user=None):
    try:
        return ptproc.socks5_connect(port, dest_port, user=user, timeout=h.io_timeout)
    except (OSError, socket.timeout) as e:
        raise Fail("SOCKS5 CONNECT through 127.0.0.1:%d to 127.0.0.1:%d: %s" % (port, dest_port, e or "timeout"))


def connect(h, port):
    try:
        return socket.create_connection(("127.0.0.1", port), timeout=h.io_timeout)
    except OSError as e:
        raise Fail("connect to 127.0.0.1:%d: %s" % (port, e))


def mb(n):
    return "%g MiB" % (n / MiB)


def method_fields(pt, keyword, transport, mode=None):
    """The first method line, checked: CMETHOD <transport> <mode> 127.0.0.1:<port> or
    SMETHOD <transport> 127.0.0.1:<port> [ARGS:...]."""
    m = pt.method
    expect(m and m[0] == keyword and m[1] == transport,
           "expected a %s %s line, got %s" % (keyword, transport, pt.lines[-5:]))
    if keyword == "CMETHOD":
        expect(len(m) >= 4 and (mode is None or m[2] == mode),
               "CMETHOD line %r: expected mode %s" % (" ".join(m), mode))
    host, port = ptproc.hostport(pt.addr)
    expect(host == "127.0.0.1" and 0 < port < 65536, "%s address %s is not 127.0.0.1:<port>" % (keyword, pt.addr))
    return m


def free_tcp_udp_port():
    """A port free for both TCP and UDP on 127.0.0.1 (dnsmasq binds both)."""
    for _ in range(100):
        t = socket.socket()
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            t.bind(("127.0.0.1", 0))
            port = t.getsockname()[1]
            u.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            t.close()
            u.close()
    raise Fail("no port free for both TCP and UDP")


def dig(port, name, timeout=20):
    try:
        r = subprocess.run(["dig", "@127.0.0.1", "-p", str(port), name, "+short", "+time=3", "+tries=2"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "(dig timed out)"
    except FileNotFoundError:
        raise Fail("dig is not installed")
    return (r.stdout.strip() or r.stderr.strip()).replace("\n", " | ")


class RawReader:
    """A dispatcher's stdout as raw bytes, line by line (to see its line endings)."""

    def __init__(self, p):
        self.q = queue.Queue()
        self.p = p
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        for raw in iter(self.p.stdout.readline, b""):
            self.q.put(raw)
        self.q.put(None)

    def until_done(self, timeout):
        end = time.time() + timeout
        got = []
        while True:
            try:
                raw = self.q.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                return got, "no METHODS DONE within %ds" % timeout
            if raw is None:
                return got, "stdout closed before METHODS DONE (rc %s)" % self.p.poll()
            got.append(raw)
            if raw.rstrip(b"\r\n") in (b"CMETHODS DONE", b"SMETHODS DONE"):
                return got, None


# ---------------------------------------------------------------------------------------
# The checks

def check_order(h, ctx):
    echo = ctx.echo()
    runs = [("client", h.cmd + ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0"], "CMETHOD"),
            ("server", h.cmd + ["-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0",
                                "-target", "127.0.0.1:%d" % echo], "SMETHOD")]
    for what, argv, keyword in runs:
        log = ctx.log_path(what)
        with open(log, "wb") as err:
            p = popen(argv, what, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=our_env())
        ctx.procs.append(_register(p))
        raw, problem = RawReader(p).until_done(h.start_timeout)
        lines = [r.decode("utf-8", "replace").rstrip("\r\n") for r in raw]
        expect(problem is None, "%s: %s; stdout: %s; stderr: %s" % (what, problem, lines, tail(log)))
        unterminated = [ln for ln, r in zip(lines, raw) if not r.endswith(b"\n")]
        expect(not unterminated, "%s: line(s) without a newline: %s" % (what, unterminated))
        crlf = [ln for ln, r in zip(lines, raw) if r.endswith(b"\r\n")]
        if crlf and not h.allow_crlf:
            raise Fail("%s: %d of %d lines end in CRLF, not LF (text-mode stdout?): %s"
                       % (what, len(crlf), len(lines), crlf[:2]))
        expect(lines[0] == "VERSION 3.0", "%s: first line is %r, not 'VERSION 3.0'" % (what, lines[0]))
        done = keyword + "S DONE"
        methods = []
        for ln in lines[1:-1]:
            kw = ln.split()[0] if ln.split() else ""
            expect(kw not in ("VERSION", "CMETHOD", "SMETHOD") or kw == keyword,
                   "%s: unexpected line %r between VERSION and %s" % (what, ln, done))
            expect(not kw.endswith("-ERROR"), "%s: error line on stdout: %r" % (what, ln))
            if kw == keyword:
                methods.append(ln.split())
        expect(methods, "%s: no %s line between VERSION and %s: %s" % (what, keyword, done, lines))
        for m in methods:
            if keyword == "CMETHOD":
                ok = len(m) == 4 and m[1] == "plain" and m[2] == "socks5"
                addr = m[3] if len(m) > 3 else ""
            else:
                ok = len(m) in (3, 4) and m[1] == "plain" and (len(m) == 3 or m[3].startswith("ARGS:"))
                addr = m[2] if len(m) > 2 else ""
            expect(ok, "%s: malformed line %r" % (what, " ".join(m)))
            host, port = ptproc.hostport(addr)
            expect(host == "127.0.0.1" and 0 < port < 65536, "%s: address %r" % (what, addr))
            connect(h, port).close()  # it listens where it says
        if crlf:
            print("note order: %s lines end in CRLF (allowed by --allow-crlf)" % what, flush=True)


def check_env_error(h, ctx):
    cases = [("bogus-flag", ["-transports", "plain", "-bogusflag"]),
             ("bad-proxylistenaddr", ["-transports", "plain", "-proxylistenaddr", "not-an-address"])]
    for what, flags in cases:
        rc, out, err = run_once(h, ctx, h.cmd + flags, what)
        expect(any(ln.startswith("ENV-ERROR ") for ln in err),
               "%s: no 'ENV-ERROR <message>' line on stderr (rc %s); stderr: %s; stdout: %s" % (what, rc, err[-4:], out))
        expect(not any(ln.startswith("ENV-ERROR") for ln in out), "%s: ENV-ERROR on stdout: %s" % (what, out))
        expect(not any(ln.split()[0] in ("CMETHOD", "CMETHODS") for ln in out),
               "%s: method lines despite the error: %s" % (what, out))
        expect(rc == 64, "%s: exit code %s, expected 64 (EX_USAGE)" % (what, rc))


def check_version_error(h, ctx):
    rc, out, err = run_once(h, ctx, h.cmd + ["-ptversion", "9.9", "-transports", "plain",
                                             "-proxylistenaddr", "127.0.0.1:0"], "ptversion-9.9")
    expect(any(ln.startswith("VERSION-ERROR") for ln in err),
           "no VERSION-ERROR line on stderr (rc %s); stderr: %s; stdout: %s" % (rc, err[-4:], out))
    expect(not any(ln.split()[0] in ("VERSION", "VERSION-ERROR", "CMETHOD") for ln in out),
           "stdout must carry neither VERSION, VERSION-ERROR nor CMETHOD: %s" % out)
    expect(rc == 78, "exit code %s, expected 78 (EX_CONFIG)" % rc)
    # "All PTs MUST accept any well-formed list, as long as a compatible version is present."
    pt = ctx.pt(h.cmd + ["-ptversion", "1,2.2,3.0,this_is_a_valid_version", "-transports", "plain",
                         "-proxylistenaddr", "127.0.0.1:0"], what="ptversion-list")
    expect(pt.lines[0] == "VERSION 3.0", "-ptversion 1,2.2,3.0,...: first line %r" % pt.lines[0])


def check_stdin_close(h, ctx):
    base = ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0"]
    pt = ctx.pt(h.cmd + base + ["-exit-on-stdin-close"], what="with-flag")
    pt.p.stdin.close()
    closed = time.perf_counter()
    try:
        rc = pt.p.wait(h.stdin_grace)
    except subprocess.TimeoutExpired:
        raise Fail("still running %gs after stdin was closed; stderr: %s" % (h.stdin_grace, tail(pt.stderr_log)))
    took = time.perf_counter() - closed
    expect(rc == 0, "exit code %s after stdin close, expected 0; stderr: %s" % (rc, tail(pt.stderr_log)))
    # Without the flag a closed stdin is no reason to exit (the spec's MUST NOT).
    pt2 = ctx.pt(h.cmd + base, what="without-flag")
    pt2.p.stdin.close()
    time.sleep(min(h.stdin_grace, 2.0))
    expect(pt2.alive(), "exited (rc %s) on stdin close without -exit-on-stdin-close" % pt2.p.poll())
    connect(h, pt2.port).close()
    return "exited %.2fs after stdin close" % took


def check_parent_death(h, ctx):
    # The dispatcher's parent dies (SIGKILL: no stdin close, no signal to the child);
    # the dispatcher must notice and exit. --parent-cmd is the parent: on Linux a shell
    # that stays the parent; under wine, cmd.exe /c (a Windows parent process, whose
    # handle the Windows dispatcher waits on).
    pt = ctx.pt(h.parent_cmd + ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0"], what="child")
    port = pt.port
    connect(h, port).close()
    pt.p.kill()  # the parent
    pt.p.wait()
    killed = time.perf_counter()
    while time.perf_counter() - killed < h.parent_grace:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return "listener gone %.2fs after the parent died" % (time.perf_counter() - killed)
        time.sleep(0.1)
    raise Fail("still listening on %d %gs after its parent was killed" % (port, h.parent_grace))


def check_interrupt(h, ctx):
    # SIGINT (a terminal's Ctrl-C) is a graceful stop: exit code 0, promptly, and the
    # LOG line names what stopped it (--interrupt-reason): "SIGINT" on POSIX; under
    # wine SIGINT arrives as a CTRL_C_EVENT, so "Ctrl-C" proves the console-control
    # handler did it (not wine ending the process).
    pt = ctx.pt(h.cmd + ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0", "-ipcLogLevel", "INFO"],
                what="client")
    connect(h, pt.port).close()
    pt.p.send_signal(signal.SIGINT)
    sent = time.perf_counter()
    try:
        rc = pt.p.wait(h.stdin_grace + 3)
    except subprocess.TimeoutExpired:
        raise Fail("still running %gs after SIGINT" % (h.stdin_grace + 3))
    took = time.perf_counter() - sent
    expect(rc == 0, "exit code %s after SIGINT, expected 0; stderr: %s" % (rc, tail(pt.stderr_log)))
    want = "LOG INFO shutting down: %s" % h.interrupt_reason
    deadline = time.time() + 2  # the reader thread may still be on the last lines
    while want not in pt.lines and time.time() < deadline:
        time.sleep(0.05)
    expect(want in pt.lines, "no '%s' line; stdout: %s" % (want, pt.lines[-5:]))
    return "exited 0 %.2fs after SIGINT (%s)" % (took, h.interrupt_reason)


def plain_server(h, ctx, target_port, mode=None):
    argv = h.server_cmd + ["-server", "-transports", "plain", "-bindaddr", "plain-127.0.0.1:0",
                           "-target", "127.0.0.1:%d" % target_port]
    if mode:
        argv += ["-mode", mode]
    srv = ctx.pt(argv, what="plain-server")
    method_fields(srv, "SMETHOD", "plain")
    return srv


def check_socks5_plain(h, ctx):
    echo = ctx.echo()
    srv = plain_server(h, ctx, echo)
    cli = ctx.pt(h.cmd + ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0"], what="client")
    method_fields(cli, "CMETHOD", "plain", "socks5")
    n = 4 * MiB
    secs = transfer(socks(h, cli.port, srv.port), n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def check_transparent_tcp(h, ctx):
    echo = ctx.echo()
    srv = plain_server(h, ctx, echo)
    cli = ctx.pt(h.cmd + ["-transports", "plain", "-mode", "transparent-TCP", "-proxylistenaddr", "127.0.0.1:0",
                          "-options", json.dumps({"serverAddress": "127.0.0.1:%d" % srv.port})], what="client")
    method_fields(cli, "CMETHOD", "plain", "transparent-TCP")
    n = 4 * MiB
    secs = transfer(connect(h, cli.port), n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def obfs4proxy_server(ctx):
    """obfs4proxy (Linux, native) as an obfs4 server in front of an echo server, iat-mode 0;
    returns its process and its cert."""
    if not shutil.which("obfs4proxy"):
        raise Fail("obfs4proxy is not installed")
    echo = ctx.echo()
    srv = ctx.pt(["obfs4proxy"], env=tor_env(TOR_PT_SERVER_TRANSPORTS="obfs4",
                                             TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1:0",
                                             TOR_PT_ORPORT="127.0.0.1:%d" % echo,
                                             TOR_PT_STATE_LOCATION=ctx.tmpdir("obfs4proxy-state"),
                                             TOR_PT_SERVER_TRANSPORT_OPTIONS="obfs4:iat-mode=0"),
                 what="obfs4proxy-server")
    method_fields(srv, "SMETHOD", "obfs4")
    cert = srv.args.get("cert")
    expect(cert, "no cert in obfs4proxy's SMETHOD line %r" % " ".join(srv.method))
    return srv, cert


def check_obfs4_to_obfs4proxy(h, ctx):
    srv, cert = obfs4proxy_server(ctx)
    cli = ctx.pt(h.cmd + ["-transports", "obfs4", "-proxylistenaddr", "127.0.0.1:0",
                          "-options", json.dumps({"obfs4": {"cert": cert, "iat-mode": "0"}})], what="client")
    method_fields(cli, "CMETHOD", "obfs4", "socks5")
    n = 8 * MiB
    secs = transfer(socks(h, cli.port, srv.port), n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def check_obfs4proxy_to_ours(h, ctx):
    if not shutil.which("obfs4proxy"):
        raise Fail("obfs4proxy is not installed")
    echo = ctx.echo()
    # --state-dir: a -state as the dispatcher's system spells it (C:\\dir\\Ünïcode under
    # wine), with --state-dir-host the same directory as this script sees it.
    state_arg = h.state_dir or ctx.tmpdir("ours-state")
    state = h.state_dir_host or state_arg
    srv = ctx.pt(h.cmd + ["-server", "-transports", "obfs4", "-bindaddr", "obfs4-127.0.0.1:0",
                          "-target", "127.0.0.1:%d" % echo, "-state", state_arg], what="server")
    method_fields(srv, "SMETHOD", "obfs4")
    cert, iat = srv.args.get("cert"), srv.args.get("iat-mode")
    expect(cert and iat == "0", "SMETHOD line %r lacks ARGS:cert=…,iat-mode=0" % " ".join(srv.method))
    expect(os.path.exists(os.path.join(state, "obfs4_state.json")),
           "no obfs4_state.json in the -state directory %s: %s"
           % (state, os.listdir(state) if os.path.isdir(state) else "no such directory"))
    with open(os.path.join(state, "obfs4_state.json"), "rb") as f:
        st = json.loads(f.read())  # the same JSON as on Linux (obfs4proxy's format)
    expect(sorted(st) == ["drbg-seed", "iat-mode", "node-id", "private-key", "public-key"],
           "obfs4_state.json has keys %s" % sorted(st))
    cli = ctx.pt(["obfs4proxy"], env=tor_env(TOR_PT_CLIENT_TRANSPORTS="obfs4",
                                             TOR_PT_STATE_LOCATION=ctx.tmpdir("obfs4proxy-state")),
                 what="obfs4proxy-client")
    method_fields(cli, "CMETHOD", "obfs4", "socks5")
    n = 8 * MiB
    secs = transfer(socks(h, cli.port, srv.port, user="cert=%s;iat-mode=%s" % (cert, iat)), n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def check_shadow_to_ss_server(h, ctx):
    echo = ctx.echo()
    password = "pt-harness-" + os.urandom(8).hex()
    cipher = "chacha20-ietf-poly1305"
    port = ptproc.free_port()
    ss = ctx.peer(["ss-server", "-s", "127.0.0.1", "-p", str(port), "-k", password, "-m", cipher], "ss-server")
    try:
        ptproc.wait_listening(port, 10)
    except RuntimeError:
        raise Fail("ss-server does not listen on %d (rc %s): %s" % (port, ss.poll(), tail(ss.stderr_log)))
    opts = {"shadow": {"password": password, "cipherName": cipher, "serverAddress": "127.0.0.1:%d" % port}}
    cli = ctx.pt(h.cmd + ["-transports", "shadow", "-proxylistenaddr", "127.0.0.1:0",
                          "-options", json.dumps(opts)], what="client")
    method_fields(cli, "CMETHOD", "shadow", "socks5")
    n = 4 * MiB
    # CONNECT names the echo server: it travels in the Shadowsocks header, ss-server dials it.
    secs = transfer(socks(h, cli.port, echo), n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def check_proxy_microsocks(h, ctx):
    echo = ctx.echo()
    srv = plain_server(h, ctx, echo)
    mport = ptproc.free_port()
    ms = ctx.peer(["microsocks", "-i", "127.0.0.1", "-p", str(mport)], "microsocks")
    try:
        ptproc.wait_listening(mport, 10)
    except RuntimeError:
        raise Fail("microsocks does not listen on %d (rc %s): %s" % (mport, ms.poll(), tail(ms.stderr_log)))
    cli = ctx.pt(h.cmd + ["-transports", "plain", "-proxylistenaddr", "127.0.0.1:0",
                          "-proxy", "socks5://127.0.0.1:%d" % mport], what="client")
    method_fields(cli, "CMETHOD", "plain", "socks5")
    expect("PROXY DONE" in cli.lines, "no 'PROXY DONE' line on stdout: %s" % cli.lines)
    first = lambda kw: next((i for i, ln in enumerate(cli.lines) if ln.split()[:1] == [kw]), -1)
    expect(first("VERSION") < cli.lines.index("PROXY DONE") < first("CMETHOD"),
           "PROXY DONE must come after VERSION and before the CMETHOD lines: %s" % cli.lines)
    before = ptproc.tcp_count(mport, "01", remote=True)
    s = socks(h, cli.port, srv.port)
    through = ptproc.tcp_count(mport, "01", remote=True) - before
    if through < 1:
        s.close()
        raise Fail("the SOCKS connection is open but no connection to microsocks (port %d) is" % mport)
    n = 1 * MiB
    secs = transfer(s, n, h.io_timeout)
    return "%s in %.2fs" % (mb(n), secs)


def check_udp_dnsmasq(h, ctx):
    if not shutil.which("dig"):
        raise Fail("dig is not installed")
    name, want = "ptdispatcher.test", "192.0.2.7"
    dport = free_tcp_udp_port()
    argv = ["dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts",
            "--no-poll", "--listen-address=127.0.0.1", "--bind-interfaces", "--port=%d" % dport,
            "--address=/%s/%s" % (name, want), "--pid-file=", "--log-facility=-"]
    if os.geteuid() == 0:
        argv += ["--user=%s" % getpass.getuser(), "--group=root"]
    dm = ctx.peer(argv, "dnsmasq")
    end = time.time() + 15
    direct = ""
    while time.time() < end and dm.poll() is None:
        direct = dig(dport, name, timeout=10)
        if direct == want:
            break
        time.sleep(0.2)
    expect(direct == want, "dnsmasq itself on port %d does not answer %s (rc %s): dig says %r; log: %s"
           % (dport, want, dm.poll(), direct, tail(dm.stderr_log)))
    srv = plain_server(h, ctx, dport, mode="transparent-UDP")
    cli = ctx.pt(h.cmd + ["-transports", "plain", "-mode", "transparent-UDP", "-proxylistenaddr", "127.0.0.1:0",
                          "-options", json.dumps({"serverAddress": "127.0.0.1:%d" % srv.port})], what="client")
    method_fields(cli, "CMETHOD", "plain", "transparent-UDP")
    got = dig(cli.port, name, timeout=30)
    expect(got == want, "dig @127.0.0.1 -p %d %s +short printed %r, expected %s" % (cli.port, name, got, want))


def check_bridge_check(h, ctx):
    """-check: one CHECK line and its exit code, against obfs4proxy (ok), a closed port
    (refused: the platform's connect error mapped), a port that accepts and says nothing
    (timeout) and a bad line (invalid, 64). No IPC line in this mode."""
    srv, cert = obfs4proxy_server(ctx)
    closed = free_tcp_udp_port()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # never accepted from: the kernel completes the connect, nobody speaks
    try:
        cases = [
            ("ok", ["Bridge obfs4 127.0.0.1:%d cert=%s iat-mode=0" % (srv.port, cert)], 0,
             r"CHECK OK transport=obfs4 tcp_ms=\d+ handshake_ms=\d+"),
            ("refused", ["plain 127.0.0.1:%d" % closed], 1, r"CHECK-ERROR refused \S"),
            ("invalid", ["plain-not-a-transport"], 64, r"CHECK-ERROR invalid \S"),
            ("silent", ["obfs4 127.0.0.1:%d cert=%s iat-mode=0" % (silent.getsockname()[1], cert),
                        "-check-timeout", "2"], 1, r"CHECK-ERROR timeout \S"),
        ]
        for what, args, want_rc, pattern in cases:
            rc, out, _err = run_once(h, ctx, h.cmd + ["-check"] + args, "check-" + what)
            expect(rc == want_rc and len(out) == 1 and re.match(pattern, out[0]),
                   "-check %s: exit %s, stdout %r (want exit %d, /%s/)" % (what, rc, out, want_rc, pattern))
    finally:
        silent.close()
    return "4 checks"


CHECKS = [
    ("order", check_order),
    ("env_error", check_env_error),
    ("version_error", check_version_error),
    ("stdin_close", check_stdin_close),
    ("interrupt", check_interrupt),
    ("parent_death", check_parent_death),
    ("socks5_plain", check_socks5_plain),
    ("transparent_tcp", check_transparent_tcp),
    ("obfs4_to_obfs4proxy", check_obfs4_to_obfs4proxy),
    ("obfs4proxy_to_ours", check_obfs4proxy_to_ours),
    ("shadow_to_ss_server", check_shadow_to_ss_server),
    ("proxy_microsocks", check_proxy_microsocks),
    ("udp_dnsmasq", check_udp_dnsmasq),
    ("bridge_check", check_bridge_check),
]


# ---------------------------------------------------------------------------------------

def absolutize(argv):
    """Relative paths in a command prefix made absolute (the harness runs its children in
    a scratch directory, so that a dispatcher's default state directory, ., is there)."""
    return [os.path.abspath(a) if not os.path.isabs(a) and os.sep in a and os.path.exists(a) else a for a in argv]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cmd", required=True, help='the dispatcher command prefix, e.g. "wine /x/ptdispatcher.exe"')
    ap.add_argument("--server-cmd", help="the prefix for the far side of a pair (default: --cmd)")
    ap.add_argument("--only", help="NAME[,NAME]: run only these checks (%s)" % ",".join(n for n, _ in CHECKS))
    ap.add_argument("--start-timeout", type=float, default=60, help="seconds to wait for METHODS DONE or an exit (60)")
    ap.add_argument("--stdin-grace", type=float, default=2, help="seconds allowed to exit after stdin close (2)")
    ap.add_argument("--io-timeout", type=float, default=60, help="timeout of every socket operation (60)")
    ap.add_argument("--grace", type=float, default=3, help="seconds between SIGTERM and SIGKILL when stopping (3)")
    ap.add_argument("--parent-cmd", help="the command prefix of parent_death: a parent that starts the "
                    "dispatcher and stays its parent, e.g. \"wine cmd.exe /c Z:\\x\\ptdispatcher.exe\" "
                    "(default: a shell around --cmd)")
    ap.add_argument("--parent-grace", type=float, default=5, help="seconds allowed to exit after the parent dies (5)")
    ap.add_argument("--interrupt-reason", default="SIGINT",
                    help='what the LOG line of interrupt names: SIGINT, or under wine "Ctrl-C"')
    ap.add_argument("--state-dir", help="the -state argument of obfs4proxy_to_ours (default: a scratch directory)")
    ap.add_argument("--state-dir-host", help="where --state-dir is on this machine (default: --state-dir)")
    ap.add_argument("--allow-crlf", action="store_true", help="accept CRLF line endings on stdout (note only)")
    ap.add_argument("--keep-logs", action="store_true", help="keep the scratch directory with every stderr log")
    ap.add_argument("-v", "--verbose", action="store_true", help="echo every dispatcher stdout line")
    h = ap.parse_args()
    h.cmd = absolutize(shlex.split(h.cmd))
    h.server_cmd = absolutize(shlex.split(h.server_cmd)) if h.server_cmd else h.cmd
    # The shell stays the parent ("; exit $?" keeps it from exec'ing the last command).
    h.parent_cmd = (shlex.split(h.parent_cmd) if h.parent_cmd
                    else ["sh", "-c", '"$@"; exit $?', "sh"] + h.cmd)
    names = [n for n, _ in CHECKS]
    selected = names
    if h.only:
        selected = [n.strip() for n in h.only.split(",") if n.strip()]
        unknown = [n for n in selected if n not in names]
        if unknown:
            ap.error("unknown check(s) %s; known: %s" % (",".join(unknown), ",".join(names)))

    h.logdir = tempfile.mkdtemp(prefix="pt-harness-")
    os.chdir(h.logdir)
    atexit.register(stop_all, h.grace)

    def on_signal(sig, _frame):
        raise KeyboardInterrupt("signal %d" % sig)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    passed = failed = 0
    try:
        for name, fn in CHECKS:
            if name not in selected:
                continue
            ctx = Ctx(h, name)
            try:
                extra = fn(h, ctx)
                print("ok %s%s" % (name, " (%s)" % extra if extra and h.verbose else ""), flush=True)
                passed += 1
            except Fail as e:
                print("FAIL %s: %s" % (name, e), flush=True)
                failed += 1
            except Exception as e:  # a harness-side error is a failure too, never a skip
                print("FAIL %s: %s: %s" % (name, type(e).__name__, e), flush=True)
                failed += 1
            finally:
                ctx.close()
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        failed += 1
    finally:
        stop_all(h.grace)
        os.chdir("/")
        if h.keep_logs or failed:
            print("logs: %s" % h.logdir, flush=True)
        else:
            shutil.rmtree(h.logdir, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
