// POSIX sockets (Linux, macOS, BSDs). With PT_LINUX_CALLS (CMake: Linux without
// PT_PORTABLE_POSIX) the Linux shortcuts are used: SOCK_NONBLOCK|SOCK_CLOEXEC at
// socket(), accept4(), MSG_NOSIGNAL. Without it only portable calls are made:
// fcntl() for the flags, accept(), and SO_NOSIGPIPE where the system has it (macOS,
// BSDs; elsewhere SIGPIPE is ignored process-wide, platform::prepareProcess()).
#include "dispatcher/platform/Socket.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace pt::platform {

namespace {

NetError fromErrno(int e)
{
    using K = NetError::Kind;
    switch (e) {
    case 0:
        return {};
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return NetError::of(K::WouldBlock, e);
    case EINTR:
        return NetError::of(K::Interrupted, e);
    case EINPROGRESS:
        return NetError::of(K::InProgress, e);
    case ECONNREFUSED:
        return NetError::of(K::Refused, e);
    case ENETUNREACH:
    case ENETDOWN:
        return NetError::of(K::NetUnreachable, e);
    case EHOSTUNREACH:
#ifdef EHOSTDOWN
    case EHOSTDOWN:
#endif
        return NetError::of(K::HostUnreachable, e);
    case ETIMEDOUT:
        return NetError::of(K::TimedOut, e);
    case EAFNOSUPPORT:
        return NetError::of(K::AddressFamily, e);
    case ECONNRESET:
    case ECONNABORTED:
    case EPIPE:
#ifdef EPROTO
    case EPROTO:
#endif
        return NetError::of(K::Reset, e);
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM:
        return NetError::of(K::NoResources, e);
    default:
        return NetError::of(K::Other, e);
    }
}

NetError lastError() { return fromErrno(errno); }

bool setFlags(int fd)
{
    const int fl = ::fcntl(fd, F_GETFL, 0);
    if (fl < 0 || ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
        return false;
    const int fdfl = ::fcntl(fd, F_GETFD, 0);
    return fdfl >= 0 && ::fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) == 0;
}

void noSigPipe([[maybe_unused]] int fd)
{
#ifdef SO_NOSIGPIPE
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

} // namespace

QString systemErrorText(int native) { return QString::fromLocal8Bit(std::strerror(native)); }

void initSockets() {}

SocketHandle openTcp(const QHostAddress& forAddress, NetError* err)
{
    const int family = forAddress.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
#ifdef PT_LINUX_CALLS
    const int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *err = lastError();
        return kNoSocket;
    }
#else
    const int fd = ::socket(family, SOCK_STREAM, 0);
    if (fd < 0) {
        *err = lastError();
        return kNoSocket;
    }
    if (!setFlags(fd)) {
        *err = lastError();
        ::close(fd);
        return kNoSocket;
    }
    noSigPipe(fd);
#endif
    return fd;
}

bool prepareAccepted(SocketHandle s)
{
    if (s < 0)
        return false;
    // Also for descriptors that came from accept4(): the flags are already there,
    // and two fcntl() calls per connection are cheap next to the handshake.
    if (!setFlags(int(s)))
        return false;
    noSigPipe(int(s));
    return true;
}

void setNoDelay(SocketHandle s)
{
    const int one = 1;
    ::setsockopt(int(s), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

NetError startConnect(SocketHandle s, const QHostAddress& address, quint16 port)
{
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
        std::memcpy(&sin6->sin6_addr, &a, 16);
        sin6->sin6_scope_id = address.scopeId().toUInt();
        len = sizeof(sockaddr_in6);
    } else {
        return NetError::of(NetError::Kind::AddressFamily, EAFNOSUPPORT);
    }
    if (::connect(int(s), reinterpret_cast<sockaddr*>(&ss), len) == 0)
        return {};
    return lastError();
}

NetError pendingConnectError(SocketHandle s)
{
    int e = 0;
    socklen_t len = sizeof e;
    if (::getsockopt(int(s), SOL_SOCKET, SO_ERROR, &e, &len) < 0)
        e = errno;
    return fromErrno(e);
}

qint64 receive(SocketHandle s, char* buf, qint64 max, NetError* err)
{
    for (;;) {
        const ssize_t n = ::recv(int(s), buf, size_t(max), 0);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        *err = lastError();
        return -1;
    }
}

qint64 sendChunks(SocketHandle s, const Chunk* chunks, int count, NetError* err)
{
    iovec iov[kMaxChunks];
    if (count > kMaxChunks)
        count = kMaxChunks;
    for (int i = 0; i < count; ++i) {
        iov[i].iov_base = const_cast<char*>(chunks[i].data);
        iov[i].iov_len = size_t(chunks[i].size);
    }
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = size_t(count);
#if defined(PT_LINUX_CALLS)
    constexpr int flags = MSG_NOSIGNAL;
#else
    constexpr int flags = 0; // SO_NOSIGPIPE on the socket, or SIGPIPE ignored
#endif
    for (;;) {
        const ssize_t n = ::sendmsg(int(s), &msg, flags);
        if (n >= 0)
            return n;
        if (errno == EINTR)
            continue;
        *err = lastError();
        return -1;
    }
}

void shutdownWrite(SocketHandle s) { ::shutdown(int(s), SHUT_WR); }

void closeSocket(SocketHandle s)
{
    if (s >= 0)
        ::close(int(s));
}

SocketHandle acceptOne(SocketHandle listening, NetError* err)
{
#ifdef PT_LINUX_CALLS
    const int fd = ::accept4(int(listening), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) {
        *err = lastError();
        return kNoSocket;
    }
#else
    const int fd = ::accept(int(listening), nullptr, nullptr);
    if (fd < 0) {
        *err = lastError();
        return kNoSocket;
    }
    if (!setFlags(fd)) {
        *err = lastError();
        ::close(fd);
        return kNoSocket;
    }
    noSigPipe(fd);
#endif
    return fd;
}

bool localEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (s < 0 || ::getsockname(int(s), reinterpret_cast<sockaddr*>(&ss), &len) < 0)
        return false;
    return endpointOf(&ss, address, port);
}

bool peerEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (s < 0 || ::getpeername(int(s), reinterpret_cast<sockaddr*>(&ss), &len) < 0)
        return false;
    return endpointOf(&ss, address, port);
}

} // namespace pt::platform
