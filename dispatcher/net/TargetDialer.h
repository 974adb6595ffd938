#pragma once

// A server's way to its destination: -target directly, or Tor's Extended ORPort with
// its handshake (SAFE_COOKIE, then USERADDR = the client's address and TRANSPORT =
// our transport's name). Emits ready() with a socket the Relay can use, or failed().
// Used by every server-side connection (ServerConnection, HubStreamConnection).

#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/Dialer.h"
#include "dispatcher/protocols/ExtOrPort.h"

#include <QObject>

#include <memory>

namespace pt::net {

class TargetDialer : public QObject
{
    Q_OBJECT
public:
    TargetDialer(std::shared_ptr<const ServerContext> ctx, QObject* parent = nullptr);
    ~TargetDialer() override;

    // clientAddress: host:port for USERADDR (the TCP peer, or what a front reported).
    void dial(const QString& clientAddress);
    void cancel();
    // "127.0.0.1:9000" or "Extended ORPort 127.0.0.1:9001", for log lines.
    QString describe() const;

Q_SIGNALS:
    // Ownership of the socket passes to the receiver; `early` are bytes the target
    // already sent (after the ExtORPort handshake, or relayed by nothing: usually empty).
    void ready(pt::net::StreamSocket* target, const QByteArray& early);
    void failed(const QString& reason);

private:
    void onConnected(StreamSocket* socket, const QByteArray& early);
    void onExtOrPortReadable();
    void fail(const QString& reason);

    std::shared_ptr<const ServerContext> m_ctx;
    QString m_clientAddress;
    Dialer* m_dialer = nullptr;
    StreamSocket* m_orport = nullptr; // during the ExtORPort handshake
    std::unique_ptr<extorport::ClientHandshake> m_ext;
    bool m_done = false;
};

} // namespace pt::net
