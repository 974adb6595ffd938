#!/usr/bin/env bash
# Real tor, both sides, with ptdispatcher as the managed PT: a private bridge
# (ServerTransportPlugin, ExtORPort) and a tor client (ClientTransportPlugin,
# Bridge line) on loopback. Passes when tor launched our PT on both sides over
# TOR_PT_*, the client's link handshake with the bridge went through our PT, and the
# bridge saw the connection through the Extended ORPort with our transport's name.
# Usage: tor_pair.sh PTDISPATCHER TRANSPORT [BRIDGE_PT [CLIENT_PT]]
#   BRIDGE_PT / CLIENT_PT default to PTDISPATCHER; give /usr/bin/obfs4proxy for one
#   side to check our obfs4 against obfs4proxy under real tor.
# Every torrc carries the dead loopback DirAuthority so tor never dials the Internet.
set -u
PT=$1
TRANSPORT=${2:-plain}
BRIDGE_PT=${3:-$PT}
CLIENT_PT=${4:-$PT}
BRIDGE_CMD="$BRIDGE_PT"; [ "$BRIDGE_PT" = "$PT" ] && BRIDGE_CMD="$PT -ipcLogLevel INFO"
command -v tor >/dev/null || { echo "FAIL: tor is not installed (run scripts/setup.sh)"; exit 1; }
D=$(mktemp -d /tmp/ptd-tor-XXXXXX)
trap 'kill $(cat "$D"/*.pid 2>/dev/null) 2>/dev/null; sleep 0.5; kill -9 $(cat "$D"/*.pid 2>/dev/null) 2>/dev/null; rm -rf "$D"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ORPORT=$(free_port); PTPORT=$(free_port); SOCKSPORT=$(free_port); FAKEOR=$(free_port); FAKEDIR=$(free_port)
FAKEAUTH="DirAuthority fakeauth orport=$FAKEOR no-v2 v3ident=0000000000000000000000000000000000000001 127.0.0.1:$FAKEDIR 0000 0000 0000 0000 0000 0000 0000 0000 0000 0001"
mkdir -p "$D/bridge" "$D/client" && chmod 700 "$D/bridge" "$D/client"

OPTS=""
[ "$TRANSPORT" = obfs4 ] && OPTS="ServerTransportOptions obfs4 iat-mode=0"
if [ "$TRANSPORT" = meek_lite ]; then
  # meek: our server speaks TLS itself with a self-signed certificate that the client
  # trusts through SSL_CERT_FILE (tor passes its environment to the PTs); the client
  # dials the url's host, the bridge line's address is a placeholder.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$D/meek-key.pem" \
    -out "$D/meek-cert.pem" -days 1 -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    >/dev/null 2>&1 || { echo "FAIL: openssl could not make a certificate"; exit 1; }
  OPTS="ServerTransportOptions meek_lite cert=$D/meek-cert.pem key=$D/meek-key.pem"
  export SSL_CERT_FILE="$D/meek-cert.pem"
fi
cat > "$D/bridge.torrc" <<EOT
DataDirectory $D/bridge
SocksPort 0
ControlPort 0
ORPort 127.0.0.1:$ORPORT
Address 127.0.0.1
BridgeRelay 1
ExitRelay 0
ExitPolicy reject *:*
PublishServerDescriptor 0
AssumeReachable 1
ExtORPort auto
ServerTransportPlugin $TRANSPORT exec $BRIDGE_CMD
ServerTransportListenAddr $TRANSPORT 127.0.0.1:$PTPORT
$OPTS
$FAKEAUTH
SafeLogging 0
LogTimeGranularity 1
LogMessageDomains 1
Log notice file $D/bridge-notice.log
Log [general]debug [or,config]info file $D/bridge-proof.log
EOT
tor -f "$D/bridge.torrc" --RunAsDaemon 0 >"$D/bridge-stdout.log" 2>&1 & echo $! > "$D/bridge.pid"
for i in $(seq 300); do grep -q "Registered server transport '$TRANSPORT'" "$D/bridge-notice.log" 2>/dev/null && [ -s "$D/bridge/fingerprint" ] && break; sleep 0.1; done
FP=$(awk '{print $2}' "$D/bridge/fingerprint" 2>/dev/null)
ARGS=""
[ "$TRANSPORT" = meek_lite ] && ARGS="url=https://localhost:$PTPORT/"
if [ "$TRANSPORT" = obfs4 ]; then
  ARGS=$(sed -n "s/^Bridge obfs4 .* \(cert=[^ ]* iat-mode=[0-9]\).*/\1/p" "$D/bridge/pt_state/obfs4_bridgeline.txt" 2>/dev/null)
fi
cat > "$D/client.torrc" <<EOT
DataDirectory $D/client
SocksPort 127.0.0.1:$SOCKSPORT
ControlPort 0
UseBridges 1
ClientTransportPlugin $TRANSPORT exec $CLIENT_PT
Bridge $TRANSPORT 127.0.0.1:$PTPORT $FP $ARGS
$FAKEAUTH
SafeLogging 0
LogTimeGranularity 1
Log notice file $D/client-notice.log
Log info file $D/client-info.log
EOT
tor -f "$D/client.torrc" --RunAsDaemon 0 >"$D/client-stdout.log" 2>&1 & echo $! > "$D/client.pid"
for i in $(seq 400); do grep -q "Bootstrapped 30%" "$D/client-notice.log" 2>/dev/null && break; sleep 0.1; done
sleep 1

ok=0; bad=0
chk() { if grep -qE "$2" "$D/$1"; then echo "PASS $1: $2"; ok=$((ok+1)); else echo "FAIL $1: $2"; bad=$((bad+1)); fi; }
chk bridge-notice.log "Registered server transport '$TRANSPORT' at '127.0.0.1:$PTPORT'"
chk client-info.log   "register_client_proxy\(\): Successfully registered transport $TRANSPORT"
chk client-notice.log "Bootstrapped 2% \(conn_done_pt\)"
chk client-info.log   "Got some good certificates on OR connection .* with 127.0.0.1:$PTPORT .*Authenticated it with RSA and Ed25519"
chk client-notice.log "Bootstrapped 15% \(handshake_done\)"
chk client-info.log   "Got good NETINFO cell on OR connection \(open\) with 127.0.0.1:$PTPORT"
chk bridge-proof.log  "connection_ext_or_auth_handle_client_hash\(\): Got client's hash and it was legit"
chk bridge-proof.log  "geoip_note_client_seen\(\): Seen client from '127.0.0.1' with transport '$TRANSPORT'"
echo "checks: $ok passed, $bad failed"
if [ "$bad" -gt 0 ]; then
  echo "--- bridge notice"; tail -20 "$D/bridge-notice.log"
  echo "--- client notice"; tail -20 "$D/client-notice.log"
  grep -iE "managed proxy|transport|ExtOR|ext_or" "$D/bridge-proof.log" | tail -20
  exit 1
fi
