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

#include "dispatcher/net/SessionDriver.h"
#include "dispatcher/platform/Socket.h"

#include <functional>
#include <memory>

namespace pt::net {

struct RelayStats
{
    std::function<void(qint64)> onUpBytes;   // app -> wire (application bytes)
    std::function<void(qint64)> onDownBytes; // wire -> app (application bytes)
};

class Relay : public SessionDriver
{
    Q_OBJECT
public:
    static constexpr qint64 kChunk = 64 * 1024;
    static constexpr qint64 kHighWaterMark = 256 * 1024;
    // After SessionOutput::endWire: how long the peer may take to close its side.
    static constexpr int kLingerMs = 2000;

    // Takes ownership of wire and session (and of app, once attached).
    Relay(StreamSocket* wire, std::unique_ptr<Session> session, SessionEnv& env, QObject* parent = nullptr);
    ~Relay() override;

    // start() and injectWire(): see SessionDriver.

    void attachApp(StreamSocket* app);
    // Begins reading the application side; `initial` are bytes already read from it
    // (e.g. pipelined after a SOCKS request).
    void enableAppReading(const QByteArray& initial = QByteArray());

    StreamSocket* app() const { return m_app; }
    qint64 pendingForApp() const { return m_pendingForApp.size(); }

    void setStats(RelayStats stats) { m_stats = std::move(stats); }

    // Closes both sides now and emits finished().
    void abort(const QString& reason) override;

    // After redialRequested(): the new wire connection (owned from now on) and the
    // bytes that came with it.
    void replaceWire(StreamSocket* wire, const QByteArray& early);

Q_SIGNALS:
    // (and SessionDriver::handshakeComplete)
    // The session failed (after its close delay, if any, both sides are closed and
    // finished() follows).
    void sessionFailed(const QString& reason);
    void finished(const QString& reason); // empty reason: orderly close both ways
    // The session asked for a new wire connection (SessionOutput::redial); the owner
    // dials the same server and calls replaceWire(), or abort().
    void redialRequested();

private:
    void apply(SessionOutput& out) override;
    bool isClosed() const override { return m_finished; }
    void onSessionFailed(const QString& reason) override;
    void pumpApp();
    void pumpWire();
    void deliverToApp(const QByteArray& bytes);
    void maybeFinish();
    void connectWire();
    void finishEnded();
    void onSocketFailed(const NetError& err, bool wireSide);
    qint64 appQueue() const;

    StreamSocket* m_app = nullptr;
    RelayStats m_stats;

    QByteArray m_pendingForApp; // decoded bytes waiting for the app side to attach
    bool m_appReading = false;
    bool m_appEofSeen = false;
    bool m_wireEofSeen = false;
    bool m_endWire = false;   // the session ended the wire (SessionOutput::endWire)
    bool m_redialing = false; // between redialRequested() and replaceWire()
    bool m_finished = false;
};

} // namespace pt::net
