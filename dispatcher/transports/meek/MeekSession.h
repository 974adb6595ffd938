#pragma once

// meek's sessions (docs/transports/meek.md, ../shared/spec/meek-notes.md).
//
// Client: one session per application connection, carried by POST requests over one
// HTTP/1.1 keep-alive connection (TLS for https): each request carries the session id
// (X-Session-Id, 16 random bytes in hex) and up to 64 KiB of queued upstream bytes; the
// 200 response's body is downstream data. After a request that carried data or a
// response that did, the next request goes at once; otherwise it waits, 100 ms growing
// ×1.5 up to 5 s, back to 100 ms on data. A non-200 answer is retried with the same body
// (up to kMaxRetries times, kRetryDelayMs apart); a connection the server or front closes
// is replaced (SessionOutput::redial) and the request in flight sent again. After the
// application's EOF the session polls until the server has been silent for
// kEofLingerMs, then ends the connection (meek has no end-of-stream; the server's idle
// timer closes the target).
//
// Server: one session per HTTP connection (over TLS when it has a certificate). POST with an X-Session-Id of
// at least 8 characters: the body (≤ 64 KiB) goes to that id's stream in the hub (a new id opens a new
// stream, which the I/O layer connects to the target); then up to 10 ms for bytes from the target, and the
// response carries what there is (≤ 64 KiB). GET / is a plain page, other GETs 404, other methods 400, a
// finished stream 500. Keep-alive as the client asks; an idle connection closes after kIdleMs, a request (or
// a TLS handshake) cut short after kRequestTimeoutMs. Every answer after which the server closes the
// connection says "Connection: close" (a front must not reuse it: see the notes).

#include "dispatcher/protocols/Http1.h"
#include "dispatcher/transports/StreamHub.h"
#include "dispatcher/transports/Transport.h"
#include "dispatcher/transports/WebChannel.h"

#include <functional>

namespace pt::meek {

inline constexpr qint64 kMaxPayload = 0x10000; // 65,536: request and response bodies
inline constexpr int kMinSessionIdLength = 8;

class ClientSession final : public Session
{
public:
    static constexpr int64_t kInitialPollMs = 100;
    static constexpr int64_t kMaxPollMs = 5000;
    static constexpr int kMaxRetries = 10;
    static constexpr int64_t kRetryDelayMs = 1000;
    static constexpr int kMaxRedials = 5; // in a row without a response
    // After the application's EOF, polling goes on until the server has sent nothing
    // for this long (a half-closed application still gets the rest of its answer).
    static constexpr int64_t kEofLingerMs = 3000;

    struct Request
    {
        QString hostHeader; // the URL's host[:port]
        QString path;       // the URL's path
    };

    // makeChannel: a fresh channel (TLS engine or plain) for each wire connection.
    ClientSession(std::function<WebChannel()> makeChannel, Request request, SessionEnv& env);

    void start(SessionOutput& out) override;
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override;
    void onAppEof(SessionOutput& out) override;
    bool handshakeDone() const override { return true; }      // granted at once, as obfs4proxy does
    bool peerVerified() const override { return m_answered; } // a POST answered 200
    // After the application's EOF, one more "byte" until the session ends the connection:
    // the EOF itself, which meek cannot send. It keeps the Relay from shutting down the
    // wire (which would end the HTTP connection) while answers may still come.
    qint64 pendingAppBytes() const override
    {
        return m_up.size() + m_body.size() + (m_appEof && !m_ended ? 1 : 0);
    }
    std::optional<int64_t> nextWakeupMs() const override;
    void onTimer(SessionOutput& out) override;
    void onWireEof(SessionOutput& out) override;
    void onRedialed(SessionOutput& out) override;

    const QByteArray& sessionId() const { return m_id; }
    int64_t pollDelayMs() const { return m_pollDelayMs; }
    bool requestInFlight() const { return m_inFlight; }

private:
    void send(SessionOutput& out);
    void resend(SessionOutput& out);
    void onResponse(const http::Response& head, const QByteArray& body, bool keepAlive, SessionOutput& out);

    std::function<WebChannel()> m_makeChannel;
    WebChannel m_channel;
    Request m_request;
    SessionEnv& m_env;
    QByteArray m_id;
    http::Parser m_parser;
    std::optional<http::Response> m_head;
    QByteArray m_up;   // application bytes not yet in a request
    QByteArray m_body; // the request in flight's body (kept for a retry)
    QByteArray m_downBody;
    bool m_started = false;  // start(): the channel exists
    bool m_answered = false; // a request was answered 200
    bool m_inFlight = false;
    bool m_redialing = false;
    bool m_appEof = false;
    bool m_ended = false; // out.endWire given: nothing more on this session
    int64_t m_pollDelayMs = kInitialPollMs;
    std::optional<int64_t> m_nextAt; // next request (poll or retry)
    int m_retries = 0;
    int m_redials = 0;
    int64_t m_lastDataMs = 0; // the last request or response that carried data
};

class ServerSession final : public Session
{
public:
    static constexpr int64_t kTurnaroundMs = 10;
    static constexpr int64_t kIdleMs = 300 * 1000; // longer than a front's upstream keep-alive
    static constexpr int64_t kRequestTimeoutMs = 20 * 1000;
    static constexpr qint64 kUpHighWater = 1024 * 1024;

    // tls: the server's certificate and key (it speaks TLS itself); null: plain HTTP
    // behind a TLS front.
    ServerSession(StreamHub& hub, SessionEnv& env, std::shared_ptr<const tls::Context> tls = nullptr);

    void start(SessionOutput& out) override;
    void onWire(const QByteArray& in, SessionOutput& out) override;
    void onApp(const QByteArray& in, SessionOutput& out) override { (void)in, (void)out; }
    bool handshakeDone() const override { return false; } // a hub transport's wire session
    std::optional<int64_t> nextWakeupMs() const override;
    void onTimer(SessionOutput& out) override;

private:
    void process(SessionOutput& out);
    void handle(const http::Request& req, SessionOutput& out);
    void answerPending(SessionOutput& out);
    void respond(const QByteArray& response, SessionOutput& out);
    // Ends the connection once what is queued is sent.
    void close(SessionOutput& out);

    StreamHub& m_hub;
    SessionEnv& m_env;
    WebChannel m_channel;
    http::Parser m_parser;
    std::optional<http::Request> m_head;
    QByteArray m_body;
    std::shared_ptr<HubStream> m_waiting; // a POST waiting for the target's bytes
    int64_t m_answerAt = 0;
    bool m_keepAlive = true;
    int64_t m_lastActivityMs = 0;
    bool m_requestStarted = false; // bytes of a request not yet complete have arrived
    bool m_closing = false;
};

} // namespace pt::meek
