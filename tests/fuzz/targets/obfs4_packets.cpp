// What sits behind obfs4's secretbox: the input chooses the *decrypted* frame
// payloads (packet type, declared length, payload, padding: well-formed or not),
// which are sealed correctly with a fixed key, so the decoder's packet parser is
// reached (raw bytes stop at the first MAC; see obfs4_frames). Also checks
// properties: the decoder gives back every frame payload unchanged, in order,
// however the wire is cut; and a packet built by encodePacket() parses back to the
// same type and payload.
#include "FuzzSupport.h"
#include "dispatcher/transports/obfs4/Framing.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace pt::obfs4;
    uint8_t key[kDirectionKeyLength];
    for (size_t i = 0; i < sizeof key; ++i)
        key[i] = uint8_t(i * 13 + 5);
    FrameEncoder enc(key);
    QByteArray wire;
    std::vector<QByteArray> sent; // raw frame payloads, as sealed (empty for a built packet)
    std::vector<std::pair<uint8_t, QByteArray>> built; // per frame: type and payload (0xff: raw)
    pt::fuzz::Chunks chunks(data, size);
    QByteArray chunk;
    while (chunks.next(chunk)) {
        if (chunk.size() > kMaximumFramePayloadLength) chunk.truncate(kMaximumFramePayloadLength);
        // Low bit of the first byte: a raw frame payload (any packet bytes at all), or a
        // packet through encodePacket (type = the byte, padding from the next one).
        if (chunk.isEmpty() || (uint8_t(chunk[0]) & 1) == 0) {
            if (!enc.encode(reinterpret_cast<const uint8_t*>(chunk.constData()), int(chunk.size()), wire))
                __builtin_trap();
            sent.push_back(chunk);
            built.emplace_back(0xff, QByteArray());
            continue;
        }
        const uint8_t type = uint8_t(chunk[0]) >> 1;
        const int pad = chunk.size() > 1 ? uint8_t(chunk[1]) : 0;
        QByteArray payload = chunk.mid(2);
        if (payload.size() + kPacketOverhead + pad > kMaximumFramePayloadLength)
            payload.truncate(qMax(0, kMaximumFramePayloadLength - kPacketOverhead - pad));
        const qsizetype before = wire.size();
        if (!enc.encodePacket(type, payload, pad, wire)) __builtin_trap();
        if (wire.size() == before) __builtin_trap();
        sent.push_back(QByteArray()); // content checked through parsePacket below
        built.emplace_back(type, payload);
    }

    FrameDecoder dec(key, [](int lo, int) { return lo; });
    QByteArray buffer;
    qsizetype pos = 0, fed = 0;
    size_t got = 0;
    for (size_t i = 0; fed < wire.size(); ++i) {
        const qsizetype n = qMin<qsizetype>(wire.size() - fed, qsizetype(1 + (i * 197) % 1500));
        buffer += wire.mid(fed, n);
        fed += n;
        for (;;) {
            QByteArray payload;
            QString error;
            const auto st = dec.decode(buffer, pos, payload, error);
            if (st == FrameDecoder::Status::Error)
                __builtin_trap(); // every frame was sealed with the right key
            if (st == FrameDecoder::Status::NeedMore) break;
            if (got >= sent.size()) __builtin_trap();
            Packet packet;
            const bool parsed = parsePacket(payload, packet);
            if (built[got].first == 0xff) {
                if (payload != sent[got]) __builtin_trap();
            } else if (!parsed || packet.type != built[got].first || packet.payload != built[got].second) {
                __builtin_trap();
            }
            ++got;
        }
    }
    if (got != sent.size()) __builtin_trap();
    return 0;
}
