#pragma once

// Client side of the upstream proxy handshakes used by -proxy (spec 1.1.2) /
// TOR_PT_PROXY, as sans-IO state machines:
//   socks5://[user:pass@]ip:port   RFC 1928 CONNECT, RFC 1929 when credentials given
//   socks4a://[user@]ip:port       SOCKS 4a CONNECT (user id optional)
//   http://[user:pass@]ip:port     HTTP/1.1 CONNECT, Basic authentication
// start() gives the first bytes to send; feed every byte read from the proxy to
// onBytes(). When state() is Done, the tunnel is open and takeLeftover() holds bytes
// the proxy already relayed from the destination.

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace pt::proxy {

enum class Type
{
    Socks5,
    Socks4a,
    Http
};

struct Params
{
    Type type = Type::Socks5;
    QString user;
    QString password;
    QString destHost; // IP literal or host name
    uint16_t destPort = 0;
};

class ClientHandshake
{
public:
    enum class State
    {
        Greeting,
        Auth,
        Connect,
        Done,
        Failed
    };

    explicit ClientHandshake(Params params);

    QByteArray start();
    QByteArray onBytes(const QByteArray& in);

    State state() const { return m_state; }
    // On Failed: a human-readable reason and the SOCKS5 reply code to hand to the
    // application (0x01 general failure when the proxy gave none).
    QString error() const { return m_error; }
    uint8_t replyCode() const { return m_reply; }
    QByteArray takeLeftover();

private:
    QByteArray fail(const QString& why, uint8_t reply = 0x01);
    QByteArray socks5Request() const;
    QByteArray onSocks5();
    QByteArray onSocks4();
    QByteArray onHttp();

    Params m_p;
    State m_state = State::Greeting;
    QByteArray m_buf;
    QString m_error;
    uint8_t m_reply = 0x01;
    static constexpr int kMaxHttpHeader = 16 * 1024;
};

} // namespace pt::proxy
