// A webtunnel server session (url https://bridge.test/secret) fed what a prober or a
// front can send, in chunks. Checks: a refused request gets one web page, an orderly
// close and no tunnel, whatever follows; a tunnel starts only with the 101 and then
// passes bytes unchanged both ways; the client address is empty, a bare IP or an
// IP host:port with a port tor accepts (not 0).
#include "FuzzSupport.h"
#include "dispatcher/base/HostPort.h"
#include "dispatcher/transports/Registry.h"
#include "dispatcher/transports/webtunnel/WebtunnelSession.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const auto server = [] {
        const pt::TransportFactory* f = pt::findTransport(QStringLiteral("webtunnel"));
        return f->makeServer(QJsonObject{{"url", "https://bridge.test/secret"}}, pt::ServerTransportContext{})
            .value;
    }();
    static const QByteArray k101 =
        "HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n";
    if (!server) __builtin_trap();
    pt::fuzz::FixedEnv env;
    auto session = server->newSession(env);
    pt::SessionOutput out;
    session->start(out);
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    QByteArray fed;
    while (chunks.next(chunk) && !out.failed()) {
        const bool wasUp = session->handshakeDone();
        const QByteArray wireBefore = out.toWire;
        const qsizetype appBefore = out.toApp.size();
        session->onWire(chunk, out);
        if (wasUp) {
            // The tunnel: bytes pass unchanged, nothing is answered.
            if (out.toApp.mid(appBefore) != chunk || out.toWire != wireBefore) __builtin_trap();
            pt::SessionOutput down;
            session->onApp(chunk, down);
            if (down.toWire != chunk) __builtin_trap();
            continue;
        }
        fed += chunk;
        if (session->handshakeDone()) {
            if (out.toWire != k101 || out.endWire) __builtin_trap();
            // What followed the request head in the same bytes is the stream's start.
            if (!fed.endsWith(out.toApp)) __builtin_trap();
            const QString client = session->clientAddress();
            if (!client.isEmpty() && !pt::isIpLiteral(client)) {
                const auto hp = pt::parseHostPort(client, false); // tor refuses port 0
                if (!hp || !pt::isIpLiteral(hp->host)) __builtin_trap();
            }
        } else if (out.endWire) {
            if (!out.toWire.startsWith("HTTP/1.1 4") && !out.toWire.startsWith("HTTP/1.1 5"))
                __builtin_trap();
            if (!out.toApp.isEmpty() || out.toWire.contains("101 Switching")) __builtin_trap();
        } else if (!out.toWire.isEmpty() || !out.toApp.isEmpty()) {
            __builtin_trap(); // nothing is said before the request is complete
        }
    }
    if (out.endWire) {
        // Refused for good: later bytes change nothing.
        const QByteArray page = out.toWire;
        session->onWire(
            "GET /secret HTTP/1.1\r\nHost: b\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n", out);
        if (out.toWire != page || session->handshakeDone() || !out.toApp.isEmpty()) __builtin_trap();
    }
    return 0;
}
