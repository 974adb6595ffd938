#include "dispatcher/protocols/HttpUrl.h"

#include <QUrl>

namespace pt::http {

std::optional<Url> parseUrl(const QString& text, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid()) return fail(QStringLiteral("'%1' is not a URL").arg(text));
    const QString scheme = u.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return fail(QStringLiteral("'%1': only http:// and https:// URLs are supported").arg(text));
    if (u.host().isEmpty()) return fail(QStringLiteral("'%1' has no host").arg(text));
    if (!u.userInfo().isEmpty())
        return fail(QStringLiteral("'%1': user names in the URL are not supported").arg(text));
    if (u.hasFragment()) return fail(QStringLiteral("'%1': a fragment (#…) has no meaning here").arg(text));
    Url url;
    url.text = text;
    url.tls = scheme == QLatin1String("https");
    url.host = u.host(QUrl::FullyEncoded);
    const int port = u.port(url.tls ? 443 : 80);
    if (port <= 0 || port > 65535) return fail(QStringLiteral("'%1' has a bad port").arg(text));
    url.port = quint16(port);
    // The authority as written ("example.com", "example.com:8443", "[::1]:8443").
    url.hostHeader = u.authority(QUrl::FullyEncoded);
    url.path = u.path(QUrl::FullyEncoded);
    if (url.path.isEmpty()) url.path = QStringLiteral("/");
    if (u.hasQuery()) url.path += QLatin1Char('?') + u.query(QUrl::FullyEncoded);
    return url;
}

} // namespace pt::http
