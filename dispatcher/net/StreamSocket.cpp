#include "dispatcher/net/StreamSocket.h"

#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace pt::net {

namespace {

bool setNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL, 0);
    return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

void tuneSocket(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

QHostAddress toHostAddress(const sockaddr_storage& ss, quint16* port)
{
    QHostAddress addr(reinterpret_cast<const sockaddr*>(&ss));
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; report them as
    // IPv4 (the ExtORPort USERADDR and logs expect the plain form).
    bool isV4 = false;
    const quint32 v4 = addr.toIPv4Address(&isV4);
    if (isV4 && addr.protocol() == QAbstractSocket::IPv6Protocol)
        addr = QHostAddress(v4);
    if (port) {
        if (ss.ss_family == AF_INET)
            *port = ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
        else if (ss.ss_family == AF_INET6)
            *port = ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
        else
            *port = 0;
    }
    return addr;
}

} // namespace

StreamSocket::StreamSocket(QObject* parent) : QObject(parent) {}

StreamSocket::~StreamSocket() { close(); }

bool StreamSocket::adopt(qintptr fd)
{
    close();
    if (fd < 0 || !setNonBlocking(int(fd)))
        return false;
    m_fd = int(fd);
    tuneSocket(m_fd);
    setupNotifiers();
    return true;
}

void StreamSocket::connectTo(const QHostAddress& address, quint16 port)
{
    close();
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* sin = reinterpret_cast<sockaddr_in*>(&ss);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(address.toIPv4Address());
        len = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(&ss);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        memcpy(&sin6->sin6_addr, &a, 16);
        sin6->sin6_scope_id = address.scopeId().toUInt();
        len = sizeof(sockaddr_in6);
    } else {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT failed(EAFNOSUPPORT); }, Qt::QueuedConnection);
        return;
    }
    const int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        const int err = errno;
        QMetaObject::invokeMethod(this, [this, err] { Q_EMIT failed(err); }, Qt::QueuedConnection);
        return;
    }
    m_fd = fd;
    tuneSocket(fd);
    const int rc = ::connect(fd, reinterpret_cast<sockaddr*>(&ss), len);
    if (rc == 0) {
        setupNotifiers();
        QMetaObject::invokeMethod(this, [this] { Q_EMIT connected(); }, Qt::QueuedConnection);
        return;
    }
    if (errno != EINPROGRESS) {
        const int err = errno;
        ::close(m_fd);
        m_fd = -1;
        QMetaObject::invokeMethod(this, [this, err] { Q_EMIT failed(err); }, Qt::QueuedConnection);
        return;
    }
    m_connecting = true;
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &StreamSocket::onWritable);
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
    if (m_fd < 0 || m_eof || maxBytes <= 0)
        return QByteArray();
    QByteArray buf(int(maxBytes), Qt::Uninitialized);
    ssize_t n;
    do {
        n = ::recv(m_fd, buf.data(), size_t(maxBytes), 0);
    } while (n < 0 && errno == EINTR);
    if (n > 0) {
        buf.truncate(int(n));
        return buf;
    }
    if (n == 0) {
        m_eof = true;
        if (m_readNotifier)
            m_readNotifier->setEnabled(false);
        return QByteArray();
    }
    if (errno != EAGAIN && errno != EWOULDBLOCK)
        fail(errno);
    return QByteArray();
}

void StreamSocket::write(const QByteArray& bytes)
{
    if (bytes.isEmpty() || m_fd < 0 || m_shutdownRequested)
        return;
    m_queue.push_back(bytes);
    m_queued += bytes.size();
    if (m_queued > m_maxQueued)
        m_maxQueued = m_queued;
    if (!m_connecting)
        flush();
}

void StreamSocket::flush()
{
    while (m_fd >= 0 && !m_queue.empty()) {
        iovec iov[16];
        int count = 0;
        for (auto it = m_queue.begin(); it != m_queue.end() && count < 16; ++it, ++count) {
            const qint64 skip = count == 0 ? m_headOffset : 0;
            iov[count].iov_base = const_cast<char*>(it->constData()) + skip;
            iov[count].iov_len = size_t(it->size() - skip);
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(count);
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            fail(errno);
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
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(m_fd >= 0 && !m_queue.empty());
    if (m_fd >= 0 && m_queue.empty() && m_shutdownRequested && !m_shutdownDone) {
        ::shutdown(m_fd, SHUT_WR);
        m_shutdownDone = true;
    }
}

void StreamSocket::onWritable()
{
    if (m_connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
            err = errno;
        if (err == EINPROGRESS)
            return;
        m_connecting = false;
        if (err != 0) {
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
    if (m_shutdownRequested)
        return;
    m_shutdownRequested = true;
    if (!m_connecting)
        flush();
}

void StreamSocket::setReadEnabled(bool enabled)
{
    m_readEnabled = enabled;
    if (m_readNotifier)
        m_readNotifier->setEnabled(enabled && !m_eof && m_fd >= 0);
}

void StreamSocket::fail(int err)
{
    close();
    Q_EMIT failed(err);
}

void StreamSocket::close()
{
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_queue.clear();
    m_queued = 0;
    m_headOffset = 0;
    m_connecting = false;
}

QHostAddress StreamSocket::localAddress() const
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (m_fd < 0 || ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&ss), &len) < 0)
        return QHostAddress();
    return toHostAddress(ss, nullptr);
}

quint16 StreamSocket::localPort() const
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    quint16 port = 0;
    if (m_fd >= 0 && ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        toHostAddress(ss, &port);
    return port;
}

QHostAddress StreamSocket::peerAddress() const
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (m_fd < 0 || ::getpeername(m_fd, reinterpret_cast<sockaddr*>(&ss), &len) < 0)
        return QHostAddress();
    return toHostAddress(ss, nullptr);
}

QString StreamSocket::peerText() const
{
    const QHostAddress a = peerAddress();
    const QString host = a.toString();
    return (a.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + host + QLatin1Char(']') : host)
        + QLatin1Char(':') + QString::number(peerPort());
}

quint16 StreamSocket::peerPort() const
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    quint16 port = 0;
    if (m_fd >= 0 && ::getpeername(m_fd, reinterpret_cast<sockaddr*>(&ss), &len) == 0)
        toHostAddress(ss, &port);
    return port;
}

quint8 socksReplyForErrno(int err)
{
    switch (err) {
    case ECONNREFUSED:
        return 0x05;
    case ENETUNREACH:
    case ENETDOWN:
        return 0x03;
    case EHOSTUNREACH:
    case EHOSTDOWN:
        return 0x04;
    case ETIMEDOUT:
        return 0x06;
    case EAFNOSUPPORT:
        return 0x08;
    default:
        return 0x01;
    }
}

} // namespace pt::net
