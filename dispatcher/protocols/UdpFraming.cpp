#include "dispatcher/protocols/UdpFraming.h"

namespace pt::udp {

namespace {
quint16 be16(const QByteArray& b, qsizetype at)
{
    return quint16((quint8(b[at]) << 8) | quint8(b[at + 1]));
}
quint32 be32(const QByteArray& b, qsizetype at)
{
    return (quint32(be16(b, at)) << 16) | be16(b, at + 2);
}
bool isChannelNumber(quint16 v)
{
    return v >= 0x4000 && v <= 0x7FFF;
}
qsizetype padTo4(qsizetype n)
{
    return (n + 3) & ~qsizetype(3);
}

// Looks at a header (at least 4 bytes). Returns the kind and, for valid kinds, the
// length of the message without padding.
StunKind headerKind(const QByteArray& b, qsizetype& messageLen)
{
    const quint16 first = be16(b, 0);
    const quint16 len = be16(b, 2);
    if (isChannelNumber(first)) {
        messageLen = kChannelDataHeaderLen + len;
        return StunKind::ChannelData;
    }
    if ((first & 0xC000) == 0 && len % 4 == 0) {
        messageLen = kStunHeaderLen + len;
        return StunKind::Stun;
    }
    return StunKind::Malformed;
}
} // namespace

StunKind classifyStunDatagram(const QByteArray& d)
{
    if (d.size() < kChannelDataHeaderLen || d.size() > kMaxDatagram) return StunKind::Malformed;
    qsizetype len = 0;
    const StunKind kind = headerKind(d, len);
    if (kind == StunKind::Stun) {
        if (d.size() < kStunHeaderLen || be32(d, 4) != kStunMagicCookie || d.size() != len)
            return StunKind::Malformed;
        return kind;
    }
    if (kind == StunKind::ChannelData && d.size() >= len && d.size() <= padTo4(len)) return kind;
    return StunKind::Malformed;
}

bool canCarry(Framing framing, const QByteArray& d)
{
    if (framing == Framing::Length) return d.size() <= kMaxDatagram;
    return classifyStunDatagram(d) != StunKind::Malformed;
}

std::optional<QByteArray> encodeDatagram(Framing framing, const QByteArray& d)
{
    if (d.size() > kMaxDatagram) return std::nullopt;
    if (framing == Framing::Length) {
        QByteArray out;
        out.reserve(d.size() + 2);
        out.append(char(d.size() >> 8)).append(char(d.size() & 0xff)).append(d);
        return out;
    }
    switch (classifyStunDatagram(d)) {
    case StunKind::Stun:
        return d;
    case StunKind::ChannelData: {
        // Over a stream the padding is mandatory (RFC 5766 11.5); normalise it to zeros.
        const qsizetype len = kChannelDataHeaderLen + be16(d, 2);
        QByteArray out = d.left(len);
        out.append(QByteArray(padTo4(len) - len, '\0'));
        return out;
    }
    case StunKind::Malformed:
        break;
    }
    return std::nullopt;
}

bool StreamDecoder::nextFrame(qsizetype& frameLen, qsizetype& headerSkip, qsizetype& datagramLen)
{
    if (m_framing == Framing::Length) {
        if (m_buf.size() < 2) return false;
        datagramLen = be16(m_buf, 0);
        if (datagramLen > kMaxDatagram) {
            m_error = QStringLiteral("framed datagram of %1 bytes is larger than %2")
                          .arg(datagramLen)
                          .arg(kMaxDatagram);
            return false;
        }
        headerSkip = 2;
        frameLen = 2 + datagramLen;
        return m_buf.size() >= frameLen;
    }
    if (m_buf.size() < kChannelDataHeaderLen) return false;
    qsizetype len = 0;
    const StunKind kind = headerKind(m_buf, len);
    if (kind == StunKind::Malformed) {
        m_error = QStringLiteral("stream does not hold a STUN message or ChannelData");
        return false;
    }
    if (kind == StunKind::Stun && m_buf.size() >= 8 && be32(m_buf, 4) != kStunMagicCookie) {
        m_error = QStringLiteral("STUN message without the magic cookie");
        return false;
    }
    if (len > kMaxDatagram) {
        m_error = QStringLiteral("STUN/ChannelData message of %1 bytes is too large").arg(len);
        return false;
    }
    headerSkip = 0;
    datagramLen = len;
    frameLen = kind == StunKind::ChannelData ? padTo4(len) : len;
    return m_buf.size() >= frameLen;
}

bool StreamDecoder::feed(const QByteArray& bytes, QList<QByteArray>& out)
{
    if (failed()) return false;
    m_buf.append(bytes);
    qsizetype pos = 0;
    for (;;) {
        // nextFrame works on the head of m_buf: cut what was consumed so far first.
        if (pos > 0) {
            m_buf.remove(0, pos);
            pos = 0;
        }
        qsizetype frameLen = 0, skip = 0, dlen = 0;
        if (!nextFrame(frameLen, skip, dlen)) break;
        out.append(m_buf.mid(skip, dlen));
        pos = frameLen;
    }
    if (pos > 0) m_buf.remove(0, pos);
    if (failed()) {
        m_buf.clear();
        return false;
    }
    return true;
}

} // namespace pt::udp
