// The obfs4 frame decoder after a handshake (fixed keys): length masks, secretbox
// MACs, packet parsing, over arbitrary bytes in chunks.
#include "FuzzSupport.h"
#include "dispatcher/transports/obfs4/Framing.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    uint8_t key[pt::obfs4::kDirectionKeyLength];
    for (size_t i = 0; i < sizeof key; ++i)
        key[i] = uint8_t(i * 7 + 1);
    pt::obfs4::FrameDecoder dec(key, [](int lo, int) { return lo; });
    QByteArray buffer;
    qsizetype pos = 0;
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk)) {
        buffer += chunk;
        for (;;) {
            QByteArray payload;
            QString error;
            const auto st = dec.decode(buffer, pos, payload, error);
            if (st == pt::obfs4::FrameDecoder::Status::Error) return 0;
            if (st == pt::obfs4::FrameDecoder::Status::NeedMore) break;
        }
    }
    return 0;
}
