#include "dispatcher/net/StreamSocket.h"

#include <QSocketNotifier>

namespace pt::net {

StreamSocket::StreamSocket(QObject* parent) : QObject(parent) {}

StreamSocket::~StreamSocket()
{
    close();
}

bool StreamSocket::adopt(qintptr fd)
{
    close();
    if (fd == platform::kNoSocket || !platform::prepareAccepted(fd)) return false;
    m_fd = fd;
    platform::setNoDelay(m_fd);
    setupNotifiers();
    return true;
}

void StreamSocket::failLater(const NetError& err)
{
    QMetaObject::invokeMethod(
        this, [this, err] { Q_EMIT failed(err); }, Qt::QueuedConnection);
}

void StreamSocket::connectTo(const QHostAddress& address, quint16 port)
{
    close();
    const auto protocol = address.protocol();
    if (protocol != QAbstractSocket::IPv4Protocol && protocol != QAbstractSocket::IPv6Protocol) {
        failLater(NetError::of(NetError::Kind::AddressFamily));
        return;
    }
    NetError err;
    m_fd = platform::openTcp(address, &err);
    if (m_fd == platform::kNoSocket) {
        failLater(err);
        return;
    }
    platform::setNoDelay(m_fd);
    err = platform::startConnect(m_fd, address, port);
    if (!err) {
        setupNotifiers();
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT connected(); }, Qt::QueuedConnection);
        return;
    }
    if (err.kind != NetError::Kind::InProgress) {
        platform::closeSocket(m_fd);
        m_fd = platform::kNoSocket;
        failLater(err);
        return;
    }
    m_connecting = true;
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamSocket::onWritable);
    if (platform::connectNeedsPolling()) {
        m_connectPoll = new QTimer(this);
        connect(m_connectPoll, &QTimer::timeout, this, &StreamSocket::pollConnect);
        m_connectPoll->start(50);
    }
}

void StreamSocket::pollConnect()
{
    if (!m_connecting) {
        m_connectPoll->stop();
        return;
    }
    const NetError err = platform::connectFailure(m_fd);
    if (!err) return;
    m_connecting = false;
    m_connectPoll->stop();
    fail(err);
}

void StreamSocket::setupNotifiers()
{
    if (!m_readNotifier) {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &StreamSocket::onReadable);
    }
    m_readNotifier->setEnabled(m_readEnabled && !m_eof);
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamSocket::onWritable);
    }
    m_writeNotifier->setEnabled(m_queued > 0);
}

void StreamSocket::onReadable()
{
    // Level-triggered: the notifier fires again while data remains, so one read per
    // activation keeps connections fair. A consumer that does not read must disable
    // reading, or the notifier spins.
    Q_EMIT readyRead();
}

QByteArray StreamSocket::read(qint64 maxBytes)
{
    if (m_fd == platform::kNoSocket || m_eof || maxBytes <= 0) return QByteArray();
    QByteArray buf(int(maxBytes), Qt::Uninitialized);
    NetError err;
    const qint64 n = platform::receive(m_fd, buf.data(), maxBytes, &err);
    if (n > 0) {
        buf.truncate(int(n));
        return buf;
    }
    if (n == 0) {
        m_eof = true;
        if (m_readNotifier) m_readNotifier->setEnabled(false);
        return QByteArray();
    }
    if (!err.transient()) fail(err);
    return QByteArray();
}

void StreamSocket::write(const QByteArray& bytes)
{
    if (bytes.isEmpty() || m_fd == platform::kNoSocket || m_shutdownRequested) return;
    m_queue.push_back(bytes);
    m_queued += bytes.size();
    if (m_queued > m_maxQueued) m_maxQueued = m_queued;
    if (!m_connecting) flush();
}

void StreamSocket::flush()
{
    while (m_fd != platform::kNoSocket && !m_queue.empty()) {
        platform::Chunk chunks[platform::kMaxChunks];
        int count = 0;
        for (auto it = m_queue.begin(); it != m_queue.end() && count < platform::kMaxChunks; ++it, ++count) {
            const qint64 skip = count == 0 ? m_headOffset : 0;
            chunks[count] = {it->constData() + skip, it->size() - skip};
        }
        NetError err;
        const qint64 n = platform::sendChunks(m_fd, chunks, count, &err);
        if (n < 0) {
            if (err.kind == NetError::Kind::WouldBlock) break;
            fail(err);
            return;
        }
        qint64 left = n;
        m_queued -= n;
        while (left > 0) {
            const qint64 headLeft = m_queue.front().size() - m_headOffset;
            if (left >= headLeft) {
                left -= headLeft;
                m_queue.pop_front();
                m_headOffset = 0;
            } else {
                m_headOffset += left;
                left = 0;
            }
        }
        if (n > 0 && !m_bytesWrittenPending) {
            // Queued and coalesced: the consumer's pump may write again, and that
            // must not re-enter flush().
            m_bytesWrittenPending = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_bytesWrittenPending = false;
                    Q_EMIT bytesWritten();
                },
                Qt::QueuedConnection);
        }
    }
    if (m_writeNotifier) m_writeNotifier->setEnabled(m_fd != platform::kNoSocket && !m_queue.empty());
    if (m_fd != platform::kNoSocket && m_queue.empty() && m_shutdownRequested && !m_shutdownDone) {
        platform::shutdownWrite(m_fd);
        m_shutdownDone = true;
    }
}

void StreamSocket::onWritable()
{
    if (m_connecting) {
        const NetError err = platform::pendingConnectError(m_fd);
        if (err.kind == NetError::Kind::InProgress) return;
        m_connecting = false;
        if (err) {
            fail(err);
            return;
        }
        setupNotifiers();
        Q_EMIT connected();
        flush();
        return;
    }
    flush();
}

void StreamSocket::shutdownWrite()
{
    if (m_shutdownRequested) return;
    m_shutdownRequested = true;
    if (!m_connecting) flush();
}

void StreamSocket::setReadEnabled(bool enabled)
{
    m_readEnabled = enabled;
    if (m_readNotifier) m_readNotifier->setEnabled(enabled && !m_eof && m_fd != platform::kNoSocket);
}

void StreamSocket::fail(const NetError& err)
{
    close();
    Q_EMIT failed(err);
}

void StreamSocket::close()
{
    // The notifiers go before the socket they watch.
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd != platform::kNoSocket) {
        platform::closeSocket(m_fd);
        m_fd = platform::kNoSocket;
    }
    m_queue.clear();
    m_queued = 0;
    m_headOffset = 0;
    m_connecting = false;
}

QHostAddress StreamSocket::localAddress() const
{
    QHostAddress a;
    platform::localEndpoint(m_fd, &a, nullptr);
    return a;
}

quint16 StreamSocket::localPort() const
{
    quint16 port = 0;
    platform::localEndpoint(m_fd, nullptr, &port);
    return port;
}

quint16 StreamSocket::peerPort() const
{
    quint16 port = 0;
    platform::peerEndpoint(m_fd, nullptr, &port);
    return port;
}

QString StreamSocket::peerText() const
{
    QHostAddress a;
    quint16 port = 0;
    platform::peerEndpoint(m_fd, &a, &port);
    const QString host = a.toString();
    return (a.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + host + QLatin1Char(']')
                                                          : host) +
           QLatin1Char(':') + QString::number(port);
}

FailureCode failureCodeFor(const NetError& err, FailureCode other)
{
    switch (err.kind) {
    case NetError::Kind::Refused:
        return FailureCode::Refused;
    case NetError::Kind::NetUnreachable:
    case NetError::Kind::HostUnreachable:
    case NetError::Kind::AddressFamily:
        return FailureCode::Unreachable;
    case NetError::Kind::TimedOut:
        return FailureCode::Timeout;
    case NetError::Kind::Reset:
        return FailureCode::Closed;
    default:
        return other;
    }
}

} // namespace pt::net
