#pragma once

// Opens outgoing TCP connections without blocking the event loop: host names are
// resolved asynchronously (QHostInfo), each address is tried in turn, and the whole
// attempt is bounded by a timeout. Failures come back as SOCKS5 reply codes so a
// client can tell its application exactly what went wrong.

#include "dispatcher/base/UpstreamProxy.h"
#include "dispatcher/net/StreamSocket.h"
#include "dispatcher/protocols/UpstreamProxyClient.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace pt::net {

class Dialer : public QObject
{
    Q_OBJECT
public:
    explicit Dialer(QObject* parent = nullptr);
    ~Dialer() override;

    // Every connection goes through the upstream proxy when one is set (-proxy).
    void setUpstreamProxy(const std::optional<UpstreamProxy>& proxy) { m_proxy = proxy; }
    void dial(const QString& host, quint16 port, int timeoutMs);
    void cancel();
    // After failed(): what kind of failure (refused, dns, proxy, ...).
    FailureCode failureCode() const { return m_failureCode; }
    // A host name lookup is under way (QHostInfo cannot interrupt one: the process
    // waits for it when it exits).
    bool lookupPending() const { return m_lookupId >= 0; }

Q_SIGNALS:
    // Ownership of the socket passes to the receiver. `early` holds bytes an
    // upstream proxy already relayed from the destination (usually empty).
    void connected(pt::net::StreamSocket* socket, const QByteArray& early);
    void failed(quint8 socksReply, const QString& reason);
    // The TCP connection to the first hop (the -proxy, else the destination) is up;
    // with a proxy, its handshake follows before connected().
    void tcpConnected();

private:
    void tryNext();
    void onTcpConnected();
    void onProxyReadable();
    void finishWithError(quint8 reply, const QString& reason, FailureCode code);

    QList<QHostAddress> m_addresses;
    QString m_host;
    quint16 m_port = 0;
    StreamSocket* m_socket = nullptr;
    QTimer m_timer;
    int m_lookupId = -1;
    NetError m_lastError;
    std::optional<UpstreamProxy> m_proxy;
    std::unique_ptr<proxy::ClientHandshake> m_proxyHandshake;
    bool m_done = false;
    FailureCode m_failureCode = FailureCode::Error;
};

} // namespace pt::net
