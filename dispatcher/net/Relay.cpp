#include "dispatcher/net/Relay.h"

#include <QTimer>

namespace pt::net {

Relay::Relay(StreamSocket* wire, std::unique_ptr<Session> session, SessionEnv& env, QObject* parent)
    : SessionDriver(wire, std::move(session), env, parent)
{
    connectWire();
}

void Relay::connectWire()
{
    connect(m_wire, &StreamSocket::readyRead, this, &Relay::pumpWire);
    connect(m_wire, &StreamSocket::bytesWritten, this, [this] {
        pumpApp();
        maybeFinish();
    });
    connect(m_wire, &StreamSocket::failed, this, [this](const NetError& err) {
        if (m_session->handshakeDone() && !m_redialing) {
            // A session that can go on over a new connection (meek) gets the chance.
            SessionOutput out;
            m_session->onWireEof(out);
            if (out.redial) {
                apply(out);
                return;
            }
        }
        onSocketFailed(err, true);
    });
}

void Relay::replaceWire(StreamSocket* wire, const QByteArray& early)
{
    if (m_finished) {
        delete wire;
        return;
    }
    m_wire->disconnect(this);
    m_wire->deleteLater();
    m_wire = wire;
    m_wire->setParent(this);
    m_wireEofSeen = false;
    m_redialing = false;
    connectWire();
    drive([](Session& s, SessionOutput& out) { s.onRedialed(out); });
    injectWire(early);
    pumpWire();
    pumpApp();
}

Relay::~Relay() = default;

void Relay::attachApp(StreamSocket* app)
{
    m_app = app;
    m_app->setParent(this);
    m_app->setReadEnabled(false);
    connect(m_app, &StreamSocket::readyRead, this, &Relay::pumpApp);
    connect(m_app, &StreamSocket::bytesWritten, this, [this] {
        pumpWire();
        maybeFinish();
    });
    connect(m_app, &StreamSocket::failed, this, [this](const NetError& err) { onSocketFailed(err, false); });
}

void Relay::enableAppReading(const QByteArray& initial)
{
    if (!m_app || m_finished) return;
    m_appReading = true;
    // Bytes decoded before the application side could take them (a server dialing
    // its target, a client still owing its SOCKS reply) go first.
    if (!m_pendingForApp.isEmpty()) {
        m_app->write(m_pendingForApp);
        m_pendingForApp.clear();
    }
    if (m_wireEofSeen) m_app->shutdownWrite();
    if (!initial.isEmpty()) {
        if (m_stats.onUpBytes) m_stats.onUpBytes(initial.size());
        drive([&initial](Session& s, SessionOutput& out) { s.onApp(initial, out); });
    }
    pumpApp();
    pumpWire(); // reading the wire may have paused while the app side was not there
}

qint64 Relay::appQueue() const
{
    return m_appReading ? m_app->bytesToWrite() : m_pendingForApp.size();
}

void Relay::pumpApp()
{
    if (!m_app || !m_appReading || m_appEofSeen || m_failed || m_finished) return;
    const qint64 budget = kHighWaterMark - (m_wire->bytesToWrite() + m_session->pendingAppBytes());
    if (budget <= 0) {
        m_app->setReadEnabled(false);
        return;
    }
    m_app->setReadEnabled(true);
    const QByteArray data = m_app->read(qMin(kChunk, budget));
    if (!data.isEmpty()) {
        if (m_stats.onUpBytes) m_stats.onUpBytes(data.size());
        drive([&data](Session& s, SessionOutput& out) { s.onApp(data, out); });
    } else if (m_app->atEof()) {
        m_appEofSeen = true;
        drive([](Session& s, SessionOutput& out) { s.onAppEof(out); });
    }
    if (!m_finished && !m_failed && m_app->isOpen() &&
        m_wire->bytesToWrite() + m_session->pendingAppBytes() >= kHighWaterMark)
        m_app->setReadEnabled(false);
}

void Relay::pumpWire()
{
    if (m_wireEofSeen || m_redialing || m_failed || m_finished || !m_wire->isOpen()) return;
    if (m_endWire) {
        m_wire->setReadEnabled(true);
        while (!m_wire->read(kChunk).isEmpty()) {
        }
        if (m_wire->atEof()) finishEnded();
        return;
    }
    const qint64 budget = kHighWaterMark - appQueue();
    if (budget <= 0) {
        m_wire->setReadEnabled(false);
        return;
    }
    m_wire->setReadEnabled(true);
    const QByteArray data = m_wire->read(qMin(kChunk, budget));
    if (!data.isEmpty()) {
        drive([&data](Session& s, SessionOutput& out) { s.onWire(data, out); });
    } else if (m_wire->atEof()) {
        if (m_session->handshakeDone()) {
            SessionOutput out;
            m_session->onWireEof(out);
            if (out.redial) {
                apply(out);
                return;
            }
        }
        m_wireEofSeen = true;
        if (m_session->handshakeDone() && !verified() && !m_session->peerVerified())
            // Data could flow before the server proved itself (shadow, meek) and it
            // closed before it did: a failed handshake.
            noteFailure(FailureCode::Closed,
                        QStringLiteral("the bridge closed the connection before its first reply"));
        if (!m_session->handshakeDone()) {
            // The peer went away mid-handshake: nothing to relay.
            noteFailure(FailureCode::Closed,
                        QStringLiteral("the bridge closed the connection during the handshake"));
            abort(QStringLiteral("transport peer closed during the handshake"));
            return;
        }
        if (m_appReading) m_app->shutdownWrite();
        maybeFinish();
    }
    if (!m_finished && !m_failed && m_wire->isOpen() && appQueue() >= kHighWaterMark)
        m_wire->setReadEnabled(false);
}

void Relay::deliverToApp(const QByteArray& bytes)
{
    if (m_stats.onDownBytes) m_stats.onDownBytes(bytes.size());
    if (m_appReading)
        m_app->write(bytes);
    else
        m_pendingForApp += bytes;
}

void Relay::apply(SessionOutput& out)
{
    if (m_finished) return;
    if (!out.toWire.isEmpty()) m_wire->write(out.toWire);
    if (!out.toApp.isEmpty()) deliverToApp(out.toApp);
    if (out.failed()) {
        failSession(out.error, out.closeDelayMs, out.failureCode);
        return;
    }
    if (out.redial && !m_redialing) {
        m_redialing = true;
        m_wire->disconnect(this);
        m_wire->close();
        scheduleWakeup();
        Q_EMIT redialRequested();
        return;
    }
    if (out.endWire && !m_endWire) {
        // An orderly end the session asked for (an HTTP answer with Connection: close):
        // nothing more is read; both sides close once the wire has sent everything.
        // What the peer still sends is read and dropped until it closes (at most
        // kLingerMs): closing with unread bytes would reset the connection and could
        // destroy the answer before the peer reads it.
        m_endWire = true;
        m_wire->shutdownWrite();
        if (m_app) m_app->setReadEnabled(false);
        QTimer::singleShot(kLingerMs, this, [this] { finishEnded(); });
        pumpWire();
        return;
    }
    if (m_appEofSeen && m_session->pendingAppBytes() == 0 && !m_wire->writeShutdown())
        m_wire->shutdownWrite();
    checkHandshake();
    scheduleWakeup();
    maybeFinish();
}

void Relay::onSessionFailed(const QString& reason)
{
    if (m_app) m_app->setReadEnabled(false);
    Q_EMIT sessionFailed(reason);
}

void Relay::onSocketFailed(const NetError& err, bool wireSide)
{
    if (wireSide)
        noteFailure(failureCodeFor(err, FailureCode::Closed),
                    QStringLiteral("the bridge connection failed: ") + platform::errorText(err));
    abort(QStringLiteral("%1 side: %2")
              .arg(wireSide ? QStringLiteral("transport") : QStringLiteral("application"),
                   platform::errorText(err)));
}

void Relay::maybeFinish()
{
    if (m_finished) return;
    if (m_endWire) return; // finishEnded(): the peer's EOF or the linger timer
    if (!m_appEofSeen || !m_wireEofSeen || !m_app) return;
    if (m_app->bytesToWrite() > 0 || m_wire->bytesToWrite() > 0 || m_session->pendingAppBytes() > 0) return;
    m_finished = true;
    stopTimers();
    m_app->close();
    m_wire->close();
    Q_EMIT finished(QString());
}

void Relay::finishEnded()
{
    if (m_finished) return;
    m_finished = true;
    stopTimers();
    m_wire->close();
    if (m_app) m_app->close();
    Q_EMIT finished(QString());
}

void Relay::abort(const QString& reason)
{
    if (m_finished) return;
    m_finished = true;
    stopTimers();
    m_wire->close();
    if (m_app) m_app->close();
    Q_EMIT finished(reason);
}

} // namespace pt::net
