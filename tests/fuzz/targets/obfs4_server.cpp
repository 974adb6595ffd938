// An obfs4 server session (fixed identity) fed a "client handshake" in chunks, with
// its timers run: what a prober can send to a bridge.
#include "FuzzSupport.h"
#include "dispatcher/transports/Registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const auto server = [] {
        const pt::TransportFactory* f = pt::findTransport(QStringLiteral("obfs4"));
        return f->makeServer(pt::fuzz::obfs4ServerOptions(), pt::ServerTransportContext{}).value;
    }();
    if (!server) __builtin_trap();
    pt::fuzz::FixedEnv env;
    auto session = server->newSession(env);
    pt::SessionOutput out;
    session->start(out);
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk) && !out.failed()) {
        session->onWire(chunk, out);
        if (session->nextWakeupMs()) session->onTimer(out);
    }
    return 0;
}
