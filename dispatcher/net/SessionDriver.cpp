#include "dispatcher/net/SessionDriver.h"

namespace pt::net {

SessionDriver::SessionDriver(StreamSocket* wire, std::unique_ptr<Session> session, SessionEnv& env,
                             QObject* parent)
    : QObject(parent), m_wire(wire), m_session(std::move(session)), m_env(env)
{
    m_wire->setParent(this);
    m_wakeup.setSingleShot(true);
    m_closeDelay.setSingleShot(true);
    connect(&m_wakeup, &QTimer::timeout, this, [this] {
        if (m_failed || isClosed()) return;
        drive([](Session& s, SessionOutput& out) { s.onTimer(out); });
    });
    connect(&m_closeDelay, &QTimer::timeout, this, [this] { abort(m_failReason); });
}

SessionDriver::~SessionDriver() = default;

void SessionDriver::start()
{
    drive([](Session& s, SessionOutput& out) { s.start(out); });
}

void SessionDriver::injectWire(const QByteArray& bytes)
{
    if (bytes.isEmpty() || isClosed()) return;
    drive([&bytes](Session& s, SessionOutput& out) { s.onWire(bytes, out); });
}

void SessionDriver::checkHandshake()
{
    if (!m_handshakeSignalled && m_session->handshakeDone()) {
        m_handshakeSignalled = true;
        Q_EMIT handshakeComplete();
    }
    // After handshakeComplete: a receiver may have closed everything meanwhile.
    if (m_handshakeSignalled && !m_verifiedSignalled && !m_failed && !isClosed() &&
        m_session->peerVerified()) {
        m_verifiedSignalled = true;
        Q_EMIT peerVerified();
    }
}

void SessionDriver::noteFailure(FailureCode code, const QString& text)
{
    if (m_hasFailure) return;
    m_hasFailure = true;
    m_failureCode = code;
    m_failureText = text;
}

void SessionDriver::scheduleWakeup()
{
    const auto at = m_session->nextWakeupMs();
    if (!at) {
        m_wakeup.stop();
        return;
    }
    const int64_t delay = qMax<int64_t>(0, *at - m_env.nowMs());
    m_wakeup.start(int(qMin<int64_t>(delay, 3600 * 1000)));
}

void SessionDriver::failSession(const QString& reason, int closeDelayMs, FailureCode code)
{
    if (m_failed) return;
    m_failed = true;
    noteFailure(code, reason);
    m_failReason = reason;
    m_wakeup.stop();
    m_wire->setReadEnabled(false);
    onSessionFailed(reason);
    if (isClosed()) return;
    if (closeDelayMs > 0)
        m_closeDelay.start(closeDelayMs);
    else
        abort(reason);
}

void SessionDriver::stopTimers()
{
    m_wakeup.stop();
    m_closeDelay.stop();
}

} // namespace pt::net
