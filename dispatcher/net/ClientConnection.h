#pragma once

// One application connection on the client side: the SOCKS5 handshake (socks5
// mode) or nothing (transparent-TCP), then a transport connection to the PT server,
// then the Relay. Lives on one worker thread and deletes itself when done.

#include "dispatcher/net/AcceptedConnection.h"
#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/Dialer.h"
#include "dispatcher/net/Relay.h"
#include "dispatcher/protocols/Socks5Server.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pt::net {

class ClientConnection : public AcceptedConnection
{
    Q_OBJECT
public:
    ClientConnection(std::shared_ptr<const ClientContext> ctx, std::function<void()> onDone,
                     QObject* parent = nullptr);
    ~ClientConnection() override;

    void start(qintptr fd);

private:
    void onAppReadable();
    void onRequestReady();
    void dialServer(const HostPort& server);
    void redial();
    void onDialed(StreamSocket* wire, const QByteArray& early);
    void onHandshakeComplete();
    void replyAndClose(quint8 code, const QString& why);
    void finish(const QString& reason);

    std::shared_ptr<const ClientContext> m_ctx;
    StreamSocket* m_app = nullptr;
    socks5::ServerHandshake m_socks;
    std::unique_ptr<Session> m_session;
    Dialer* m_dialer = nullptr;
    Relay* m_relay = nullptr;
    HostPort m_server;
    QString m_serverText;
    bool m_replied = false;
};

} // namespace pt::net
