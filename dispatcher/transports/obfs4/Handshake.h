#pragma once

// obfs4 handshake messages (lyrebird transports/obfs4/handshake_ntor.go), sans-IO.
//
//   client: X' | P_C | M_C | MAC_C
//   server: Y' | AUTH | P_S | M_S | MAC_S   (then the PRNG-seed frame, inline)
//
// M = HMAC-SHA256-128(B | NODEID, representative); MAC = HMAC-SHA256-128(B | NODEID,
// everything before it | E) with E the decimal epoch hour.

#include "dispatcher/crypto/Elligator2.h"
#include "dispatcher/transports/obfs4/Framing.h"
#include "dispatcher/transports/obfs4/Ntor.h"

#include <QByteArray>
#include <QString>
#include <QStringBuilder>

namespace pt::obfs4 {

class ReplayFilter;

constexpr int kMaxHandshakeLength = 8192;
constexpr int kMarkLength = 16;
constexpr int kMacLength = 16;
constexpr int kRepresentativeLength = 32;
constexpr int kClientMinHandshakeLength = kRepresentativeLength + kMarkLength + kMacLength; // 64
constexpr int kServerMinHandshakeLength =
    kRepresentativeLength + kAuthLength + kMarkLength + kMacLength;                                 // 96
constexpr int kInlineSeedFrameLength = kFrameOverhead + kPacketOverhead + kSeedPacketPayloadLength; // 45
constexpr int kClientMinPadLength =
    (kServerMinHandshakeLength + kInlineSeedFrameLength) - kClientMinHandshakeLength; // 77
constexpr int kClientMaxPadLength = kMaxHandshakeLength - kClientMinHandshakeLength;  // 8128
constexpr int kServerMinPadLength = 0;
constexpr int kServerMaxPadLength =
    kMaxHandshakeLength - (kServerMinHandshakeLength + kInlineSeedFrameLength); // 8051

enum class HandshakeStatus
{
    NeedMore,
    Done,
    Failed
};

class ClientHandshake
{
public:
    ClientHandshake(const NodeId& nodeId, const Key32& identityPublic,
                    const crypto::elligator2::Keypair& keypair);

    // The client's message for the given random padding and epoch hour.
    QByteArray generate(const QByteArray& padding, int64_t epochHour);

    // Looks for the server's reply at the front of `buffer`. Done: `consumed` is its
    // length (a frame may follow) and `keySeed` is set.
    HandshakeStatus parseServer(const QByteArray& buffer, int& consumed, Key32& keySeed, QString& error);

private:
    QByteArray m_macKey;
    NodeId m_nodeId;
    Key32 m_identityPublic;
    crypto::elligator2::Keypair m_keypair;
    QByteArray m_epochHour;
};

class ServerHandshake
{
public:
    ServerHandshake(const NodeId& nodeId, const Key32& identityPrivate, const Key32& identityPublic,
                    const crypto::elligator2::Keypair& keypair);

    // Parses the client's message (the whole of `buffer`: trailing bytes fail).
    // Accepts the epoch hours of nowUnix / 3600 and one either side.
    HandshakeStatus parseClient(const QByteArray& buffer, int64_t nowUnix, ReplayFilter& filter,
                                Key32& keySeed, QString& error);

    // The reply, valid after parseClient() returned Done.
    QByteArray generate(const QByteArray& padding) const;

private:
    QByteArray m_macKey;
    NodeId m_nodeId;
    Key32 m_identityPrivate;
    Key32 m_identityPublic;
    crypto::elligator2::Keypair m_keypair;
    QByteArray m_epochHour;
    Key32 m_auth{};
};

QByteArray hmac128(const QByteArray& key, const QByteArray& data);

} // namespace pt::obfs4
