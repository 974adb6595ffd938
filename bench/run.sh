#!/usr/bin/env bash
# Runs every benchmark against the peers measured in the same run.
# Usage: bench/run.sh [seconds]   (builds first through scripts/setup.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$here/build}
"$here/scripts/setup.sh" >/dev/null
bin="$BUILD_DIR/dispatcher/ptdispatcher"
echo "== plain pair vs socat chain"
python3 "$here/bench/bench_plain.py" "$bin" "${1:-5}"
echo "== UDP through the pair vs a direct UDP echo"
python3 "$here/bench/bench_udp.py" "$bin" "${1:-3}"
echo "== memory per 1,000 idle obfs4 connections vs obfs4proxy"
python3 "$here/bench/bench_memory.py" "$bin" 1000
echo "== webtunnel (client -> nginx TLS -> server) vs a plain TLS relay (socat OPENSSL pair)"
python3 "$here/bench/bench_webtunnel.py" "$bin"
echo "== meek throughput and round trips, straight and through nginx"
python3 "$here/bench/bench_meek.py" "$bin"
echo "== obfs4 iat-mode 1 and 2: our pacing against obfs4proxy's on the wire (same identity)"
python3 "$here/bench/bench_obfs4_iat.py" "$bin" 2 1,2
for b in "$here"/bench/bench_*.sh; do
  [ -e "$b" ] || continue
  echo "== $(basename "$b")"
  bash "$b" "$bin"
done
