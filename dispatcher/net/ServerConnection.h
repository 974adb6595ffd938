#pragma once

// One transport connection on the server side: the transport handshake, then a
// connection to -target or the Extended ORPort (only after the handshake, so a prober
// never makes us dial anything), then the Relay. Lives on one worker thread and
// deletes itself.

#include "dispatcher/net/AcceptedConnection.h"
#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/Relay.h"
#include "dispatcher/net/TargetDialer.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pt::net {

class ServerConnection : public AcceptedConnection
{
    Q_OBJECT
public:
    ServerConnection(std::shared_ptr<const ServerContext> ctx, std::function<void()> onDone,
                     QObject* parent = nullptr);
    ~ServerConnection() override;

    void start(qintptr fd);

private:
    void onHandshakeComplete();
    void attachTarget(StreamSocket* target, const QByteArray& early);
    void finish(const QString& reason);

    std::shared_ptr<const ServerContext> m_ctx;
    Relay* m_relay = nullptr;
    TargetDialer* m_dialer = nullptr;
};

} // namespace pt::net
