#include "dispatcher/net/Dialer.h"

#include "dispatcher/protocols/Socks5Server.h"

#include <QHostInfo>

namespace pt::net {

Dialer::Dialer(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finishWithError(0x06, QStringLiteral("connecting to %1:%2 timed out").arg(m_host).arg(m_port),
                        FailureCode::Timeout);
    });
}

Dialer::~Dialer()
{
    cancel();
}

void Dialer::dial(const QString& host, quint16 port, int timeoutMs)
{
    m_host = host;
    m_port = port;
    m_done = false;
    m_timer.start(timeoutMs);
    QHostAddress literal;
    if (m_proxy) {
        // The proxy resolves the destination; we only connect to the proxy (an IP
        // literal, validated at start-up).
        literal.setAddress(m_proxy->host);
        m_addresses = {literal};
        tryNext();
        return;
    }
    if (literal.setAddress(host)) {
        m_addresses = {literal};
        tryNext();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, this, [this](const QHostInfo& info) {
        m_lookupId = -1;
        if (m_done) return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            finishWithError(0x04, QStringLiteral("cannot resolve %1: %2").arg(m_host, info.errorString()),
                            FailureCode::Dns);
            return;
        }
        m_addresses = info.addresses();
        tryNext();
    });
}

void Dialer::tryNext()
{
    if (m_done) return;
    if (m_addresses.isEmpty()) {
        const NetError err = m_lastError ? m_lastError : NetError::of(NetError::Kind::HostUnreachable);
        if (m_proxy) {
            finishWithError(socks5::replyFor(err),
                            QStringLiteral("cannot connect to the upstream proxy %1:%2: %3")
                                .arg(m_proxy->host)
                                .arg(m_proxy->port)
                                .arg(platform::errorText(err)),
                            FailureCode::Proxy);
            return;
        }
        finishWithError(socks5::replyFor(err),
                        QStringLiteral("cannot connect to %1:%2: %3")
                            .arg(m_host)
                            .arg(m_port)
                            .arg(platform::errorText(err)),
                        failureCodeFor(err));
        return;
    }
    const QHostAddress next = m_addresses.takeFirst();
    if (m_socket) m_socket->deleteLater();
    m_socket = new StreamSocket(this);
    connect(m_socket, &StreamSocket::connected, this, &Dialer::onTcpConnected);
    connect(m_socket, &StreamSocket::failed, this, [this](const NetError& err) {
        m_lastError = err;
        if (m_proxyHandshake) {
            finishWithError(
                socks5::replyFor(err),
                QStringLiteral("upstream proxy connection failed: %1").arg(platform::errorText(err)),
                FailureCode::Proxy);
            return;
        }
        QMetaObject::invokeMethod(this, &Dialer::tryNext, Qt::QueuedConnection);
    });
    m_socket->connectTo(next, m_proxy ? m_proxy->port : m_port);
}

void Dialer::onTcpConnected()
{
    if (m_done) return;
    if (!m_proxyHandshake) Q_EMIT tcpConnected();
    if (m_done) return; // cancelled by a receiver
    if (m_proxy && !m_proxyHandshake) {
        proxy::Params p;
        p.type = m_proxy->type == UpstreamProxy::Type::Socks5    ? proxy::Type::Socks5
                 : m_proxy->type == UpstreamProxy::Type::Socks4a ? proxy::Type::Socks4a
                                                                 : proxy::Type::Http;
        p.user = m_proxy->user;
        p.password = m_proxy->password;
        p.destHost = m_host;
        p.destPort = m_port;
        m_proxyHandshake = std::make_unique<proxy::ClientHandshake>(p);
        connect(m_socket, &StreamSocket::readyRead, this, &Dialer::onProxyReadable);
        m_socket->write(m_proxyHandshake->start());
        return;
    }
    m_done = true;
    m_timer.stop();
    StreamSocket* s = m_socket;
    m_socket = nullptr;
    s->disconnect(this);
    s->setParent(nullptr);
    Q_EMIT connected(s, m_proxyHandshake ? m_proxyHandshake->takeLeftover() : QByteArray());
}

void Dialer::onProxyReadable()
{
    const QByteArray data = m_socket->read(4096);
    if (data.isEmpty()) {
        if (m_socket->atEof())
            finishWithError(0x01,
                            QStringLiteral("upstream proxy %1:%2 closed the connection during its handshake")
                                .arg(m_proxy->host)
                                .arg(m_proxy->port),
                            FailureCode::Proxy);
        return;
    }
    const QByteArray out = m_proxyHandshake->onBytes(data);
    if (!out.isEmpty()) m_socket->write(out);
    if (m_proxyHandshake->state() == proxy::ClientHandshake::State::Failed) {
        finishWithError(m_proxyHandshake->replyCode(),
                        QStringLiteral("upstream proxy %1:%2: %3")
                            .arg(m_proxy->host)
                            .arg(m_proxy->port)
                            .arg(m_proxyHandshake->error()),
                        FailureCode::Proxy);
        return;
    }
    if (m_proxyHandshake->state() == proxy::ClientHandshake::State::Done) onTcpConnected();
}

void Dialer::finishWithError(quint8 reply, const QString& reason, FailureCode code)
{
    if (m_done) return;
    m_done = true;
    m_failureCode = code;
    m_timer.stop();
    if (m_socket) m_socket->deleteLater(); // may be inside one of its own signals
    m_socket = nullptr;
    Q_EMIT failed(reply, reason);
}

void Dialer::cancel()
{
    m_done = true;
    m_timer.stop();
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_socket) m_socket->deleteLater();
    m_socket = nullptr;
}

} // namespace pt::net
