#pragma once

// The "webtunnel" transport's options (as Tor's bridge lines and lyrebird name them).
// See docs/transports/webtunnel.md.
//
// Client: url (required, http:// or https://), ver (informational), servername (TLS
// SNI and the name the certificate must carry, instead of the URL host), addr
// (ip:port to dial instead of resolving the URL host), cert (base64 SHA-256 pin of
// the server certificate; replaces chain verification), utls and sni-imitation
// (accepted and ignored: this client has OpenSSL's TLS fingerprint).
// Server: url (required: the public URL; its path is the only one answered), ver.

#include "dispatcher/base/HostPort.h"
#include "dispatcher/protocols/HttpUrl.h"
#include "dispatcher/transports/Transport.h"

#include <QJsonObject>

#include <optional>

namespace pt::webtunnel {

inline constexpr const char* kVersion = "0.0.1";

struct ClientOptions
{
    http::Url url;
    QString ver;
    QString serverName;           // SNI and verified name; empty: the URL host
    std::optional<HostPort> addr; // dial this instead of the URL's host:port
    QByteArray pinSha256;         // 32 bytes or empty
};

struct ServerOptions
{
    http::Url url;
    QString ver = QString::fromLatin1(kVersion);
};

Result<ClientOptions> parseClientOptions(const QJsonObject& options);
Result<ServerOptions> parseServerOptions(const QJsonObject& options);

} // namespace pt::webtunnel
