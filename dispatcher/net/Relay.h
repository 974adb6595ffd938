#pragma once

// The one Relay (DESIGN.md principle 3): pumps bytes between the application side
// and the wire side through a transport Session, with write-side backpressure and
// half-close.
//
//   app socket --read--> session.onApp --> wire socket
//   app socket <-------- session.onWire <--read-- wire socket
//
// Backpressure: a side is read only while the other side has fewer than
// highWaterMark bytes queued (plus what the session still holds), so memory per
// connection stays bounded whatever the peers do. Each side's bytesWritten()
// restarts the pump the other way.
//
// Phases: the wire side runs the transport handshake first. The application side
// may be attached later (a server dials its target only after the handshake) and is
// read only after enableAppReading() (a client first sends its SOCKS reply).

#include "dispatcher/net/StreamSocket.h"
#include "dispatcher/transports/Transport.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pt::net {

struct RelayStats
{
    std::function<void(qint64)> onUpBytes;   // app -> wire (application bytes)
    std::function<void(qint64)> onDownBytes; // wire -> app (application bytes)
};

class Relay : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kHighWaterMark = 256 * 1024;

    // Takes ownership of wire and session (and of app, once attached).
    Relay(StreamSocket* wire, std::unique_ptr<Session> session, SessionEnv& env, QObject* parent = nullptr);
    ~Relay() override;

    // Starts the session (e.g. the client sends its handshake). The wire socket
    // must be connected.
    void start();

    // Bytes that arrived from the wire before the Relay took over (e.g. relayed by an
    // upstream proxy together with its reply).
    void injectWire(const QByteArray& bytes);

    void attachApp(StreamSocket* app);
    // Begins reading the application side; `initial` are bytes already read from it
    // (e.g. pipelined after a SOCKS request).
    void enableAppReading(const QByteArray& initial = QByteArray());

    bool handshakeDone() const { return m_handshakeSignalled; }
    StreamSocket* wire() const { return m_wire; }
    StreamSocket* app() const { return m_app; }
    qint64 pendingForApp() const { return m_pendingForApp.size(); }

    void setStats(RelayStats stats) { m_stats = std::move(stats); }

    // Closes both sides now and emits finished().
    void abort(const QString& reason);

Q_SIGNALS:
    void handshakeComplete();
    // The session failed (after its close delay, if any, both sides are closed and
    // finished() follows).
    void sessionFailed(const QString& reason);
    void finished(const QString& reason); // empty reason: orderly close both ways

private:
    void pumpApp();
    void pumpWire();
    void apply(SessionOutput& out);
    void checkHandshake();
    void deliverToApp(const QByteArray& bytes);
    void maybeFinish();
    void scheduleWakeup();
    void failSession(const QString& reason, int delayMs);
    void onSocketFailed(int err, bool wireSide);
    qint64 appQueue() const;

    StreamSocket* m_wire = nullptr;
    StreamSocket* m_app = nullptr;
    std::unique_ptr<Session> m_session;
    SessionEnv& m_env;
    RelayStats m_stats;

    QByteArray m_pendingForApp; // decoded bytes waiting for the app side to attach
    bool m_appReading = false;
    bool m_appEofSeen = false;
    bool m_wireEofSeen = false;
    bool m_handshakeSignalled = false;
    bool m_failed = false;
    bool m_finished = false;
    QString m_failReason;
    QTimer m_wakeup;
    QTimer m_closeDelay;
};

} // namespace pt::net
