#include "dispatcher/transports/obfs4/Handshake.h"

#include "dispatcher/transports/obfs4/ReplayFilter.h"

#include <sodium.h>

namespace pt::obfs4 {

namespace {
QByteArray bytes(const uint8_t* p, size_t n)
{
    return QByteArray(reinterpret_cast<const char*>(p), qsizetype(n));
}

template <size_t N> QByteArray bytes(const std::array<uint8_t, N>& a)
{
    return bytes(a.data(), N);
}

bool equalCt(const char* a, const char* b, size_t n)
{
    return sodium_memcmp(a, b, n) == 0;
}

QByteArray epochHourString(int64_t hour)
{
    return QByteArray::number(qlonglong(hour));
}
} // namespace

QByteArray hmac128(const QByteArray& key, const QByteArray& data)
{
    return bytes(hmacSha256(key, data)).left(16);
}

ClientHandshake::ClientHandshake(const NodeId& nodeId, const Key32& identityPublic,
                                 const crypto::elligator2::Keypair& keypair)
    : m_macKey(bytes(identityPublic) + bytes(nodeId)), m_nodeId(nodeId), m_identityPublic(identityPublic),
      m_keypair(keypair)
{
}

QByteArray ClientHandshake::generate(const QByteArray& padding, int64_t epochHour)
{
    const QByteArray repr = bytes(m_keypair.representative);
    QByteArray msg = repr + padding + hmac128(m_macKey, repr);
    m_epochHour = epochHourString(epochHour);
    msg += hmac128(m_macKey, msg + m_epochHour);
    return msg;
}

HandshakeStatus ClientHandshake::parseServer(const QByteArray& buffer, int& consumed, Key32& keySeed,
                                             QString& error)
{
    if (buffer.size() < kServerMinHandshakeLength) return HandshakeStatus::NeedMore;
    const QByteArray mark = hmac128(m_macKey, buffer.left(kRepresentativeLength));

    // The mark is searched from the end of the fixed part on; data may follow MAC_S.
    const qsizetype start = kRepresentativeLength + kAuthLength + kServerMinPadLength;
    const qsizetype end = qMin<qsizetype>(buffer.size(), kMaxHandshakeLength);
    qsizetype pos = -1;
    if (end - start >= kMarkLength + kMacLength) {
        pos = QByteArrayView(buffer).first(end).indexOf(mark, start);
        if (pos >= 0 && pos + kMarkLength + kMacLength > end) pos = -1;
    }
    if (pos < 0) {
        if (buffer.size() >= kMaxHandshakeLength) {
            error = QStringLiteral("obfs4: server handshake mark not found");
            return HandshakeStatus::Failed;
        }
        return HandshakeStatus::NeedMore;
    }

    const QByteArray macExpected = hmac128(m_macKey, buffer.left(pos + kMarkLength) + m_epochHour);
    if (!equalCt(macExpected.constData(), buffer.constData() + pos + kMarkLength, kMacLength)) {
        error = QStringLiteral("obfs4: server handshake MAC mismatch");
        return HandshakeStatus::Failed;
    }

    crypto::elligator2::Bytes32 repr{};
    std::copy(buffer.constBegin(), buffer.constBegin() + 32, repr.begin());
    const Key32 serverPublic = crypto::elligator2::representativeToPublicKey(repr);
    const NtorResult r =
        ntorClient(m_keypair.privateKey, m_keypair.publicKey, serverPublic, m_identityPublic, m_nodeId);
    if (!r.ok) {
        error = QStringLiteral("obfs4: ntor handshake failed");
        return HandshakeStatus::Failed;
    }
    if (!equalCt(reinterpret_cast<const char*>(r.auth.data()), buffer.constData() + kRepresentativeLength,
                 kAuthLength)) {
        error = QStringLiteral("obfs4: server AUTH mismatch (wrong cert?)");
        return HandshakeStatus::Failed;
    }
    keySeed = r.keySeed;
    consumed = int(pos + kMarkLength + kMacLength);
    return HandshakeStatus::Done;
}

ServerHandshake::ServerHandshake(const NodeId& nodeId, const Key32& identityPrivate,
                                 const Key32& identityPublic, const crypto::elligator2::Keypair& keypair)
    : m_macKey(bytes(identityPublic) + bytes(nodeId)), m_nodeId(nodeId), m_identityPrivate(identityPrivate),
      m_identityPublic(identityPublic), m_keypair(keypair)
{
}

HandshakeStatus ServerHandshake::parseClient(const QByteArray& buffer, int64_t nowUnix, ReplayFilter& filter,
                                             Key32& keySeed, QString& error)
{
    if (buffer.size() < kClientMinHandshakeLength) return HandshakeStatus::NeedMore;
    const QByteArray mark = hmac128(m_macKey, buffer.left(kRepresentativeLength));

    // The client sends nothing after MAC_C until it has our reply, so M_C can only
    // be at the tail of what we have.
    const qsizetype start = kRepresentativeLength + kClientMinPadLength;
    const qsizetype end = qMin<qsizetype>(buffer.size(), kMaxHandshakeLength);
    qsizetype pos = -1;
    if (start <= buffer.size() && end - start >= kMarkLength + kMacLength) {
        pos = end - (kMarkLength + kMacLength);
        if (!equalCt(buffer.constData() + pos, mark.constData(), kMarkLength)) pos = -1;
    }
    if (pos < 0) {
        if (buffer.size() >= kMaxHandshakeLength) {
            error = QStringLiteral("obfs4: client handshake mark not found");
            return HandshakeStatus::Failed;
        }
        return HandshakeStatus::NeedMore;
    }

    const QByteArray macRx = buffer.mid(pos + kMarkLength, kMacLength);
    const QByteArray signedPart = buffer.left(pos + kMarkLength);
    const int64_t hour = nowUnix / 3600;
    bool found = false;
    for (int64_t off : {0, -1, 1}) {
        const QByteArray e = epochHourString(hour + off);
        const QByteArray macCmp = hmac128(m_macKey, signedPart + e);
        if (equalCt(macCmp.constData(), macRx.constData(), kMacLength)) {
            if (filter.recordSeenBefore(nowUnix, macRx)) {
                error = QStringLiteral("obfs4: replayed client handshake");
                return HandshakeStatus::Failed;
            }
            found = true;
            m_epochHour = e;
        }
    }
    if (!found) {
        error = QStringLiteral("obfs4: client handshake MAC mismatch");
        return HandshakeStatus::Failed;
    }
    if (buffer.size() != pos + kMarkLength + kMacLength) {
        error = QStringLiteral("obfs4: data after the client handshake");
        return HandshakeStatus::Failed;
    }

    crypto::elligator2::Bytes32 repr{};
    std::copy(buffer.constBegin(), buffer.constBegin() + 32, repr.begin());
    const Key32 clientPublic = crypto::elligator2::representativeToPublicKey(repr);
    const NtorResult r = ntorServer(clientPublic, m_keypair.privateKey, m_keypair.publicKey,
                                    m_identityPrivate, m_identityPublic, m_nodeId);
    if (!r.ok) {
        error = QStringLiteral("obfs4: ntor handshake failed");
        return HandshakeStatus::Failed;
    }
    m_auth = r.auth;
    keySeed = r.keySeed;
    return HandshakeStatus::Done;
}

QByteArray ServerHandshake::generate(const QByteArray& padding) const
{
    const QByteArray repr = bytes(m_keypair.representative);
    QByteArray msg = repr + bytes(m_auth) + padding + hmac128(m_macKey, repr);
    msg += hmac128(m_macKey, msg + m_epochHour);
    return msg;
}

} // namespace pt::obfs4
