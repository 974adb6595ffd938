#pragma once

// obfs2, as obfs4proxy implements it: a 16-byte seed, an AES-128-CTR-encrypted
// magic + padding length, random padding, then AES-128-CTR with keys from both
// seeds. No shared secret (obfs4proxy refuses `shared-secret`, and so do we, so
// that a configuration accepted here also works against it). obfs2 is trivially
// detectable by a passive observer; it exists for compatibility only.

#include "dispatcher/transports/Transport.h"

namespace pt::obfs2 {

TransportFactory factory();

// A session; initiator = client side.
std::unique_ptr<Session> newSession(bool initiator, SessionEnv& env);

} // namespace pt::obfs2
