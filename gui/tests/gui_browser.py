#!/usr/bin/env python3
"""A real browser through the connection the GUI made (CTest interop/gui_browser, Linux):
  - Debian's obfs4proxy as the bridge (managed server mode) in front of the loopback web
    site of tests/interop/browser.py (a page, a script and a ~200 KB noise image);
  - the real ptdispatcher-gui binary, offscreen, on a settings file of its own, given
    the bridge line (--import LINE --connect) exactly as a user pastes it; it is followed
    through PTGUI_STATUS_FILE until it says Connected and shows the SOCKS address;
  - headless chromium (browser.py's flags: loopback only, a fresh profile) loads the page
    through that address: the DOM must show the page's token, the script's token and the
    image loaded, and every connection the site saw came from obfs4proxy's process;
  - the GUI's traffic counters (what its graph draws) moved by at least the page's size;
  - SIGTERM quits the GUI the orderly way (exit 0) and its dispatcher goes with it.
chromium or obfs4proxy missing is a failure, not a skip.
Usage: gui_browser.py PTDISPATCHER_GUI PTDISPATCHER
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "common"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "interop"))
import ptproc  # noqa: E402
import browser  # noqa: E402  (Site, Chromium, check_dom, check_site, check)

GUI, BIN = sys.argv[1], sys.argv[2]
check = browser.check


def status_lines(path):
    try:
        with open(path, errors="replace") as f:
            return f.read().splitlines()
    except OSError:
        return []


def last_traffic(path):
    """(up, down, samples) of the GUI's last traffic line, or None."""
    for line in reversed(status_lines(path)):
        m = re.match(r"traffic up=(\d+) down=(\d+) connections=(\d+) samples=(\d+)", line)
        if m:
            return int(m.group(1)), int(m.group(2)), int(m.group(4))
    return None


def wait_for(pred, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.2)
    return pred()


def main():
    obfs4proxy = shutil.which("obfs4proxy")
    check(bool(browser.CHROMIUM), "chromium is installed (scripts/setup.sh installs it)")
    check(bool(obfs4proxy), "obfs4proxy is installed (scripts/setup.sh installs it)")
    if check.failures:
        check.finish("gui browser")
    work = tempfile.mkdtemp(prefix="ptd-gui-browser-")
    site, bridge, gui = None, None, None
    try:
        site = browser.Site()
        env = dict(os.environ, TOR_PT_MANAGED_TRANSPORT_VER="1", TOR_PT_SERVER_TRANSPORTS="obfs4",
                   TOR_PT_SERVER_BINDADDR="obfs4-127.0.0.1:0", TOR_PT_ORPORT="127.0.0.1:%d" % site.port,
                   TOR_PT_STATE_LOCATION=os.path.join(work, "bridge"),
                   TOR_PT_SERVER_TRANSPORT_OPTIONS="obfs4:iat-mode=0", TOR_PT_EXIT_ON_STDIN_CLOSE="1")
        bridge = ptproc.Pt([obfs4proxy], env=env, stderr=subprocess.DEVNULL).require()
        site.server_pid = bridge.pid
        args = ptproc.parse_args_field(bridge.methods[0][3])
        line = "obfs4 %s 0123456789ABCDEF0123456789ABCDEF01234567 cert=%s iat-mode=0" % (bridge.addr, args["cert"])
        print("bridge line: " + line, flush=True)

        ini = os.path.join(work, "gui.ini")
        with open(ini, "w") as f:  # the system proxy stays off: this test is about the browser
            f.write("[proxy]\nuseSystemProxy=false\n")
        status = os.path.join(work, "status")
        genv = dict(os.environ, QT_QPA_PLATFORM="offscreen", PTDISPATCHER_BIN=BIN, PTGUI_STATUS_FILE=status)
        t0 = time.monotonic()
        gui = subprocess.Popen([GUI, "--settings", ini, "--import", line, "--connect"], env=genv,
                               stdin=subprocess.DEVNULL)
        connected = wait_for(lambda: [l for l in status_lines(status) if l.startswith("link=Connected ")], 30)
        check(bool(connected), "the GUI says Connected after --import LINE --connect (%.1f s): %s"
              % (time.monotonic() - t0, (connected or status_lines(status)[-3:])[-1:]))
        if not connected:
            check.finish("gui browser")
        address = re.search(r"address=(\S+)", connected[-1]).group(1)
        host, port = ptproc.hostport(address)
        check(host == "127.0.0.1" and port > 0, "the GUI shows the SOCKS address %s" % address)

        # The bridge check at Connect went through obfs4proxy to the site too (obfs4proxy
        # dials its ORPort for every client, then closes): let it end, then count anew.
        time.sleep(1.0)
        site.reset()
        before = wait_for(lambda: last_traffic(status), 10)
        check(before is not None, "the GUI's traffic counters are running: %s" % (before,))
        run = browser.Chromium(work, "chromium", "http://127.0.0.1:%d/" % site.port, socks_port=port,
                               extra=["--dump-dom"])
        browser.check_dom(site, run, "through the GUI")
        # A socket whose process already closed it (chromium dropped a preconnect, the
        # dispatcher and then obfs4proxy closed their ends) can still be in the kernel's
        # table with no owner: that is a connection gone, as check_site counts those.
        # Any request on it would still fail the check.
        with site.lock:
            site.connections = [(p, owned, None if who == "owner unknown" else who)
                                for p, owned, who in site.connections]
        browser.check_site(site, "through the GUI (bridge: obfs4proxy)")
        png = len(site.png)
        after = wait_for(lambda: (lambda t: t if t and before and t[1] - before[1] >= png and t[2] > before[2] else None)(
            last_traffic(status)), 10)
        after = after or last_traffic(status)
        check(after is not None and before is not None and after[1] - before[1] >= png and after[0] > before[0],
              "the GUI's traffic counters moved: down %s -> %s (the page's image alone is %d bytes), up %s -> %s"
              % (before and before[1], after and after[1], png, before and before[0], after and after[0]))

        gui.send_signal(signal.SIGTERM)
        try:
            rc = gui.wait(15)
        except subprocess.TimeoutExpired:
            rc = "still running 15 s after SIGTERM"
        check(rc == 0, "SIGTERM quits the GUI the orderly way: exit %s" % rc)
        gone = wait_for(lambda: not any(l.startswith("link=") and "state=Running" in l
                                        for l in status_lines(status)[-1:]), 5)
        check(gone, "the GUI's last status is not Running: %s" % status_lines(status)[-1:])
    finally:
        if gui and gui.poll() is None:
            gui.kill()
            gui.wait()
        if bridge:
            bridge.stop()
        if site:
            site.stop()
        shutil.rmtree(work, ignore_errors=True)
    check.finish("gui browser")


if __name__ == "__main__":
    main()
