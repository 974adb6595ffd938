#pragma once

// One obfs4 connection, client or server side, as a sans-IO Session: handshake,
// framing, length padding, the PRNG-seed packet and iat-mode delayed sends
// (lyrebird transports/obfs4/obfs4.go).

#include "dispatcher/crypto/HashDrbg.h"
#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/obfs4/Ntor.h"

#include <memory>

namespace pt::obfs4 {

class ReplayFilter;

enum IatMode
{
    IatNone = 0,
    IatEnabled = 1,
    IatParanoid = 2
};

struct ClientConfig
{
    NodeId nodeId{};
    Key32 identityPublic{};
    int iatMode = IatNone;
    int handshakeTimeoutMs = 60000; // obfs4proxy's clientHandshakeTimeout
};

struct ServerConfig
{
    NodeId nodeId{};
    Key32 identityPrivate{};
    Key32 identityPublic{};
    crypto::HashDrbg::Seed drbgSeed{};
    int iatMode = IatNone;
    std::shared_ptr<ReplayFilter> replayFilter;
    // A failed handshake is closed this long after the connection began: the
    // handshake timeout plus a per-server random 0..59 s, as obfs4proxy does, so a
    // prober learns nothing from when we hang up.
    int handshakeTimeoutMs = 30000;
    int closeDelaySeconds = 0;
};

std::unique_ptr<Session> newClientSession(const ClientConfig& config, SessionEnv& env);
std::unique_ptr<Session> newServerSession(std::shared_ptr<const ServerConfig> config, SessionEnv& env);

} // namespace pt::obfs4
