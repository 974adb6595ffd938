#pragma once

// One transport connection on the server in transparent-UDP / STUN mode (spec
// 1.5.5): the transport handshake, then one connected UDP socket to -target;
// datagrams go both ways until either side closes or nothing moved for the idle
// timeout. Each transport connection is its own "pool entry" (Table 2): replies
// from the target can only go back over the connection whose socket they reach.
// Lives on one worker thread and deletes itself.

#include "dispatcher/net/AcceptedConnection.h"
#include "dispatcher/net/Contexts.h"
#include "dispatcher/protocols/UdpFraming.h"

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

class QUdpSocket;

namespace pt::net {

class UdpTunnel;

class UdpServerConnection : public AcceptedConnection
{
    Q_OBJECT
public:
    UdpServerConnection(std::shared_ptr<const ServerContext> ctx, int idleTimeoutMs,
                        std::function<void()> onDone, QObject* parent = nullptr);
    ~UdpServerConnection() override;

    void start(qintptr fd);

private:
    void onHandshakeComplete();
    void onDatagramFromClient(const QByteArray& d);
    void onTargetReadable();
    void flushPending();
    void finish(const QString& reason);

    std::shared_ptr<const ServerContext> m_ctx;
    int m_idleTimeoutMs;
    UdpTunnel* m_tunnel = nullptr;
    QUdpSocket* m_target = nullptr;
    std::deque<QByteArray> m_pending; // until the target socket is connected
    qint64 m_up = 0;
    qint64 m_down = 0;
    qint64 m_dropped = 0;
};

} // namespace pt::net
