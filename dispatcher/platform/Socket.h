#pragma once

// The platform seam for TCP sockets: every system call on a stream socket goes
// through here, so net/ (StreamSocket, Listener) is the same on every system.
// CMake builds one implementation: Socket_posix.cpp (Linux, macOS, BSDs; with
// PT_PORTABLE_POSIX, or off Linux, no Linux-only call) or Socket_win.cpp (winsock).
//
// Errors are a portable NetError (a kind the code above decides on, plus the native
// code and its text for log lines) instead of errno or WSAGetLastError().

#include "dispatcher/base/NetError.h"

#include <QHostAddress>
#include <QString>

struct sockaddr_storage;

namespace pt::platform {

// A socket: a file descriptor on POSIX, a SOCKET on Windows. -1 is "none" on both
// (INVALID_SOCKET is ~0).
using SocketHandle = qintptr;
constexpr SocketHandle kNoSocket = -1;

// The system's own words for an error ("Connection refused").
QString errorText(const NetError& e);

// Once per process, before any socket call (winsock's WSAStartup; nothing on POSIX).
void initSockets();

// A non-blocking, not-inherited TCP socket for the address's family, or kNoSocket
// with *err set.
SocketHandle openTcp(const QHostAddress& forAddress, NetError* err);
// An accepted or inherited socket made non-blocking and not inherited by children.
bool prepareAccepted(SocketHandle s);
// TCP_NODELAY: the protocols above write whole records.
void setNoDelay(SocketHandle s);

// Starts a non-blocking connect. None: connected at once; InProgress: wait for
// writability, then pendingConnectError(); anything else: failed.
NetError startConnect(SocketHandle s, const QHostAddress& address, quint16 port);
// After a non-blocking connect turned writable: None (connected), InProgress
// (not yet), or the failure.
NetError pendingConnectError(SocketHandle s);
// Whether a failed non-blocking connect can go unseen by the write notifier, so that
// the caller must also poll connectFailure() while connecting. Windows: select()
// reports a failed connect in its except set, which Qt's notifiers do not watch, and
// wine posts no FD_CONNECT for a refused connect (seen: a closed port looked silent).
// POSIX: never (the socket turns writable with SO_ERROR set).
bool connectNeedsPolling();
// While connecting: the failure if the connect has failed by now, else None.
NetError connectFailure(SocketHandle s);

// One recv(): > 0 bytes read, 0 at EOF, -1 with *err (WouldBlock when nothing is there).
qint64 receive(SocketHandle s, char* buf, qint64 max, NetError* err);

// One gathering send of up to kMaxChunks pieces; never raises SIGPIPE. Returns the
// bytes the kernel took, or -1 with *err.
struct Chunk
{
    const char* data;
    qint64 size;
};
constexpr int kMaxChunks = 16;
qint64 sendChunks(SocketHandle s, const Chunk* chunks, int count, NetError* err);

void shutdownWrite(SocketHandle s);
void closeSocket(SocketHandle s);

// One accept() on a listening socket: a non-blocking, not-inherited socket, or
// kNoSocket with *err (WouldBlock: the backlog is empty; Interrupted or Reset:
// that connection went away before we took it, try the next one).
SocketHandle acceptOne(SocketHandle listening, NetError* err);

// Local and remote endpoints; false when the socket has none. IPv4 clients of a
// dual-stack listener (::ffff:a.b.c.d) come back as plain IPv4.
bool localEndpoint(SocketHandle s, QHostAddress* address, quint16* port);
bool peerEndpoint(SocketHandle s, QHostAddress* address, quint16* port);
// The same from a sockaddr_storage the system filled (Socket.cpp, for the two above).
bool endpointOf(const void* sockaddrStorage, QHostAddress* address, quint16* port);
// address:port as a sockaddr_in or sockaddr_in6; its length, 0 for another protocol.
int toSockaddr(const QHostAddress& address, quint16 port, sockaddr_storage* out);
// The system's text for a native error code (strerror, FormatMessage).
QString systemErrorText(int native);

} // namespace pt::platform
