#!/usr/bin/env bash
# Builds the Debian package with CPack and checks what a user gets from it:
#   1. the package holds the CLI, the GUI, the man page, the desktop file, the icon
#      and the copyright file, and declares its library dependencies;
#   2. extracted into a fresh directory tree, the installed `ptdispatcher` answers
#      VERSION and CMETHOD, and the installed GUI starts offscreen and quits;
#   3. as root with PT_PACKAGE_INSTALL=1 (scripts/test.sh sets it in CI), `dpkg -i`
#      installs it on this machine, /usr/bin/ptdispatcher works, and it is removed.
# Usage: test_deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/out/ptdispatcher_*.deb)
echo "built $(basename "$deb")"

dpkg-deb -c "$deb" >"$work/contents"
for f in ./usr/bin/ptdispatcher ./usr/bin/ptdispatcher-gui ./usr/share/man/man1/ptdispatcher.1.gz \
         ./usr/share/applications/ptdispatcher-gui.desktop ./usr/share/icons/hicolor/scalable/apps/ptdispatcher.svg \
         ./usr/share/doc/ptdispatcher/copyright; do
    grep -q " $f\$" "$work/contents" || fail "package lacks $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6network6 libqt6widgets6 libsodium23 libssl3; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

# Check a ptdispatcher binary: VERSION 3.0 then CMETHOD plain socks5 then DONE.
check_cli() {
    local bin=$1 out
    out=$(timeout 5 bash -c "\"$bin\" -transports plain -ptversion 3.0 -state \"$work/state\" & p=\$!; sleep 1; kill \$p" 2>&1 || true)
    echo "$out" | sed 's/^/  /'
    [[ $(echo "$out" | sed -n 1p) == "VERSION 3.0" ]] || fail "$bin: no VERSION 3.0 first"
    echo "$out" | grep -qE '^CMETHOD plain socks5 127\.0\.0\.1:[0-9]+$' || fail "$bin: no CMETHOD"
    echo "$out" | grep -q '^CMETHODS DONE$' || fail "$bin: no CMETHODS DONE"
}

dpkg-deb -x "$deb" "$work/root"
check_cli "$work/root/usr/bin/ptdispatcher"
"$work/root/usr/bin/ptdispatcher" --version | grep -q '^ptdispatcher ' || fail "--version"
gzip -dc "$work/root/usr/share/man/man1/ptdispatcher.1.gz" | grep -q '^.SH SYNOPSIS' || fail "man page"
QT_QPA_PLATFORM=offscreen PTDISPATCHER_BIN="$work/root/usr/bin/ptdispatcher" \
    timeout 60 "$work/root/usr/bin/ptdispatcher-gui" --smoke-test || fail "GUI smoke test from the package"
echo "extracted package: CLI and GUI work"

if [ "${PT_PACKAGE_INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
    if dpkg-query -W -f='${Status}' ptdispatcher 2>/dev/null | grep -q "install ok installed"; then
        fail "ptdispatcher is already installed here; not touching it"
    fi
    dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
    trap 'dpkg -r ptdispatcher >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    check_cli /usr/bin/ptdispatcher
    QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/ptdispatcher-gui --smoke-test || fail "installed GUI"
    man -w ptdispatcher >/dev/null 2>&1 || [ -f /usr/share/man/man1/ptdispatcher.1.gz ] || fail "man page not installed"
    dpkg -r ptdispatcher >/dev/null || fail "dpkg -r"
    echo "dpkg -i: installed, ran, removed"
fi
echo PASS
