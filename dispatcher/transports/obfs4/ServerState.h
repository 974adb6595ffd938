#pragma once

// The obfs4 server's identity and its files in the -state directory, in
// obfs4proxy's format so a bridge can move between the two:
//   obfs4_state.json     {"node-id","private-key","public-key","drbg-seed","iat-mode"}, mode 0600
//   obfs4_bridgeline.txt a torrc Bridge line template with cert= and iat-mode=

#include "dispatcher/crypto/HashDrbg.h"
#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/obfs4/Ntor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace pt::obfs4 {

struct ServerIdentity
{
    NodeId nodeId{};
    Key32 privateKey{};
    Key32 publicKey{};
    crypto::HashDrbg::Seed drbgSeed{};
    int iatMode = 0;
};

// True when the frame-length table built from this drbg-seed contains 0, which
// makes obfs4proxy peers in iat-mode 2 crash; fresh identities avoid such seeds.
bool lengthTableHasZero(const crypto::HashDrbg::Seed& seed);

// cert = base64(NODEID | B) without the trailing "==" (70 characters).
QString certString(const NodeId& nodeId, const Key32& publicKey);
bool parseCert(const QString& cert, NodeId& nodeId, Key32& publicKey, QString& error);

// A JSON option value as text: strings as they are, numbers as integers.
std::optional<QString> optionText(const QJsonObject& options, const QString& key);
// The iat-modes obfs4 (and obfs4proxy) knows: 0 none, 1 enabled, 2 paranoid.
inline constexpr int kMaxIatMode = 2;
// "0", "1", "2": what -describe-transports offers; parseIatMode accepts exactly these
// (as numbers or strings, surrounding spaces allowed).
QStringList iatModeChoices();
// iat-mode 0, 1 or 2 from a number or a string.
std::optional<int> parseIatMode(const QString& text);

// Server options (node-id, private-key, drbg-seed all or none; iat-mode alone is
// fine) merged with the state file, which is created on first use and rewritten
// like obfs4proxy does. An empty stateDir keeps everything in memory.
Result<ServerIdentity> loadServerIdentity(const QJsonObject& options, const QString& stateDir);

} // namespace pt::obfs4
