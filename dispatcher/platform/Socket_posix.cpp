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

NetError lastError()
{
    return fromErrno(errno);
}

#ifndef PT_LINUX_CALLS
bool setFlags(int fd)
{
    const int fl = ::fcntl(fd, F_GETFL, 0);
    if (fl < 0 || ::fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0) return false;
    const int fdfl = ::fcntl(fd, F_GETFD, 0);
    return fdfl >= 0 && ::fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) == 0;
}
#endif

void noSigPipe([[maybe_unused]] int fd)
{
#ifdef SO_NOSIGPIPE
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
}

// A descriptor from socket() or accept(): on the portable path made non-blocking,
// close-on-exec and SIGPIPE-free here (Linux did it in the call); closed on failure.
SocketHandle finishNew(int fd, NetError* err)
{
    if (fd < 0) {
        *err = lastError();
        return kNoSocket;
    }
#ifndef PT_LINUX_CALLS
    if (!setFlags(fd)) {
        *err = lastError();
        ::close(fd);
        return kNoSocket;
    }
    noSigPipe(fd);
#endif
    return fd;
}

} // namespace

QString systemErrorText(int native)
{
    return QString::fromLocal8Bit(std::strerror(native));
}

void initSockets() {}

SocketHandle openTcp(const QHostAddress& forAddress, NetError* err)
{
    const int family = forAddress.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
#ifdef PT_LINUX_CALLS
    return finishNew(::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0), err);
#else
    return finishNew(::socket(family, SOCK_STREAM, 0), err);
#endif
}

bool prepareAccepted(SocketHandle s)
{
    // Non-blocking is what the event loop needs (accept4() and the portable
    // acceptOne() already did it for our own listeners: then this is one fcntl()).
    const int fl = s < 0 ? -1 : ::fcntl(int(s), F_GETFL, 0);
    if (fl < 0 || (!(fl & O_NONBLOCK) && ::fcntl(int(s), F_SETFL, fl | O_NONBLOCK) != 0)) return false;
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
    const int len = toSockaddr(address, port, &ss);
    if (len == 0) return NetError::of(NetError::Kind::AddressFamily, EAFNOSUPPORT);
    if (::connect(int(s), reinterpret_cast<sockaddr*>(&ss), socklen_t(len)) == 0) return {};
    return lastError();
}

NetError pendingConnectError(SocketHandle s)
{
    int e = 0;
    socklen_t len = sizeof e;
    if (::getsockopt(int(s), SOL_SOCKET, SO_ERROR, &e, &len) < 0) e = errno;
    return fromErrno(e);
}

bool connectNeedsPolling()
{
    return false;
}

NetError connectFailure(SocketHandle)
{
    return {};
}

qint64 receive(SocketHandle s, char* buf, qint64 max, NetError* err)
{
    for (;;) {
        const ssize_t n = ::recv(int(s), buf, size_t(max), 0);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        *err = lastError();
        return -1;
    }
}

qint64 sendChunks(SocketHandle s, const Chunk* chunks, int count, NetError* err)
{
    iovec iov[kMaxChunks];
    if (count > kMaxChunks) count = kMaxChunks;
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
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        *err = lastError();
        return -1;
    }
}

void shutdownWrite(SocketHandle s)
{
    ::shutdown(int(s), SHUT_WR);
}

void closeSocket(SocketHandle s)
{
    if (s >= 0) ::close(int(s));
}

SocketHandle acceptOne(SocketHandle listening, NetError* err)
{
#ifdef PT_LINUX_CALLS
    return finishNew(::accept4(int(listening), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK), err);
#else
    return finishNew(::accept(int(listening), nullptr, nullptr), err);
#endif
}

bool localEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (s < 0 || ::getsockname(int(s), reinterpret_cast<sockaddr*>(&ss), &len) < 0) return false;
    return endpointOf(&ss, address, port);
}

bool peerEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (s < 0 || ::getpeername(int(s), reinterpret_cast<sockaddr*>(&ss), &len) < 0) return false;
    return endpointOf(&ss, address, port);
}

} // namespace pt::platform
