#pragma once

// Client side of Tor's Extended ORPort (ext-orport-spec, proposals 196 and 217) as
// a sans-IO state machine: SAFE_COOKIE authentication, then USERADDR, TRANSPORT and
// DONE, then wait for OKAY. After Done, the connection carries raw OR traffic.

#include <QByteArray>
#include <QString>

#include <optional>

namespace pt::extorport {

constexpr int kCookieLen = 32;
constexpr int kNonceLen = 32;
constexpr int kHashLen = 32;

// Reads an auth cookie file: exactly 64 bytes, the 32-byte header
// "! Extended ORPort Auth Cookie !\n" then the cookie. nullopt + reason otherwise.
std::optional<QByteArray> readCookieFile(const QString& path, QString* error);

QByteArray serverHash(const QByteArray& cookie, const QByteArray& clientNonce, const QByteArray& serverNonce);
QByteArray clientHash(const QByteArray& cookie, const QByteArray& clientNonce, const QByteArray& serverNonce);

enum Command : quint16
{
    Done = 0x0000,
    UserAddr = 0x0001,
    Transport = 0x0002,
    Okay = 0x1000,
    Deny = 0x1001,
    Control = 0x1002,
};

QByteArray encodeCommand(quint16 command, const QByteArray& body);

class ClientHandshake
{
public:
    enum class State
    {
        AuthTypes,
        ServerHash,
        AuthResult,
        WaitOkay,
        Done,
        Failed
    };

    // userAddr: "1.2.3.4:5678", "[::1]:5678" or a bare address (a front's X-Forwarded-For
    // has no port; tor refuses port 0), empty: unknown (no USERADDR is sent);
    // transport: the PT's name.
    ClientHandshake(QByteArray cookie, QByteArray clientNonce, QString userAddr, QString transport);

    QByteArray onBytes(const QByteArray& in);
    State state() const { return m_state; }
    QString error() const { return m_error; }
    QByteArray takeLeftover();

private:
    QByteArray fail(const QString& why);

    QByteArray m_cookie;
    QByteArray m_clientNonce;
    QString m_userAddr;
    QString m_transport;
    State m_state = State::AuthTypes;
    QByteArray m_buf;
    QString m_error;
    static constexpr int kMaxBuffered = 64 * 1024;
};

} // namespace pt::extorport
