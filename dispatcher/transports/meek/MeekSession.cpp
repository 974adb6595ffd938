#include "dispatcher/transports/meek/MeekSession.h"

#include "dispatcher/transports/WebPages.h"

namespace pt::meek {

namespace {

http::Limits responseLimits()
{
    http::Limits l;
    l.maxBodyBytes = 4 * kMaxPayload; // liberal: meek servers send at most 64 KiB
    return l;
}

http::Limits requestLimits()
{
    http::Limits l;
    l.maxBodyBytes = kMaxPayload; // more is 413
    return l;
}

QString clientAddressOf(const http::Request& req)
{
    QString addr = web::forwardedFor(req.headers.value("X-Forwarded-For"));
    if (!addr.isEmpty()) return addr;
    // RFC 7239: Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"
    const QByteArray fwd = req.headers.value("Forwarded");
    for (const QByteArray& part : fwd.split(',').value(0).split(';')) {
        const QByteArray kv = part.trimmed();
        if (kv.toLower().startsWith("for=")) {
            QByteArray v = kv.mid(4);
            if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2) v = v.mid(1, v.size() - 2);
            return web::forwardedFor(v);
        }
    }
    return QString();
}

} // namespace

// ---- client ----------------------------------------------------------------------

ClientSession::ClientSession(std::function<WebChannel()> makeChannel, Request request, SessionEnv& env)
    : m_makeChannel(std::move(makeChannel)), m_request(std::move(request)), m_env(env),
      m_parser(http::Parser::Mode::Response, responseLimits())
{
    QByteArray raw(16, Qt::Uninitialized);
    m_env.randomBytes(raw.data(), size_t(raw.size()));
    m_id = raw.toHex();
}

void ClientSession::start(SessionOutput& out)
{
    m_started = true;
    m_channel = m_makeChannel();
    m_channel.start(out);
    send(out); // the first request opens the session at the server at once
}

void ClientSession::send(SessionOutput& out)
{
    m_body = m_up.left(kMaxPayload);
    m_up.remove(0, m_body.size());
    resend(out);
}

void ClientSession::resend(SessionOutput& out)
{
    http::Request r;
    r.method = "POST";
    r.target = m_request.path.toUtf8();
    r.headers.add("Host", m_request.hostHeader.toUtf8());
    r.headers.add("X-Session-Id", m_id);
    m_nextAt.reset();
    m_inFlight = true;
    m_downBody.clear();
    m_parser.setRequestMethod("POST");
    m_channel.send(http::encodeRequest(r, m_body), out);
}

void ClientSession::onWire(const QByteArray& in, SessionOutput& out)
{
    if (m_redialing) return;
    const QByteArray plain = m_channel.onWire(in, out);
    if (out.failed() || plain.isEmpty()) return;
    if (!m_inFlight) {
        out.fail(QStringLiteral("meek: the server sent bytes no request asked for"));
        return;
    }
    m_parser.feed(plain);
    if (m_parser.failed()) {
        out.fail(QStringLiteral("meek: unreadable response from the server: ") + m_parser.error());
        return;
    }
    if (std::optional<http::Response> head = m_parser.takeResponse()) m_head = std::move(head);
    m_downBody += m_parser.takeBody();
    if (!m_parser.messageComplete()) return;
    const bool keepAlive = m_parser.keepAlive() && m_parser.bufferedBytes() == 0;
    const http::Response head = m_head.value_or(http::Response{});
    m_head.reset();
    const QByteArray body = m_downBody;
    m_downBody.clear();
    m_parser.nextMessage("POST");
    onResponse(head, body, keepAlive, out);
}

void ClientSession::onResponse(const http::Response& head, const QByteArray& body, bool keepAlive,
                               SessionOutput& out)
{
    m_inFlight = false;
    const int64_t now = m_env.nowMs();
    if (head.status != 200) {
        if (++m_retries > kMaxRetries) {
            out.fail(QStringLiteral("meek: the server answered %1 %2 to %3 requests in a row")
                         .arg(head.status)
                         .arg(QString::fromLatin1(head.reason))
                         .arg(m_retries),
                     0, FailureCode::Http);
            return;
        }
        m_nextAt = now + kRetryDelayMs; // the same body again
    } else {
        m_retries = 0;
        m_redials = 0;
        m_answered = true;
        out.toApp += body;
        const bool data = !body.isEmpty() || !m_body.isEmpty();
        m_body.clear();
        if (data) m_lastDataMs = now;
        if (m_appEof && m_up.isEmpty() && !data && now - m_lastDataMs >= kEofLingerMs) {
            // The application is done sending and the server has had nothing more for a
            // while (meek has no end-of-stream: what the target still had to say could
            // only come this way): stop polling; the server's idle timer ends the
            // session there.
            m_channel.close(out);
            m_ended = true;
            out.endWire = true;
            return;
        }
        if (data || !m_up.isEmpty()) {
            m_pollDelayMs = kInitialPollMs;
            m_nextAt = now;
        } else {
            m_nextAt = now + m_pollDelayMs;
            m_pollDelayMs = qMin<int64_t>(kMaxPollMs, m_pollDelayMs * 3 / 2);
        }
    }
    if (!keepAlive) {
        // The server (or its front) ends this connection: the next request goes over a
        // new one.
        m_redialing = true;
        out.redial = true;
        return;
    }
    if (m_nextAt && *m_nextAt <= now) onTimer(out);
}

void ClientSession::onApp(const QByteArray& in, SessionOutput& out)
{
    m_up += in;
    // Data to send cuts a poll wait short (never a retry's delay).
    if (m_started && !m_inFlight && !m_redialing && m_retries == 0) send(out);
}

void ClientSession::onAppEof(SessionOutput& out)
{
    m_appEof = true;
    m_lastDataMs = m_env.nowMs(); // the linger counts from here at the earliest
    if (m_started && !m_inFlight && !m_redialing && m_retries == 0 && !m_up.isEmpty()) send(out);
}

std::optional<int64_t> ClientSession::nextWakeupMs() const
{
    if (m_inFlight || m_redialing) return std::nullopt;
    return m_nextAt;
}

void ClientSession::onTimer(SessionOutput& out)
{
    if (!m_started || m_inFlight || m_redialing || !m_nextAt || *m_nextAt > m_env.nowMs()) return;
    if (m_retries > 0)
        resend(out);
    else
        send(out);
}

void ClientSession::onWireEof(SessionOutput& out)
{
    if (m_ended) return;
    // Also after the application's EOF: answers may still come, and only this way.
    if (++m_redials > kMaxRedials) {
        out.fail(QStringLiteral("meek: the server closed %1 connections in a row without answering")
                     .arg(m_redials));
        return;
    }
    m_redialing = true;
    out.redial = true;
}

void ClientSession::onRedialed(SessionOutput& out)
{
    m_redialing = false;
    m_parser = http::Parser(http::Parser::Mode::Response, responseLimits());
    m_channel = m_makeChannel();
    m_channel.start(out);
    if (m_inFlight) {
        resend(out); // its answer was lost with the old connection
    } else if (m_nextAt && *m_nextAt <= m_env.nowMs()) {
        onTimer(out);
    }
}

// ---- server ----------------------------------------------------------------------

ServerSession::ServerSession(StreamHub& hub, SessionEnv& env, std::shared_ptr<const tls::Context> tls)
    : m_hub(hub), m_env(env), m_channel(tls ? WebChannel(tls::Engine::server(std::move(tls))) : WebChannel()),
      m_parser(http::Parser::Mode::Request, requestLimits())
{
    m_lastActivityMs = m_env.nowMs();
}

void ServerSession::start(SessionOutput& out)
{
    m_lastActivityMs = m_env.nowMs();
    m_channel.start(out);
}

void ServerSession::onWire(const QByteArray& in, SessionOutput& out)
{
    m_lastActivityMs = m_env.nowMs();
    if (m_closing) return;
    const QByteArray plain = m_channel.onWire(in, out);
    if (out.failed()) {
        // Not TLS, or TLS gone wrong (a prober, a client that distrusts the certificate):
        // the alert, if any, is in out.toWire; nothing more to say.
        m_closing = true;
        return;
    }
    if (m_channel.peerClosed() && plain.isEmpty() && !m_waiting) {
        close(out);
        return;
    }
    if (!plain.isEmpty()) m_requestStarted = true;
    m_parser.feed(plain);
    process(out);
}

void ServerSession::close(SessionOutput& out)
{
    m_closing = true;
    m_channel.close(out); // TLS close_notify
    out.endWire = true;
}

void ServerSession::respond(const QByteArray& response, SessionOutput& out)
{
    m_channel.send(response, out);
    if (!m_keepAlive) close(out);
}

void ServerSession::process(SessionOutput& out)
{
    while (!m_waiting && !m_closing) {
        if (m_parser.failed()) {
            m_keepAlive = false;
            respond(web::errorPage(m_parser.errorStatus() ? m_parser.errorStatus() : 400), out);
            return;
        }
        if (std::optional<http::Request> head = m_parser.takeRequest()) m_head = std::move(head);
        m_body += m_parser.takeBody();
        if (!m_parser.messageComplete() || !m_head) return;
        m_keepAlive = m_parser.keepAlive();
        const http::Request req = *m_head;
        m_head.reset();
        m_parser.nextMessage();
        m_requestStarted = m_parser.bufferedBytes() > 0; // a pipelined one
        handle(req, out);
        m_body.clear();
    }
}

void ServerSession::handle(const http::Request& req, SessionOutput& out)
{
    auto withClose = [this](QByteArray page) {
        // errorPage() says "Connection: close": keep our word.
        m_keepAlive = false;
        return page;
    };
    if (req.method == "GET" || req.method == "HEAD") {
        const int q = req.target.indexOf('?');
        const QByteArray path = q < 0 ? req.target : req.target.left(q);
        if (path != "/") {
            respond(withClose(web::errorPage(404)), out);
            return;
        }
        QByteArray page = web::indexPage();
        if (req.method == "HEAD") page = page.left(page.indexOf("\r\n\r\n") + 4);
        respond(page, out);
        return;
    }
    if (req.method != "POST") {
        respond(withClose(web::errorPage(400)), out);
        return;
    }
    const QString id = QString::fromLatin1(req.headers.value("X-Session-Id"));
    if (id.size() < kMinSessionIdLength) {
        respond(withClose(web::errorPage(400)), out);
        return;
    }
    const int64_t now = m_env.nowMs();
    std::shared_ptr<HubStream> stream = m_hub.find(id);
    if (!stream) stream = m_hub.open(id, clientAddressOf(req), now);
    if (!stream) {
        respond(withClose(web::errorPage(503)), out);
        return;
    }
    if (!stream->pushUp(m_body, now)) {
        m_hub.remove(id);
        respond(withClose(web::errorPage(500)), out);
        return;
    }
    m_waiting = std::move(stream);
    m_answerAt = now + kTurnaroundMs;
    if (m_waiting->downQueued() > 0 && m_waiting->upQueued() < kUpHighWater) answerPending(out);
}

void ServerSession::answerPending(SessionOutput& out)
{
    const int64_t now = m_env.nowMs();
    std::shared_ptr<HubStream> stream = m_waiting;
    if (stream->upQueued() >= kUpHighWater && !stream->finished()) {
        // The target is slow to take what the client sends: hold the answer, and with
        // it the client's next request.
        m_answerAt = now + kTurnaroundMs;
        return;
    }
    m_waiting.reset();
    const QByteArray data = stream->takeDown(kMaxPayload, now);
    if (data.isEmpty() && stream->finished()) {
        m_hub.remove(stream->id());
        m_keepAlive = false;
        respond(web::errorPage(500), out);
        return;
    }
    http::Response r;
    r.headers.add("Content-Type", "application/octet-stream");
    if (!m_keepAlive) r.headers.add("Connection", "close");
    respond(http::encodeResponse(r, data), out);
    process(out); // a pipelined request may be waiting
}

std::optional<int64_t> ServerSession::nextWakeupMs() const
{
    if (m_closing) return std::nullopt;
    if (m_waiting) return m_answerAt;
    const bool midRequest = m_requestStarted || !m_channel.handshakeDone();
    return m_lastActivityMs + (midRequest ? kRequestTimeoutMs : kIdleMs);
}

void ServerSession::onTimer(SessionOutput& out)
{
    const int64_t now = m_env.nowMs();
    if (m_closing) return;
    if (m_waiting) {
        if (now >= m_answerAt) answerPending(out);
        return;
    }
    if (const std::optional<int64_t> at = nextWakeupMs(); at && now >= *at)
        close(out); // an idle keep-alive connection, or a request cut short
}

} // namespace pt::meek
