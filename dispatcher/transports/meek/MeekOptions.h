#pragma once

// The meek transport's options (meek_lite / meeklite; docs/transports/meek.md).
// Client: url (required), front (optional: TCP and TLS SNI go to the front, which
// replaces the URL's whole host:port, port 443 when it names none; the Host header
// stays the URL's), utls (accepted and ignored: OpenSSL's TLS fingerprint).
// Server: url (optional, for the SMETHOD line), front (idem).

#include "dispatcher/base/HostPort.h"
#include "dispatcher/protocols/HttpUrl.h"
#include "dispatcher/transports/Transport.h"

#include <QJsonObject>

namespace pt::meek {

struct ClientOptions
{
    http::Url url;
    QString front;   // as given (host or host:port), empty: none
    HostPort dialTo; // front's host:port, or the URL's
    QString tlsName; // SNI and the name the certificate must carry
};

struct ServerOptions
{
    QString url;
    QString front;
};

Result<ClientOptions> parseClientOptions(const QJsonObject& options);
Result<ServerOptions> parseServerOptions(const QJsonObject& options);

} // namespace pt::meek
