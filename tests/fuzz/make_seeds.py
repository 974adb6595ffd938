#!/usr/bin/env python3
"""Writes the seed corpus (tests/fuzz/corpus/<target>/seed-*) from well-formed inputs.
Chunked targets take [len-1][bytes]... records (see FuzzSupport.h Chunks)."""
import json
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def chunked(data, cut=40):
    out = b""
    for i in range(0, len(data), cut):
        piece = data[i:i + cut]
        out += bytes([len(piece) - 1]) + piece
    return out


seeds = {
    "ipc_line": [b"VERSION 3.0", b"CMETHOD obfs4 socks5 127.0.0.1:1080",
                 b"SMETHOD obfs4 0.0.0.0:443 ARGS:cert=AAAA\\,BB,iat-mode=0", b"LOG SEVERITY=notice MESSAGE=\"hi\"",
                 b"LOG INFO some text", b"STATUS TRANSPORT=obfs4 CONNECTIONS=1 BYTES-UP=10 BYTES-DOWN=20",
                 b"ENV-ERROR bad flag", b"CMETHODS DONE", b"PROXY DONE", b"VERSION-ERROR no-version"],
    "config_flags": [b"-transports\0obfs4\0-mode\0socks5\0-proxylistenaddr\0127.0.0.1:0",
                     b"-server\0-transports\0shadow\0-bindaddr\0shadow-127.0.0.1:0\0-target\0127.0.0.1:1",
                     b"ENV:TOR_PT_MANAGED_TRANSPORT_VER=1\0ENV:TOR_PT_CLIENT_TRANSPORTS=obfs4\0ENV:TOR_PT_PROXY=socks5://u:p@127.0.0.1:1",
                     b"--ptversion=2,3.0\0-transport\0plain\0-ipcLogLevel\0DEBUG\0-proxy\0http://127.0.0.1:8080",
                     b"-server\0-transports\0obfs4\0-extorport\0127.0.0.1:1\0-authcookie\0/x\0-bindhost\0127.0.0.1\0-bindport\0443"],
    "options_json": [json.dumps({"obfs4": {"cert": "A" * 70, "iat-mode": "0"}}).encode(),
                     json.dumps({"shadow": {"password": "p", "cipherName": "aes-128-gcm", "serverAddress": "1.2.3.4:8388"}}).encode(),
                     b"{obfs4: {cert: abc, iat-mode: 1}}", b"{\"plain\":{\"serverAddress\":\"[::1]:1\"}}"],
    "socks5_server": [chunked(b"\x05\x01\x00\x05\x01\x00\x01\x7f\x00\x00\x01\x00\x50hello"),
                      chunked(b"\x05\x01\x02\x01\x0bcert=AA;x=1\x01\x00\x05\x01\x00\x03\x0bexample.com\x01\xbb"),
                      chunked(b"\x05\x01\x09" + struct.pack(">I", 16) + b'{"cert":"abcde"}' + b"\x05\x01\x00\x04" + b"\x00" * 15 + b"\x01\x00\x01\xbb", 7)],
    "upstream_reply": [b"\x00" + chunked(b"\x05\x00\x05\x00\x00\x01\x7f\x00\x00\x01\x00\x50"),
                       b"\x04" + chunked(b"\x05\x02\x01\x00\x05\x00\x00\x03\x04abcd\x00\x50"),
                       b"\x01" + chunked(b"\x00\x5a\x00\x00\x00\x00\x00\x00"),
                       b"\x02" + chunked(b"HTTP/1.1 200 Connection established\r\nX: y\r\n\r\ndata"),
                       b"\x06" + chunked(b"HTTP/1.0 407 Proxy Authentication Required\r\n\r\n")],
    "extorport": [chunked(b"\x01\x00" + b"s" * 32 + b"n" * 32 + b"\x01" + b"\x10\x00\x00\x00\x00\x00\x00", 20)],
    "udp_framing": [chunked(b"\x00\x05hello\x00\x00\x00\x03abc"),
                    chunked(b"\x00\x01\x00\x00\x21\x12\xa4\x42" + b"t" * 12 + b"\x40\x01\x00\x05abcde\x00\x00\x00")],
    "obfs4_server": [chunked(os.urandom(0) + bytes(range(256)) * 30, 200)],
    "obfs4_client": [chunked(bytes(range(256)) * 30, 200)],
    "obfs4_frames": [chunked(bytes(range(256)) * 4, 60)],
    "shadow_sessions": [b"\x00" + chunked(bytes(range(256)) * 2, 100), b"\x81" + chunked(bytes(range(200)), 50),
                        b"\x02" + chunked(b"\x00" * 32 + b"\x00\x10" + b"\x11" * 16, 30)],
    "shadow_plaintext": [b"\x00" + chunked(b"\x01\x7f\x00\x00\x01\x00\x50GET / HTTP/1.0\r\n\r\n", 5),
                         b"\x01" + chunked(b"\x03\x0bexample.com\x01\xbb" + b"data" * 10, 3),
                         b"\x02" + chunked(b"\x04" + b"\x00" * 15 + b"\x01\x00\x35" + b"x", 7),
                         b"\x00" + chunked(b"\x05garbage"), b"\x01" + chunked(b"\x03\x00\x00\x50")],
    # obfs4_packets: a chunk starting with an odd byte is a packet built by encodePacket
    # (type = byte >> 1, then a padding length); an even one is a raw frame payload.
    "obfs4_packets": [chunked(b"\x01\x00hello") + chunked(b"\x03\x10" + bytes(range(24)))
                      + chunked(b"\x00\x00\x05hello") + chunked(b"\x00\xff\xffxx") + chunked(b"\x01\x40" + b"y" * 200, 255),
                      chunked(b"\x02\x00\x00") + chunked(b"\xfe\x05")],
    # describe_json: what -describe-transports prints (the whole output of a real run is
    # kept beside these as corpus/describe_json/dispatcher-output).
    "describe_json": [json.dumps({"format": 1, "program": "p", "transports": [
                          {"name": "obfs4", "help": "h", "roles": {
                              "client": {"options": [{"name": "iat-mode", "type": "enum", "choices": ["0", "1", "2"],
                                                      "required": False, "secret": False, "default": "0", "help": "x"}]},
                              "server": {"options": [{"name": "private-key", "type": "hex", "secret": True}]}}}]}).encode(),
                      json.dumps({"format": 1, "transports": [{"name": "x", "roles": {"client": {"options": [
                          {"name": "u", "type": "future-type", "extra": [1, 2]}]}}}]}).encode(),
                      b'{"format": 2, "transports": []}',
                      b'{"format": 1, "transports": [{"name": "a", "roles": {}}, {"name": "a", "roles": {}}]}'],
    # meek_server: requests as meek clients and fronts send them, then probes.
    "meek_server": [chunked(b"POST / HTTP/1.1\r\nHost: meek.test\r\nX-Session-Id: 00112233445566778899aabbccddeeff\r\n"
                            b"Content-Length: 5\r\n\r\nhello"
                            b"POST /meek/ HTTP/1.1\r\nHost: meek.test\r\nX-Session-Id: 00112233445566778899aabbccddeeff\r\n"
                            b"X-Forwarded-For: 192.0.2.7\r\nContent-Length: 0\r\n\r\n", 30),
                    chunked(b"POST / HTTP/1.1\r\nHost: m\r\nX-Session-Id: abcdefgh\r\nTransfer-Encoding: chunked\r\n\r\n"
                            b"3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: m\r\n\r\nHEAD / HTTP/1.1\r\nHost: m\r\n\r\n", 17),
                    chunked(b"POST / HTTP/1.1\r\nHost: m\r\nX-Session-Id: abcdefgh\r\nContent-Length: 65537\r\n\r\n" + b"x" * 300, 60),
                    chunked(b"PUT / HTTP/1.1\r\nHost: m\r\n\r\nPOST / HTTP/1.1\r\nHost: m\r\nConnection: close\r\n"
                            b"X-Session-Id: 1234567\r\n\r\n", 255),
                    chunked(b"POST / HTTP/1.0\r\nX-Session-Id: abcdefghij\r\nForwarded: for=\"[2001:db8::1]:4711\"\r\n"
                            b"Content-Length: 2\r\n\r\nhi", 9)],
}

# HTTP/1.1 (webtunnel, meek). http1_codec: byte 0 = mode (bit 0: request), the method
# responses answer (bits 1-2: GET, HEAD, CONNECT, POST) and small limits (bits 3-6).
UPGRADE = (b"GET /secret HTTP/1.1\r\nHost: bridge.test\r\nUser-Agent: Go-http-client/1.1\r\n"
           b"Connection: upgrade\r\nUpgrade: websocket\r\nX-Forwarded-For: 203.0.113.7, 10.0.0.1\r\n\r\n")
SWITCH = b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"
seeds.update({
    "http1_codec": [b"\x01" + chunked(UPGRADE + b"stream bytes", 17),
                    b"\x01" + chunked(b"POST /meek/ HTTP/1.1\r\nHost: meek.test\r\nX-Session-Id: abc\r\n"
                                      b"Content-Length: 5\r\n\r\nhelloGET / HTTP/1.0\r\n\r\n", 9),
                    b"\x01" + chunked(b"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                      b"5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\n", 11),
                    b"\x00" + chunked(SWITCH + b"raw"),
                    b"\x00" + chunked(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 204 No Content\r\n\r\n", 6),
                    b"\x00" + chunked(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n", 5),
                    b"\x02" + chunked(b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n"),
                    b"\x04" + chunked(b"HTTP/1.1 200 Connection established\r\n\r\ntunnel"),
                    b"\x00" + chunked(b"HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil close", 4),
                    b"\x09" + chunked(b"GET / HTTP/1.1\r\nHost: h\r\nX: " + b"a" * 300 + b"\r\n\r\n", 50),
                    b"\x01" + chunked(b"GET / HTTP/1.1\r\nHost: h\r\nX: 1\r\n folded\r\n\r\n"),
                    b"\x01" + chunked(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(64)))],
    "webtunnel_server": [chunked(UPGRADE + b"\x16\x03\x01tor cells", 13),
                         chunked(UPGRADE) + chunked(b"after the upgrade" * 10, 30),
                         chunked(b"GET /wrong HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"),
                         chunked(b"GET /secret HTTP/1.1\r\nHost: b\r\nUser-Agent: Mozilla/5.0\r\n\r\n", 7),
                         chunked(b"POST /secret HTTP/1.1\r\nHost: b\r\nContent-Length: 3\r\n\r\nabc"),
                         chunked(b"GET /secret HTTP/1.1\r\nHost: b\r\nConnection: Upgrade\r\nUpgrade: WebSocket\r\n"
                                 b"X-Forwarded-For: [2001:db8::1]:443\r\n\r\n"),
                         chunked(bytes(range(256)) * 3, 100)],
    "webtunnel_client": [chunked(SWITCH + b"stream", 5) + chunked(b"more stream bytes"),
                         chunked(b"HTTP/1.1 101 Switching Protocols\r\nCONNECTION: Upgrade\r\nupgrade: WebSocket\r\n\r\n"),
                         chunked(b"HTTP/1.1 404 Not Found\r\nServer: nginx\r\nContent-Length: 5\r\n\r\nnope!"),
                         chunked(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: upgrade\r\n\r\n", 3)],
})

# tls_engine: byte 0 = 0 server, 1 client, 2 pinned client; then what the peer sends.
# A TLS 1.2 record header with a ServerHello-shaped start, a ClientHello-shaped start,
# an alert, and plain HTTP where TLS was expected.
seeds.update({
    "tls_engine": [b"\x00" + chunked(b"\x16\x03\x01\x00\x40\x01\x00\x00\x3c\x03\x03" + bytes(range(32)) + b"\x00\x00\x02\x13\x01\x01\x00", 9),
                   b"\x01" + chunked(b"\x16\x03\x03\x00\x30\x02\x00\x00\x2c\x03\x03" + bytes(range(32)) + b"\x00\x13\x01\x00", 5),
                   b"\x02" + chunked(b"\x15\x03\x03\x00\x02\x02\x28"),
                   b"\x01" + chunked(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")],
})

# bridge_line: what users paste (Tor bridge lines, ss:// links), good and bad.
seeds.update({
    "bridge_line": [b"Bridge obfs4 192.0.2.1:443 0123456789ABCDEF0123456789ABCDEF01234567 cert=" + b"A" * 70 + b" iat-mode=0",
                    b"obfs4 [2001:db8::1]:443 cert=abc iat-mode=1",
                    b"webtunnel [2001:db8::2]:443 0123456789ABCDEF0123456789ABCDEF01234567 url=https://example.com/secret ver=0.0.1",
                    b"meek_lite 192.0.2.18:80 url=https://meek.example.net/ front=www.example.com utls=HelloRandomizedALPN",
                    b"plain 127.0.0.1:9000", b"obfs2 10.0.0.1:1",
                    b"ss://YWVzLTEyOC1nY206c2VjcmV0@127.0.0.1:8388#my%20server",
                    b"ss://chacha20-ietf-poly1305:p%40ss@[::1]:8388/?outline=1",
                    b"ss://YWVzLTI1Ni1nY206cA@host.example:1/?plugin=obfs-local",
                    b"Bridge 1.2.3.4:443 0123456789ABCDEF0123456789ABCDEF01234567",
                    b"obfs4 1.2.3.4:99999 cert=x", b"obfs4 [::1:443 cert=x", b"shadow 1.2.3.4:1 password=a cipherName=b target=x:1"],
})

for target, inputs in seeds.items():
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    for i, data in enumerate(inputs):
        with open(os.path.join(d, "seed-%d" % i), "wb") as f:
            f.write(data)
print("wrote", sum(len(v) for v in seeds.values()), "seeds")
