#pragma once

// obfs4 frames (lyrebird transports/obfs4/framing) and the packets inside them.
//
//   frame  = length(2, XOR a SipHash-DRBG mask) | secretbox(packet)
//   packet = type(1) | payloadLength(2) | payload | zero padding
//
// Nonce = 16-byte prefix | 64-bit big-endian counter starting at 1. Each 72-byte
// direction key is secretbox key 32 | nonce prefix 16 | DRBG seed 24.

#include "dispatcher/crypto/HashDrbg.h"

#include <QByteArray>

#include <array>
#include <cstdint>
#include <functional>

namespace pt::obfs4 {

constexpr int kMaximumSegmentLength = 1448;
constexpr int kLengthLength = 2;
constexpr int kTagLength = 16;
constexpr int kFrameOverhead = kLengthLength + kTagLength;                         // 18
constexpr int kMaximumFramePayloadLength = kMaximumSegmentLength - kFrameOverhead; // 1430
constexpr int kMaxFrameLength = kMaximumSegmentLength - kLengthLength;             // 1446
constexpr int kMinFrameLength = kFrameOverhead - kLengthLength;                    // 16
constexpr int kDirectionKeyLength = 32 + 16 + crypto::HashDrbg::kSeedLength;       // 72

constexpr int kPacketOverhead = 3;
constexpr int kMaxPacketPayloadLength = kMaximumFramePayloadLength - kPacketOverhead; // 1427
constexpr uint8_t kPacketTypePayload = 0x00;
constexpr uint8_t kPacketTypePrngSeed = 0x01;
constexpr int kSeedPacketPayloadLength = crypto::HashDrbg::kSeedLength;

class FrameEncoder
{
public:
    explicit FrameEncoder(const uint8_t key[kDirectionKeyLength]);
    ~FrameEncoder();
    // Appends one frame carrying `payload` (at most kMaximumFramePayloadLength bytes).
    // False when the payload is too long or the nonce counter wrapped.
    bool encode(const uint8_t* payload, int length, QByteArray& out);
    // Appends a frame carrying one packet.
    bool encodePacket(uint8_t type, const QByteArray& data, int padLength, QByteArray& out);

private:
    std::array<uint8_t, 32> m_key;
    std::array<uint8_t, 16> m_noncePrefix;
    uint64_t m_counter = 1;
    crypto::HashDrbg m_drbg;
};

class FrameDecoder
{
public:
    enum class Status
    {
        NeedMore,
        Frame,
        Error
    };
    // randomLength(lo, hi): uniform in [lo, hi]. Used, as obfs4proxy does, to keep
    // reading a random amount after an invalid length instead of failing at once
    // (which would reveal where the length field is).
    FrameDecoder(const uint8_t key[kDirectionKeyLength], std::function<int(int, int)> randomLength);
    ~FrameDecoder();

    // Decodes at most one frame from buffer[pos...], advancing pos past what it used
    // (callers compact the buffer once per batch instead of once per frame).
    // Frame: `payload` holds the decrypted frame payload. Error: `error` says why.
    Status decode(const QByteArray& buffer, qsizetype& pos, QByteArray& payload, QString& error);

private:
    std::array<uint8_t, 32> m_key;
    std::array<uint8_t, 16> m_noncePrefix;
    uint64_t m_counter = 1;
    crypto::HashDrbg m_drbg;
    std::function<int(int, int)> m_randomLength;
    int m_nextLength = 0; // 0: length not read yet
    bool m_nextLengthInvalid = false;
};

struct Packet
{
    uint8_t type = 0;
    QByteArray payload;
};

// Parses a decrypted frame payload. False for packets too short or whose payload
// length exceeds the frame.
bool parsePacket(const QByteArray& framePayload, Packet& packet);

} // namespace pt::obfs4
