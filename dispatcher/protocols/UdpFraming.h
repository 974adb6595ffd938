#pragma once

// Sans-IO framing of UDP datagrams over a byte stream (spec 1.5.4).
//
// transparent-UDP: every datagram is prefixed with its length, 2 bytes big-endian
// (0..65507, the largest IPv4 UDP payload).
// STUN: datagrams must be STUN messages (RFC 5389: type with top two bits 00, length
// a multiple of 4, magic cookie 0x2112A442, 12-byte transaction id) or TURN
// ChannelData (RFC 5766: channel 0x4000-0x7FFF, 2-byte length). They carry their own
// length, so they are concatenated; ChannelData is padded to 4 bytes over streams
// (RFC 5766 section 11.5) and the padding is stripped again on the other side.
// Anything else is malformed: the encoder refuses it (the caller drops and counts
// it); a decoder that meets it has lost the stream's framing and fails for good.

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pt::udp {

enum class Framing
{
    Length,
    Stun
};

constexpr qsizetype kMaxDatagram = 65507;
constexpr quint32 kStunMagicCookie = 0x2112A442;
constexpr qsizetype kStunHeaderLen = 20;
constexpr qsizetype kChannelDataHeaderLen = 4;

enum class StunKind
{
    Stun,
    ChannelData,
    Malformed
};

// Classifies one whole datagram (its length must match its header exactly; a
// ChannelData datagram may carry up to 3 padding bytes).
StunKind classifyStunDatagram(const QByteArray& datagram);

// Bytes to put on the stream for one datagram, or nullopt when the datagram cannot
// be carried in this framing (too large; not STUN/ChannelData in STUN mode).
std::optional<QByteArray> encodeDatagram(Framing framing, const QByteArray& datagram);
// Whether encodeDatagram() would accept it (without building the frame).
bool canCarry(Framing framing, const QByteArray& datagram);

// Reassembles datagrams from stream bytes cut anywhere.
class StreamDecoder
{
public:
    explicit StreamDecoder(Framing framing) : m_framing(framing) {}

    // Appends every complete datagram to `out`. Returns false once the stream is
    // malformed (then error() says why, and later calls return false too).
    bool feed(const QByteArray& bytes, QList<QByteArray>& out);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    qsizetype buffered() const { return m_buf.size(); }

private:
    // Size on the stream of the frame at the head of m_buf and of the datagram in
    // it; false when more bytes are needed; sets m_error when malformed.
    bool nextFrame(qsizetype& frameLen, qsizetype& headerSkip, qsizetype& datagramLen);

    Framing m_framing;
    QByteArray m_buf;
    QString m_error;
};

} // namespace pt::udp
