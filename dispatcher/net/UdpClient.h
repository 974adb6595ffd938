#pragma once

// The PT client in transparent-UDP / STUN mode (spec 1.5.3-1.5.4): one UDP socket
// on the proxy listen address; each application source address gets its own
// transport connection to serverAddress (UdpPoolLogic decides), replies go back to
// that source. Lives on the main thread.

#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/UdpPoolLogic.h"
#include "dispatcher/protocols/UdpFraming.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>

class QUdpSocket;

namespace pt::net {

class Dialer;
class StreamSocket;
class UdpTunnel;

class UdpClient : public QObject
{
    Q_OBJECT
public:
    UdpClient(std::shared_ptr<const ClientContext> ctx, int idleTimeoutMs, QObject* parent = nullptr);
    ~UdpClient() override;

    bool listen(const QHostAddress& address, quint16 port, QString* error);
    QHostAddress localAddress() const;
    quint16 localPort() const;

private:
    struct Flow
    {
        QHostAddress address;
        quint16 port = 0;
        Dialer* dialer = nullptr;
        UdpTunnel* tunnel = nullptr;
    };

    void onReadable();
    void dial(const QString& key);
    void onDialed(const QString& key, StreamSocket* socket, const QByteArray& early);
    void send(const QString& key, const QByteArray& datagram);
    void drop(const QString& key, const QString& why);
    void sweep();
    void rearmSweep();
    int64_t now() const { return m_clock.elapsed(); }

    std::shared_ptr<const ClientContext> m_ctx;
    udp::Framing m_framing;
    UdpPoolLogic m_pool;
    QHash<QString, Flow> m_flows;
    QUdpSocket* m_socket = nullptr;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    qint64 m_carriedUp = 0;
    qint64 m_carriedDown = 0;
    qint64 m_dropped = 0;
};

} // namespace pt::net
