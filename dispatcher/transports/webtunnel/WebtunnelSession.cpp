#include "dispatcher/transports/webtunnel/WebtunnelSession.h"

#include "dispatcher/transports/WebPages.h"

namespace pt::webtunnel {

namespace {
http::Limits requestLimits()
{
    http::Limits l;
    l.maxHeadBytes = 8 * 1024;
    l.maxBodyBytes = 0; // an upgrade request has no body
    return l;
}
} // namespace

QByteArray upgradeRequest(const QString& hostHeader, const QString& path)
{
    http::Request r;
    r.method = "GET";
    r.target = path.toUtf8();
    r.headers.add("Host", hostHeader.toUtf8());
    r.headers.add("User-Agent", "Go-http-client/1.1");
    r.headers.add("Connection", "upgrade");
    r.headers.add("Upgrade", "websocket");
    return http::encodeRequestHead(r);
}

ClientSession::ClientSession(WebChannel channel, QByteArray request)
    : m_channel(std::move(channel)), m_request(std::move(request))
{
    m_reply.setRequestMethod("GET");
}

void ClientSession::start(SessionOutput& out)
{
    m_channel.start(out);
    m_channel.send(m_request, out); // TLS queues it until its handshake is done
}

void ClientSession::onWire(const QByteArray& in, SessionOutput& out)
{
    const QByteArray plain = m_channel.onWire(in, out);
    if (out.failed()) return;
    if (m_upgraded) {
        out.toApp += plain;
        return;
    }
    m_reply.feed(plain);
    if (m_reply.failed()) {
        out.fail(QStringLiteral("webtunnel: unreadable reply from the server: ") + m_reply.error());
        return;
    }
    const std::optional<http::Response> head = m_reply.takeResponse();
    if (!head) return;
    if (head->status != 101 || !head->headers.tokenListContains("Upgrade", "websocket") ||
        !head->headers.tokenListContains("Connection", "upgrade")) {
        out.fail(
            QStringLiteral("webtunnel: the server answered %1 %2, not 101 Switching Protocols (wrong url?)")
                .arg(head->status)
                .arg(QString::fromLatin1(head->reason)),
            0, FailureCode::Http);
        return;
    }
    // A 101 has no body: the parser is complete and what follows is the stream.
    m_upgraded = true;
    out.toApp += m_reply.takeLeftover();
    if (!m_pending.isEmpty()) {
        m_channel.send(m_pending, out);
        m_pending.clear();
    }
    if (m_appEof) m_channel.close(out);
}

void ClientSession::onApp(const QByteArray& in, SessionOutput& out)
{
    if (m_appEof) return;
    if (!m_upgraded) {
        m_pending += in;
        return;
    }
    m_channel.send(in, out);
}

void ClientSession::onAppEof(SessionOutput& out)
{
    m_appEof = true;
    if (m_upgraded) m_channel.close(out);
}

ServerSession::ServerSession(const QString& path)
    : m_path(path.toUtf8()), m_request(http::Parser::Mode::Request, requestLimits())
{
}

void ServerSession::refuse(int status, SessionOutput& out)
{
    m_refused = status;
    out.toWire += web::errorPage(status);
    out.endWire = true;
}

void ServerSession::onWire(const QByteArray& in, SessionOutput& out)
{
    if (m_upgraded) {
        out.toApp += in;
        return;
    }
    if (m_refused) return;
    m_request.feed(in);
    if (m_request.failed()) {
        // nginx answers a request it cannot read with 400 (too large heads included),
        // an unknown transfer coding with 501 and HTTP/2+ with 505.
        const int status = m_request.errorStatus();
        refuse(status == 501 || status == 505 ? status : 400, out);
        return;
    }
    const std::optional<http::Request> req = m_request.takeRequest();
    if (!req) return;
    // Path first, as a web server routes before it looks at the headers.
    const QByteArray target = req->target;
    const int q = target.indexOf('?');
    if ((q < 0 ? target : target.left(q)) != m_path) {
        refuse(404, out);
        return;
    }
    if (req->method != "GET") {
        refuse(405, out);
        return;
    }
    if (!req->headers.tokenListContains("Connection", "upgrade") ||
        !req->headers.tokenListContains("Upgrade", "websocket")) {
        refuse(400, out);
        return;
    }
    if (!m_request.messageComplete()) { // a body on an upgrade request
        refuse(400, out);
        return;
    }
    m_clientAddress = web::forwardedFor(req->headers.value("X-Forwarded-For"));
    http::Response r;
    r.status = 101;
    r.reason = "Switching Protocols";
    r.headers.add("Connection", "upgrade");
    r.headers.add("Upgrade", "websocket");
    out.toWire += http::encodeResponseHead(r);
    m_upgraded = true;
    out.toApp += m_request.takeLeftover();
}

void ServerSession::onApp(const QByteArray& in, SessionOutput& out)
{
    if (m_upgraded) out.toWire += in;
}

} // namespace pt::webtunnel
