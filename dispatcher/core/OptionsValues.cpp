// Value syntaxes used by the flags: proxy modes, host:port, IP literals, host names
// and the upstream proxy URI. Declared in Config.h.

#include "dispatcher/core/Config.h"

#include <QHostAddress>
#include <QUrl>

#include <cctype>

namespace pt {

namespace {

bool isIpv4Literal(const QString& s)
{
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString& p : parts) {
        // No shortened, octal ("010") or hex forms: inet_aton reads those differently
        // from how a person does.
        if (p.isEmpty() || p.size() > 3 || (p.size() > 1 && p.startsWith(QLatin1Char('0'))))
            return false;
        for (QChar c : p) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        if (p.toInt() > 255)
            return false;
    }
    return true;
}

std::optional<QString> percentDecode(const QString& s)
{
    QByteArray out;
    const QByteArray in = s.toUtf8();
    for (int i = 0; i < in.size(); ++i) {
        if (in.at(i) != '%') {
            out.append(in.at(i));
            continue;
        }
        if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in.at(i + 1)))
            || !std::isxdigit(static_cast<unsigned char>(in.at(i + 2))))
            return std::nullopt;
        out.append(static_cast<char>(in.mid(i + 1, 2).toInt(nullptr, 16)));
        i += 2;
    }
    return QString::fromUtf8(out);
}

} // namespace

QString proxyModeName(ProxyMode m)
{
    switch (m) {
    case ProxyMode::Socks5:
        return QStringLiteral("socks5");
    case ProxyMode::TransparentTcp:
        return QStringLiteral("transparent-TCP");
    case ProxyMode::TransparentUdp:
        return QStringLiteral("transparent-UDP");
    case ProxyMode::Stun:
        return QStringLiteral("STUN");
    }
    return QString();
}

std::optional<ProxyMode> parseProxyMode(const QString& s)
{
    for (ProxyMode m : {ProxyMode::Socks5, ProxyMode::TransparentTcp, ProxyMode::TransparentUdp,
                        ProxyMode::Stun}) {
        if (s == proxyModeName(m))
            return m;
    }
    return std::nullopt;
}

QString HostPort::toString() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return h + QLatin1Char(':') + QString::number(port);
}

bool isIpLiteral(const QString& host)
{
    if (!host.contains(QLatin1Char(':')))
        return isIpv4Literal(host);
    QHostAddress a;
    return a.setAddress(host) && a.protocol() == QAbstractSocket::IPv6Protocol;
}

bool isValidHostName(const QString& host)
{
    if (host.isEmpty())
        return false;
    QString ascii = host;
    for (QChar c : host) {
        if (c.unicode() > 0x7f) {
            ascii = QString::fromLatin1(QUrl::toAce(host, QUrl::AceTransitionalProcessing));
            break;
        }
    }
    if (ascii.isEmpty() || ascii.size() > 253)
        return false;
    QStringList labels = ascii.split(QLatin1Char('.'));
    if (labels.size() > 1 && labels.last().isEmpty())
        labels.removeLast(); // fully qualified "example.com."
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > 63)
            return false;
        for (QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                            || c == QLatin1Char('-') || c == QLatin1Char('_');
            if (!ok)
                return false;
        }
    }
    return true;
}

std::optional<quint16> parsePort(const QString& s, bool allowZeroPort)
{
    if (s.isEmpty() || s.size() > 5)
        return std::nullopt;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const int v = s.toInt();
    if (v > 65535 || (v == 0 && !allowZeroPort))
        return std::nullopt;
    return static_cast<quint16>(v);
}

std::optional<HostPort> parseHostPort(const QString& s, bool allowZeroPort, QString* error)
{
    auto fail = [error](const QString& msg) {
        if (error)
            *error = msg;
        return std::nullopt;
    };
    HostPort hp;
    QString portText;
    if (s.startsWith(QLatin1Char('['))) {
        const int close = s.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(QStringLiteral("missing ']' in '%1'").arg(s));
        hp.host = s.mid(1, close - 1);
        if (!hp.host.contains(QLatin1Char(':')))
            return fail(QStringLiteral("brackets are only for IPv6 addresses in '%1'").arg(s));
        if (s.mid(close + 1, 1) != QLatin1String(":"))
            return fail(QStringLiteral("missing port in '%1' (expected [address]:port)").arg(s));
        portText = s.mid(close + 2);
    } else {
        const int colon = s.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return fail(QStringLiteral("missing port in '%1' (expected address:port)").arg(s));
        hp.host = s.left(colon);
        portText = s.mid(colon + 1);
        if (hp.host.contains(QLatin1Char(':')))
            return fail(QStringLiteral("IPv6 address must be in brackets in '%1' (e.g. [::1]:5555)").arg(s));
    }
    if (hp.host.isEmpty())
        return fail(QStringLiteral("missing address in '%1'").arg(s));
    const std::optional<quint16> port = parsePort(portText, allowZeroPort);
    if (!port) {
        return fail(QStringLiteral("bad port '%1' in '%2' (must be %3..65535)")
                        .arg(portText, s, allowZeroPort ? QStringLiteral("0") : QStringLiteral("1")));
    }
    hp.port = *port;
    return hp;
}

std::optional<UpstreamProxy> parseUpstreamProxy(const QString& uri, QString* error)
{
    auto fail = [error](const QString& msg) {
        if (error)
            *error = msg;
        return std::nullopt;
    };
    UpstreamProxy p;
    const int sep = uri.indexOf(QLatin1String("://"));
    if (sep < 0)
        return fail(QStringLiteral("proxy URI '%1' has no scheme (socks5://, socks4a:// or http://)").arg(uri));
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
    if (rest.endsWith(QLatin1Char('/')))
        rest.chop(1);
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
        if (!user || !pass)
            return fail(QStringLiteral("bad percent-encoding in the proxy user or password"));
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
        if (hasPassword)
            return fail(QStringLiteral("socks4a proxy takes a user id but no password"));
        break;
    case UpstreamProxy::Type::Http:
        break;
    }
    return p;
}

} // namespace pt
