#pragma once

// "webtunnel": Tor's HTTPS-looking transport. The client opens TLS (https URLs) to the
// host of its url (or addr), sends an HTTP/1.1 Upgrade request for the url's path, and
// after the 101 the connection carries raw bytes. The server listens for plain HTTP
// behind a web server (nginx) that terminates TLS and forwards the secret path.
// The bridge line's address is a placeholder: the client never dials it.
// docs/transports/webtunnel.md.

#include "dispatcher/transports/Transport.h"

namespace pt::webtunnel {
TransportFactory factory();
} // namespace pt::webtunnel
