#pragma once

// Portable loopback helpers for the GUI suites (they also run under wine): an echo
// server and a SOCKS5 round trip, both on the test's thread and its event loop (the
// waits spin it, so the echo server answers while the client waits).

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace pt::guitest {

class QtEchoServer : public QTcpServer
{
public:
    QtEchoServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

// Reads from s into in until it holds n bytes, the peer closes, or timeoutMs passes.
inline void readAtLeast(QTcpSocket& s, QByteArray& in, qsizetype n, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (in.size() < n && t.elapsed() < timeoutMs) {
        in += s.readAll();
        if (in.size() >= n || s.state() == QAbstractSocket::UnconnectedState) break;
        QTest::qWait(2);
    }
    in += s.readAll();
}

// SOCKS5 (no auth) CONNECT through socksAddress ("127.0.0.1:port") to 127.0.0.1:target,
// then payload out and as many bytes back. Returns what came back, or a short text
// saying which step failed (never equal to a payload of random bytes).
inline QByteArray socksEcho(const QString& socksAddress, quint16 target, const QByteArray& payload)
{
    QTcpSocket s;
    const int colon = int(socksAddress.lastIndexOf(QLatin1Char(':')));
    s.connectToHost(QHostAddress(socksAddress.left(colon)), quint16(socksAddress.mid(colon + 1).toUInt()));
    QElapsedTimer t;
    t.start();
    while (s.state() != QAbstractSocket::ConnectedState && t.elapsed() < 10000) {
        if (s.state() == QAbstractSocket::UnconnectedState)
            return "connect failed: " + s.errorString().toUtf8();
        QTest::qWait(2);
    }
    s.write(QByteArray("\x05\x01\x00", 3));
    QByteArray in;
    readAtLeast(s, in, 2, 10000);
    if (in != QByteArray("\x05\x00", 2)) return "method reply " + in.toHex();
    QByteArray req("\x05\x01\x00\x01\x7f\x00\x00\x01", 8);
    req.append(char(target >> 8)).append(char(target & 0xff));
    s.write(req);
    in.clear();
    readAtLeast(s, in, 10, 10000);
    if (in.size() < 10 || in.at(1) != 0) return "connect reply " + in.toHex();
    in.remove(0, 10);
    s.write(payload);
    readAtLeast(s, in, payload.size(), 20000);
    return in;
}

// A loopback port with nothing listening on it (bound, then closed again); 0 if none.
inline quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0)) return 0;
    const quint16 p = s.serverPort();
    s.close();
    return p;
}

// A syntactically valid obfs4 cert (52 bytes, base64 without padding) of no bridge.
inline QString someCert()
{
    return QString::fromLatin1(QByteArray(52, '\x42').toBase64(QByteArray::OmitTrailingEquals));
}

} // namespace pt::guitest
