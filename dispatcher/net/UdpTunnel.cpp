#include "dispatcher/net/UdpTunnel.h"

namespace pt::net {

UdpTunnel::UdpTunnel(StreamSocket* wire, std::unique_ptr<Session> session, udp::Framing framing,
                     SessionEnv& env, QObject* parent)
    : SessionDriver(wire, std::move(session), env, parent), m_decoder(framing), m_framing(framing)
{
    connect(m_wire, &StreamSocket::readyRead, this, &UdpTunnel::pumpWire);
    connect(m_wire, &StreamSocket::failed, this, [this](const NetError& err) {
        abort(QStringLiteral("transport side: %1").arg(platform::errorText(err)));
    });
}

UdpTunnel::~UdpTunnel() = default;

UdpTunnel::SendResult UdpTunnel::sendDatagram(const QByteArray& datagram)
{
    if (m_closed || m_failed || !m_wire->isOpen()) return SendResult::Failed;
    const auto framed = udp::encodeDatagram(m_framing, datagram);
    if (!framed) return SendResult::Dropped;
    if (m_wire->bytesToWrite() + m_session->pendingAppBytes() >= kHighWaterMark) return SendResult::Dropped;
    drive([&framed](Session& s, SessionOutput& out) { s.onApp(*framed, out); });
    return m_closed || m_failed ? SendResult::Failed : SendResult::Sent;
}

void UdpTunnel::pumpWire()
{
    if (m_closed || m_failed) return;
    const QByteArray data = m_wire->read(64 * 1024);
    if (!data.isEmpty()) {
        drive([&data](Session& s, SessionOutput& out) { s.onWire(data, out); });
    } else if (m_wire->atEof()) {
        abort(m_session->handshakeDone() ? QString()
                                         : QStringLiteral("transport peer closed during the handshake"));
    }
}

void UdpTunnel::apply(SessionOutput& out)
{
    if (m_closed) return;
    if (!out.toWire.isEmpty()) m_wire->write(out.toWire);
    if (!out.toApp.isEmpty()) {
        QList<QByteArray> datagrams;
        const bool ok = m_decoder.feed(out.toApp, datagrams);
        for (const QByteArray& d : datagrams) {
            Q_EMIT datagramReceived(d);
            if (m_closed) return;
        }
        if (!ok) {
            abort(m_decoder.error());
            return;
        }
    }
    if (out.failed()) {
        failSession(out.error, out.closeDelayMs); // probe resistance: no fast answer
        return;
    }
    checkHandshake();
    if (!m_closed) scheduleWakeup();
}

void UdpTunnel::abort(const QString& reason)
{
    if (m_closed) return;
    m_closed = true;
    stopTimers();
    m_wire->close();
    Q_EMIT finished(reason.isEmpty() ? QStringLiteral("closed by the peer") : reason);
}

} // namespace pt::net
