// An obfs4 client session fed a "server handshake" and frames in chunks: what a
// hostile or broken bridge can send back.
#include "FuzzSupport.h"
#include "dispatcher/transports/Registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QJsonObject opts;
    static const auto client = [] {
        const pt::TransportFactory* f = pt::findTransport(QStringLiteral("obfs4"));
        const auto server = f->makeServer(pt::fuzz::obfs4ServerOptions(), pt::ServerTransportContext{}).value;
        for (const auto& [k, v] : server->smethodArgs())
            opts.insert(k, v);
        opts.insert(QStringLiteral("serverAddress"), QStringLiteral("192.0.2.1:443"));
        return f->makeClient(opts).value;
    }();
    if (!client) __builtin_trap();
    pt::fuzz::FixedEnv env;
    pt::ClientSessionParams params;
    params.args = opts; // the dispatcher merges -options and per-connection args here
    auto made = client->newSession(params, env);
    if (!made.ok()) __builtin_trap();
    pt::SessionOutput out;
    made.value->start(out);
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk) && !out.failed())
        made.value->onWire(chunk, out);
    return 0;
}
