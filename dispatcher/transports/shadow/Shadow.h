#pragma once

// "shadow": standard Shadowsocks AEAD (SIP004) over TCP, wire-compatible with
// shadowsocks-libev's ss-local / ss-server / ss-tunnel. Options and behaviour:
// docs/transports/shadow.md.

#include "dispatcher/transports/Transport.h"

namespace pt::shadow {
TransportFactory factory();
} // namespace pt::shadow
