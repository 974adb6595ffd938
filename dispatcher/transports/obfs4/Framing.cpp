#include "dispatcher/transports/obfs4/Framing.h"

#include <QString>

#include <sodium.h>

#include <cstring>

namespace pt::obfs4 {

namespace {
void makeNonce(uint8_t nonce[24], const std::array<uint8_t, 16>& prefix, uint64_t counter)
{
    std::memcpy(nonce, prefix.data(), 16);
    for (int i = 0; i < 8; ++i)
        nonce[16 + i] = uint8_t(counter >> (56 - 8 * i));
}

uint16_t maskOf(const std::array<uint8_t, 8>& block)
{
    return uint16_t((block[0] << 8) | block[1]);
}
} // namespace

FrameEncoder::FrameEncoder(const uint8_t key[kDirectionKeyLength]) : m_drbg(key + 48)
{
    std::memcpy(m_key.data(), key, 32);
    std::memcpy(m_noncePrefix.data(), key + 32, 16);
}

FrameEncoder::~FrameEncoder()
{
    sodium_memzero(m_key.data(), m_key.size());
}

bool FrameEncoder::encode(const uint8_t* payload, int length, QByteArray& out)
{
    if (length < 0 || length > kMaximumFramePayloadLength || m_counter == 0) return false;
    uint8_t nonce[24];
    makeNonce(nonce, m_noncePrefix, m_counter);
    ++m_counter; // wraps to 0 after 2^64 - 1 frames; the next encode fails

    const qsizetype start = out.size();
    out.resize(start + kFrameOverhead + length);
    auto* frame = reinterpret_cast<uint8_t*>(out.data()) + start;
    crypto_secretbox_easy(frame + kLengthLength, payload, quint64(length), nonce, m_key.data());
    const uint16_t wireLength = uint16_t(kTagLength + length) ^ maskOf(m_drbg.nextBlock());
    frame[0] = uint8_t(wireLength >> 8);
    frame[1] = uint8_t(wireLength);
    return true;
}

bool FrameEncoder::encodePacket(uint8_t type, const QByteArray& data, int padLength, QByteArray& out)
{
    if (padLength < 0 || data.size() + padLength > kMaxPacketPayloadLength) return false;
    uint8_t pkt[kMaximumFramePayloadLength];
    pkt[0] = type;
    pkt[1] = uint8_t(data.size() >> 8);
    pkt[2] = uint8_t(data.size());
    std::memcpy(pkt + 3, data.constData(), size_t(data.size()));
    std::memset(pkt + 3 + data.size(), 0, size_t(padLength));
    return encode(pkt, kPacketOverhead + int(data.size()) + padLength, out);
}

FrameDecoder::FrameDecoder(const uint8_t key[kDirectionKeyLength], std::function<int(int, int)> randomLength)
    : m_drbg(key + 48), m_randomLength(std::move(randomLength))
{
    std::memcpy(m_key.data(), key, 32);
    std::memcpy(m_noncePrefix.data(), key + 32, 16);
}

FrameDecoder::~FrameDecoder()
{
    sodium_memzero(m_key.data(), m_key.size());
}

FrameDecoder::Status FrameDecoder::decode(const QByteArray& buffer, qsizetype& pos, QByteArray& payload,
                                          QString& error)
{
    if (m_nextLength == 0) {
        if (buffer.size() - pos < kLengthLength) return Status::NeedMore;
        if (m_counter == 0) {
            error = QStringLiteral("obfs4: frame nonce counter wrapped");
            return Status::Error;
        }
        const auto* p = reinterpret_cast<const uint8_t*>(buffer.constData()) + pos;
        int length = uint16_t((p[0] << 8) | p[1]) ^ maskOf(m_drbg.nextBlock());
        pos += kLengthLength;
        if (length > kMaxFrameLength || length < kMinFrameLength) {
            m_nextLengthInvalid = true;
            length = m_randomLength(kMinFrameLength, kMaxFrameLength);
        }
        m_nextLength = length;
    }
    if (buffer.size() - pos < m_nextLength) return Status::NeedMore;

    uint8_t nonce[24];
    makeNonce(nonce, m_noncePrefix, m_counter);
    payload.resize(m_nextLength - kTagLength);
    const bool opened = crypto_secretbox_open_easy(reinterpret_cast<uint8_t*>(payload.data()),
                                                   reinterpret_cast<const uint8_t*>(buffer.constData()) + pos,
                                                   quint64(m_nextLength), nonce, m_key.data()) == 0;
    pos += m_nextLength;
    if (!opened || m_nextLengthInvalid) {
        payload.clear();
        error = m_nextLengthInvalid ? QStringLiteral("obfs4: invalid frame length")
                                    : QStringLiteral("obfs4: frame authentication failed");
        return Status::Error;
    }
    m_nextLength = 0;
    ++m_counter;
    return Status::Frame;
}

bool parsePacket(const QByteArray& framePayload, Packet& packet)
{
    if (framePayload.size() < kPacketOverhead) return false;
    const auto* p = reinterpret_cast<const uint8_t*>(framePayload.constData());
    const int payloadLength = (p[1] << 8) | p[2];
    if (payloadLength > framePayload.size() - kPacketOverhead) return false;
    packet.type = p[0];
    packet.payload = framePayload.mid(kPacketOverhead, payloadLength);
    return true;
}

} // namespace pt::obfs4
