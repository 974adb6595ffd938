"""A private Tor network on 127.0.0.1 for the tests: three directory authorities (keys
by tor-gencert, identities by `tor --list-fingerprint`), a middle relay and one exit
that can reach 127.0.0.0/8 and nothing else, tuned to vote every few seconds
(TestingTorNetwork). Bridges and clients started by a test join it through
`Network.torrc_common()`, which carries the same DirAuthority lines. Standard library
only; loopback only.

Nothing here may reach the Internet. Every torrc has:
  - only the network's own DirAuthority lines (all 127.0.0.1), no fallback directories;
  - `OutboundBindAddress 127.0.0.1`: every TCP connection tor makes leaves from
    127.0.0.1, and Linux refuses to connect such a socket to any address outside
    127.0.0.0/8 (EINVAL, no packet sent);
  - a resolver configuration naming only 127.0.0.1 and no DNS hijacking checks (an exit
    would otherwise query the system's resolver for test names at start-up);
  - `ClientUseIPv6 0`, and every listener bound to 127.0.0.1 explicitly.

The exit's policy accepts 127.0.0.0/8 explicitly and then *:* — the second line only
so that the microdescriptor summary ("p accept 1-65535") lets clients choose it: the
summary ignores address-specific accepts, so an exit accepting loopback only is
summarised as "reject 1-65535" and clients report "no exits". (Clients with full
descriptors, UseMicrodescriptors 0, cannot use bridges in tor 0.4.9:
router_can_choose_node() refuses every node with a router descriptor as a first hop,
bridges included.) What stops that exit from reaching anything but loopback is the
loopback source address above, and the tests prove it (a stream to 192.0.2.1 fails).

    net = Network.create(workdir)     # keys and torrcs; nothing running yet
    net.start(owner_pid)              # the tor processes (children of this process)
    net.wait_ready(timeout)           # a consensus listing every node, the exit with Exit
    net.save()                        # workdir/state.json, read back by Network.load()
    net.stop()
"""
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.request

import ptproc

STATE = "state.json"

# Fast voting (TestingTorNetwork): the first consensus comes a few seconds after the
# relays have uploaded their descriptors. Intervals must divide a day evenly; vote +
# distribution delay must stay under half the interval (tor halves the interval while
# it has no consensus).
AUTHORITY_TIMING = """TestingV3AuthInitialVotingInterval 10
TestingV3AuthInitialVoteDelay 2
TestingV3AuthInitialDistDelay 2
V3AuthVotingInterval 10
V3AuthVoteDelay 2
V3AuthDistDelay 2
"""

# Options every tor in or near the network carries: the testing switches (flags voted
# on without the usual uptime and bandwidth thresholds, reachability assumed) and the
# loopback-only rules.
TESTING = """TestingTorNetwork 1
AssumeReachable 1
PathsNeededToBuildCircuits 0.67
TestingDirAuthVoteExit *
TestingDirAuthVoteGuard *
TestingDirAuthVoteHSDir *
TestingMinExitFlagThreshold 0
V3AuthNIntervalsValid 2
UseDefaultFallbackDirs 0
ClientUseIPv6 0
OutboundBindAddress 127.0.0.1
SafeLogging 0
LogTimeGranularity 1
ShutdownWaitLength 0
ControlPort 0
ServerDNSDetectHijacking 0
ServerDNSTestAddresses
"""


def tor_binary():
    """Path of tor, or RuntimeError: the tests fail (never skip) without it."""
    tor = shutil.which("tor")
    if not tor or not shutil.which("tor-gencert"):
        raise RuntimeError("tor and tor-gencert are not installed (run scripts/setup.sh: Debian package tor)")
    return tor


def _run(args, stdin=b""):
    p = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(args), p.returncode,
                                                   p.stdout.decode(errors="replace")[-600:]))
    return p.stdout.decode(errors="replace")


def list_fingerprint(tor, datadir):
    """Creates the relay identity key in datadir (if missing) and returns its RSA
    fingerprint (40 hex digits). The dummy DirAuthority keeps tor from loading the
    built-in ones; --list-fingerprint exits without connecting anywhere."""
    out = _run([tor, "--list-fingerprint", "--DataDirectory", datadir, "--ORPort", "127.0.0.1:1",
                "--DirAuthority", "keygen 127.0.0.1:1 " + "F" * 40, "--Log", "err stdout"])
    with open(os.path.join(datadir, "fingerprint")) as f:
        fp = f.read().split()[1]
    if not re.fullmatch(r"[0-9A-F]{40}", fp):
        raise RuntimeError("unexpected fingerprint file in %s: %r (%s)" % (datadir, fp, out))
    return fp


class Ports:
    """Free loopback TCP ports, none handed out twice (the kernel may offer a port that
    was free a moment ago again)."""

    def __init__(self):
        self.used = set()

    def take(self):
        while True:
            port = ptproc.free_port()
            if port not in self.used:
                self.used.add(port)
                return port


def write_torrc(path, text):
    with open(path, "w") as f:
        f.write(text)


class Node:
    """One tor process of the network."""

    def __init__(self, name, role, datadir, orport, dirport=0, fingerprint="", v3ident=""):
        self.name = name
        self.role = role            # "authority", "relay" or "exit"
        self.dir = datadir
        self.orport = orport
        self.dirport = dirport
        self.fingerprint = fingerprint
        self.v3ident = v3ident
        self.pid = 0
        self.proc = None

    @property
    def torrc(self):
        return os.path.join(self.dir, "torrc")

    def dirauthority_line(self):
        return "DirAuthority %s orport=%d no-v2 v3ident=%s 127.0.0.1:%d %s" % (
            self.name, self.orport, self.v3ident, self.dirport, self.fingerprint)

    def to_json(self):
        return {k: getattr(self, k) for k in ("name", "role", "dir", "orport", "dirport", "fingerprint",
                                              "v3ident", "pid")}

    @classmethod
    def from_json(cls, d):
        n = cls(d["name"], d["role"], d["dir"], d["orport"], d["dirport"], d["fingerprint"], d["v3ident"])
        n.pid = d.get("pid", 0)
        return n

    def log_tail(self, n=15, name="notice.log"):
        try:
            with open(os.path.join(self.dir, name), errors="replace") as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return "(no %s)\n" % name


class Network:
    """The network's description (ports, keys, DirAuthority lines) and, in the process
    that started it, its tor children."""

    def __init__(self, root):
        self.root = os.path.abspath(root)
        self.nodes = []
        self.status = "new"
        self.error = ""             # why the network failed or stopped
        self.timing = ""            # how long key generation and the first consensus took
        self.keeper_pid = 0
        self.started = 0.0
        self.bootstrap_seconds = 0.0

    # ---- building ----------------------------------------------------------------
    @classmethod
    def create(cls, nodedir, relays=1, root=None):
        """Keys and torrcs for 3 authorities, `relays` middle relays and one exit, in
        nodedir/<name>; the state file goes to root (default: nodedir)."""
        tor = tor_binary()
        net = cls(root or nodedir)
        nodedir = os.path.abspath(nodedir)
        os.makedirs(nodedir, exist_ok=True)
        names = [("auth%d" % i, "authority") for i in range(3)]
        names += [("relay%d" % i, "relay") for i in range(relays)]
        names.append(("exit0", "exit"))
        ports = Ports()
        for name, role in names:
            d = os.path.join(nodedir, name)
            os.makedirs(os.path.join(d, "keys"), mode=0o700)
            os.chmod(d, 0o700)
            net.nodes.append(Node(name, role, d, ports.take(), ports.take() if role == "authority" else 0))

        def make_keys(node):
            if node.role == "authority":
                keys = os.path.join(node.dir, "keys")
                # An empty passphrase on stdin: the identity key stays unencrypted.
                _run(["tor-gencert", "--create-identity-key", "-m", "12", "-a", "127.0.0.1:%d" % node.dirport,
                      "-i", os.path.join(keys, "authority_identity_key"),
                      "-s", os.path.join(keys, "authority_signing_key"),
                      "-c", os.path.join(keys, "authority_certificate"), "--passphrase-fd", "0"], stdin=b"\n")
                with open(os.path.join(keys, "authority_certificate")) as f:
                    node.v3ident = re.search(r"^fingerprint ([0-9A-F]{40})$", f.read(), re.M).group(1)
            node.fingerprint = list_fingerprint(tor, node.dir)
        # RSA key generation is most of the set-up time: one process per core.
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for f in [pool.submit(make_keys, n) for n in net.nodes]:
                f.result()
        for node in net.nodes:
            write_torrc(node.torrc, net._node_torrc(node))
        return net

    def dirauthority_lines(self):
        return [n.dirauthority_line() for n in self.nodes if n.role == "authority"]

    def torrc_common(self, datadir, nickname, owner_pid=None, info_log=True):
        """What every tor joining the network carries (bridges and clients too):
        DataDirectory, logs, the testing switches and the network's authorities."""
        resolv = os.path.join(datadir, "resolv.conf")
        with open(resolv, "w") as f:
            f.write("nameserver 127.0.0.1\n")
        lines = ["DataDirectory %s" % datadir, "Nickname %s" % nickname, TESTING.rstrip("\n"),
                 "ServerDNSResolvConfFile %s" % resolv,
                 "Log notice file %s/notice.log" % datadir]
        if info_log:
            lines.append("Log info file %s/info.log" % datadir)
        if owner_pid:
            # tor exits by itself when this process is gone (checked every few seconds).
            lines.append("__OwningControllerProcess %d" % owner_pid)
        lines += self.dirauthority_lines()
        return "\n".join(lines) + "\n"

    def _node_torrc(self, node):
        # The authorities' info logs are mostly voting, about 1 MB a minute between them.
        t = self.torrc_common(node.dir, node.name, info_log=node.role != "authority")
        t += "SocksPort 0\nAddress 127.0.0.1\nORPort 127.0.0.1:%d\nContactInfo %s@test.test\n" % (
            node.orport, node.name)
        if node.role == "authority":
            t += "DirPort 127.0.0.1:%d\nAuthoritativeDirectory 1\nV3AuthoritativeDirectory 1\n" % node.dirport
            t += AUTHORITY_TIMING
        if node.role == "exit":
            # The exit reaches loopback (where the tests' servers listen) and nothing else:
            # "accept *:*" only feeds the microdescriptor summary (see the top of this file).
            t += ("ExitRelay 1\nExitPolicyRejectPrivate 0\nExitPolicyRejectLocalInterfaces 0\n"
                  "OutboundBindAddressExit 127.0.0.1\nIPv6Exit 0\n"
                  "ExitPolicy accept 127.0.0.0/8:*\nExitPolicy accept *:*\n")
        else:
            t += "ExitRelay 0\nExitPolicy reject *:*\n"
        return t

    # ---- running -----------------------------------------------------------------
    def start(self, owner_pid=None):
        """Starts every node as a child of this process (tor in the foreground)."""
        tor = tor_binary()
        self.started = time.time()
        self.status = "starting"
        for node in self.nodes:
            extra = ["__OwningControllerProcess", str(owner_pid)] if owner_pid else []
            out = open(os.path.join(node.dir, "stdout.log"), "wb")
            node.proc = subprocess.Popen([tor, "-f", node.torrc, "--RunAsDaemon", "0"] + extra,
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
            out.close()
            node.pid = node.proc.pid

    def authority(self):
        return next(n for n in self.nodes if n.role == "authority")

    def fetch_consensus(self, node=None):
        """The current (unflavoured) consensus from an authority's DirPort, or ""."""
        node = node or self.authority()
        url = "http://127.0.0.1:%d/tor/status-vote/current/consensus" % node.dirport
        try:
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=5) as r:
                return r.read().decode(errors="replace")
        except OSError:
            return ""

    def consensus_flags(self, text):
        """fingerprint -> set of flags, from a consensus's r/s lines."""
        import base64
        flags = {}
        current = None
        for line in text.splitlines():
            if line.startswith("r "):
                ident = line.split()[2]
                current = base64.b64decode(ident + "=" * (-len(ident) % 4)).hex().upper()
            elif line.startswith("s ") and current:
                flags[current] = set(line.split()[1:])
        return flags

    def ready(self):
        """True when every authority serves a consensus that lists every node as Running
        and Valid, the exit with Exit, and some relays as Guard."""
        for auth in (n for n in self.nodes if n.role == "authority"):
            flags = self.consensus_flags(self.fetch_consensus(auth))
            for node in self.nodes:
                f = flags.get(node.fingerprint)
                if not f or not {"Running", "Valid"} <= f:
                    return False
                if node.role == "exit" and "Exit" not in f:
                    return False
            if not any("Guard" in f for f in flags.values()):
                return False
        return True

    def dead_nodes(self):
        return [n for n in self.nodes if n.proc is not None and n.proc.poll() is not None]

    def wait_ready(self, timeout):
        """Waits for ready(); returns the seconds since start(). RuntimeError with the
        nodes' log tails if a node died or the time ran out."""
        end = time.time() + timeout
        while time.time() < end:
            dead = self.dead_nodes()
            if dead:
                raise RuntimeError("tor exited: %s\n%s" % (", ".join(n.name for n in dead), self.describe_logs()))
            if self.ready():
                self.bootstrap_seconds = time.time() - self.started
                self.status = "ready"
                return self.bootstrap_seconds
            time.sleep(0.5)
        raise RuntimeError("no consensus listing all %d nodes after %d s\n%s"
                           % (len(self.nodes), timeout, self.describe_logs()))

    def describe_logs(self):
        """The tail of each node's notice log (its stdout when it died before opening one)."""
        return "".join("--- %s (%s)\n%s" % (n.name, n.role, n.log_tail(8) if os.path.exists(
            os.path.join(n.dir, "notice.log")) else n.log_tail(8, "stdout.log")) for n in self.nodes)

    def stdout_tails(self):
        return "".join(n.log_tail(5, "stdout.log") for n in self.nodes)

    def stop(self, grace=3.0):
        """SIGTERM, then SIGKILL after `grace`; children are reaped, others only signalled
        (and only if their command line still names this network's torrc)."""
        for n in self.nodes:
            self._signal(n, signal.SIGTERM)
        end = time.time() + grace
        for n in self.nodes:
            if n.proc is not None:
                try:
                    n.proc.wait(max(0.1, end - time.time()))
                except subprocess.TimeoutExpired:
                    n.proc.kill()
                    n.proc.wait()
            else:
                while time.time() < end and self._alive(n):
                    time.sleep(0.1)
                self._signal(n, signal.SIGKILL)

    @staticmethod
    def _alive(n):
        try:
            with open("/proc/%d/cmdline" % n.pid, "rb") as f:
                return n.torrc.encode() in f.read()
        except OSError:
            return False

    def _signal(self, n, sig):
        if n.proc is not None:
            if n.proc.poll() is None:
                n.proc.send_signal(sig)
        elif n.pid and self._alive(n):
            try:
                os.kill(n.pid, sig)
            except OSError:
                pass

    # ---- state file --------------------------------------------------------------
    def save(self):
        state = {"status": self.status, "error": self.error, "timing": self.timing, "keeper_pid": self.keeper_pid,
                 "started": self.started, "bootstrap_seconds": self.bootstrap_seconds,
                 "nodes": [n.to_json() for n in self.nodes]}
        tmp = os.path.join(self.root, STATE + ".tmp")
        with open(tmp, "w") as f:
            json.dump(state, f, indent=1)
        os.replace(tmp, os.path.join(self.root, STATE))

    @classmethod
    def load(cls, root):
        """The network described by root/state.json; RuntimeError if there is none."""
        path = os.path.join(os.path.abspath(root), STATE)
        try:
            with open(path) as f:
                state = json.load(f)
        except (OSError, ValueError) as e:
            raise RuntimeError("no private Tor network state in %s (%s): run the tornet/setup test first"
                               % (path, e))
        net = cls(root)
        net.status = state["status"]
        net.error = state.get("error", "")
        net.timing = state.get("timing", "")
        net.keeper_pid = state.get("keeper_pid", 0)
        net.started = state.get("started", 0.0)
        net.bootstrap_seconds = state.get("bootstrap_seconds", 0.0)
        net.nodes = [Node.from_json(d) for d in state["nodes"]]
        return net

    def running(self):
        """Nodes (by pid and torrc) still alive, for a loaded network."""
        return [n for n in self.nodes if self._alive(n)]


def _hex_addr(text):
    """'0100007F:1F90' (from /proc/net/tcp*) -> ('127.0.0.1', 8080); IPv6 as text."""
    import ipaddress
    import struct
    addr, port = text.split(":")
    raw = bytes.fromhex(addr)
    if len(raw) == 4:
        ip = ipaddress.IPv4Address(struct.pack("<I", struct.unpack(">I", raw)[0]))
    else:
        ip = ipaddress.IPv6Address(b"".join(struct.pack("<I", struct.unpack(">I", raw[i:i + 4])[0])
                                            for i in range(0, 16, 4)))
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
    return ip, int(port, 16)


def with_children(pids):
    """pids plus all their descendants (a tor's managed proxies, for one)."""
    parent = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    parent[int(d)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, todo = set(), [p for p in pids if p]
    while todo:
        p = todo.pop()
        if p not in out:
            out.add(p)
            todo += [c for c, pp in parent.items() if pp == p]
    return out


def foreign_sockets(pids):
    """Sockets of these processes that touch anything but loopback: a listener or a
    bound address outside 127.0.0.0/8 and ::1 (unbound 0.0.0.0 is allowed only with no
    peer), or a peer outside loopback. Returns descriptions; empty is good."""
    inodes = {}
    for pid in pids:
        try:
            for fd in os.listdir("/proc/%d/fd" % pid):
                try:
                    link = os.readlink("/proc/%d/fd/%s" % (pid, fd))
                except OSError:
                    continue
                if link.startswith("socket:["):
                    inodes[link[8:-1]] = pid
        except OSError:
            pass
    bad = []
    for table in ("tcp", "tcp6", "udp", "udp6"):
        try:
            with open("/proc/net/" + table) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[9] not in inodes:
                continue
            (lip, lport), (rip, rport) = _hex_addr(fields[1]), _hex_addr(fields[2])
            local_ok = lip.is_loopback or (lip.is_unspecified and table.startswith("udp"))
            remote_ok = rip.is_loopback or (rip.is_unspecified and rport == 0)
            if not (local_ok and remote_ok):
                bad.append("pid %d %s %s:%d -> %s:%d" % (inodes[fields[9]], table, lip, lport, rip, rport))
    return bad


def keeper_alive(pid, root):
    """True when pid is the keeper of the network in root (its command line names root)."""
    if not pid:
        return False
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return False
    return b"keep" in args and os.path.abspath(root).encode() in args
