#include "dispatcher/net/UdpTunnel.h"

#include <cstring>

namespace pt::net {

UdpTunnel::UdpTunnel(StreamSocket* wire, std::unique_ptr<Session> session, udp::Framing framing, SessionEnv& env,
                     QObject* parent)
    : QObject(parent), m_wire(wire), m_session(std::move(session)), m_decoder(framing), m_framing(framing), m_env(env)
{
    m_wire->setParent(this);
    m_wakeup.setSingleShot(true);
    m_closeDelay.setSingleShot(true);
    connect(&m_wakeup, &QTimer::timeout, this, [this] {
        if (m_failed || m_closed)
            return;
        SessionOutput out;
        m_session->onTimer(out);
        apply(out);
    });
    connect(&m_closeDelay, &QTimer::timeout, this, [this] { abort(m_failReason); });
    connect(m_wire, &StreamSocket::readyRead, this, &UdpTunnel::pumpWire);
    connect(m_wire, &StreamSocket::failed, this, [this](int err) {
        abort(QStringLiteral("transport side: %1").arg(QString::fromLocal8Bit(strerror(err))));
    });
}

UdpTunnel::~UdpTunnel() = default;

void UdpTunnel::start()
{
    SessionOutput out;
    m_session->start(out);
    apply(out);
}

void UdpTunnel::injectWire(const QByteArray& bytes)
{
    if (bytes.isEmpty() || m_closed)
        return;
    SessionOutput out;
    m_session->onWire(bytes, out);
    apply(out);
}

UdpTunnel::SendResult UdpTunnel::sendDatagram(const QByteArray& datagram)
{
    if (m_closed || m_failed || !m_wire->isOpen())
        return SendResult::Failed;
    const auto framed = udp::encodeDatagram(m_framing, datagram);
    if (!framed) {
        ++m_malformed;
        return SendResult::Dropped;
    }
    if (m_wire->bytesToWrite() + m_session->pendingAppBytes() >= kHighWaterMark)
        return SendResult::Dropped;
    SessionOutput out;
    m_session->onApp(*framed, out);
    apply(out);
    return m_closed || m_failed ? SendResult::Failed : SendResult::Sent;
}

void UdpTunnel::pumpWire()
{
    if (m_closed || m_failed)
        return;
    const QByteArray data = m_wire->read(64 * 1024);
    if (!data.isEmpty()) {
        SessionOutput out;
        m_session->onWire(data, out);
        apply(out);
    } else if (m_wire->atEof()) {
        abort(m_session->handshakeDone() ? QString() : QStringLiteral("transport peer closed during the handshake"));
    }
}

void UdpTunnel::apply(SessionOutput& out)
{
    if (m_closed)
        return;
    if (!out.toWire.isEmpty())
        m_wire->write(out.toWire);
    if (!out.toApp.isEmpty()) {
        QList<QByteArray> datagrams;
        const bool ok = m_decoder.feed(out.toApp, datagrams);
        for (const QByteArray& d : datagrams) {
            Q_EMIT datagramReceived(d);
            if (m_closed)
                return;
        }
        if (!ok) {
            abort(m_decoder.error());
            return;
        }
    }
    if (out.failed()) {
        m_failed = true;
        m_failReason = out.error;
        m_wakeup.stop();
        m_wire->setReadEnabled(false);
        if (out.closeDelayMs > 0)
            m_closeDelay.start(out.closeDelayMs); // probe resistance: no fast answer
        else
            abort(out.error);
        return;
    }
    if (!m_handshakeSignalled && m_session->handshakeDone()) {
        m_handshakeSignalled = true;
        Q_EMIT handshakeComplete();
    }
    if (!m_closed)
        scheduleWakeup();
}

void UdpTunnel::scheduleWakeup()
{
    const auto at = m_session->nextWakeupMs();
    if (!at) {
        m_wakeup.stop();
        return;
    }
    const int64_t delay = qMax<int64_t>(0, *at - m_env.nowMs());
    m_wakeup.start(int(qMin<int64_t>(delay, 3600 * 1000)));
}

void UdpTunnel::abort(const QString& reason)
{
    if (m_closed)
        return;
    m_closed = true;
    m_wakeup.stop();
    m_closeDelay.stop();
    m_wire->close();
    Q_EMIT closed(reason.isEmpty() ? QStringLiteral("closed by the peer") : reason);
}

} // namespace pt::net
