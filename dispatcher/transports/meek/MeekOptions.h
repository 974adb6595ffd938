#pragma once

// The meek transport's options (meek_lite / meeklite; docs/transports/meek.md).
// Client: url (required), front (optional: TCP and TLS SNI go to the front, which
// replaces the URL's whole host:port, port 443 when it names none; the Host header
// stays the URL's), utls (accepted and ignored: OpenSSL's TLS fingerprint).
// Server: url (optional, for the SMETHOD line), front (idem), cert and key (PEM files:
// the server speaks TLS itself with them, as meek-server's --cert/--key; without them it
// speaks plain HTTP for a TLS front such as nginx or a CDN), idle-timeout (seconds a
// session may go without a request before it is closed; 120 as meek-server; meant for
// tests, which cannot wait two minutes).

#include "dispatcher/base/HostPort.h"
#include "dispatcher/protocols/HttpUrl.h"
#include "dispatcher/transports/Transport.h"

#include <QJsonObject>

#include <cstdint>

namespace pt::meek {

struct ClientOptions
{
    http::Url url;
    QString front;   // as given (host or host:port), empty: none
    HostPort dialTo; // front's host:port, or the URL's
    QString tlsName; // SNI and the name the certificate must carry
};

inline constexpr int64_t kDefaultIdleTimeoutMs = 120 * 1000;

struct ServerOptions
{
    QString url;
    QString front;
    QString certFile; // both set: TLS with this certificate chain and key
    QString keyFile;
    int64_t idleTimeoutMs = kDefaultIdleTimeoutMs;
};

Result<ClientOptions> parseClientOptions(const QJsonObject& options);
Result<ServerOptions> parseServerOptions(const QJsonObject& options);

} // namespace pt::meek
