#include "dispatcher/transports/meek/MeekOptions.h"

#include <QJsonValue>

namespace pt::meek {

namespace {
QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

bool allStrings(const QJsonObject& o, QString* bad)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString() && !it.value().isNull()) {
            *bad = it.key();
            return false;
        }
    }
    return true;
}
} // namespace

Result<ClientOptions> parseClientOptions(const QJsonObject& options)
{
    using R = Result<ClientOptions>;
    QString bad;
    if (!allStrings(options, &bad))
        return R::failure(QStringLiteral("meek option '%1' must be a string").arg(bad));
    const QString urlText = text(options, "url");
    if (urlText.isEmpty()) return R::failure(QStringLiteral("meek needs option 'url' (https://host/path)"));
    QString err;
    const std::optional<http::Url> url = http::parseUrl(urlText, &err);
    if (!url) return R::failure(QStringLiteral("meek option 'url': ") + err);
    ClientOptions out;
    out.url = *url;
    out.front = text(options, "front");
    if (out.front.isEmpty()) {
        out.dialTo = HostPort{url->host, url->port};
        out.tlsName = url->host;
        return R::success(out);
    }
    // front: a host name or IP literal, optionally with a port ("[v6]:port" for IPv6).
    HostPort front;
    if (const std::optional<HostPort> hp = parseHostPort(out.front, false);
        hp && !out.front.endsWith(QLatin1Char(']'))) {
        front = *hp;
    } else {
        front.host = out.front.startsWith(QLatin1Char('[')) && out.front.endsWith(QLatin1Char(']'))
                         ? out.front.mid(1, out.front.size() - 2)
                         : out.front;
        front.port = url->tls ? 443 : 80;
    }
    if (!isIpLiteral(front.host) && !isValidHostName(front.host))
        return R::failure(
            QStringLiteral("meek option 'front': '%1' is not a host name or address").arg(out.front));
    out.dialTo = front;
    out.tlsName = front.host;
    return R::success(out);
}

Result<ServerOptions> parseServerOptions(const QJsonObject& options)
{
    using R = Result<ServerOptions>;
    QString bad;
    if (!allStrings(options, &bad))
        return R::failure(QStringLiteral("meek option '%1' must be a string").arg(bad));
    ServerOptions out;
    out.url = text(options, "url");
    out.front = text(options, "front");
    if (!out.url.isEmpty()) {
        QString err;
        if (!http::parseUrl(out.url, &err)) return R::failure(QStringLiteral("meek option 'url': ") + err);
    }
    out.certFile = text(options, "cert");
    out.keyFile = text(options, "key");
    if (out.certFile.isEmpty() != out.keyFile.isEmpty())
        return R::failure(QStringLiteral("meek options 'cert' and 'key' go together (PEM files for TLS)"));
    if (options.contains(QStringLiteral("idle-timeout"))) {
        bool ok = false;
        const int seconds = text(options, "idle-timeout").toInt(&ok);
        if (!ok || seconds < 1 || seconds > 24 * 3600)
            return R::failure(
                QStringLiteral("meek option 'idle-timeout' must be whole seconds from 1 to 86400"));
        out.idleTimeoutMs = int64_t(seconds) * 1000;
    }
    return R::success(out);
}

} // namespace pt::meek
