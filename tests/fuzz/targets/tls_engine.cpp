// The sans-IO TLS engine (protocols/Tls) fed what a network peer can send, in chunks:
// byte 0 picks a client engine (verifying, or pinned) or a server engine; then
// ciphertext, and EOF at the end. No handshake can complete against bytes that do not
// know the keys, so: no application byte ever comes out, no handshake is reported
// done, and what the engine answers (hellos, alerts) stays small.
#include "../../common/TestCerts.h"
#include "FuzzSupport.h"
#include "dispatcher/protocols/Tls.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const auto serverCtx = [] {
        const pt::testcerts::Identity id =
            pt::testcerts::makeIdentity("bridge.test", nullptr, false, "DNS:bridge.test");
        QString err;
        return pt::tls::Context::server(id.certPem, id.keyPem, &err);
    }();
    static const auto clientCtx = [] {
        pt::tls::ClientOptions o;
        o.alpn = {QByteArrayLiteral("http/1.1")};
        QString err;
        return pt::tls::Context::client(o, &err);
    }();
    if (!serverCtx || !clientCtx) __builtin_trap();
    if (size == 0) return 0;
    std::unique_ptr<pt::tls::Engine> engine;
    switch (data[0] % 3) {
    case 0:
        engine = pt::tls::Engine::server(serverCtx);
        break;
    case 1:
        engine = pt::tls::Engine::client(clientCtx, QStringLiteral("bridge.test"), QString(), QByteArray());
        break;
    default:
        engine =
            pt::tls::Engine::client(clientCtx, QStringLiteral("bridge.test"), QString(), QByteArray(32, 'p'));
        break;
    }
    engine->writeApp("application bytes waiting for the handshake");
    engine->start();
    qint64 answered = engine->takeWire().size();
    pt::fuzz::Chunks chunks(data + 1, size - 1);
    QByteArray chunk;
    while (chunks.next(chunk) && !engine->failed()) {
        engine->feedWire(chunk);
        answered += engine->takeWire().size();
        if (engine->handshakeDone() || !engine->takeApp().isEmpty()) __builtin_trap();
    }
    engine->feedWireEof();
    answered += engine->takeWire().size();
    if (engine->handshakeDone() || !engine->takeApp().isEmpty() || answered > 16 * 1024) __builtin_trap();
    if (engine->failed() && engine->error().isEmpty()) __builtin_trap();
    return 0;
}
