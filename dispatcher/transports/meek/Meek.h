#pragma once

// "meek_lite" (also "meeklite", the spec's name): a byte stream carried by ordinary
// HTTPS requests, optionally domain-fronted (TCP and SNI to `front`, the Host header
// naming the real server). The client's SOCKS destination and the bridge line's
// address are placeholders. The server is a hub transport: a session id's requests
// may arrive on any HTTP connection. docs/transports/meek.md.

#include "dispatcher/transports/Transport.h"

namespace pt::meek {
TransportFactory factory(const QString& name);
} // namespace pt::meek
