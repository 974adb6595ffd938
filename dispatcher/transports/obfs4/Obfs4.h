#pragma once

// obfs4 (Tor's obfs4proxy / lyrebird protocol). Options (docs/transports/obfs4.md):
//   client: cert (or node-id + public-key), iat-mode
//   server: iat-mode, and optionally node-id + private-key + drbg-seed together;
//           otherwise the identity lives in -state/obfs4_state.json.

#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/obfs4/Obfs4Session.h"

namespace pt::obfs4 {

TransportFactory factory();

// Client arguments (-options merged with per-connection ones). requireCert: a
// missing cert is an error (per connection) rather than "comes later" (-options).
Result<ClientConfig> parseClientArgs(const QJsonObject& args, bool requireCert);

} // namespace pt::obfs4
