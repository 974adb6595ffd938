// A webtunnel client session (http:// url, so no TLS) fed a server's reply in chunks:
// what a hostile or broken server, or a censor's middlebox, can answer. Checks: the
// request goes out once; no application byte is delivered or sent before a proper 101;
// after it, bytes pass unchanged both ways.
#include "FuzzSupport.h"
#include "dispatcher/transports/Registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const auto client = [] {
        const pt::TransportFactory* f = pt::findTransport(QStringLiteral("webtunnel"));
        return f->makeClient(QJsonObject{{"url", "http://bridge.test/secret"}}).value;
    }();
    if (!client) __builtin_trap();
    pt::fuzz::FixedEnv env;
    pt::ClientSessionParams params;
    params.args = QJsonObject{{"url", "http://bridge.test/secret"}};
    auto r = client->newSession(params, env);
    if (!r.ok()) __builtin_trap();
    auto& session = *r.value;
    pt::SessionOutput out;
    session.start(out);
    const QByteArray request = out.toWire;
    if (!request.startsWith("GET /secret HTTP/1.1\r\n")) __builtin_trap();
    session.onApp("early", out);
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk) && !out.failed()) {
        const bool wasUp = session.handshakeDone();
        const qsizetype appBefore = out.toApp.size();
        session.onWire(chunk, out);
        if (wasUp && out.toApp.mid(appBefore) != chunk) __builtin_trap();
        if (!session.handshakeDone() && (!out.toApp.isEmpty() || out.toWire != request)) __builtin_trap();
        if (session.handshakeDone() && out.toWire != request + "early") __builtin_trap();
    }
    if (session.handshakeDone()) {
        pt::SessionOutput up;
        session.onApp("more", up);
        if (up.toWire != "more") __builtin_trap();
    }
    return 0;
}
