// The SOCKS5 server handshake (methods 00, 02 with Tor args, 09 JSON), input cut
// into chunks; a request that completes is answered, then a timeout fires.
#include "FuzzSupport.h"
#include "dispatcher/protocols/Socks5Server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pt::socks5::ServerHandshake hs;
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk)) {
        (void)hs.onBytes(chunk);
        if (hs.state() == pt::socks5::ServerHandshake::State::RequestReady) {
            (void)hs.reply(0x00, QStringLiteral("127.0.0.1"), 1080);
            (void)hs.takeLeftover();
        }
        if (hs.state() == pt::socks5::ServerHandshake::State::Failed) break;
    }
    (void)hs.onTimeout();
    return 0;
}
