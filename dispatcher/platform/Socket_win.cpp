// Windows sockets (winsock 2). Sockets are made non-inheritable (a child process
// must not hold a connection open) and non-blocking; Qt's QSocketNotifier on
// Windows (WSAAsyncSelect) re-arms FD_READ after each recv() and FD_WRITE when the
// notifier is re-enabled, which is how StreamSocket uses it.
#include "dispatcher/platform/Socket.h"

// winsock2.h before windows.h, or windows.h pulls in the old winsock.h.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <windows.h>

#include <cstring>
#include <mutex>

namespace pt::platform {

namespace {

NetError fromWsa(int e)
{
    using K = NetError::Kind;
    switch (e) {
    case 0:
        return {};
    case WSAEWOULDBLOCK:
        return NetError::of(K::WouldBlock, e);
    case WSAEINTR:
        return NetError::of(K::Interrupted, e);
    case WSAEINPROGRESS:
    case WSAEALREADY:
        return NetError::of(K::InProgress, e);
    case WSAECONNREFUSED:
        return NetError::of(K::Refused, e);
    case WSAENETUNREACH:
    case WSAENETDOWN:
        return NetError::of(K::NetUnreachable, e);
    case WSAEHOSTUNREACH:
    case WSAEHOSTDOWN:
        return NetError::of(K::HostUnreachable, e);
    case WSAETIMEDOUT:
        return NetError::of(K::TimedOut, e);
    case WSAEAFNOSUPPORT:
    case WSAEPFNOSUPPORT:
        return NetError::of(K::AddressFamily, e);
    case WSAECONNRESET:
    case WSAECONNABORTED:
    case WSAENETRESET:
    case WSAESHUTDOWN:
        return NetError::of(K::Reset, e);
    case WSAEMFILE:
    case WSAENOBUFS:
    case WSA_NOT_ENOUGH_MEMORY:
        return NetError::of(K::NoResources, e);
    default:
        return NetError::of(K::Other, e);
    }
}

NetError lastError()
{
    return fromWsa(::WSAGetLastError());
}

SOCKET sock(SocketHandle s)
{
    return SOCKET(s);
}

bool makeNonBlocking(SOCKET s)
{
    u_long one = 1;
    return ::ioctlsocket(s, FIONBIO, &one) == 0;
}

void noInherit(SOCKET s)
{
    ::SetHandleInformation(reinterpret_cast<HANDLE>(s), HANDLE_FLAG_INHERIT, 0);
}

} // namespace

QString systemErrorText(int native)
{
    wchar_t* buf = nullptr;
    const DWORD n = ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM |
                                         FORMAT_MESSAGE_IGNORE_INSERTS,
                                     nullptr, DWORD(native), 0, reinterpret_cast<wchar_t*>(&buf), 0, nullptr);
    QString s = n && buf ? QString::fromWCharArray(buf, int(n)).trimmed() : QString();
    if (buf) ::LocalFree(buf);
    if (s.isEmpty()) s = QStringLiteral("socket error %1").arg(native);
    return s;
}

void initSockets()
{
    static std::once_flag once;
    std::call_once(once, [] {
        WSADATA data;
        ::WSAStartup(MAKEWORD(2, 2), &data);
    });
}

SocketHandle openTcp(const QHostAddress& forAddress, NetError* err)
{
    initSockets();
    const int family = forAddress.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const SOCKET s = ::WSASocketW(family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0,
                                  WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) {
        *err = lastError();
        return kNoSocket;
    }
    if (!makeNonBlocking(s)) {
        *err = lastError();
        ::closesocket(s);
        return kNoSocket;
    }
    return SocketHandle(s);
}

bool prepareAccepted(SocketHandle s)
{
    if (s == kNoSocket) return false;
    noInherit(sock(s));
    return makeNonBlocking(sock(s));
}

void setNoDelay(SocketHandle s)
{
    const BOOL one = TRUE;
    ::setsockopt(sock(s), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&one), sizeof one);
}

NetError startConnect(SocketHandle s, const QHostAddress& address, quint16 port)
{
    sockaddr_storage ss{};
    const int len = toSockaddr(address, port, &ss);
    if (len == 0) return NetError::of(NetError::Kind::AddressFamily, WSAEAFNOSUPPORT);
    if (::connect(sock(s), reinterpret_cast<sockaddr*>(&ss), len) == 0) return {};
    NetError e = lastError();
    if (e.kind == NetError::Kind::WouldBlock) // winsock's word for "in progress"
        e.kind = NetError::Kind::InProgress;
    return e;
}

NetError pendingConnectError(SocketHandle s)
{
    int e = 0;
    int len = sizeof e;
    if (::getsockopt(sock(s), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&e), &len) != 0)
        e = ::WSAGetLastError();
    return fromWsa(e);
}

bool connectNeedsPolling()
{
    return true;
}

NetError connectFailure(SocketHandle s)
{
    fd_set except;
    FD_ZERO(&except);
    FD_SET(sock(s), &except);
    timeval now{0, 0};
    if (::select(0, nullptr, nullptr, &except, &now) <= 0 || !FD_ISSET(sock(s), &except)) return {};
    const NetError e = pendingConnectError(s);
    // In the except set with no error recorded: failed all the same.
    return e ? e : NetError::of(NetError::Kind::Refused, WSAECONNREFUSED);
}

qint64 receive(SocketHandle s, char* buf, qint64 max, NetError* err)
{
    const int n = ::recv(sock(s), buf, int(qMin<qint64>(max, 1 << 30)), 0);
    if (n != SOCKET_ERROR) return n;
    *err = lastError();
    return -1;
}

qint64 sendChunks(SocketHandle s, const Chunk* chunks, int count, NetError* err)
{
    WSABUF bufs[kMaxChunks];
    if (count > kMaxChunks) count = kMaxChunks;
    for (int i = 0; i < count; ++i) {
        bufs[i].buf = const_cast<char*>(chunks[i].data);
        bufs[i].len = ULONG(chunks[i].size);
    }
    DWORD sent = 0;
    if (::WSASend(sock(s), bufs, DWORD(count), &sent, 0, nullptr, nullptr) == 0) return qint64(sent);
    *err = lastError();
    return -1;
}

void shutdownWrite(SocketHandle s)
{
    ::shutdown(sock(s), SD_SEND);
}

void closeSocket(SocketHandle s)
{
    if (s != kNoSocket) ::closesocket(sock(s));
}

SocketHandle acceptOne(SocketHandle listening, NetError* err)
{
    const SOCKET s = ::accept(sock(listening), nullptr, nullptr);
    if (s == INVALID_SOCKET) {
        *err = lastError();
        return kNoSocket;
    }
    noInherit(s);
    if (!makeNonBlocking(s)) {
        *err = lastError();
        ::closesocket(s);
        return kNoSocket;
    }
    return SocketHandle(s);
}

bool localEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    int len = sizeof ss;
    if (s == kNoSocket || ::getsockname(sock(s), reinterpret_cast<sockaddr*>(&ss), &len) != 0) return false;
    return endpointOf(&ss, address, port);
}

bool peerEndpoint(SocketHandle s, QHostAddress* address, quint16* port)
{
    sockaddr_storage ss{};
    int len = sizeof ss;
    if (s == kNoSocket || ::getpeername(sock(s), reinterpret_cast<sockaddr*>(&ss), &len) != 0) return false;
    return endpointOf(&ss, address, port);
}

} // namespace pt::platform
