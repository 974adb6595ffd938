#pragma once

// One application connection on the client side: the SOCKS5 handshake (socks5
// mode) or nothing (transparent-TCP), then a transport connection to the PT server,
// then the Relay. Lives on one worker thread and deletes itself when done.

#include "dispatcher/net/Contexts.h"
#include "dispatcher/net/Dialer.h"
#include "dispatcher/net/Relay.h"
#include "dispatcher/protocols/Socks5Server.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pt::net {

class ClientConnection : public QObject
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
    void onDialed(StreamSocket* wire, const QByteArray& early);
    void onHandshakeComplete();
    void replyAndClose(quint8 code, const QString& why);
    void finish(const QString& reason);

    std::shared_ptr<const ClientContext> m_ctx;
    std::function<void()> m_onDone;
    StreamSocket* m_app = nullptr;
    socks5::ServerHandshake m_socks;
    std::unique_ptr<Session> m_session;
    Dialer* m_dialer = nullptr;
    Relay* m_relay = nullptr;
    QTimer m_timer; // SOCKS handshake, then dial + transport handshake
    QString m_peer;
    QString m_serverText;
    bool m_replied = false;
    bool m_finished = false;
    std::optional<OpenConnection> m_open; // in the counters while set
};

} // namespace pt::net
