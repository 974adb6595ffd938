#!/usr/bin/env bash
# The NSIS installer under wine, as a Windows user (or an admin's script) runs it:
#  - a silent install (/S) into C:\ptdispatcher-test of a fresh wine prefix, with no
#    DLL search path from the build (the installed copy must stand alone);
#  - every DLL that the installed programs and their DLLs import is either installed
#    beside them or a Windows system DLL (read from the PE import tables);
#  - the Start-menu entry for the GUI exists;
#  - the installed ptdispatcher.exe -version runs, and the harness passes against it
#    (including a -state path with a drive letter, backslashes and non-ASCII);
#  - the installed GUI starts (--smoke-test, on Xvfb) and exits 0;
#  - with a DLL missing, the CLI exits at once (STATUS_DLL_NOT_FOUND) and the GUI
#    names the problem;
#  - the uninstaller (/S) removes every installed file, the Start-menu entry and the
#    uninstall registry key.
#   tests/windows/installer.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=$(realpath "$1")
source "$here/scripts/windows/env.sh"
unset WINEPATH QT_PLUGIN_PATH
setup=$(ls "$BUILD_DIR"/ptdispatcher-*-win64.exe | head -1)
prefix=$(mktemp -d /tmp/ptd-wine-install.XXXXXX)
trap '"$WINESERVER" -k 2>/dev/null || true; rm -rf "$prefix"' EXIT
pt_wine_prefix "$prefix"
fail() { echo "installer.sh: FAIL: $*"; exit 1; }

file "$setup" | grep -q 'PE32+' || fail "$setup is not a 64-bit (PE32+) installer"
"$WINE" "$setup" /S '/D=C:\ptdispatcher-test' >/dev/null 2>&1
"$WINESERVER" -w
inst=$prefix/drive_c/ptdispatcher-test
[ -f "$inst/bin/ptdispatcher.exe" ] || fail "ptdispatcher.exe not installed (have: $(ls -R "$inst" 2>/dev/null | head -20))"
[ -f "$inst/bin/ptdispatcher-gui.exe" ] || fail "ptdispatcher-gui.exe not installed"
[ -f "$inst/bin/platforms/qwindows.dll" ] || fail "the Qt windows platform plugin is not installed"
echo "installer.sh: installed $(find "$inst" -type f | wc -l) files"

# Every import resolved: beside the program, or a system DLL of the prefix.
sys32=$prefix/drive_c/windows/system32
missing=()
while IFS= read -r -d '' pe; do
  while read -r dll; do
    lower=${dll,,}
    [ -n "$(find "$inst/bin" -maxdepth 1 -iname "$dll" -print -quit)" ] && continue
    [ -n "$(find "$sys32" -maxdepth 1 -iname "$dll" -print -quit)" ] && continue
    case "$lower" in api-ms-win-*|ext-ms-*) continue ;; esac
    missing+=("$(basename "$pe"): $dll")
  done < <(x86_64-w64-mingw32-objdump -p "$pe" | sed -n 's/^\s*DLL Name: //p')
done < <(find "$inst" \( -iname '*.exe' -o -iname '*.dll' \) ! -iname 'uninstall.exe' -print0)
[ ${#missing[@]} -eq 0 ] || fail "imports not installed: ${missing[*]}"
echo "installer.sh: every import of $(find "$inst" -iname '*.exe' -o -iname '*.dll' | wc -l) programs and DLLs resolves"

lnk=$(find "$prefix/drive_c" -path '*Start Menu*' -iname 'ptdispatcher*.lnk' | head -1)
[ -n "$lnk" ] || fail "no Start-menu entry"
echo "installer.sh: Start-menu entry $(basename "$lnk")"

ver=$("$WINE" "$inst/bin/ptdispatcher.exe" -version 2>&1 | tr -d '\r' | head -1)
echo "$ver" | grep -q '[0-9]\.[0-9]' || fail "installed ptdispatcher.exe -version printed '$ver'"
echo "installer.sh: installed ptdispatcher.exe -version: $ver"

python3 "$here/tests/windows/harness.py" --cmd "$WINE $inst/bin/ptdispatcher.exe" --interrupt-reason Ctrl-C \
    --parent-cmd "$WINE cmd.exe /c C:\\\\ptdispatcher-test\\\\bin\\\\ptdispatcher.exe" \
    --state-dir 'C:\ptd state\ДанныеЁ' --state-dir-host "$prefix/drive_c/ptd state/ДанныеЁ" || fail "the harness failed against the installed copy"

pt_wine_new_session
QT_QPA_PLATFORM=windows timeout 120 xvfb-run -a "$WINE" "$inst/bin/ptdispatcher-gui.exe" --smoke-test >/dev/null 2>&1 \
  || fail "the installed GUI did not start (--smoke-test)"
echo "installer.sh: installed GUI starts"

# A missing DLL (a broken copy without libsodium): the CLI ends at once with the
# loader's STATUS_DLL_NOT_FOUND (0xC0000135; a Linux parent of wine sees its low byte,
# 53) instead of hanging on a dialog, and the GUI names the problem.
broken=$prefix/drive_c/broken
mkdir -p "$broken" && cp -r "$inst/bin/." "$broken/" && rm -f "$broken"/libsodium*.dll
rc=0; timeout 60 "$WINE" "$broken/ptdispatcher.exe" -version >/dev/null 2>&1 || rc=$?
[ "$rc" = 53 ] || fail "ptdispatcher.exe without libsodium exited $rc, expected 53 (STATUS_DLL_NOT_FOUND)"
rc=0
fakecert=$(printf 'A%.0s' $(seq 70))
pt_wine_new_session
msg=$(PTGUI_AUTOCONNECT=1 PTGUI_SETTLE_MS=0 \
      PTGUI_IMPORT="obfs4 127.0.0.1:9 0123456789ABCDEF0123456789ABCDEF01234567 cert=$fakecert iat-mode=0" \
      QT_QPA_PLATFORM=windows timeout 120 xvfb-run -a "$WINE" "$broken/ptdispatcher-gui.exe" --smoke-test 2>&1 \
      | tr -d '\r' | grep '^error:' || true)
echo "$msg" | grep -q 'DLL' || fail "the GUI did not name the missing DLL (it said: '$msg')"
echo "installer.sh: a missing DLL: the CLI exits 53 at once; the GUI says \"${msg#error: }\""

[ -f "$inst/Uninstall.exe" ] || fail "no Uninstall.exe"
"$WINE" "$inst/Uninstall.exe" /S >/dev/null 2>&1
"$WINESERVER" -w
# NSIS's uninstaller copies itself to %TEMP% and runs from there: wait for it.
for _ in $(seq 60); do [ -d "$inst" ] || break; sleep 0.5; done
[ ! -d "$inst" ] || fail "left behind after uninstall: $(find "$inst" | head -20)"
lnk=$(find "$prefix/drive_c" -path '*Start Menu*' -iname 'ptdispatcher*.lnk' | head -1)
[ -z "$lnk" ] || fail "Start-menu entry left behind: $lnk"
if "$WINE" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ptdispatcher' >/dev/null 2>&1; then
  fail "uninstall registry key left behind"
fi
echo "installer.sh: uninstall left nothing behind"
echo "installer.sh: passed"
