#pragma once

// What the Relay (TCP) and the UdpTunnel (framed datagrams) share: a transport
// Session run over a wire StreamSocket. It owns the session and the wire, starts
// the session, feeds it bytes that arrived before it took over, runs the session's
// own wake-ups (iat-mode delays, handshake deadlines), signals the end of the
// handshake once, and on a session failure stops reading and closes either at once
// or after the close delay the session asked for (probe resistance: no fast,
// telling close). Subclasses decide where the session's output goes (apply) and
// how both sides close (abort).

#include "dispatcher/net/StreamSocket.h"
#include "dispatcher/transports/Transport.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace pt::net {

class SessionDriver : public QObject
{
    Q_OBJECT
public:
    ~SessionDriver() override;

    // Starts the session (e.g. the client sends its handshake). The wire socket
    // must be connected.
    void start();
    // Bytes that arrived from the wire before this took over (e.g. relayed by an
    // upstream proxy together with its reply).
    void injectWire(const QByteArray& bytes);
    bool handshakeDone() const { return m_handshakeSignalled; }
    // The session's peerVerified() was seen (peerVerified() signalled).
    bool verified() const { return m_verifiedSignalled; }
    // Why the connection failed, once it did (a session error, the peer's EOF during
    // the handshake, a socket error); hasFailure() false for an orderly end.
    bool hasFailure() const { return m_hasFailure; }
    FailureCode failureCode() const { return m_failureCode; }
    QString failureText() const { return m_failureText; }
    StreamSocket* wire() const { return m_wire; }
    const Session& session() const { return *m_session; }

    // Closes everything now; subclasses emit their end signal. Idempotent.
    virtual void abort(const QString& reason) = 0;

Q_SIGNALS:
    void handshakeComplete();
    // Client: the server proved it is the bridge (Session::peerVerified()). Once.
    void peerVerified();

protected:
    // Takes ownership of wire (reparented) and session.
    SessionDriver(StreamSocket* wire, std::unique_ptr<Session> session, SessionEnv& env, QObject* parent);

    // Where one step's output goes. Called after every session call.
    virtual void apply(SessionOutput& out) = 0;
    // True once both sides are closed (abort() or an orderly end).
    virtual bool isClosed() const = 0;
    // A failing session, before its close delay starts: stop reading other sides, tell
    // the owner. The wire is no longer read already.
    virtual void onSessionFailed(const QString& reason) { Q_UNUSED(reason); }

    // Runs one session call and applies its output.
    template <class F> void drive(F&& step)
    {
        SessionOutput out;
        step(*m_session, out);
        apply(out);
    }
    void checkHandshake();
    void scheduleWakeup();
    // The session failed (out.failed()): at most once.
    void failSession(const QString& reason, int closeDelayMs, FailureCode code = FailureCode::Error);
    // Records the first failure (see failureCode()).
    void noteFailure(FailureCode code, const QString& text);
    void stopTimers();

    StreamSocket* m_wire;
    std::unique_ptr<Session> m_session;
    SessionEnv& m_env;
    bool m_failed = false;

private:
    QTimer m_wakeup;
    QTimer m_closeDelay;
    QString m_failReason;
    bool m_handshakeSignalled = false;
    bool m_verifiedSignalled = false;
    bool m_hasFailure = false;
    FailureCode m_failureCode = FailureCode::Error;
    QString m_failureText;
};

} // namespace pt::net
