#include "dispatcher/net/UdpClient.h"

#include "dispatcher/base/Log.h"
#include "dispatcher/net/Dialer.h"
#include "dispatcher/net/UdpTunnel.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

#include <algorithm>

namespace pt::net {

namespace {
QString keyFor(const QHostAddress& a, quint16 port)
{
    return HostPort{a.toString(), port}.toString();
}
} // namespace

UdpClient::UdpClient(std::shared_ptr<const ClientContext> ctx, int idleTimeoutMs, QObject* parent)
    : QObject(parent), m_ctx(std::move(ctx)),
      m_framing(m_ctx->mode == ProxyMode::Stun ? udp::Framing::Stun : udp::Framing::Length),
      m_pool(qMax(1, idleTimeoutMs))
{
    m_clock.start();
    m_sweep.setSingleShot(true);
    connect(&m_sweep, &QTimer::timeout, this, &UdpClient::sweep);
}

UdpClient::~UdpClient()
{
    for (Flow& f : m_flows) {
        delete f.dialer;
        delete f.tunnel;
    }
}

bool UdpClient::listen(const QHostAddress& address, quint16 port, QString* error)
{
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(address, port)) {
        *error = m_socket->errorString();
        return false;
    }
    // Bursts of large datagrams must not overflow the kernel queue while a
    // transport connection is still being set up.
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024);
    m_socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 4 * 1024 * 1024);
    connect(m_socket, &QUdpSocket::readyRead, this, &UdpClient::onReadable);
    return true;
}

QHostAddress UdpClient::localAddress() const
{
    return m_socket->localAddress();
}
quint16 UdpClient::localPort() const
{
    return m_socket->localPort();
}

void UdpClient::onReadable()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket->receiveDatagram();
        if (!d.isValid()) break;
        const QString key = keyFor(d.senderAddress(), quint16(d.senderPort()));
        const QByteArray payload = d.data();
        // Checked before the pool: garbage must not even open a transport connection.
        if (!udp::canCarry(m_framing, payload)) {
            ++m_dropped;
            log::debug(QStringLiteral("%1: UDP from %2 dropped (%3 bytes): not carried in %4 mode")
                           .arg(m_ctx->transportName, key)
                           .arg(payload.size())
                           .arg(proxyModeName(m_ctx->mode)));
            continue;
        }
        switch (m_pool.onPacket(key, payload, now())) {
        case UdpPoolLogic::Action::Dial:
            m_flows.insert(key, Flow{d.senderAddress(), quint16(d.senderPort()), nullptr, nullptr});
            dial(key);
            rearmSweep();
            break;
        case UdpPoolLogic::Action::Queued:
            break;
        case UdpPoolLogic::Action::Send:
            send(key, payload);
            break;
        case UdpPoolLogic::Action::Dropped:
            ++m_dropped;
            log::debug(QStringLiteral("%1: UDP from %2 dropped: queue full while connecting")
                           .arg(m_ctx->transportName, key));
            break;
        }
    }
}

void UdpClient::dial(const QString& key)
{
    auto* dialer = new Dialer(this);
    dialer->setUpstreamProxy(m_ctx->proxy);
    m_flows[key].dialer = dialer;
    m_ctx->counters->connectionsTotal.fetch_add(1);
    connect(dialer, &Dialer::connected, this,
            [this, key](StreamSocket* s, const QByteArray& early) { onDialed(key, s, early); });
    connect(dialer, &Dialer::failed, this, [this, key, dialer](quint8, const QString& why) {
        m_ctx->counters->connectionsFailed.fetch_add(1);
        m_ctx->counters->recordHandshakeFailure(dialer->failureCode(), why);
        drop(key, QStringLiteral("cannot reach the PT server: ") + why);
    });
    const HostPort server =
        m_ctx->transport->dialTarget(m_ctx->options).value_or(m_ctx->serverAddress.value_or(HostPort{}));
    dialer->dial(server.host, server.port, m_ctx->connectTimeoutMs);
}

void UdpClient::onDialed(const QString& key, StreamSocket* socket, const QByteArray& early)
{
    auto it = m_flows.find(key);
    if (it == m_flows.end()) {
        delete socket;
        return;
    }
    it->dialer->deleteLater();
    it->dialer = nullptr;
    ClientSessionParams params;
    params.args = m_ctx->options;
    auto made = m_ctx->transport->newSession(params, SessionEnv::system());
    if (!made.ok()) {
        delete socket;
        drop(key, made.error);
        return;
    }
    auto* tunnel = new UdpTunnel(socket, std::move(made.value), m_framing, SessionEnv::system(), this);
    it->tunnel = tunnel;
    m_ctx->counters->connectionsOpen.fetch_add(1);
    connect(tunnel, &UdpTunnel::handshakeComplete, this, [this, key] {
        m_ctx->counters->recordHandshakeOk();
        for (const QByteArray& d : m_pool.onConnected(key, now())) {
            send(key, d);
            if (!m_flows.contains(key)) return;
        }
    });
    connect(tunnel, &UdpTunnel::datagramReceived, this, [this, key](const QByteArray& d) {
        auto f = m_flows.constFind(key);
        if (f == m_flows.constEnd()) return;
        m_pool.touch(key, now());
        m_ctx->counters->bytesDown.fetch_add(d.size(), std::memory_order_relaxed);
        if (m_socket->writeDatagram(d, f->address, f->port) < 0) {
            ++m_dropped;
            log::debug(QStringLiteral("%1: reply to %2 dropped: %3")
                           .arg(m_ctx->transportName, key, m_socket->errorString()));
            return;
        }
        ++m_carriedDown;
    });
    connect(tunnel, &UdpTunnel::finished, this, [this, key](const QString& why) { drop(key, why); });
    tunnel->start();
    tunnel->injectWire(early);
}

void UdpClient::send(const QString& key, const QByteArray& datagram)
{
    auto f = m_flows.constFind(key);
    if (f == m_flows.constEnd() || !f->tunnel) return;
    switch (f->tunnel->sendDatagram(datagram)) {
    case UdpTunnel::SendResult::Sent:
        ++m_carriedUp;
        m_ctx->counters->bytesUp.fetch_add(datagram.size(), std::memory_order_relaxed);
        break;
    case UdpTunnel::SendResult::Dropped:
        ++m_dropped;
        log::debug(QStringLiteral("%1: UDP from %2 dropped (%3 bytes): malformed for this mode or congested")
                       .arg(m_ctx->transportName, key)
                       .arg(datagram.size()));
        break;
    case UdpTunnel::SendResult::Failed:
        ++m_dropped;
        drop(key, QStringLiteral("write failure"));
        break;
    }
}

void UdpClient::drop(const QString& key, const QString& why)
{
    auto it = m_flows.find(key);
    if (it == m_flows.end()) return;
    const int lost = m_pool.remove(key);
    m_dropped += lost;
    if (it->dialer) {
        it->dialer->cancel();
        it->dialer->deleteLater();
    }
    if (it->tunnel) {
        m_ctx->counters->connectionsOpen.fetch_sub(1);
        it->tunnel->disconnect(this);
        it->tunnel->abort(why);
        it->tunnel->deleteLater();
    }
    m_flows.erase(it);
    log::info(QStringLiteral("%1: UDP flow %2 removed: %3 (%4 queued packets lost; carried up %5, down %6, "
                             "dropped %7 in total)")
                  .arg(m_ctx->transportName, key, why)
                  .arg(lost)
                  .arg(m_carriedUp)
                  .arg(m_carriedDown)
                  .arg(m_dropped));
}

void UdpClient::sweep()
{
    // expire() forgets the entries; drop() then finds nothing left in the pool.
    for (const QString& key : m_pool.expire(now()))
        drop(key, QStringLiteral("idle timeout"));
    rearmSweep();
}

void UdpClient::rearmSweep()
{
    const auto next = m_pool.nextExpiryMs();
    if (!next) {
        m_sweep.stop();
        return;
    }
    m_sweep.start(int(std::clamp<int64_t>(*next - now() + 1, 0, 3600 * 1000)));
}

} // namespace pt::net
