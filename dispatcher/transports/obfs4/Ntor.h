#pragma once

// obfs4's flavour of Tor's ntor handshake (lyrebird common/ntor):
// suffix = B | B | X | Y | PROTOID | NODEID (B twice, NODEID last), X and Y being
// the Montgomery u-coordinates the peers decoded from the representatives.

#include <QByteArray>

#include <array>
#include <cstdint>

namespace pt::obfs4 {

using Key32 = std::array<uint8_t, 32>;
using NodeId = std::array<uint8_t, 20>;

constexpr int kKeySeedLength = 32;
constexpr int kAuthLength = 32;

struct NtorResult
{
    bool ok = false; // false when a DH output was all zero
    Key32 keySeed{};
    Key32 auth{};
};

// Client: secret_input = EXP(Y, x) | EXP(B, x) | suffix.
NtorResult ntorClient(const Key32& clientPrivate, const Key32& clientPublic, const Key32& serverPublic,
                      const Key32& identityPublic, const NodeId& nodeId);
// Server: secret_input = EXP(X, y) | EXP(X, b) | suffix.
NtorResult ntorServer(const Key32& clientPublic, const Key32& serverPrivate, const Key32& serverPublic,
                      const Key32& identityPrivate, const Key32& identityPublic, const NodeId& nodeId);

// HKDF-SHA256(IKM = KEY_SEED, salt = t_key, info = m_expand), length bytes.
QByteArray ntorKdf(const Key32& keySeed, int length);

// HMAC-SHA256 with an arbitrary-length key.
std::array<uint8_t, 32> hmacSha256(const QByteArray& key, const QByteArray& data);

} // namespace pt::obfs4
