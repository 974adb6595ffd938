// The values of -mode (proxy mode names) and -proxy (the upstream proxy URI).
// Declared in Config.h.

#include "dispatcher/core/Config.h"

#include <QHostAddress>
#include <QUrl>

#include <cctype>

namespace pt {

namespace {

std::optional<QString> percentDecode(const QString& s)
{
    QByteArray out;
    const QByteArray in = s.toUtf8();
    for (int i = 0; i < in.size(); ++i) {
        if (in.at(i) != '%') {
            out.append(in.at(i));
            continue;
        }
        if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in.at(i + 1))) ||
            !std::isxdigit(static_cast<unsigned char>(in.at(i + 2))))
            return std::nullopt;
        out.append(static_cast<char>(in.mid(i + 1, 2).toInt(nullptr, 16)));
        i += 2;
    }
    return QString::fromUtf8(out);
}

} // namespace

std::optional<ProxyMode> parseProxyMode(const QString& s)
{
    const int i = ipc::proxyModeNames().indexOf(s);
    if (i < 0) return std::nullopt;
    return static_cast<ProxyMode>(i);
}

std::optional<UpstreamProxy> parseUpstreamProxy(const QString& uri, QString* error)
{
    auto fail = [error](const QString& msg) {
        if (error) *error = msg;
        return std::nullopt;
    };
    UpstreamProxy p;
    const int sep = uri.indexOf(QLatin1String("://"));
    if (sep < 0)
        return fail(
            QStringLiteral("proxy URI '%1' has no scheme (socks5://, socks4a:// or http://)").arg(uri));
    const QString scheme = uri.left(sep).toLower();
    if (scheme == QLatin1String("socks5"))
        p.type = UpstreamProxy::Type::Socks5;
    else if (scheme == QLatin1String("socks4a"))
        p.type = UpstreamProxy::Type::Socks4a;
    else if (scheme == QLatin1String("http"))
        p.type = UpstreamProxy::Type::Http;
    else
        return fail(QStringLiteral("unknown proxy scheme '%1' (socks5, socks4a or http)").arg(uri.left(sep)));

    QString rest = uri.mid(sep + 3);
    if (rest.endsWith(QLatin1Char('/'))) rest.chop(1);
    if (rest.contains(QLatin1Char('/')) || rest.contains(QLatin1Char('?')) || rest.contains(QLatin1Char('#')))
        return fail(QStringLiteral("proxy URI must not have a path, query or fragment"));

    const int at = rest.lastIndexOf(QLatin1Char('@'));
    bool hasPassword = false;
    if (at >= 0) {
        const QString userinfo = rest.left(at);
        rest = rest.mid(at + 1);
        const int colon = userinfo.indexOf(QLatin1Char(':'));
        hasPassword = colon >= 0;
        const std::optional<QString> user = percentDecode(hasPassword ? userinfo.left(colon) : userinfo);
        const std::optional<QString> pass = percentDecode(hasPassword ? userinfo.mid(colon + 1) : QString());
        if (!user || !pass) return fail(QStringLiteral("bad percent-encoding in the proxy user or password"));
        p.user = *user;
        p.password = *pass;
    }

    QString err;
    const std::optional<HostPort> hp = parseHostPort(rest, false, &err);
    if (!hp) {
        // Tell a missing or out-of-range port apart from other syntax errors.
        if (err.startsWith(QLatin1String("bad port")) || err.startsWith(QLatin1String("missing port")))
            return fail(QStringLiteral("bad proxy port: %1").arg(err));
        return fail(QStringLiteral("bad proxy address: %1").arg(err));
    }
    if (!isIpLiteral(hp->host))
        return fail(QStringLiteral("proxy host must be an IP address, not a host name ('%1')").arg(hp->host));
    p.host = hp->host;
    p.port = hp->port;

    if (p.user.isEmpty() && !p.password.isEmpty())
        return fail(QStringLiteral("proxy password without a user name"));
    switch (p.type) {
    case UpstreamProxy::Type::Socks5:
        // RFC 1929: user and password are each 1..255 bytes.
        if (!p.user.isEmpty() && (!hasPassword || p.password.isEmpty()))
            return fail(QStringLiteral("socks5 proxy user without password"));
        if (p.user.toUtf8().size() > 255 || p.password.toUtf8().size() > 255)
            return fail(QStringLiteral("socks5 proxy user and password must be at most 255 bytes each"));
        break;
    case UpstreamProxy::Type::Socks4a:
        if (hasPassword) return fail(QStringLiteral("socks4a proxy takes a user id but no password"));
        break;
    case UpstreamProxy::Type::Http:
        break;
    }
    return p;
}

} // namespace pt
