#pragma once

// The byte channel under webtunnel's and meek's HTTP: TLS (https URLs, through the
// sans-IO engine in protocols/Tls) or nothing (http URLs). Sessions put application
// plaintext in and get wire bytes out, and the reverse.

#include "dispatcher/protocols/Tls.h"
#include "dispatcher/transports/Transport.h"

#include <memory>

namespace pt {

class WebChannel
{
public:
    // Plain channel.
    WebChannel() = default;
    // TLS channel, client or server as the engine is; tls must not be null.
    explicit WebChannel(std::unique_ptr<tls::Engine> tls) : m_tls(std::move(tls)) {}

    bool secure() const { return m_tls != nullptr; }
    // True once plaintext can flow (at once when plain).
    bool handshakeDone() const { return !m_tls || m_tls->handshakeDone(); }
    // Starts the TLS handshake (a client's ClientHello into out.toWire); nothing when plain.
    void start(SessionOutput& out);
    // Wire bytes in; returns the plaintext they carried. A TLS failure fails `out`.
    QByteArray onWire(const QByteArray& in, SessionOutput& out);
    // Plaintext to send (TLS queues it until its handshake is done).
    void send(const QByteArray& plain, SessionOutput& out);
    // TLS close_notify (nothing when plain).
    void close(SessionOutput& out);
    // True once the peer sent close_notify.
    bool peerClosed() const;
    qint64 pendingBytes() const;

private:
    void flush(SessionOutput& out);

    std::unique_ptr<tls::Engine> m_tls;
};

} // namespace pt
