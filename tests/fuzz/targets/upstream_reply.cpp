// Replies from an upstream proxy (SOCKS5, SOCKS4a, HTTP CONNECT): the first byte picks
// the kind and whether credentials are used; the rest is the proxy's answer in chunks.
#include "FuzzSupport.h"
#include "dispatcher/protocols/UpstreamProxyClient.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0) return 0;
    pt::proxy::Params p;
    p.type = data[0] % 3 == 0   ? pt::proxy::Type::Socks5
             : data[0] % 3 == 1 ? pt::proxy::Type::Socks4a
                                : pt::proxy::Type::Http;
    if (data[0] & 4) {
        p.user = QStringLiteral("user");
        p.password = QStringLiteral("pass");
    }
    p.destHost = (data[0] & 8) ? QStringLiteral("example.com") : QStringLiteral("192.0.2.1");
    p.destPort = 443;
    pt::proxy::ClientHandshake hs(p);
    (void)hs.start();
    pt::fuzz::Chunks chunks(data + 1, size - 1);
    QByteArray chunk;
    while (chunks.next(chunk) && hs.state() != pt::proxy::ClientHandshake::State::Failed)
        (void)hs.onBytes(chunk);
    (void)hs.takeLeftover();
    return 0;
}
