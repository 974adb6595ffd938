#pragma once

// http:// and https:// URLs as webtunnel and meek use them: where to connect (host,
// port), what to send (the Host header exactly as written, the request target), and
// whether TLS comes first.

#include <QString>

#include <optional>

namespace pt::http {

struct Url
{
    bool tls = false;   // https
    QString host;       // without brackets; a name or an IP literal
    quint16 port = 0;   // explicit, or 443 / 80
    QString hostHeader; // host[:port] as written in the URL (brackets kept)
    QString path;       // request target: "/" at least, query kept
    QString text;       // the URL as given
};

// Accepts only http and https with a host; no user info, no fragment. Error text
// names the problem.
std::optional<Url> parseUrl(const QString& text, QString* error);

} // namespace pt::http
