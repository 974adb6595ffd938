#pragma once

// Helpers shared by the UDP tests: raw loopback UDP sockets and a client/server
// dispatcher pair in transparent-UDP or STUN mode over any transport.

#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <poll.h>

namespace pt::test::udp {

using pt::test::cleanEnv;

// A bound loopback UDP socket with a large receive buffer; *port gets its port.
inline int socket(quint16* port)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&sin), sizeof sin);
    socklen_t len = sizeof sin;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&sin), &len);
    const int big = 4 * 1024 * 1024;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &big, sizeof big);
    *port = ntohs(sin.sin_port);
    return fd;
}

inline bool sendTo(int fd, quint16 port, const QByteArray& d)
{
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons(port);
    return ::sendto(fd, d.constData(), size_t(d.size()), 0, reinterpret_cast<sockaddr*>(&sin), sizeof sin) ==
           d.size();
}

// One datagram within timeoutMs, or a null QByteArray.
inline QByteArray recvOne(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) return QByteArray();
    QByteArray buf(65536, Qt::Uninitialized);
    const ssize_t n = ::recv(fd, buf.data(), size_t(buf.size()), 0);
    if (n < 0) return QByteArray();
    buf.truncate(n);
    return buf;
}

// Options every transport needs on both sides (shadow: a shared password).
inline QJsonObject sharedOptions(const QString& transport)
{
    if (transport == QLatin1String("shadow"))
        return QJsonObject{{"cipherName", "chacha20-ietf-poly1305"}, {"password", "udp-test"}};
    return QJsonObject();
}

// A server and a client dispatcher for `transport` in `mode`, the server forwarding
// to 127.0.0.1:targetPort. `shared` options go to both sides, `extra` flags to both
// command lines. Call with QVERIFY(pair.start(...)).
class Pair
{
public:
    bool start(const QString& transport, const QString& mode, quint16 targetPort,
               const QJsonObject& shared = QJsonObject(), const QStringList& extra = QStringList())
    {
        QStringList serverArgs{"-server",
                               "-transports",
                               transport,
                               "-mode",
                               mode,
                               "-bindaddr",
                               transport + "-127.0.0.1:0",
                               "-target",
                               QStringLiteral("127.0.0.1:%1").arg(targetPort),
                               "-state",
                               m_state.path()};
        if (!shared.isEmpty())
            serverArgs << "-options"
                       << QString::fromUtf8(
                              QJsonDocument(QJsonObject{{transport, shared}}).toJson(QJsonDocument::Compact));
        if (!server.start(serverArgs + extra, cleanEnv()) || server.methods().size() != 1) return false;
        QJsonObject opts = shared;
        opts.insert("serverAddress", server.address());
        for (const auto& [k, v] : server.methods().first().args)
            opts.insert(k, v);
        if (transport == QLatin1String("obfs4")) opts.insert("iat-mode", "0");
        const QString json =
            QString::fromUtf8(QJsonDocument(QJsonObject{{transport, opts}}).toJson(QJsonDocument::Compact));
        if (!client.start(QStringList{"-transports", transport, "-mode", mode, "-options", json, "-state",
                                      m_state.path()} +
                              extra,
                          cleanEnv()))
            return false;
        return client.methods().size() == 1 && client.methods().first().mode == mode;
    }
    void stop()
    {
        client.stop();
        server.stop();
    }

    Dispatcher server;
    Dispatcher client;

private:
    QTemporaryDir m_state;
};

} // namespace pt::test::udp
