// The system-independent part of the socket seam.
#include "dispatcher/platform/Socket.h"

// sockaddr_in and sockaddr_in6 have the same fields on every system; only the
// headers that declare them differ.
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

#include <cstring>

namespace pt::platform {

QString errorText(const NetError& e)
{
    using Kind = NetError::Kind;
    if (e.native != 0) return systemErrorText(e.native);
    switch (e.kind) {
    case Kind::None:
        return QString();
    case Kind::WouldBlock:
        return QStringLiteral("operation would block");
    case Kind::Interrupted:
        return QStringLiteral("interrupted");
    case Kind::InProgress:
        return QStringLiteral("operation in progress");
    case Kind::Refused:
        return QStringLiteral("connection refused");
    case Kind::NetUnreachable:
        return QStringLiteral("network is unreachable");
    case Kind::HostUnreachable:
        return QStringLiteral("no route to host");
    case Kind::TimedOut:
        return QStringLiteral("connection timed out");
    case Kind::AddressFamily:
        return QStringLiteral("address family not supported");
    case Kind::Reset:
        return QStringLiteral("connection reset by peer");
    case Kind::NoResources:
        return QStringLiteral("out of resources");
    case Kind::Other:
        break;
    }
    return QStringLiteral("socket error");
}

int toSockaddr(const QHostAddress& address, quint16 port, sockaddr_storage* out)
{
    std::memset(out, 0, sizeof *out);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto* sin = reinterpret_cast<sockaddr_in*>(out);
        sin->sin_family = AF_INET;
        sin->sin_port = htons(port);
        sin->sin_addr.s_addr = htonl(address.toIPv4Address());
        return int(sizeof(sockaddr_in));
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* sin6 = reinterpret_cast<sockaddr_in6*>(out);
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons(port);
        const Q_IPV6ADDR a = address.toIPv6Address();
        std::memcpy(&sin6->sin6_addr, &a, 16);
        sin6->sin6_scope_id = address.scopeId().toUInt();
        return int(sizeof(sockaddr_in6));
    }
    return 0;
}

bool endpointOf(const void* sockaddrStorage, QHostAddress* address, quint16* port)
{
    // QHostAddress reads sockaddr_in and sockaddr_in6 on every system; both keep the
    // port, in network order, at byte 2 (after sa_family, or sa_len + sa_family).
    QHostAddress addr(static_cast<const sockaddr*>(sockaddrStorage));
    const auto protocol = addr.protocol();
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; report them as IPv4
    // (the ExtORPort USERADDR and logs expect the plain form).
    bool isV4 = false;
    const quint32 v4 = addr.toIPv4Address(&isV4);
    if (isV4 && protocol == QAbstractSocket::IPv6Protocol) addr = QHostAddress(v4);
    if (address) *address = addr;
    if (port) {
        const auto* b = static_cast<const unsigned char*>(sockaddrStorage);
        *port = protocol == QAbstractSocket::UnknownNetworkLayerProtocol ? 0 : quint16((b[2] << 8) | b[3]);
    }
    return protocol != QAbstractSocket::UnknownNetworkLayerProtocol;
}

} // namespace pt::platform
