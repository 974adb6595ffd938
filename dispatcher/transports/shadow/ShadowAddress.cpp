#include "dispatcher/transports/shadow/ShadowAddress.h"

#include <QHostAddress>

namespace pt::shadow {

namespace {
constexpr uint8_t kAtypIpv4 = 1;
constexpr uint8_t kAtypDomain = 3;
constexpr uint8_t kAtypIpv6 = 4;

void setError(QString* error, const QString& text)
{
    if (error) *error = text;
}
} // namespace

QString TargetAddress::toString() const
{
    if (host.contains(QLatin1Char(':'))) return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

std::optional<TargetAddress> parseTargetString(const QString& s, QString* error)
{
    const QString t = s.trimmed();
    QString host;
    QString portText;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0 || t.mid(close + 1, 1) != QLatin1String(":")) {
            setError(error, QStringLiteral("target \"%1\" is not [IPv6]:port").arg(s));
            return std::nullopt;
        }
        host = t.mid(1, close - 1);
        portText = t.mid(close + 2);
        QHostAddress addr;
        if (!addr.setAddress(host) || addr.protocol() != QAbstractSocket::IPv6Protocol) {
            setError(error, QStringLiteral("target \"%1\" has a bad IPv6 address").arg(s));
            return std::nullopt;
        }
    } else {
        const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0 || t.indexOf(QLatin1Char(':')) != colon) {
            setError(error, QStringLiteral("target \"%1\" is not host:port").arg(s));
            return std::nullopt;
        }
        host = t.left(colon);
        portText = t.mid(colon + 1);
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535 || portText.isEmpty() || !portText.front().isDigit()) {
        setError(error, QStringLiteral("target \"%1\" has a bad port").arg(s));
        return std::nullopt;
    }
    TargetAddress a{host, quint16(port)};
    QString encodeError;
    if (encodeTargetAddress(a, &encodeError).isEmpty()) {
        setError(error, encodeError);
        return std::nullopt;
    }
    return a;
}

QByteArray encodeTargetAddress(const TargetAddress& target, QString* error)
{
    QByteArray out;
    QHostAddress addr;
    if (addr.setAddress(target.host) && addr.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = addr.toIPv4Address();
        out.append(char(kAtypIpv4));
        out.append(char(v4 >> 24)).append(char(v4 >> 16)).append(char(v4 >> 8)).append(char(v4));
    } else if (addr.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = addr.toIPv6Address();
        out.append(char(kAtypIpv6));
        out.append(reinterpret_cast<const char*>(v6.c), 16);
    } else {
        const QByteArray name = target.host.toUtf8();
        if (name.isEmpty() || name.size() > 255) {
            setError(error, QStringLiteral("target host name must be 1..255 bytes"));
            return {};
        }
        out.append(char(kAtypDomain));
        out.append(char(name.size()));
        out.append(name);
    }
    out.append(char(target.port >> 8)).append(char(target.port & 0xFF));
    return out;
}

AddressParse parseTargetAddress(const char* data, size_t len, TargetAddress* target, size_t* consumed)
{
    if (len < 1) return AddressParse::NeedMore;
    const auto* p = reinterpret_cast<const uint8_t*>(data);
    size_t addrEnd = 0;
    switch (p[0]) {
    case kAtypIpv4:
        addrEnd = 1 + 4;
        break;
    case kAtypIpv6:
        addrEnd = 1 + 16;
        break;
    case kAtypDomain:
        if (len < 2) return AddressParse::NeedMore;
        if (p[1] == 0) return AddressParse::Malformed;
        addrEnd = 2 + p[1];
        break;
    default:
        return AddressParse::Malformed;
    }
    if (len < addrEnd + 2) return AddressParse::NeedMore;
    TargetAddress t;
    if (p[0] == kAtypIpv4) {
        t.host =
            QHostAddress((quint32(p[1]) << 24) | (quint32(p[2]) << 16) | (quint32(p[3]) << 8) | quint32(p[4]))
                .toString();
    } else if (p[0] == kAtypIpv6) {
        t.host = QHostAddress(p + 1).toString();
    } else {
        t.host = QString::fromLatin1(data + 2, qsizetype(p[1]));
    }
    t.port = quint16((p[addrEnd] << 8) | p[addrEnd + 1]);
    if (target) *target = t;
    if (consumed) *consumed = addrEnd + 2;
    return AddressParse::Ok;
}

} // namespace pt::shadow
