#!/usr/bin/env bash
# Real tor (Linux) launching the Windows dispatcher under wine as its managed PT,
# through a wrapper script, on each side in turn: the Windows build as the
# ClientTransportPlugin against a bridge running the Linux build, then as the
# ServerTransportPlugin (with the Extended ORPort) against a Linux client. Both over
# obfs4; tests/interop/tor_pair.sh does the checks on tor's own logs.
#   tests/windows/tor.sh PTDISPATCHER.EXE
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
exe=$(realpath "$1")
linux_bin=${PT_LINUX_BIN:-$here/build/dispatcher/ptdispatcher}
source "$here/scripts/windows/env.sh"
pt_wine_prefix "${PT_WINEPREFIX:-$(dirname "$(dirname "$exe")")/wineprefix}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# tor gives its PTs a reduced environment (no PATH): everything wine needs is
# written into the wrapper.
cat > "$work/ptdispatcher-wine" <<EOT
#!/bin/sh
# tor runs this; it runs the Windows dispatcher under wine with tor's TOR_PT_* variables.
export WINEPREFIX="$WINEPREFIX" WINEPATH='$WINEPATH' WINEDEBUG=-all WINEDLLOVERRIDES='$WINEDLLOVERRIDES'
export PATH=/usr/bin:/bin HOME="\${HOME:-/root}"
exec "$WINE" "$exe" "\$@"
EOT
chmod +x "$work/ptdispatcher-wine"
status=0
echo "tor.sh: Windows dispatcher as tor's client PT, Linux bridge"
bash "$here/tests/interop/tor_pair.sh" "$linux_bin" obfs4 "$linux_bin" "$work/ptdispatcher-wine" || status=1
echo "tor.sh: Windows dispatcher as tor's bridge PT (Extended ORPort), Linux client"
bash "$here/tests/interop/tor_pair.sh" "$linux_bin" obfs4 "$work/ptdispatcher-wine" "$linux_bin" || status=1
exit $status
