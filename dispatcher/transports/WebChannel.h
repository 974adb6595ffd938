#pragma once

// The byte channel under webtunnel's and meek's HTTP: TLS (https URLs, through the
// sans-IO engine in protocols/Tls) or nothing (http URLs). Sessions put application
// plaintext in and get wire bytes out, and the reverse.

#include "dispatcher/protocols/Tls.h"
#include "dispatcher/transports/Transport.h"

#include <QJsonObject>

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

// The client half of an HTTP transport's factory (webtunnel, meek): -options are
// validated with parse() when they carry the url (Tor gives it per connection
// instead), one TLS context offering ALPN http/1.1 is made, and the transport is
// built as Client(context, haveUrl).
template <typename Client, typename Parse>
Result<std::shared_ptr<const ClientTransport>> makeWebClient(const QString& name, const QJsonObject& options,
                                                             Parse parse)
{
    using R = Result<std::shared_ptr<const ClientTransport>>;
    const bool haveUrl = options.contains(QStringLiteral("url"));
    if (haveUrl) {
        auto parsed = parse(options);
        if (!parsed.ok()) return R::failure(parsed.error);
    }
    tls::ClientOptions t;
    t.alpn = {QByteArrayLiteral("http/1.1")};
    QString err;
    std::shared_ptr<const tls::Context> ctx = tls::Context::client(t, &err);
    if (!ctx) return R::failure(name + QStringLiteral(": TLS: ") + err);
    return R::success(std::make_shared<Client>(std::move(ctx), haveUrl));
}

} // namespace pt
