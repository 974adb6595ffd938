#include "dispatcher/net/UdpServerConnection.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/net/UdpTunnel.h"

#include <QUdpSocket>

namespace pt::net {

namespace {
constexpr size_t kPendingLimit = 32;
}

UdpServerConnection::UdpServerConnection(std::shared_ptr<const ServerContext> ctx, int idleTimeoutMs,
                                         std::function<void()> onDone, QObject* parent)
    : AcceptedConnection(ctx->counters, std::move(onDone), parent), m_ctx(std::move(ctx)),
      m_idleTimeoutMs(qMax(1, idleTimeoutMs))
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(m_tunnel && m_tunnel->handshakeDone() ? QStringLiteral("idle timeout")
                                                     : QStringLiteral("transport handshake timed out"));
    });
}

UdpServerConnection::~UdpServerConnection() = default;

void UdpServerConnection::start(qintptr fd)
{
    auto* wire = adoptAccepted(fd, nullptr); // the UdpTunnel takes it
    if (!wire) {
        finish(QStringLiteral("bad descriptor"));
        return;
    }
    const auto framing = m_ctx->mode == ProxyMode::Stun ? udp::Framing::Stun : udp::Framing::Length;
    m_tunnel = new UdpTunnel(wire, m_ctx->transport->newSession(SessionEnv::system()), framing,
                             SessionEnv::system(), this);
    connect(m_tunnel, &UdpTunnel::handshakeComplete, this, &UdpServerConnection::onHandshakeComplete);
    connect(m_tunnel, &UdpTunnel::datagramReceived, this, &UdpServerConnection::onDatagramFromClient);
    connect(m_tunnel, &UdpTunnel::finished, this, [this](const QString& why) { finish(why); });
    m_timer.start(m_ctx->handshakeTimeoutMs);
    m_tunnel->start();
}

void UdpServerConnection::onHandshakeComplete()
{
    // The target is contacted only after the handshake: a prober makes us send nothing.
    m_timer.start(m_idleTimeoutMs);
    m_target = new QUdpSocket(this);
    connect(m_target, &QUdpSocket::connected, this, [this] {
        // Only now: QAbstractSocket drops options set before it has a descriptor. A
        // burst of replies must not overflow the default (about 200 KiB) kernel queue.
        m_target->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024);
        m_target->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 4 * 1024 * 1024);
        flushPending();
    });
    connect(m_target, &QUdpSocket::readyRead, this, &UdpServerConnection::onTargetReadable);
    connect(m_target, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        // ICMP port unreachable: the target is not (yet) there; UDP carries on.
        if (e == QAbstractSocket::ConnectionRefusedError || e == QAbstractSocket::DatagramTooLargeError) {
            log::debug(QStringLiteral("%1: target %2: %3")
                           .arg(m_ctx->transportName, m_ctx->target->toString(), m_target->errorString()));
            return;
        }
        if (m_target->state() != QAbstractSocket::ConnectedState)
            finish(QStringLiteral("cannot reach target %1: %2")
                       .arg(m_ctx->target->toString(), m_target->errorString()));
    });
    m_target->connectToHost(m_ctx->target->host, m_ctx->target->port);
    log::debug(QStringLiteral("%1: %2 relays UDP to %3")
                   .arg(m_ctx->transportName, m_peer, m_ctx->target->toString()));
}

void UdpServerConnection::onDatagramFromClient(const QByteArray& d)
{
    m_timer.start(m_idleTimeoutMs);
    if (!m_target || m_target->state() != QAbstractSocket::ConnectedState) {
        if (m_pending.size() >= kPendingLimit) {
            ++m_dropped;
            return;
        }
        m_pending.push_back(d);
        return;
    }
    if (m_target->write(d) < 0) {
        ++m_dropped;
        log::debug(QStringLiteral("%1: datagram to target dropped: %2")
                       .arg(m_ctx->transportName, m_target->errorString()));
        return;
    }
    ++m_up;
    m_ctx->counters->bytesUp.fetch_add(d.size(), std::memory_order_relaxed);
}

void UdpServerConnection::flushPending()
{
    while (!m_pending.empty() && !m_finished) {
        const QByteArray d = std::move(m_pending.front());
        m_pending.pop_front();
        onDatagramFromClient(d);
    }
}

void UdpServerConnection::onTargetReadable()
{
    while (!m_finished && m_target->hasPendingDatagrams()) {
        const qint64 size = m_target->pendingDatagramSize();
        QByteArray d(qMax<qint64>(0, size), Qt::Uninitialized);
        const qint64 n = m_target->readDatagram(d.data(), d.size());
        if (n < 0) break;
        d.truncate(n);
        m_timer.start(m_idleTimeoutMs);
        switch (m_tunnel->sendDatagram(d)) {
        case UdpTunnel::SendResult::Sent:
            ++m_down;
            m_ctx->counters->bytesDown.fetch_add(d.size(), std::memory_order_relaxed);
            break;
        case UdpTunnel::SendResult::Dropped:
            ++m_dropped;
            log::debug(
                QStringLiteral("%1: datagram from target dropped (%2 bytes): malformed for this mode or "
                               "congested")
                    .arg(m_ctx->transportName)
                    .arg(d.size()));
            break;
        case UdpTunnel::SendResult::Failed:
            ++m_dropped;
            finish(QStringLiteral("write failure"));
            return;
        }
    }
}

void UdpServerConnection::finish(const QString& reason)
{
    if (!beginFinish()) return;
    if (m_tunnel) {
        m_tunnel->disconnect(this);
        m_tunnel->abort(reason);
    }
    if (m_target) m_target->close();
    log::info(QStringLiteral("%1: UDP connection from %2 ended: %3 (datagrams up %4, down %5, dropped %6)")
                  .arg(m_ctx->transportName, m_peer, reason)
                  .arg(m_up)
                  .arg(m_down)
                  .arg(m_dropped));
    deleteLater();
}

} // namespace pt::net
