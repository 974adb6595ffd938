#include "dispatcher/protocols/UpstreamProxyClient.h"

#include <QHostAddress>

namespace pt::proxy {

namespace {
void appendPort(QByteArray& b, uint16_t port)
{
    b.append(char(port >> 8)).append(char(port & 0xFF));
}
} // namespace

ClientHandshake::ClientHandshake(Params params) : m_p(std::move(params)) {}

QByteArray ClientHandshake::fail(const QString& why, uint8_t reply)
{
    m_state = State::Failed;
    m_error = why;
    m_reply = reply;
    return QByteArray();
}

QByteArray ClientHandshake::takeLeftover()
{
    QByteArray b;
    b.swap(m_buf);
    return b;
}

QByteArray ClientHandshake::start()
{
    switch (m_p.type) {
    case Type::Socks5: {
        m_state = State::Greeting;
        if (m_p.user.isEmpty()) return QByteArray("\x05\x01\x00", 3);
        return QByteArray("\x05\x02\x00\x02", 4);
    }
    case Type::Socks4a: {
        m_state = State::Connect;
        QByteArray b("\x04\x01", 2);
        appendPort(b, m_p.destPort);
        QHostAddress addr;
        const bool v4 = addr.setAddress(m_p.destHost) && addr.protocol() == QAbstractSocket::IPv4Protocol;
        if (v4) {
            const quint32 ip = addr.toIPv4Address();
            b.append(char(ip >> 24)).append(char(ip >> 16)).append(char(ip >> 8)).append(char(ip));
        } else {
            b.append("\x00\x00\x00\x01", 4); // 4a: the name follows the user id
        }
        b.append(m_p.user.toUtf8()).append('\0');
        if (!v4) b.append(m_p.destHost.toUtf8()).append('\0');
        return b;
    }
    case Type::Http: {
        m_state = State::Connect;
        QHostAddress addr;
        const bool v6 = addr.setAddress(m_p.destHost) && addr.protocol() == QAbstractSocket::IPv6Protocol;
        const QString authority = (v6 ? QStringLiteral("[%1]").arg(m_p.destHost) : m_p.destHost) +
                                  QStringLiteral(":%1").arg(m_p.destPort);
        QByteArray b = "CONNECT " + authority.toUtf8() + " HTTP/1.1\r\nHost: " + authority.toUtf8() + "\r\n";
        if (!m_p.user.isEmpty())
            b += "Proxy-Authorization: Basic " +
                 (m_p.user + QLatin1Char(':') + m_p.password).toUtf8().toBase64() + "\r\n";
        b += "\r\n";
        return b;
    }
    }
    return QByteArray();
}

QByteArray ClientHandshake::onBytes(const QByteArray& in)
{
    if (m_state == State::Done || m_state == State::Failed) {
        m_buf += in;
        return QByteArray();
    }
    m_buf += in;
    switch (m_p.type) {
    case Type::Socks5:
        return onSocks5();
    case Type::Socks4a:
        return onSocks4();
    case Type::Http:
        return onHttp();
    }
    return QByteArray();
}

QByteArray ClientHandshake::socks5Request() const
{
    QByteArray b("\x05\x01\x00", 3);
    QHostAddress addr;
    if (addr.setAddress(m_p.destHost) && addr.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 ip = addr.toIPv4Address();
        b.append('\x01').append(char(ip >> 24)).append(char(ip >> 16)).append(char(ip >> 8)).append(char(ip));
    } else if (addr.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR a = addr.toIPv6Address();
        b.append('\x04').append(reinterpret_cast<const char*>(a.c), 16);
    } else {
        const QByteArray name = m_p.destHost.toUtf8().left(255);
        b.append('\x03').append(char(name.size())).append(name);
    }
    appendPort(b, m_p.destPort);
    return b;
}

QByteArray ClientHandshake::onSocks5()
{
    QByteArray out;
    for (;;) {
        if (m_state == State::Greeting) {
            if (m_buf.size() < 2) return out;
            const uint8_t ver = uint8_t(m_buf[0]), method = uint8_t(m_buf[1]);
            m_buf.remove(0, 2);
            if (ver != 5) return fail(QStringLiteral("upstream proxy is not a SOCKS5 server"));
            if (method == 0x00) {
                m_state = State::Connect;
                return out + socks5Request();
            }
            if (method == 0x02 && !m_p.user.isEmpty()) {
                const QByteArray u = m_p.user.toUtf8().left(255), p = m_p.password.toUtf8().left(255);
                m_state = State::Auth;
                out += QByteArray(1, '\x01') + char(u.size()) + u + char(p.size()) + p;
                continue;
            }
            return fail(QStringLiteral("upstream SOCKS5 proxy accepts none of our authentication methods"),
                        0x02);
        }
        if (m_state == State::Auth) {
            if (m_buf.size() < 2) return out;
            const uint8_t status = uint8_t(m_buf[1]);
            m_buf.remove(0, 2);
            if (status != 0)
                return fail(QStringLiteral("upstream SOCKS5 proxy rejected the user name or password"), 0x02);
            m_state = State::Connect;
            return out + socks5Request();
        }
        if (m_state == State::Connect) {
            if (m_buf.size() < 5) return out;
            if (uint8_t(m_buf[0]) != 5)
                return fail(QStringLiteral("malformed reply from upstream SOCKS5 proxy"));
            const uint8_t rep = uint8_t(m_buf[1]);
            const uint8_t atyp = uint8_t(m_buf[3]);
            int len = 0;
            if (atyp == 1)
                len = 4 + 4 + 2;
            else if (atyp == 4)
                len = 4 + 16 + 2;
            else if (atyp == 3)
                len = 4 + 1 + uint8_t(m_buf[4]) + 2;
            else
                return fail(QStringLiteral("malformed reply from upstream SOCKS5 proxy"));
            if (m_buf.size() < len) return out;
            m_buf.remove(0, len);
            if (rep != 0)
                return fail(
                    QStringLiteral("upstream SOCKS5 proxy refused the connection (reply %1)").arg(rep),
                    rep <= 0x08 ? rep : 0x01);
            m_state = State::Done;
            return out;
        }
        return out;
    }
}

QByteArray ClientHandshake::onSocks4()
{
    if (m_buf.size() < 8) return QByteArray();
    const uint8_t vn = uint8_t(m_buf[0]), cd = uint8_t(m_buf[1]);
    m_buf.remove(0, 8);
    if (vn != 0) return fail(QStringLiteral("malformed reply from upstream SOCKS4 proxy"));
    if (cd != 90)
        return fail(QStringLiteral("upstream SOCKS4 proxy refused the connection (code %1)").arg(cd),
                    cd == 92 || cd == 93 ? 0x02 : 0x05);
    m_state = State::Done;
    return QByteArray();
}

QByteArray ClientHandshake::onHttp()
{
    const int end = m_buf.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buf.size() > kMaxHttpHeader)
            return fail(QStringLiteral("upstream HTTP proxy sent an over-long response header"));
        return QByteArray();
    }
    const QByteArray head = m_buf.left(end);
    m_buf.remove(0, end + 4);
    const QByteArray statusLine = head.left(head.indexOf("\r\n") < 0 ? head.size() : head.indexOf("\r\n"));
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2 || !parts[0].startsWith("HTTP/1."))
        return fail(QStringLiteral("malformed reply from upstream HTTP proxy"));
    bool ok = false;
    const int code = parts[1].toInt(&ok);
    if (!ok) return fail(QStringLiteral("malformed reply from upstream HTTP proxy"));
    if (code / 100 != 2) {
        const uint8_t rep = code == 407 || code == 403 || code == 401 ? 0x02
                            : code == 502 || code == 503              ? 0x05
                                                                      : 0x01;
        return fail(QStringLiteral("upstream HTTP proxy answered: %1").arg(QString::fromLatin1(statusLine)),
                    rep);
    }
    m_state = State::Done;
    return QByteArray();
}

} // namespace pt::proxy
