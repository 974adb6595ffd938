// Shadowsocks AEAD server and client sessions (fixed password) fed arbitrary bytes in
// chunks: salts, length chunks, tags, target addresses. The first byte picks the cipher.
#include "FuzzSupport.h"
#include "dispatcher/transports/Registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    static const char* ciphers[] = {"chacha20-ietf-poly1305", "aes-128-gcm", "aes-256-gcm"};
    const QJsonObject opts{
        {"password", "fuzz"}, {"cipherName", ciphers[data[0] % 3]}, {"serverAddress", "192.0.2.1:8388"}};
    const pt::TransportFactory* f = pt::findTransport(QStringLiteral("shadow"));
    pt::fuzz::FixedEnv env;
    if (data[0] & 0x80) {
        const auto client = f->makeClient(opts);
        if (!client.ok()) __builtin_trap();
        pt::ClientSessionParams params;
        params.args = opts;
        params.connectHost = QStringLiteral("example.com");
        params.connectPort = 80;
        auto made = client.value->newSession(params, env);
        if (!made.ok()) __builtin_trap();
        pt::SessionOutput out;
        made.value->start(out);
        made.value->onApp(QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n"), out);
        pt::fuzz::Chunks chunks(data + 1, size - 1);
        QByteArray chunk;
        while (chunks.next(chunk) && !out.failed())
            made.value->onWire(chunk, out);
    } else {
        const auto server = f->makeServer(opts, pt::ServerTransportContext{});
        if (!server.ok()) __builtin_trap();
        auto session = server.value->newSession(env);
        pt::SessionOutput out;
        session->start(out);
        pt::fuzz::Chunks chunks(data + 1, size - 1);
        QByteArray chunk;
        while (chunks.next(chunk) && !out.failed())
            session->onWire(chunk, out);
    }
    return 0;
}
