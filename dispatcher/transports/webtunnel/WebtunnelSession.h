#pragma once

// webtunnel's sessions (docs/transports/webtunnel.md, ../shared/spec/webtunnel-notes.md).
//
// Client: TLS when the URL is https (WebChannel), then exactly one request
//   GET <path> HTTP/1.1 / Host / Connection: upgrade / Upgrade: websocket
// and the reply must be 101 with Upgrade: websocket and Connection: upgrade; after it,
// raw bytes both ways (no WebSocket framing). Bytes after the 101 head are stream bytes.
//
// Server (plain HTTP behind a TLS front): one request; a GET of its own URL's path with
// Connection: upgrade and Upgrade: websocket gets the 101 and becomes the tunnel
// (the client's address from X-Forwarded-For); anything else gets what nginx would
// answer (404 for another path, 405 for another method, 400 for a non-upgrade or
// unreadable request) and the connection closes. No answer hints at a tunnel.

#include "dispatcher/protocols/Http1.h"
#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/WebChannel.h"

namespace pt::webtunnel {

class ClientSession final : public Session
{
public:
    // request: the complete upgrade request head.
    ClientSession(WebChannel channel, QByteArray request);

    void start(SessionOutput& out) override;
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override;
    void onAppEof(SessionOutput& out) override;
    bool handshakeDone() const override { return m_upgraded; }
    qint64 pendingAppBytes() const override { return m_pending.size() + m_channel.pendingBytes(); }

private:
    WebChannel m_channel;
    QByteArray m_request;
    http::Parser m_reply{http::Parser::Mode::Response};
    QByteArray m_pending; // application bytes before the 101
    bool m_upgraded = false;
    bool m_appEof = false; // sent after the 101 (TLS close_notify) if it came before
};

// The upgrade request a client sends (exported for tests and the fuzz target).
QByteArray upgradeRequest(const QString& hostHeader, const QString& path);

class ServerSession final : public Session
{
public:
    // path: the request target the server answers (its url's path).
    explicit ServerSession(const QString& path);

    void start(SessionOutput& out) override { (void)out; }
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override;
    bool handshakeDone() const override { return m_upgraded; }
    QString clientAddress() const override { return m_clientAddress; }

    // The status a refused request got (0 while none), for tests.
    int refusedStatus() const { return m_refused; }

private:
    void refuse(int status, SessionOutput& out);

    QByteArray m_path;
    http::Parser m_request;
    QString m_clientAddress;
    bool m_upgraded = false;
    int m_refused = 0;
};

} // namespace pt::webtunnel
