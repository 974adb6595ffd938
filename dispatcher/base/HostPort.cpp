// host:port values, IP literals and host names: the syntax every layer shares.

#include "dispatcher/base/HostPort.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

namespace pt {

namespace {

bool isIpv4Literal(const QString& s)
{
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4) return false;
    for (const QString& p : parts) {
        // No shortened, octal ("010") or hex forms: inet_aton reads those differently
        // from how a person does.
        if (p.isEmpty() || p.size() > 3 || (p.size() > 1 && p.startsWith(QLatin1Char('0')))) return false;
        for (QChar c : p) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9')) return false;
        }
        if (p.toInt() > 255) return false;
    }
    return true;
}

} // namespace

QString HostPort::toString() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return h + QLatin1Char(':') + QString::number(port);
}

bool isIpLiteral(const QString& host)
{
    if (!host.contains(QLatin1Char(':'))) return isIpv4Literal(host);
    QHostAddress a;
    return a.setAddress(host) && a.protocol() == QAbstractSocket::IPv6Protocol;
}

bool isValidHostName(const QString& host)
{
    if (host.isEmpty()) return false;
    QString ascii = host;
    for (QChar c : host) {
        if (c.unicode() > 0x7f) {
            ascii = QString::fromLatin1(QUrl::toAce(host, QUrl::AceTransitionalProcessing));
            break;
        }
    }
    if (ascii.isEmpty() || ascii.size() > 253) return false;
    QStringList labels = ascii.split(QLatin1Char('.'));
    if (labels.size() > 1 && labels.last().isEmpty()) labels.removeLast(); // fully qualified "example.com."
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > 63) return false;
        for (QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                            c == QLatin1Char('_');
            if (!ok) return false;
        }
    }
    return true;
}

std::optional<quint16> parsePort(const QString& s, bool allowZeroPort)
{
    if (s.isEmpty() || s.size() > 5) return std::nullopt;
    for (QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) return std::nullopt;
    }
    const int v = s.toInt();
    if (v > 65535 || (v == 0 && !allowZeroPort)) return std::nullopt;
    return static_cast<quint16>(v);
}

std::optional<HostPort> parseHostPort(const QString& s, bool allowZeroPort, QString* error)
{
    auto fail = [error](const QString& msg) {
        if (error) *error = msg;
        return std::nullopt;
    };
    HostPort hp;
    QString portText;
    if (s.startsWith(QLatin1Char('['))) {
        const int close = s.indexOf(QLatin1Char(']'));
        if (close < 0) return fail(QStringLiteral("missing ']' in '%1'").arg(s));
        hp.host = s.mid(1, close - 1);
        if (!hp.host.contains(QLatin1Char(':')))
            return fail(QStringLiteral("brackets are only for IPv6 addresses in '%1'").arg(s));
        if (s.mid(close + 1, 1) != QLatin1String(":"))
            return fail(QStringLiteral("missing port in '%1' (expected [address]:port)").arg(s));
        portText = s.mid(close + 2);
    } else {
        const int colon = s.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) return fail(QStringLiteral("missing port in '%1' (expected address:port)").arg(s));
        hp.host = s.left(colon);
        portText = s.mid(colon + 1);
        if (hp.host.contains(QLatin1Char(':')))
            return fail(QStringLiteral("IPv6 address must be in brackets in '%1' (e.g. [::1]:5555)").arg(s));
    }
    if (hp.host.isEmpty()) return fail(QStringLiteral("missing address in '%1'").arg(s));
    const std::optional<quint16> port = parsePort(portText, allowZeroPort);
    if (!port) {
        return fail(QStringLiteral("bad port '%1' in '%2' (must be %3..65535)")
                        .arg(portText, s, allowZeroPort ? QStringLiteral("0") : QStringLiteral("1")));
    }
    hp.port = *port;
    return hp;
}

} // namespace pt
