#include "dispatcher/transports/webtunnel/WebtunnelOptions.h"

#include "dispatcher/protocols/Tls.h"

#include <QJsonValue>

namespace pt::webtunnel {

namespace {

// Every option arrives as a string (RFC 1929 k=v;k=v or JSON); numbers are refused.
std::optional<QString> stringOption(const QJsonObject& o, const char* key, QString* error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull()) return QString();
    if (!v.isString()) {
        *error = QStringLiteral("webtunnel option '%1' must be a string").arg(QLatin1String(key));
        return std::nullopt;
    }
    return v.toString();
}

Result<http::Url> requireUrl(const QJsonObject& o)
{
    QString err;
    const std::optional<QString> text = stringOption(o, "url", &err);
    if (!text) return Result<http::Url>::failure(err);
    if (text->isEmpty())
        return Result<http::Url>::failure(QStringLiteral("webtunnel needs option 'url' (https://host/path)"));
    std::optional<http::Url> url = http::parseUrl(*text, &err);
    if (!url) return Result<http::Url>::failure(QStringLiteral("webtunnel option 'url': ") + err);
    return Result<http::Url>::success(*url);
}

} // namespace

Result<ClientOptions> parseClientOptions(const QJsonObject& options)
{
    using R = Result<ClientOptions>;
    ClientOptions out;
    Result<http::Url> url = requireUrl(options);
    if (!url.ok()) return R::failure(url.error);
    out.url = url.value;
    QString err;
    const auto ver = stringOption(options, "ver", &err);
    const auto serverName = stringOption(options, "servername", &err);
    const auto addr = stringOption(options, "addr", &err);
    const auto cert = stringOption(options, "cert", &err);
    if (!ver || !serverName || !addr || !cert) return R::failure(err);
    out.ver = *ver;
    if (!serverName->isEmpty()) {
        if (!isValidHostName(*serverName) && !isIpLiteral(*serverName))
            return R::failure(
                QStringLiteral("webtunnel option 'servername': '%1' is not a host name").arg(*serverName));
        out.serverName = *serverName;
    }
    if (!addr->isEmpty()) {
        out.addr = parseHostPort(*addr, false, &err);
        if (!out.addr) return R::failure(QStringLiteral("webtunnel option 'addr': ") + err);
    }
    if (!cert->isEmpty()) {
        QString why;
        const std::optional<QByteArray> pin = tls::parsePin(*cert, &why);
        if (!pin) return R::failure(QStringLiteral("webtunnel option 'cert': ") + why);
        out.pinSha256 = *pin;
    }
    return R::success(std::move(out));
}

Result<ServerOptions> parseServerOptions(const QJsonObject& options)
{
    using R = Result<ServerOptions>;
    ServerOptions out;
    Result<http::Url> url = requireUrl(options);
    if (!url.ok()) return R::failure(url.error);
    out.url = url.value;
    QString err;
    const auto ver = stringOption(options, "ver", &err);
    if (!ver) return R::failure(err);
    if (!ver->isEmpty()) out.ver = *ver;
    return R::success(std::move(out));
}

} // namespace pt::webtunnel
