#include "dispatcher/protocols/ExtOrPort.h"

#include <QFile>

#include <sodium.h>

namespace pt::extorport {

namespace {
const QByteArray kCookieHeader("! Extended ORPort Auth Cookie !\n");

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    crypto_auth_hmacsha256_state st;
    unsigned char out[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.constData()),
                                size_t(key.size()));
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.constData()),
                                  quint64(message.size()));
    crypto_auth_hmacsha256_final(&st, out);
    return QByteArray(reinterpret_cast<const char*>(out), sizeof out);
}
} // namespace

std::optional<QByteArray> readCookieFile(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot read auth cookie %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    const QByteArray all = f.read(65);
    if (all.size() != 64) {
        if (error) *error = QStringLiteral("auth cookie %1 must be exactly 64 bytes").arg(path);
        return std::nullopt;
    }
    if (!all.startsWith(kCookieHeader)) {
        if (error) *error = QStringLiteral("auth cookie %1 has a wrong header").arg(path);
        return std::nullopt;
    }
    return all.mid(32);
}

QByteArray serverHash(const QByteArray& cookie, const QByteArray& clientNonce, const QByteArray& serverNonce)
{
    return hmac(cookie, "ExtORPort authentication server-to-client hash" + clientNonce + serverNonce);
}

QByteArray clientHash(const QByteArray& cookie, const QByteArray& clientNonce, const QByteArray& serverNonce)
{
    return hmac(cookie, "ExtORPort authentication client-to-server hash" + clientNonce + serverNonce);
}

QByteArray encodeCommand(quint16 command, const QByteArray& body)
{
    QByteArray b;
    b.append(char(command >> 8)).append(char(command & 0xFF));
    b.append(char((body.size() >> 8) & 0xFF)).append(char(body.size() & 0xFF));
    return b + body;
}

ClientHandshake::ClientHandshake(QByteArray cookie, QByteArray clientNonce, QString userAddr,
                                 QString transport)
    : m_cookie(std::move(cookie)), m_clientNonce(std::move(clientNonce)), m_userAddr(std::move(userAddr)),
      m_transport(std::move(transport))
{
}

QByteArray ClientHandshake::fail(const QString& why)
{
    m_state = State::Failed;
    m_error = why;
    return QByteArray();
}

QByteArray ClientHandshake::takeLeftover()
{
    QByteArray b;
    b.swap(m_buf);
    return b;
}

QByteArray ClientHandshake::onBytes(const QByteArray& in)
{
    if (m_state == State::Failed) return QByteArray();
    m_buf += in;
    if (m_state == State::Done) return QByteArray();
    if (m_buf.size() > kMaxBuffered)
        return fail(QStringLiteral("Extended ORPort sent too much during the handshake"));
    QByteArray out;
    for (;;) {
        switch (m_state) {
        case State::AuthTypes: {
            const int end = m_buf.indexOf('\0');
            if (end < 0) return out;
            const QByteArray types = m_buf.left(end);
            m_buf.remove(0, end + 1);
            if (!types.contains('\x01'))
                return fail(QStringLiteral("Extended ORPort does not offer SAFE_COOKIE authentication"));
            out += '\x01';
            out += m_clientNonce;
            m_state = State::ServerHash;
            break;
        }
        case State::ServerHash: {
            if (m_buf.size() < kHashLen + kNonceLen) return out;
            const QByteArray hash = m_buf.left(kHashLen);
            const QByteArray serverNonce = m_buf.mid(kHashLen, kNonceLen);
            m_buf.remove(0, kHashLen + kNonceLen);
            const QByteArray expected = serverHash(m_cookie, m_clientNonce, serverNonce);
            if (sodium_memcmp(hash.constData(), expected.constData(), kHashLen) != 0)
                return fail(QStringLiteral("Extended ORPort server hash is wrong (stale auth cookie?)"));
            out += clientHash(m_cookie, m_clientNonce, serverNonce);
            m_state = State::AuthResult;
            break;
        }
        case State::AuthResult: {
            if (m_buf.isEmpty()) return out;
            const char status = m_buf[0];
            m_buf.remove(0, 1);
            if (status != 1) return fail(QStringLiteral("Extended ORPort rejected our authentication"));
            // USERADDR is optional; an empty one would make tor drop the connection.
            // (meek straight to the server, no front: the session never learns the
            // client's address; tor then counts the ExtORPort connection's own peer.)
            if (!m_userAddr.isEmpty()) out += encodeCommand(UserAddr, m_userAddr.toUtf8());
            out += encodeCommand(Transport, m_transport.toUtf8());
            out += encodeCommand(Done, QByteArray());
            m_state = State::WaitOkay;
            break;
        }
        case State::WaitOkay: {
            if (m_buf.size() < 4) return out;
            const quint16 cmd = quint16((quint8(m_buf[0]) << 8) | quint8(m_buf[1]));
            const int len = (quint8(m_buf[2]) << 8) | quint8(m_buf[3]);
            if (m_buf.size() < 4 + len) return out;
            m_buf.remove(0, 4 + len);
            if (cmd == Okay) {
                m_state = State::Done;
                return out;
            }
            if (cmd == Deny) return fail(QStringLiteral("Extended ORPort denied the connection"));
            break; // CONTROL and unknown commands are ignored
        }
        case State::Done:
        case State::Failed:
            return out;
        }
    }
}

} // namespace pt::extorport
